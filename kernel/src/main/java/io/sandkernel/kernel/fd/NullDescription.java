package io.sandkernel.kernel.fd;

import io.sandkernel.api.fs.FileType;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.Stat;
import java.time.Instant;

/**
 * {@code /dev/null} opened by the kernel itself for a standard stream ({@code Redirect.Null}),
 * without a walk of the filesystem: reads see end of file, writes vanish.
 */
public final class NullDescription extends OpenFile {
    private static final Instant BOOT = Instant.now();

    /** Opened read-write. */
    public NullDescription() {
        super(OpenFlags.O_RDWR);
    }

    @Override
    protected int doRead(int pid, byte[] buffer, int offset, int length) {
        return 0;
    }

    @Override
    protected int doWrite(int pid, byte[] buffer, int offset, int length) {
        return length;
    }

    @Override
    protected int doPread(byte[] buffer, int offset, int length, long position) {
        return 0;
    }

    @Override
    protected int doPwrite(byte[] buffer, int offset, int length, long position) {
        return length;
    }

    @Override
    public boolean seekable() {
        return true;
    }

    @Override
    public long seek(long offset, int whence) {
        return 0;
    }

    @Override
    public void sync() {}

    @Override
    public boolean isNullDevice() {
        return true;
    }

    @Override
    public Stat stat() {
        return new Stat(DeviceNumbers.DEVTMPFS_DEV, 4, FileType.CHARACTER_DEVICE.modeBits() | 0666, 1, 0, 0,
                DeviceNumbers.makedev(DeviceNumbers.MEM_MAJOR, 3), 0, BOOT, BOOT, BOOT);
    }

    @Override
    protected void closeResource() {}

    @Override
    public String describe() {
        return "/dev/null";
    }
}
