package io.sandkernel.api.spi;

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
public record StandardStreams(InputStream stdin, OutputStream stdout, OutputStream stderr) {
    /**
     * Standard input connected to {@code /dev/null}, handed only to drivers whose
     * {@link RuntimeDriver#fixedStandardStreams()} is true, so they can skip copying it.
     */
    public static final InputStream NULL_INPUT = InputStream.nullInputStream();

    /** Standard output or error connected to {@code /dev/null}; see {@link #NULL_INPUT}. */
    public static final OutputStream NULL_OUTPUT = OutputStream.nullOutputStream();
}
