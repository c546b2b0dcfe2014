package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The file operands of a filter such as cat, head or wc: {@code -} (or no operand at all) is
 * standard input, other names are opened through the kernel, and a file that cannot be opened or
 * read is reported as {@code "cmd: name: reason"} before going on with the next.
 */
final class OperandReader {
    /** Consumes one opened input. */
    @FunctionalInterface
    interface Handler {
        void accept(String name, InputStream in) throws IOException;
    }

    /**
     * How failures are worded after {@code "cmd: "}, for opening and for reading: {@code %n} is
     * the name as GNU's quotef shows it, {@code %q} the name always quoted, {@code %r} the reason.
     */
    enum Wording {
        /** cat, wc, cut: {@code name: reason}. */
        PLAIN("%n: %r", "%n: %r"),
        /** head and tail. */
        HEAD("cannot open %q for reading: %r", "error reading %q: %r"),
        /** sort. */
        SORT("cannot read: %n: %r", "read failed: %n: %r"),
        /** uniq, which names no reason for a failed read. */
        UNIQ("%n: %r", "error reading %q");

        private final String opening;
        private final String reading;

        Wording(String opening, String reading) {
            this.opening = opening;
            this.reading = reading;
        }

        String format(boolean open, String name, Exception e) {
            return (open ? opening : reading).replace("%n", Diagnostics.quoteIfNeeded(name))
                    .replace("%q", Diagnostics.quote(name)).replace("%r", Diagnostics.describe(e));
        }
    }

    private final ProcessApi process;
    private final Diagnostics diagnostics;
    private final Wording wording;

    OperandReader(ProcessApi process, Diagnostics diagnostics) {
        this(process, diagnostics, Wording.PLAIN);
    }

    OperandReader(ProcessApi process, Diagnostics diagnostics, Wording wording) {
        this.process = process;
        this.diagnostics = diagnostics;
        this.wording = wording;
    }

    /** The operands, or {@code ["-"]} when there are none. */
    static List<String> orStdin(List<String> operands) {
        return operands.isEmpty() ? List.of("-") : operands;
    }

    /**
     * Runs {@code handler} on each operand in turn.
     *
     * @return whether every operand was read without error
     */
    boolean forEach(List<String> operands, Handler handler) {
        boolean ok = true;
        for (String name : orStdin(operands)) {
            ok &= read(name, handler);
        }
        return ok;
    }

    /**
     * Runs {@code handler} on one operand; reports and returns false on failure. A directory is
     * handed over as a stream that fails on its first read (EISDIR), as reading an opened
     * directory does, so that head prints its header first like GNU's.
     */
    boolean read(String name, Handler handler) {
        InputStream in;
        try {
            in = name.equals("-") ? process.stdin() : open(name);
        } catch (KernelException e) {
            diagnostics.error(wording.format(true, name, e));
            return false;
        }
        try {
            handler.accept(name, in);
            return true;
        } catch (KernelException | IOException e) {
            if (e instanceof KernelException k && k.errno() == Errno.ENOMEM) {
                throw k; // memory, not the input, failed: "cmd: memory exhausted"
            }
            report(name, e);
            return false;
        } finally {
            if (in != process.stdin()) {
                try {
                    in.close();
                } catch (IOException e) {
                    // nothing was written; a failed close of an input changes nothing
                }
            }
        }
    }

    /** Reports a failure to read {@code name} in this reader's wording. */
    void report(String name, Exception e) {
        diagnostics.error(wording.format(false, name, e));
    }

    private InputStream open(String name) {
        try {
            return process.openRead(name);
        } catch (KernelException e) {
            if (e.errno() != Errno.EISDIR) {
                throw e;
            }
            return new InputStream() {
                @Override
                public int read() throws IOException {
                    throw new IOException(new KernelException(Errno.EISDIR, name));
                }
            };
        }
    }
}
