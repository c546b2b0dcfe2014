package io.sandkernel.coreutils;

import io.sandkernel.api.MemoryReservation;
import io.sandkernel.api.ProcessApi;
import java.io.Flushable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into lines (by {@code '\n'} or another delimiter byte) as byte strings,
 * remembering whether the last line returned ended with its delimiter. Given an output to flush,
 * it flushes it before every read from the stream, so a filter's results show up whenever it
 * waits for more input (a person typing, a slow pipe) instead of only at the end. Made
 * {@link #charging} a process, a line longer than its buffer is charged to the process's memory
 * as it grows, so an endless line ends in ENOMEM, not in the JVM's heap.
 */
final class LineReader {
    private final InputStream in;
    private final int delimiter;
    private final Flushable output;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private boolean terminated;
    private MemoryReservation longLine;

    LineReader(InputStream in) {
        this(in, '\n', null);
    }

    LineReader(InputStream in, int delimiter) {
        this(in, delimiter, null);
    }

    /** @param output flushed before each read of {@code in}; may be null */
    LineReader(InputStream in, int delimiter, Flushable output) {
        this.in = in;
        this.delimiter = delimiter;
        this.output = output;
    }

    /** This reader, charging lines longer than its buffer to {@code process}. */
    LineReader charging(ProcessApi process) {
        longLine = new MemoryReservation(process);
        return this;
    }

    /**
     * The next line without its delimiter, or null at end of input.
     *
     * @throws io.sandkernel.KernelException ENOMEM when a charged line outgrows the process's memory
     */
    String next() throws IOException {
        StringBuilder line = null;
        while (true) {
            if (position == limit) {
                if (output != null) {
                    output.flush();
                }
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    terminated = false;
                    return line == null ? null : line.toString();
                }
            }
            int start = position;
            while (position < limit && buffer[position] != (byte) delimiter) {
                position++;
            }
            String part = ByteText.of(buffer, start, position - start);
            if (position < limit) {
                position++;
                terminated = true;
                if (longLine != null && line != null) {
                    longLine.shrinkTo(0);
                }
                return line == null ? part : line.append(part).toString();
            }
            if (line == null) {
                line = new StringBuilder();
            }
            line.append(part);
            if (longLine != null) {
                longLine.ensure(line.length() * 2L); // the builder, and the string made of it
            }
        }
    }

    /** Whether the last line returned ended with the delimiter. */
    boolean terminated() {
        return terminated;
    }
}
