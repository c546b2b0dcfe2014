package io.sandkernel.kernel.vfs;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.time.Clock;

/**
 * A {@link FileHandle} over a {@link FileChannel} of a {@link NioBackend}. For an in-memory file it
 * keeps the file's {@link Inode} (size and times) up to date.
 *
 * <p>NIO channels close themselves when the thread using them is interrupted, and the kernel
 * interrupts threads to deliver signals. So the interrupt status is cleared around each channel
 * call and restored afterwards, and a channel closed by an interrupt arriving during a call is
 * opened again (by the {@link Reopener}) and the positional call retried once.
 */
final class NioHandle implements FileHandle {
    /** Opens the same file again, checking it still is the same. */
    @FunctionalInterface
    interface Reopener {
        FileChannel reopen() throws IOException;
    }

    @FunctionalInterface
    private interface ChannelCall<T> {
        T call(FileChannel channel) throws IOException;
    }

    /** The file's name for messages, made only when one is needed. */
    private final java.util.function.Supplier<String> name;
    private final Inode inode;
    private final Clock clock;
    private final Reopener reopener;
    private volatile FileChannel channel;
    private volatile boolean closed;

    NioHandle(java.util.function.Supplier<String> name, FileChannel channel, Inode inode, Clock clock,
              Reopener reopener) {
        this.name = name;
        this.channel = channel;
        this.inode = inode;
        this.clock = clock;
        this.reopener = reopener;
    }

    @Override
    public int read(ByteBuffer dst, long position) {
        checkPosition(position);
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
        try {
            call(channel -> {
                long current = channel.size();
                if (size < current) {
                    channel.truncate(size);
                } else if (size > current) {
                    channel.write(ByteBuffer.allocate(1), size - 1);
                }
                return null;
            });
        } catch (KernelException e) {
            if (e.errno() == Errno.EBADF && !closed) {
                throw new KernelException(Errno.EINVAL, name.get() + " is not open for writing", e);
            }
            throw e;
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
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            // closing releases the channel whatever happens; nothing to report
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
            return action.call(channel);
        } catch (ClosedByInterruptException e) {
            interrupted = true;
            return retry(action);
        } catch (IOException | RuntimeException e) {
            throw translate(e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private synchronized <T> T retry(ChannelCall<T> action) {
        Thread.interrupted();
        try {
            if (!channel.isOpen() && !closed) {
                channel = reopener.reopen();
            }
            return action.call(channel);
        } catch (IOException | RuntimeException e) {
            throw translate(e);
        }
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
