package io.sandkernel.kernel.dev;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.kernel.vfs.FileHandle;
import java.nio.ByteBuffer;
import java.security.SecureRandom;

/**
 * The memory character devices ({@code drivers/char/mem.c} in Linux): {@code null} (reads end of
 * file, writes vanish), {@code zero} (reads zeros), {@code full} (reads zeros, writes fail with
 * ENOSPC) and {@code random}/{@code urandom} (reads random bytes, writes are accepted and
 * ignored). Not seekable; {@code lseek} reports 0.
 */
final class MemoryDevice implements FileHandle {
    /** What the device does. */
    enum Kind {
        NULL, ZERO, FULL, RANDOM
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Kind kind;

    MemoryDevice(Kind kind) {
        this.kind = kind;
    }

    @Override
    public int read(ByteBuffer dst, long position) {
        int count = dst.remaining();
        switch (kind) {
            case NULL -> {
                return count == 0 ? 0 : -1;
            }
            case ZERO, FULL -> {
                while (dst.hasRemaining()) {
                    dst.put((byte) 0);
                }
            }
            case RANDOM -> {
                byte[] bytes = new byte[count];
                RANDOM.nextBytes(bytes);
                dst.put(bytes);
            }
        }
        return count;
    }

    @Override
    public int write(ByteBuffer src, long position) {
        if (kind == Kind.FULL) {
            throw new KernelException(Errno.ENOSPC, "no space left on device (/dev/full)");
        }
        int count = src.remaining();
        src.position(src.limit());
        return count;
    }

    @Override
    public int append(ByteBuffer src) {
        return write(src, 0);
    }

    @Override
    public long size() {
        return 0;
    }

    @Override
    public void truncate(long size) {
        // Linux ignores truncation of character devices (O_TRUNC on /dev/null)
    }

    @Override
    public void sync() {}

    @Override
    public boolean seekable() {
        return false;
    }

    @Override
    public void close() {}
}
