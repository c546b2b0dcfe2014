package io.sandkernel.kernel.fd;

import io.sandkernel.KernelException;
import io.sandkernel.api.fs.Stat;
import io.sandkernel.kernel.vfs.Resolved;
import io.sandkernel.kernel.vfs.Vfs;

/**
 * A file opened with {@code O_PATH}: no reading or writing (EBADF), but {@code fstat},
 * {@code fchdir} (a directory) and the base of the {@code *at} calls.
 */
public final class PathDescription extends OpenFile {
    private final Vfs vfs;
    private final Resolved file;

    /** A path-only description. */
    public PathDescription(Vfs vfs, Resolved file, int flags) {
        super(flags);
        this.vfs = vfs;
        this.file = file;
    }

    @Override
    public Stat stat() {
        return vfs.stat(file);
    }

    @Override
    public int poll(int events) {
        return 0;
    }

    @Override
    public Resolved file() {
        return file;
    }

    @Override
    protected void closeResource() {}

    @Override
    public String describe() {
        return describe(file);
    }

    /** The path of {@code file} now, or Linux's {@code "PATH (deleted)"} form when it was removed. */
    static String describe(Resolved file) {
        try {
            return file.path();
        } catch (KernelException e) {
            return "/ (deleted)";
        }
    }
}
