package io.sandkernel.kernel.fd;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.FileType;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.Stat;
import io.sandkernel.kernel.vfs.FileHandle;
import io.sandkernel.kernel.vfs.Resolved;
import io.sandkernel.kernel.vfs.Vfs;
import java.nio.ByteBuffer;

/**
 * An open regular file or device of the namespace: the {@link FileHandle} its filesystem gave and
 * the file offset, which every descriptor sharing the description moves. Reads and writes on the
 * offset are serialized per description (as Linux's {@code f_pos_lock}); {@code pread} and
 * {@code pwrite} are not. Devices ({@link FileHandle#seekable()} false) ignore the offset.
 */
public final class FileDescription extends OpenFile {
    private final Vfs vfs;
    private final Resolved file;
    private final FileHandle handle;
    private long offset;

    /** Takes over {@code handle}, closed with the last reference. */
    public FileDescription(Vfs vfs, Resolved file, FileHandle handle, int flags) {
        super(flags);
        this.vfs = vfs;
        this.file = file;
        this.handle = handle;
    }

    @Override
    protected int doRead(int pid, byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        ByteBuffer dst = ByteBuffer.wrap(buffer, offset, length);
        synchronized (this) {
            int n = handle.read(dst, this.offset);
            if (n <= 0) {
                return 0;
            }
            this.offset += n;
            return n;
        }
    }

    @Override
    protected int doWrite(int pid, byte[] buffer, int offset, int length) {
        ByteBuffer src = ByteBuffer.wrap(buffer, offset, length);
        synchronized (this) {
            if (appending()) {
                int n = handle.append(src);
                this.offset = handle.size();
                return n;
            }
            int n = handle.write(src, this.offset);
            this.offset += n;
            return n;
        }
    }

    @Override
    protected int doPread(byte[] buffer, int offset, int length, long position) {
        if (length == 0) {
            return 0;
        }
        return Math.max(0, handle.read(ByteBuffer.wrap(buffer, offset, length), position));
    }

    @Override
    protected int doPwrite(byte[] buffer, int offset, int length, long position) {
        return handle.write(ByteBuffer.wrap(buffer, offset, length), position);
    }

    @Override
    public boolean seekable() {
        return true;
    }

    @Override
    public long seek(long offset, int whence) {
        if (!handle.seekable()) {
            if (whence < OpenFlags.SEEK_SET || whence > OpenFlags.SEEK_END) {
                throw new KernelException(Errno.EINVAL, "invalid whence " + whence);
            }
            return 0; // a device: the offset means nothing, and Linux reports 0
        }
        synchronized (this) {
            long base = switch (whence) {
                case OpenFlags.SEEK_SET -> 0;
                case OpenFlags.SEEK_CUR -> this.offset;
                case OpenFlags.SEEK_END -> handle.size();
                default -> throw new KernelException(Errno.EINVAL, "invalid whence " + whence);
            };
            long target;
            try {
                target = Math.addExact(base, offset);
            } catch (ArithmeticException e) {
                throw new KernelException(Errno.EINVAL, "offset overflows");
            }
            if (target < 0) {
                throw new KernelException(Errno.EINVAL, "negative offset " + target);
            }
            this.offset = target;
            return target;
        }
    }

    @Override
    public int poll(int events) {
        return handle.poll(events);
    }

    @Override
    public Stat stat() {
        return vfs.stat(file);
    }

    @Override
    public void truncate(long length) {
        if (length < 0) {
            throw new KernelException(Errno.EINVAL, "negative length " + length);
        }
        if (!canWrite() || file.type() != FileType.REGULAR) {
            throw new KernelException(Errno.EINVAL, "not a regular file open for writing");
        }
        handle.truncate(length);
    }

    @Override
    public void sync() {
        handle.sync();
    }

    @Override
    public Resolved file() {
        return file;
    }

    @Override
    public boolean isNullDevice() {
        return file.type() == FileType.CHARACTER_DEVICE && isNull(stat());
    }

    private static boolean isNull(Stat stat) {
        return stat.rdev() == DeviceNumbers.makedev(DeviceNumbers.MEM_MAJOR, 3);
    }

    @Override
    protected void closeResource() {
        handle.close();
    }

    @Override
    public String describe() {
        return PathDescription.describe(file);
    }
}
