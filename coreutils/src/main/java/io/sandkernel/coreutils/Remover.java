package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.DirEntry;
import io.sandkernel.api.fs.Stat;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Removes files and trees with {@code unlink} and {@code rmdir}, as rm does and mv after a copy
 * across mounts: children first, never following a symbolic link; a directory whose entries could
 * not all be removed is left alone silently (its failure was reported), as GNU's rm does.
 * Failures read {@code "cmd: cannot remove 'path': reason"}.
 */
final class Remover {
    private final ProcessApi process;
    private final Diagnostics diagnostics;
    private final boolean force;
    private final OutputStream verboseOut;

    /**
     * @param force      whether a missing file is no error
     * @param verboseOut where "removed 'x'" lines go, or null for none
     */
    Remover(ProcessApi process, Diagnostics diagnostics, boolean force, OutputStream verboseOut) {
        this.process = process;
        this.diagnostics = diagnostics;
        this.force = force;
        this.verboseOut = verboseOut;
    }

    /**
     * Removes {@code path} and, when it is a directory, everything below it.
     *
     * @return whether it is gone
     */
    boolean removeTree(String path, Stat stat) throws IOException {
        if (stat.isDirectory()) {
            List<DirEntry> entries;
            try {
                entries = process.listDirectory(path);
            } catch (KernelException e) {
                if (e.errno() == Errno.ENOENT && force) {
                    return true;
                }
                diagnostics.actionError("cannot remove", path, e);
                return false;
            }
            boolean emptied = true;
            for (DirEntry entry : entries) {
                String child = FileOps.join(path, entry.name());
                Stat childStat;
                try {
                    childStat = process.lstat(child);
                } catch (KernelException e) {
                    if (e.errno() != Errno.ENOENT) {
                        diagnostics.actionError("cannot remove", child, e);
                        emptied = false;
                    }
                    continue;
                }
                emptied &= removeTree(child, childStat);
            }
            if (!emptied) {
                return false;
            }
        }
        return remove(path, stat);
    }

    /** Removes the single file or empty directory {@code path}. */
    boolean remove(String path, Stat stat) throws IOException {
        try {
            if (stat.isDirectory()) {
                process.rmdir(path);
            } else {
                process.unlink(path);
            }
        } catch (KernelException e) {
            if (force && e.errno() == Errno.ENOENT) {
                return true;
            }
            diagnostics.actionError("cannot remove", path, e);
            return false;
        }
        if (verboseOut != null) {
            ByteText.writeUtf8(verboseOut, (stat.isDirectory() ? "removed directory " : "removed ")
                    + Diagnostics.quote(path) + "\n");
        }
        return true;
    }
}
