package io.sandkernel.kernel.vfs;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A regular file's handle on a counted mount: charges growth to the {@link SpaceAccount} before it
 * happens (a write that does not fit writes what fits; nothing fits: ENOSPC), gives back what
 * truncation frees, and makes appends atomic among the kernel's handles of the file.
 */
final class AccountedHandle implements FileHandle {
    /** The largest file size ({@code 2^43}, 8 TiB), as a filesystem's {@code s_maxbytes}. */
    static final long MAX_FILE_SIZE = 1L << 43;

    private final FileHandle inner;
    private final OpenFiles.State state;
    private final OpenFiles files;
    private final SpaceAccount account;
    private final String name;
    private final AtomicBoolean closed = new AtomicBoolean();

    AccountedHandle(FileHandle inner, OpenFiles.State state, OpenFiles files, SpaceAccount account, String name) {
        this.inner = inner;
        this.state = state;
        this.files = files;
        this.account = account;
        this.name = name;
    }

    @Override
    public int read(ByteBuffer dst, long position) {
        return inner.read(dst, position);
    }

    @Override
    public int write(ByteBuffer src, long position) {
        if (position < 0) {
            throw new KernelException(Errno.EINVAL, "negative position " + position + " writing " + name);
        }
        synchronized (state) {
            return writeLocked(src, position);
        }
    }

    @Override
    public int append(ByteBuffer src) {
        synchronized (state) {
            return writeLocked(src, inner.size());
        }
    }

    private int writeLocked(ByteBuffer src, long position) {
        if (position > MAX_FILE_SIZE - src.remaining()) {
            throw new KernelException(Errno.EFBIG, "writing at " + position + " exceeds the largest file size: " + name);
        }
        long size = inner.size();
        long growth = position + src.remaining() - size;
        if (growth <= 0 || !src.hasRemaining()) {
            return inner.write(src, position);
        }
        Mount mount = state.mount();
        long granted = account.reserveBytes(mount, growth);
        ByteBuffer data = src;
        if (granted < growth) {
            long fits = size + granted - position;
            if (fits <= 0) {
                account.releaseBytes(mount, granted);
                throw new KernelException(Errno.ENOSPC, "no space left writing " + name);
            }
            data = src.duplicate();
            data.limit(data.position() + (int) fits);
        }
        int written;
        try {
            written = inner.write(data, position);
        } catch (RuntimeException e) {
            account.releaseBytes(mount, granted);
            throw e;
        }
        if (data != src) {
            src.position(src.position() + written);
        }
        long grown = Math.max(0, position + written - size);
        account.releaseBytes(mount, granted - grown);
        return written;
    }

    @Override
    public long size() {
        return inner.size();
    }

    @Override
    public void truncate(long size) {
        if (size < 0) {
            throw new KernelException(Errno.EINVAL, "negative size " + size + " for " + name);
        }
        if (size > MAX_FILE_SIZE) {
            throw new KernelException(Errno.EFBIG, "size " + size + " exceeds the largest file size: " + name);
        }
        synchronized (state) {
            long before = inner.size();
            Mount mount = state.mount();
            if (size > before) {
                account.reserveBytesExactly(mount, size - before, name);
                try {
                    inner.truncate(size);
                } catch (RuntimeException e) {
                    account.releaseBytes(mount, size - before);
                    throw e;
                }
            } else {
                inner.truncate(size);
                account.releaseBytes(mount, before - size);
            }
        }
    }

    @Override
    public void sync() {
        inner.sync();
    }

    @Override
    public boolean seekable() {
        return inner.seekable();
    }

    @Override
    public int poll(int events) {
        return inner.poll(events);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                files.release(state, inner::size);
            } finally {
                inner.close();
            }
        }
    }
}
