package io.sandkernel.kernel.vfs;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import java.nio.ByteBuffer;

/**
 * A read-only {@link FileHandle} over bytes fixed when it was opened: what a generated file
 * ({@link SyntheticFile}) reads. Writes fail with EBADF.
 */
public final class BytesHandle implements FileHandle {
    private final byte[] bytes;
    private volatile boolean closed;

    /** A handle reading {@code bytes} (not copied; do not change them afterwards). */
    public BytesHandle(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public int read(ByteBuffer dst, long position) {
        checkOpen();
        if (position < 0) {
            throw new KernelException(Errno.EINVAL, "negative position " + position);
        }
        if (position >= bytes.length) {
            return dst.hasRemaining() ? -1 : 0;
        }
        int count = (int) Math.min(dst.remaining(), bytes.length - position);
        dst.put(bytes, (int) position, count);
        return count;
    }

    @Override
    public int write(ByteBuffer src, long position) {
        checkOpen();
        throw new KernelException(Errno.EBADF, "generated file is read-only");
    }

    @Override
    public long size() {
        checkOpen();
        return bytes.length;
    }

    @Override
    public void truncate(long size) {
        checkOpen();
        throw new KernelException(Errno.EINVAL, "generated file cannot be truncated");
    }

    @Override
    public void sync() {
        checkOpen();
    }

    @Override
    public void close() {
        closed = true;
    }

    private void checkOpen() {
        if (closed) {
            throw new KernelException(Errno.EBADF, "handle is closed");
        }
    }
}
