package io.sandkernel.kernel.fd;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.FileType;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.PollFd;
import io.sandkernel.api.fs.Stat;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A kernel pipe: a bounded byte buffer between reference-counted read and write ends. Reads block
 * while it is empty and return 0 (end of file) once the last writer has gone; writes block while
 * it is full and fail with EPIPE once the last reader has gone. With {@code O_NONBLOCK} on the
 * end, what would block fails with EAGAIN instead. Blocking waits end with EINTR when the thread
 * is interrupted; a write interrupted after some bytes went in returns that count, as Linux does.
 * Every change wakes the pollers of {@link #waitQueue()}.
 */
public final class Pipe {
    /** The buffer size, as Linux's default pipe capacity. */
    public static final int CAPACITY = 64 * 1024;
    /** Writes up to this size are atomic ({@code PIPE_BUF}). */
    public static final int ATOMIC_WRITE = 4096;
    /** The device id of the kernel's anonymous pipes ({@code pipefs}). */
    public static final long PIPE_DEV = 0xC;
    private static final AtomicLong INODES = new AtomicLong(100_000);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final WaitQueue pollers = new WaitQueue();
    private final Runnable onRelease;
    private final long ino = INODES.incrementAndGet();
    private final int uid;
    private final int gid;
    private final Instant created = Instant.now();
    private byte[] buffer = new byte[1024];
    private int head;
    private int size;
    private int readers;
    private int writers;
    private boolean everOpened;
    private boolean released;
    private boolean destroyed;

    /**
     * @param onRelease run once when both ends are closed or the pipe is destroyed
     * @param uid       the owner {@code fstat} reports (the creator)
     * @param gid       the group {@code fstat} reports
     */
    public Pipe(Runnable onRelease, int uid, int gid) {
        this.onRelease = onRelease;
        this.uid = uid;
        this.gid = gid;
    }

    /** A pipe owned by root that runs nothing when released; for tests. */
    public Pipe() {
        this(() -> { }, 0, 0);
    }

    /** A new read end with status flags {@code flags} (O_NONBLOCK), counted until released. */
    public OpenFile newReader(int flags) {
        lock.lock();
        try {
            readers++;
            everOpened = true;
        } finally {
            lock.unlock();
        }
        return new End(true, flags);
    }

    /** A new write end with status flags {@code flags}, counted until released. */
    public OpenFile newWriter(int flags) {
        lock.lock();
        try {
            writers++;
            everOpened = true;
        } finally {
            lock.unlock();
        }
        return new End(false, flags);
    }

    /** A new read end without flags. */
    public OpenFile newReader() {
        return newReader(0);
    }

    /** A new write end without flags. */
    public OpenFile newWriter() {
        return newWriter(0);
    }

    /** The inode number {@code fstat} reports, as in {@code pipe:[ino]}. */
    public long ino() {
        return ino;
    }

    private void endClosed(boolean reader) {
        boolean release;
        lock.lock();
        try {
            if (reader) {
                readers--;
                notFull.signalAll();
            } else {
                writers--;
                notEmpty.signalAll();
            }
            release = readers <= 0 && writers <= 0 && everOpened && !released;
            if (release) {
                released = true;
            }
            pollers.wakeAll();
        } finally {
            lock.unlock();
        }
        if (release) {
            onRelease.run();
        }
    }

    /** Ends the pipe for good: readers see end of file, writers EPIPE. Used when the kernel closes. */
    public void destroy() {
        boolean release;
        lock.lock();
        try {
            destroyed = true;
            notEmpty.signalAll();
            notFull.signalAll();
            pollers.wakeAll();
            release = !released;
            released = true;
        } finally {
            lock.unlock();
        }
        if (release) {
            onRelease.run();
        }
    }

    /**
     * Reads up to {@code len} bytes.
     *
     * @return the count, 0 at end of file
     * @throws KernelException EAGAIN (non-blocking and empty), EINTR (interrupted while waiting)
     */
    public int read(byte[] b, int off, int len, boolean nonBlocking) {
        if (len == 0) {
            return 0;
        }
        lock.lock();
        try {
            while (size == 0) {
                if (writers <= 0 || destroyed) {
                    return 0;
                }
                if (nonBlocking) {
                    throw new KernelException(Errno.EAGAIN, "pipe is empty");
                }
                await(notEmpty);
            }
            int n = Math.min(len, size);
            int first = Math.min(n, buffer.length - head);
            System.arraycopy(buffer, head, b, off, first);
            System.arraycopy(buffer, 0, b, off + first, n - first);
            head = (head + n) % buffer.length;
            size -= n;
            if (size == 0) {
                head = 0;
            }
            notFull.signalAll();
            pollers.wakeAll();
            return n;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes {@code len} bytes, blocking while the pipe is full (unless {@code nonBlocking}: then
     * what fits, and up to {@value #ATOMIC_WRITE} bytes all or nothing).
     *
     * @return the count written: {@code len}, or less when interrupted or non-blocking
     * @throws KernelException EPIPE (no reader), EAGAIN (non-blocking and full), EINTR
     *                         (interrupted before writing anything)
     */
    public int write(byte[] b, int off, int len, boolean nonBlocking) {
        int written = 0;
        lock.lock();
        try {
            while (len > 0) {
                if (readers <= 0 || destroyed) {
                    if (written > 0) {
                        return written;
                    }
                    throw new KernelException(Errno.EPIPE, "broken pipe");
                }
                int free = CAPACITY - size;
                if (nonBlocking && (free == 0 || (written == 0 && len <= ATOMIC_WRITE && free < len))) {
                    if (written > 0) {
                        return written;
                    }
                    throw new KernelException(Errno.EAGAIN, "pipe is full");
                }
                if (free == 0) {
                    try {
                        await(notFull);
                    } catch (KernelException e) {
                        if (written > 0) {
                            return written;
                        }
                        throw e;
                    }
                    continue;
                }
                ensureCapacity(Math.min(CAPACITY, size + len));
                int n = Math.min(len, buffer.length - size);
                int tail = (head + size) % buffer.length;
                int first = Math.min(n, buffer.length - tail);
                System.arraycopy(b, off, buffer, tail, first);
                System.arraycopy(b, off + first, buffer, 0, n - first);
                size += n;
                written += n;
                off += n;
                len -= n;
                notEmpty.signalAll();
                pollers.wakeAll();
            }
            return written;
        } finally {
            lock.unlock();
        }
    }

    /** Bytes buffered and not yet read. */
    public int available() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }

    private int poll(boolean reader, int events) {
        lock.lock();
        try {
            int ready = 0;
            if (reader) {
                if (size > 0) {
                    ready |= PollFd.POLLIN;
                }
                if (writers <= 0 || destroyed) {
                    ready |= PollFd.POLLHUP; // Linux: no writer left, whether data remains or not
                }
                return ready & (events | PollFd.POLLHUP);
            }
            if (readers <= 0 || destroyed) {
                return PollFd.POLLERR;
            }
            if (CAPACITY - size >= ATOMIC_WRITE) {
                ready |= PollFd.POLLOUT;
            }
            return ready & events;
        } finally {
            lock.unlock();
        }
    }

    private Stat stat() {
        int used;
        lock.lock();
        try {
            used = size;
        } finally {
            lock.unlock();
        }
        return new Stat(PIPE_DEV, ino, FileType.FIFO.modeBits() | 0600, 1, uid, gid, 0, used, created, created,
                created);
    }

    private void ensureCapacity(int needed) {
        if (needed <= buffer.length) {
            return;
        }
        int capacity = buffer.length;
        while (capacity < needed) {
            capacity = Math.min(CAPACITY, capacity * 2);
        }
        byte[] grown = new byte[capacity];
        int first = Math.min(size, buffer.length - head);
        System.arraycopy(buffer, head, grown, 0, first);
        System.arraycopy(buffer, 0, grown, first, size - first);
        buffer = grown;
        head = 0;
    }

    private static void await(Condition condition) {
        try {
            condition.await();
        } catch (InterruptedException e) {
            throw new KernelException(Errno.EINTR, "interrupted pipe operation");
        }
    }

    /** One end of the pipe, as an open file description. */
    private final class End extends OpenFile {
        private final boolean reader;

        End(boolean reader, int flags) {
            super((flags & OpenFlags.O_NONBLOCK) | (reader ? OpenFlags.O_RDONLY : OpenFlags.O_WRONLY));
            this.reader = reader;
        }

        @Override
        protected int doRead(int pid, byte[] b, int off, int len) {
            return Pipe.this.read(b, off, len, nonBlocking());
        }

        @Override
        protected int doWrite(int pid, byte[] b, int off, int len) {
            return Pipe.this.write(b, off, len, nonBlocking());
        }

        @Override
        public int poll(int events) {
            return Pipe.this.poll(reader, events);
        }

        @Override
        public WaitQueue waitQueue() {
            return pollers;
        }

        @Override
        public Stat stat() {
            return Pipe.this.stat();
        }

        @Override
        public int available() {
            return reader ? Pipe.this.available() : 0;
        }

        /** Linux opens a FIFO again by access mode: a reader, a writer, or (O_RDWR) both at once. */
        @Override
        public OpenFile reopen(int flags) {
            return switch (flags & OpenFlags.O_ACCMODE) {
                case OpenFlags.O_RDONLY -> newReader(flags);
                case OpenFlags.O_WRONLY -> newWriter(flags);
                default -> throw new KernelException(Errno.EACCES, "a pipe end opens for reading or writing");
            };
        }

        @Override
        public Pipe pipe() {
            return Pipe.this;
        }

        @Override
        protected void closeResource() {
            endClosed(reader);
        }

        @Override
        public String describe() {
            return "pipe:[" + ino + "]";
        }
    }
}
