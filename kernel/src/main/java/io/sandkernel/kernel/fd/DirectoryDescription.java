package io.sandkernel.kernel.fd;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.DirEntry;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.Stat;
import io.sandkernel.kernel.vfs.Caller;
import io.sandkernel.kernel.vfs.Resolved;
import io.sandkernel.kernel.vfs.Vfs;
import java.util.List;

/**
 * An open directory: {@code readdir} lists it (generated at each call), {@code read} fails with
 * EISDIR, and it serves as the base of the {@code *at} calls and {@code fchdir}.
 */
public final class DirectoryDescription extends OpenFile {
    private final Vfs vfs;
    private final Resolved dir;
    private long offset;

    /** An open directory. */
    public DirectoryDescription(Vfs vfs, Resolved dir, int flags) {
        super(flags);
        this.vfs = vfs;
        this.dir = dir;
    }

    @Override
    protected int doRead(int pid, byte[] buffer, int offset, int length) {
        throw new KernelException(Errno.EISDIR, "is a directory");
    }

    @Override
    protected int doPread(byte[] buffer, int offset, int length, long position) {
        throw new KernelException(Errno.EISDIR, "is a directory");
    }

    @Override
    public boolean seekable() {
        return true;
    }

    /** Directory offsets only go back to the start here; other values are kept, as cookies. */
    @Override
    public synchronized long seek(long offset, int whence) {
        long target = switch (whence) {
            case OpenFlags.SEEK_SET -> offset;
            case OpenFlags.SEEK_CUR -> this.offset + offset;
            default -> throw new KernelException(Errno.EINVAL, "invalid whence " + whence + " for a directory");
        };
        if (target < 0) {
            throw new KernelException(Errno.EINVAL, "negative offset " + target);
        }
        this.offset = target;
        return target;
    }

    @Override
    public List<DirEntry> readdir(Caller caller) {
        return vfs.readdir(caller, dir);
    }

    @Override
    public Stat stat() {
        return vfs.stat(dir);
    }

    @Override
    public void sync() {}

    @Override
    public Resolved file() {
        return dir;
    }

    @Override
    protected void closeResource() {}

    @Override
    public String describe() {
        return PathDescription.describe(dir);
    }
}
