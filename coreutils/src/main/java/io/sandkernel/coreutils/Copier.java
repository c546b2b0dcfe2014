package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.DirEntry;
import io.sandkernel.api.fs.FileType;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.Stat;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The copying engine of cp, and of mv across mounts (EXDEV): regular files by {@code read} and
 * {@code write} on descriptors, directories by {@code mkdir} and {@code readdir}, symbolic links
 * as links ({@code readlink}, {@code symlink}) unless dereferencing. New files get the source's
 * permission bits less the umask; preserving sets the mode, times (nanoseconds) and, for root,
 * the owner. Failures are reported in GNU's words and copying goes on with the next file.
 */
final class Copier {
    /** What to copy and keep. */
    record Settings(boolean recursive, boolean dereference, boolean dereferenceCommandLine, boolean preserveMode,
                    boolean preserveTimes, boolean preserveOwner, boolean noClobber, boolean force, boolean verbose) {}

    private static final int BUFFER = 1 << 16;

    private final ProcessApi process;
    private final Diagnostics diagnostics;
    private final Settings settings;
    private final OutputStream out;
    private final int umask;
    private final boolean root;

    Copier(ProcessApi process, Diagnostics diagnostics, Settings settings, OutputStream out) {
        this.process = process;
        this.diagnostics = diagnostics;
        this.settings = settings;
        this.out = out;
        this.umask = FileModes.umask(process);
        this.root = process.identity().euid() == 0;
    }

    /**
     * Copies the operand {@code source} to {@code destination}.
     *
     * @return whether everything was copied
     */
    boolean copy(String source, String destination) throws IOException {
        return copy(source, destination, true);
    }

    private boolean copy(String source, String destination, boolean commandLine) throws IOException {
        boolean follow = settings.dereference || (commandLine && settings.dereferenceCommandLine);
        Stat from;
        try {
            from = follow ? process.stat(source) : process.lstat(source);
        } catch (KernelException e) {
            diagnostics.actionError("cannot stat", source, e);
            return false;
        }
        Stat to = FileOps.lstatOrNull(process, destination);
        if (to != null) {
            Stat toFollowed = to.isSymbolicLink() ? FileOps.statOrNull(process, destination) : to;
            if (FileOps.sameFile(from, to) || (!from.isSymbolicLink() && FileOps.sameFile(from, toFollowed))) {
                diagnostics.error(Diagnostics.quote(source) + " and " + Diagnostics.quote(destination)
                        + " are the same file");
                return false;
            }
            to = toFollowed != null && !from.isSymbolicLink() ? toFollowed : to;
        }
        if (from.isDirectory()) {
            if (!settings.recursive) {
                diagnostics.error("-r not specified; omitting directory " + Diagnostics.quote(source));
                return false;
            }
            if (to != null && !to.isDirectory()) {
                diagnostics.error("cannot overwrite non-directory " + Diagnostics.quote(destination)
                        + " with directory " + Diagnostics.quote(source));
                return false;
            }
            if (FileOps.isInside(process, FileOps.parent(destination), from)) {
                diagnostics.error("cannot copy a directory, " + Diagnostics.quote(source) + ", into itself, "
                        + Diagnostics.quote(destination));
                return false;
            }
            return copyDirectory(source, destination, from, to != null);
        }
        if (to != null && to.isDirectory()) {
            diagnostics.error("cannot overwrite directory " + Diagnostics.quote(destination) + " with non-directory");
            return false;
        }
        if (to != null && settings.noClobber) {
            return true;
        }
        if (from.isSymbolicLink()) {
            return copyLink(source, destination, from, to != null);
        }
        if (from.type() != FileType.REGULAR && settings.recursive && !follow) {
            diagnostics.actionError("cannot create special file", destination, Errno.EPERM);
            return false;
        }
        return copyFile(source, destination, from, to != null);
    }

    private boolean copyDirectory(String source, String destination, Stat from, boolean exists) throws IOException {
        if (!exists) {
            try {
                process.mkdir(destination, from.permissions() & 0777 | 0700);
            } catch (KernelException e) {
                diagnostics.actionError("cannot create directory", destination, e);
                return false;
            }
            verbose(source, destination);
        }
        List<DirEntry> entries;
        try {
            entries = process.listDirectory(source);
        } catch (KernelException e) {
            diagnostics.actionError("cannot access", source, e);
            return false;
        }
        boolean ok = true;
        for (DirEntry entry : entries) {
            ok &= copy(FileOps.join(source, entry.name()), FileOps.join(destination, entry.name()), false);
        }
        if (!exists || settings.preserveMode) {
            int mode = settings.preserveMode ? from.permissions() : from.permissions() & 0777 & ~umask;
            try {
                process.chmod(destination, mode);
            } catch (KernelException e) {
                diagnostics.actionError("preserving permissions for", destination, e);
                ok = false;
            }
        }
        return preserveAttributes(destination, from, 0) && ok;
    }

    private boolean copyLink(String source, String destination, Stat from, boolean exists) throws IOException {
        String target;
        try {
            target = process.readlink(source);
        } catch (KernelException e) {
            diagnostics.actionError("cannot read symbolic link", source, e);
            return false;
        }
        try {
            if (exists) {
                process.unlink(destination);
            }
            process.symlink(target, destination);
        } catch (KernelException e) {
            diagnostics.actionError("cannot create symbolic link", destination, e);
            return false;
        }
        verbose(source, destination);
        return preserveAttributes(destination, from, OpenFlags.AT_SYMLINK_NOFOLLOW);
    }

    private boolean copyFile(String source, String destination, Stat from, boolean exists) throws IOException {
        int in;
        try {
            in = FileOps.openRead(process, source);
        } catch (KernelException e) {
            diagnostics.error("cannot open " + Diagnostics.quote(source) + " for reading: " + Diagnostics.describe(e));
            return false;
        }
        try {
            int output = openDestination(destination, from, exists);
            if (output < 0) {
                return false;
            }
            boolean ok;
            try {
                ok = transfer(in, source, output, destination) && preserve(output, destination, from);
            } finally {
                FileOps.closeQuietly(process, output);
            }
            if (ok) {
                verbose(source, destination);
            }
            return ok;
        } finally {
            FileOps.closeQuietly(process, in);
        }
    }

    /** Opens the destination for writing, or reports and returns -1. */
    private int openDestination(String destination, Stat from, boolean exists) {
        int flags = OpenFlags.O_WRONLY | OpenFlags.O_CLOEXEC;
        try {
            if (exists) {
                try {
                    return process.open(destination, flags | OpenFlags.O_TRUNC, 0);
                } catch (KernelException e) {
                    if (!settings.force || e.errno() == Errno.ENOENT) {
                        throw e;
                    }
                    process.unlink(destination); // cp -f: remove what cannot be opened, then create
                }
            }
            return process.open(destination, flags | OpenFlags.O_CREAT | OpenFlags.O_EXCL, from.permissions() & 0777);
        } catch (KernelException e) {
            diagnostics.actionError("cannot create regular file", destination, e);
            return -1;
        }
    }

    /** Copies every byte of {@code in} to {@code output}; a short write is a failure, never dropped. */
    private boolean transfer(int in, String source, int output, String destination) {
        byte[] buffer = new byte[BUFFER];
        while (true) {
            int n;
            try {
                n = process.read(in, buffer, 0, buffer.length);
            } catch (KernelException e) {
                diagnostics.actionError("error reading", source, e);
                return false;
            }
            if (n <= 0) {
                return true;
            }
            int offset = 0;
            try {
                while (offset < n) {
                    int written = process.write(output, buffer, offset, n - offset);
                    if (written <= 0) {
                        throw new KernelException(Errno.ENOSPC, destination);
                    }
                    offset += written;
                }
            } catch (KernelException e) {
                diagnostics.actionError("error writing", destination, e);
                return false;
            }
        }
    }

    /** Sets the mode, owner and times of an open copy as the settings ask. */
    private boolean preserve(int fd, String destination, Stat from) {
        boolean ok = true;
        if (settings.preserveOwner && root) {
            try {
                process.fchown(fd, from.uid(), from.gid());
            } catch (KernelException e) {
                diagnostics.actionError("failed to preserve ownership for", destination, e);
                ok = false;
            }
        }
        if (settings.preserveMode) {
            try {
                process.fchmod(fd, from.permissions());
            } catch (KernelException e) {
                diagnostics.actionError("preserving permissions for", destination, e);
                ok = false;
            }
        }
        if (settings.preserveTimes) {
            try {
                process.futimens(fd, nanos(from.atime()), nanos(from.mtime()));
            } catch (KernelException e) {
                diagnostics.actionError("preserving times for", destination, e);
                ok = false;
            }
        }
        return ok;
    }

    /** Sets the owner and times of a copied directory or link by name. */
    private boolean preserveAttributes(String destination, Stat from, int flags) {
        boolean ok = true;
        if (settings.preserveOwner && root) {
            try {
                process.fchownat(OpenFlags.AT_FDCWD, destination, from.uid(), from.gid(), flags);
            } catch (KernelException e) {
                diagnostics.actionError("failed to preserve ownership for", destination, e);
                ok = false;
            }
        }
        if (settings.preserveTimes) {
            try {
                process.utimensat(OpenFlags.AT_FDCWD, destination, nanos(from.atime()), nanos(from.mtime()), flags);
            } catch (KernelException e) {
                if (flags == 0) { // a link's own times are kept where the system can, as GNU's lutimens
                    diagnostics.actionError("preserving times for", destination, e);
                    ok = false;
                }
            }
        }
        return ok;
    }

    private static long nanos(java.time.Instant time) {
        return Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000_000L), time.getNano());
    }

    private void verbose(String source, String destination) throws IOException {
        if (settings.verbose) {
            ByteText.writeUtf8(out, Diagnostics.quote(source) + " -> " + Diagnostics.quote(destination) + "\n");
        }
    }
}
