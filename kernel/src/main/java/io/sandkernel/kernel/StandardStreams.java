package io.sandkernel.kernel;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * The three standard streams of a process, as Java streams. Reads and writes are kernel calls:
 * they block as pipes do, and a stopped process is suspended in them until SIGCONT.
 *
 * @param stdin  standard input
 * @param stdout standard output
 * @param stderr standard error
 */
public record StandardStreams(InputStream stdin, OutputStream stdout, OutputStream stderr) {}
