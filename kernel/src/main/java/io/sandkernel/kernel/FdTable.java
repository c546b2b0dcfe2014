package io.sandkernel.kernel;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The descriptor table of one process: small integers mapped to shared {@link OpenFile}s. The
 * streams it hands out stay bound to their descriptor: once the descriptor is closed (or the
 * process exits) they fail with EBADF.
 */
final class FdTable {
    private final TreeMap<Integer, OpenFile> files = new TreeMap<>();
    private final int limit;
    private final Runnable onBrokenPipe;
    private final int owner;
    private boolean closed;

    /**
     * @param limit        the most descriptors open at once (EMFILE beyond)
     * @param onBrokenPipe run when a write through this table finds no reader (raises SIGPIPE)
     */
    FdTable(int limit, Runnable onBrokenPipe) {
        this(limit, 0, onBrokenPipe);
    }

    /** @param owner the pid of the process whose table this is: reads and writes are made on its behalf */
    FdTable(int limit, int owner, Runnable onBrokenPipe) {
        this.limit = limit;
        this.owner = owner;
        this.onBrokenPipe = onBrokenPipe;
    }

    /**
     * Installs {@code file} (taking over the caller's reference) at the lowest free descriptor.
     * On failure the reference is released.
     *
     * @throws KernelException EMFILE when the table is full, EBADF when it is closed
     */
    int install(OpenFile file) {
        synchronized (this) {
            if (!closed && files.size() < limit) {
                int fd = 0;
                for (Integer used : files.keySet()) {
                    if (used != fd) {
                        break;
                    }
                    fd++;
                }
                files.put(fd, file);
                return fd;
            }
        }
        file.release();
        if (closed) {
            throw new KernelException(Errno.EBADF, "process has exited");
        }
        throw new KernelException(Errno.EMFILE, "too many open files (limit " + limit + ")");
    }

    /** Installs {@code file} at {@code fd}, closing what was there. Takes over the reference. */
    void installAt(int fd, OpenFile file) {
        OpenFile previous;
        synchronized (this) {
            if (closed) {
                previous = file;
            } else {
                previous = files.put(fd, file);
            }
        }
        if (previous != null) {
            previous.release();
        }
    }

    /** The open file at {@code fd}. @throws KernelException EBADF */
    synchronized OpenFile get(int fd) {
        OpenFile file = files.get(fd);
        if (file == null) {
            throw new KernelException(Errno.EBADF, "bad file descriptor " + fd);
        }
        return file;
    }

    synchronized int size() {
        return files.size();
    }

    /** Closes {@code fd}. @throws KernelException EBADF when it is not open */
    void close(int fd) {
        OpenFile file;
        synchronized (this) {
            file = files.remove(fd);
        }
        if (file == null) {
            throw new KernelException(Errno.EBADF, "bad file descriptor " + fd);
        }
        file.release();
    }

    /** Closes every descriptor; later installs fail. Idempotent. */
    void closeAll() {
        List<OpenFile> open;
        synchronized (this) {
            closed = true;
            open = new ArrayList<>(files.values());
            files.clear();
        }
        for (OpenFile file : open) {
            try {
                file.flush();
            } catch (IOException e) {
                // a broken pipe or full disk at exit is not the exiting process's problem any more
            }
            file.release();
        }
    }

    /**
     * Makes {@code newFd} refer to the open file of {@code oldFd}, closing what it referred to.
     *
     * @throws KernelException EBADF when {@code oldFd} is not open or {@code newFd} is out of range
     */
    void dup2(int oldFd, int newFd) {
        if (newFd < 0 || newFd >= limit) {
            throw new KernelException(Errno.EBADF, "bad file descriptor " + newFd);
        }
        OpenFile file = get(oldFd);
        if (oldFd == newFd) {
            return;
        }
        installAt(newFd, file.retain());
    }

    /** The open file at {@code fd} for a stream operation, or an I/O error. */
    private OpenFile current(int fd) throws IOException {
        OpenFile file;
        synchronized (this) {
            file = files.get(fd);
        }
        if (file == null) {
            throw new IOException("EBADF: descriptor " + fd + " is not open");
        }
        return file;
    }

    /**
     * An input stream reading whatever descriptor {@code fd} refers to at each read; when {@code
     * owning}, closing the stream closes the descriptor.
     */
    /** Whether {@code fd} is open on {@code /dev/null}. */
    boolean isNullDevice(int fd) {
        return get(fd) instanceof OpenFile.NullFile;
    }

    InputStream input(int fd, boolean owning) {
        get(fd);
        return new FdInput(fd, owning);
    }

    /**
     * An output stream writing whatever descriptor {@code fd} refers to at each write; when
     * {@code owning}, closing the stream closes the descriptor.
     */
    OutputStream output(int fd, boolean owning) {
        get(fd);
        return new FdOutput(fd, owning);
    }

    private final class FdInput extends DescriptionInputStream {
        private final int fd;
        private final boolean owning;
        private boolean closed;

        FdInput(int fd, boolean owning) {
            this.fd = fd;
            this.owning = owning;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (closed) {
                throw new IOException("EBADF: stream closed");
            }
            return current(fd).read(owner, b, off, len);
        }

        @Override
        public int available() throws IOException {
            return closed ? 0 : current(fd).available();
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                if (owning) {
                    try {
                        FdTable.this.close(fd);
                    } catch (KernelException e) {
                        // already closed
                    }
                }
            }
        }
    }

    private final class FdOutput extends OutputStream {
        private final int fd;
        private final boolean owning;
        private boolean closed;

        FdOutput(int fd, boolean owning) {
            this.fd = fd;
            this.owning = owning;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (closed) {
                throw new IOException("EBADF: stream closed");
            }
            try {
                current(fd).write(owner, b, off, len);
            } catch (Pipe.BrokenPipeException e) {
                onBrokenPipe.run();
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            if (!closed) {
                OpenFile file;
                synchronized (FdTable.this) {
                    file = files.get(fd);
                }
                if (file != null) {
                    file.flush();
                }
            }
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                flush();
                closed = true;
                if (owning) {
                    try {
                        FdTable.this.close(fd);
                    } catch (KernelException e) {
                        // already closed
                    }
                }
            }
        }
    }
}
