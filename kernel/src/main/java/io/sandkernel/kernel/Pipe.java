package io.sandkernel.kernel;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A kernel pipe: a bounded byte buffer between reference-counted read and write ends. Reads block
 * while it is empty and return EOF once the last writer has gone; writes block while it is full
 * and fail with {@link BrokenPipeException} once the last reader has gone. Blocking waits are
 * interruptible: an interrupted wait throws {@link InterruptedIOException} with the thread's
 * interrupt status set again.
 */
final class Pipe {
    /** The buffer size, as Linux's default pipe capacity. */
    static final int CAPACITY = 64 * 1024;

    /** Thrown by a write when no reader is left (EPIPE). */
    static final class BrokenPipeException extends IOException {
        private static final long serialVersionUID = 1L;

        BrokenPipeException() {
            super("EPIPE: broken pipe");
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final Runnable onRelease;
    private byte[] buffer = new byte[1024];
    private int head;
    private int size;
    private int readers;
    private int writers;
    private boolean everOpened;
    private boolean released;
    private boolean destroyed;

    /** @param onRelease run once when both ends are closed or the pipe is destroyed */
    Pipe(Runnable onRelease) {
        this.onRelease = onRelease;
    }

    /** A new read end, counted until released. */
    OpenFile newReader() {
        lock.lock();
        try {
            readers++;
            everOpened = true;
        } finally {
            lock.unlock();
        }
        return new OpenFile.PipeReader(this);
    }

    /** A new write end, counted until released. */
    OpenFile newWriter() {
        lock.lock();
        try {
            writers++;
            everOpened = true;
        } finally {
            lock.unlock();
        }
        return new OpenFile.PipeWriter(this);
    }

    void closeReader() {
        endClosed(true);
    }

    void closeWriter() {
        endClosed(false);
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
        } finally {
            lock.unlock();
        }
        if (release) {
            onRelease.run();
        }
    }

    /** Ends the pipe for good: readers see EOF, writers EPIPE. Used when the kernel closes. */
    void destroy() {
        boolean release;
        lock.lock();
        try {
            destroyed = true;
            notEmpty.signalAll();
            notFull.signalAll();
            release = !released;
            released = true;
        } finally {
            lock.unlock();
        }
        if (release) {
            onRelease.run();
        }
    }

    int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        lock.lock();
        try {
            while (size == 0) {
                if (writers <= 0 || destroyed) {
                    return -1;
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
            return n;
        } finally {
            lock.unlock();
        }
    }

    void write(byte[] b, int off, int len) throws IOException {
        int written = 0;
        lock.lock();
        try {
            while (len > 0) {
                if (readers <= 0 || destroyed) {
                    throw new BrokenPipeException();
                }
                if (size == CAPACITY) {
                    try {
                        await(notFull);
                    } catch (InterruptedIOException e) {
                        e.bytesTransferred = written;
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
            }
        } finally {
            lock.unlock();
        }
    }

    /** Bytes buffered and not yet read. */
    int available() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
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

    private static void await(Condition condition) throws InterruptedIOException {
        try {
            condition.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted pipe operation");
        }
    }
}
