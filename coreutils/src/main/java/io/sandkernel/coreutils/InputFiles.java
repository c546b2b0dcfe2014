package io.sandkernel.coreutils;

import io.sandkernel.api.DescriptorInputStream;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.OpenFlags;
import java.io.IOException;
import java.io.InputStream;

/**
 * Opening an input operand as GNU's commands do with {@code open(2)}: {@code -} is standard input
 * (never closed here), anything else is opened read-only, a directory included, so that reading
 * it fails with EISDIR as on Linux. For commands whose messages do not fit
 * {@link OperandReader}'s wordings (tac's "failed to open", rev's "cannot open", comm's fatal
 * errors), which report the failures themselves.
 */
final class InputFiles {
    private InputFiles() {}

    /**
     * Standard input for {@code -}, else {@code name} opened for reading.
     *
     * @throws io.sandkernel.KernelException when it cannot be opened
     */
    static InputStream open(ProcessApi process, String name) {
        if (name.equals("-")) {
            return process.stdin();
        }
        return openFile(process, name);
    }

    /**
     * {@code name} opened for reading, even {@code -} (a file of that name, as util-linux's rev
     * and GNU's csplit patterns see it).
     *
     * @throws io.sandkernel.KernelException when it cannot be opened
     */
    static InputStream openFile(ProcessApi process, String name) {
        int fd = process.open(name, OpenFlags.O_RDONLY | OpenFlags.O_CLOEXEC, 0);
        return new DescriptorInputStream(process, fd, true);
    }

    /** Closes an input opened by {@link #open}, leaving standard input open. */
    static void close(ProcessApi process, InputStream in) {
        if (in == null || in == process.stdin()) {
            return;
        }
        try {
            in.close();
        } catch (IOException | RuntimeException e) {
            // nothing was written: a failed close of an input changes no result
        }
    }
}
