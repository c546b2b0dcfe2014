package io.sandkernel.driver.jvm.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.kernel.ProcessApi;
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

    private final ProcessApi process;
    private final Diagnostics diagnostics;
    private final String errorPrefix;

    OperandReader(ProcessApi process, Diagnostics diagnostics) {
        this(process, diagnostics, null);
    }

    /** A reader whose errors read {@code "cmd: prefix: name: reason"}, as sort's "cannot read". */
    OperandReader(ProcessApi process, Diagnostics diagnostics, String errorPrefix) {
        this.process = process;
        this.diagnostics = diagnostics;
        this.errorPrefix = errorPrefix;
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

    /** Runs {@code handler} on one operand; reports and returns false on failure. */
    boolean read(String name, Handler handler) {
        try {
            if (name.equals("-")) {
                handler.accept(name, process.stdin());
            } else {
                try (InputStream in = process.openRead(name)) {
                    handler.accept(name, in);
                }
            }
            return true;
        } catch (KernelException | IOException e) {
            if (errorPrefix == null) {
                diagnostics.fileError(name, e);
            } else {
                diagnostics.error(errorPrefix + ": " + Diagnostics.quoteIfNeeded(name) + ": " + Diagnostics.describe(e));
            }
            return false;
        }
    }
}
