package io.sandkernel.kernel.vfs;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.OpenFlags;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.time.Clock;

/**
 * A {@link FileHandle} over a {@link FileChannel} of a {@link NioBackend}: a channel of its own
 * (host files), or the channel every handle of an in-memory file shares ({@link ContentChannel}),
 * whose access mode is the file's, not the handle's: so each handle checks its own. For an
 * in-memory file it keeps the file's {@link Inode} (size and times) up to date.
 *
 * <p>NIO channels close themselves when the thread using them is interrupted, and the kernel
 * interrupts threads to deliver signals. So the interrupt status is cleared around each channel
 * call and restored afterwards, and a channel found closed by an interrupt (this thread's, or
 * another handle's on a shared channel) is obtained again from the {@link ChannelSource} and the
 * positional call repeated until it completes.
 */
final class NioHandle implements FileHandle {
    /** Opens the same file again, checking it still is the same. */
    @FunctionalInterface
    interface Reopener {
        FileChannel reopen() throws IOException;
    }

    /** Where a handle's channel comes from, and where it goes when the handle closes. */
    interface ChannelSource {
        /** A usable channel after {@code stale} was found closed while the handle is open. */
        FileChannel reopen(FileChannel stale) throws IOException;

        /** The handle closed; {@code current} is the channel it used last. */
        void release(FileChannel current);
    }

    @FunctionalInterface
    private interface ChannelCall<T> {
        T call(FileChannel channel) throws IOException;
    }

    /** The file's name for messages, made only when one is needed. */
    private final java.util.function.Supplier<String> name;
    private final Inode inode;
    private final Clock clock;
    private final ChannelSource source;
    private final boolean readable;
    private final boolean writable;
    private volatile FileChannel channel;
    private volatile boolean closed;

    private static final VarHandle CLOSED;

    static {
        try {
            CLOSED = MethodHandles.lookup().findVarHandle(NioHandle.class, "closed", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * @param channel the channel to use first
     * @param flags   the {@code open(2)} flags, whose access mode this handle enforces
     */
    NioHandle(java.util.function.Supplier<String> name, FileChannel channel, ChannelSource source, int flags,
              Inode inode, Clock clock) {
        this.name = name;
        this.channel = channel;
        this.source = source;
        this.inode = inode;
        this.clock = clock;
        int access = flags & OpenFlags.O_ACCMODE;
        this.readable = access != OpenFlags.O_WRONLY;
        this.writable = access == OpenFlags.O_WRONLY || access == OpenFlags.O_RDWR;
    }

    /** The source of a channel the handle has to itself: opened again by {@code reopener}, closed with the handle. */
    static ChannelSource ownChannel(Reopener reopener) {
        return new ChannelSource() {
            @Override
            public FileChannel reopen(FileChannel stale) throws IOException {
                return reopener.reopen();
            }

            @Override
            public void release(FileChannel current) {
                try {
                    current.close();
                } catch (IOException e) {
                    // closing releases the channel whatever happens; nothing to report
                }
            }
        };
    }

    @Override
    public int read(ByteBuffer dst, long position) {
        checkPosition(position);
        if (!readable) {
            throw new KernelException(Errno.EBADF, name.get() + " is not open for reading");
        }
        int position0 = dst.position();
        int read = call(channel -> {
            dst.position(position0);
            return channel.read(dst, position);
        });
        if (inode != null && inode.accessTimeStale()) {
            inode.read(clock.instant()); // relatime: the clock is read only when the time moves
        }
        return read;
    }

    @Override
    public int write(ByteBuffer src, long position) {
        checkPosition(position);
        requireWritable(Errno.EBADF);
        int position0 = src.position();
        if (inode == null) {
            return call(channel -> {
                src.position(position0);
                return channel.write(src, position);
            });
        }
        synchronized (inode) {
            int written = call(channel -> {
                src.position(position0);
                return channel.write(src, position);
            });
            // only the kernel changes an in-memory file: its size follows from the write
            inode.written(Math.max(inode.size, position + written), clock.instant());
            return written;
        }
    }

    @Override
    public long size() {
        if (inode != null && !closed) {
            return inode.size; // only the kernel changes an in-memory file: no need to ask the channel
        }
        return call(FileChannel::size);
    }

    @Override
    public void truncate(long size) {
        if (size < 0) {
            throw new KernelException(Errno.EINVAL, "negative size " + size + " for " + name.get());
        }
        requireWritable(Errno.EINVAL);
        if (inode == null) {
            resize(size);
            return;
        }
        synchronized (inode) {
            resize(size);
            inode.written(size, clock.instant());
        }
    }

    private void resize(long size) {
        call(channel -> {
            long current = channel.size();
            if (size < current) {
                channel.truncate(size);
            } else if (size > current) {
                channel.write(ByteBuffer.allocate(1), size - 1);
            }
            return null;
        });
    }

    /** @throws KernelException {@code errno} when the handle was not opened for writing */
    private void requireWritable(Errno errno) {
        if (!writable) {
            throw new KernelException(errno, name.get() + " is not open for writing");
        }
    }

    @Override
    public void sync() {
        call(channel -> {
            channel.force(false);
            return null;
        });
    }

    @Override
    public void close() {
        if (CLOSED.compareAndSet(this, false, true)) {
            synchronized (this) { // after a reopening under way: it may have replaced the channel
                source.release(channel);
            }
        }
    }

    private static void checkPosition(long position) {
        if (position < 0) {
            throw new KernelException(Errno.EINVAL, "negative file position " + position);
        }
    }

    private <T> T call(ChannelCall<T> action) {
        if (closed) {
            throw new KernelException(Errno.EBADF, name.get() + " is closed");
        }
        boolean interrupted = Thread.interrupted();
        try {
            FileChannel current = channel;
            while (true) {
                try {
                    return action.call(current);
                } catch (ClosedChannelException e) {
                    // closed by an interrupt: this thread's (which NIO leaves set: cleared here, or
                    // the next call would close the channel at once), or, on a shared channel,
                    // another handle's. Positional calls are repeated safely, as often as it takes.
                    interrupted |= Thread.interrupted();
                    current = reopen(current);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw translate(e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A usable channel after {@code stale} was found closed. @throws KernelException EBADF when the handle is closed */
    private synchronized FileChannel reopen(FileChannel stale) throws IOException {
        if (closed) {
            throw new KernelException(Errno.EBADF, name.get() + " is closed");
        }
        FileChannel current = channel;
        if (current == stale || !current.isOpen()) {
            current = source.reopen(current);
            channel = current;
        }
        return current;
    }

    private RuntimeException translate(Exception e) {
        if (e instanceof KernelException k) {
            return k;
        }
        if (e instanceof RuntimeException r && !(r instanceof IllegalArgumentException) && !NioErrors.isNioRuntime(r)) {
            return r;
        }
        return NioErrors.of(e, name.get());
    }
}
