package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.DirEntry;
import io.sandkernel.api.fs.Stat;
import java.io.IOException;
import java.util.List;

/**
 * The physical, pre-order walk of chmod -R, chown -R and chgrp -R: each entry is visited with
 * its {@code lstat} before its directory's entries, which come in name order, and symbolic links
 * are never followed below the command line. An unreadable directory is reported as GNU's fts
 * users do ({@code "cmd: cannot read directory 'x': Permission denied"}) and skipped.
 */
final class TreeWalk {
    /** What a walk does with each entry. */
    @FunctionalInterface
    interface Visitor {
        void visit(String path, Stat stat) throws IOException;
    }

    private TreeWalk() {}

    /**
     * Visits the entries below the directory {@code directory} (not the directory itself), each
     * before its own entries.
     */
    static void below(ProcessApi process, Diagnostics diagnostics, String directory, Visitor visitor)
            throws IOException {
        List<DirEntry> entries;
        try {
            entries = process.listDirectory(directory);
        } catch (KernelException e) {
            diagnostics.actionError("cannot read directory", directory, e);
            return;
        }
        for (DirEntry entry : entries) {
            String path = FileOps.join(directory, entry.name());
            Stat stat;
            try {
                stat = process.lstat(path);
            } catch (KernelException e) {
                diagnostics.actionError("cannot access", path, e);
                continue;
            }
            visitor.visit(path, stat);
            if (stat.isDirectory()) {
                below(process, diagnostics, path, visitor);
            }
        }
    }
}
