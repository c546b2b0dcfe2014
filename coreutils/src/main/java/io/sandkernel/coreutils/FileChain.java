package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;

/**
 * The operands of expand and unexpand read as one byte stream, as GNU's {@code next_file} does:
 * a line may continue into the next file, a file that cannot be opened is reported
 * ({@code "cmd: name: reason"}) and skipped, and one that fails while being read is reported when
 * it is left.
 */
final class FileChain {
    private final ProcessApi process;
    private final Diagnostics diagnostics;
    private final Iterator<String> names;
    private String name;
    private InputStream raw;
    private InputStream in;

    FileChain(ProcessApi process, Diagnostics diagnostics, List<String> operands) {
        this.process = process;
        this.diagnostics = diagnostics;
        this.names = OperandReader.orStdin(operands).iterator();
        advance();
    }

    /** The next byte, or -1 once every file is exhausted. */
    int read() {
        while (in != null) {
            try {
                int c = in.read();
                if (c >= 0) {
                    return c;
                }
            } catch (KernelException | IOException e) {
                diagnostics.fileError(name, e);
            }
            InputFiles.close(process, raw);
            advance();
        }
        return -1;
    }

    private void advance() {
        in = null;
        while (names.hasNext()) {
            name = names.next();
            try {
                raw = InputFiles.open(process, name);
                in = new BufferedInputStream(raw, 1 << 16);
                return;
            } catch (KernelException e) {
                diagnostics.fileError(name, e);
            }
        }
    }
}
