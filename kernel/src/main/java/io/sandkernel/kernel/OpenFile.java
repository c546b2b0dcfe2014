package io.sandkernel.kernel;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An open file description shared by every descriptor that refers to it (after inheritance or
 * dup): a pipe end, a file, /dev/null or a stream of the host. Reference counted: the underlying
 * resource is released when the last descriptor goes.
 */
abstract class OpenFile {
    private final AtomicInteger refs = new AtomicInteger(1);

    /** Adds a reference; fails with EBADF when the description is already released. */
    final OpenFile retain() {
        int current;
        do {
            current = refs.get();
            if (current <= 0) {
                throw new KernelException(Errno.EBADF, "open file already closed");
            }
        } while (!refs.compareAndSet(current, current + 1));
        return this;
    }

    /** Drops a reference, releasing the resource with the last one. */
    final void release() {
        if (refs.decrementAndGet() == 0) {
            try {
                closeResource();
            } catch (IOException e) {
                System.getLogger(OpenFile.class.getName()).log(System.Logger.Level.DEBUG, "close failed", e);
            }
        }
    }

    final boolean isOpen() {
        return refs.get() > 0;
    }

    boolean readable() {
        return false;
    }

    boolean writable() {
        return false;
    }

    /** Reads as {@link InputStream#read(byte[], int, int)}. */
    int read(byte[] b, int off, int len) throws IOException {
        throw new IOException("EBADF: descriptor not open for reading");
    }

    /** Writes all of {@code len} bytes. */
    void write(byte[] b, int off, int len) throws IOException {
        throw new IOException("EBADF: descriptor not open for writing");
    }

    /** Reads on behalf of process {@code pid}; a terminal needs to know who reads. */
    int read(int pid, byte[] b, int off, int len) throws IOException {
        return read(b, off, len);
    }

    /** Writes on behalf of process {@code pid}. */
    void write(int pid, byte[] b, int off, int len) throws IOException {
        write(b, off, len);
    }

    void flush() throws IOException {}

    int available() throws IOException {
        return 0;
    }

    abstract void closeResource() throws IOException;

    /** The read end of a pipe. */
    static final class PipeReader extends OpenFile {
        private final Pipe pipe;

        PipeReader(Pipe pipe) {
            this.pipe = pipe;
        }

        @Override
        boolean readable() {
            return true;
        }

        @Override
        int read(byte[] b, int off, int len) throws IOException {
            return pipe.read(b, off, len);
        }

        @Override
        int available() {
            return pipe.available();
        }

        @Override
        void closeResource() {
            pipe.closeReader();
        }
    }

    /** The write end of a pipe. */
    static final class PipeWriter extends OpenFile {
        private final Pipe pipe;

        PipeWriter(Pipe pipe) {
            this.pipe = pipe;
        }

        @Override
        boolean writable() {
            return true;
        }

        @Override
        void write(byte[] b, int off, int len) throws IOException {
            pipe.write(b, off, len);
        }

        @Override
        void closeResource() {
            pipe.closeWriter();
        }
    }

    /** {@code /dev/null}: reads see EOF, writes vanish. */
    static final class NullFile extends OpenFile {
        @Override
        boolean readable() {
            return true;
        }

        @Override
        boolean writable() {
            return true;
        }

        @Override
        int read(byte[] b, int off, int len) {
            return len == 0 ? 0 : -1;
        }

        @Override
        void write(byte[] b, int off, int len) {}

        @Override
        void closeResource() {}
    }

    /**
     * A Java input stream: a file of the kernel filesystem ({@code owned}, closed with the
     * description) or a stream of the host (never closed by the kernel).
     */
    static final class StreamInput extends OpenFile {
        private final InputStream in;
        private final boolean owned;

        StreamInput(InputStream in, boolean owned) {
            this.in = in;
            this.owned = owned;
        }

        @Override
        boolean readable() {
            return true;
        }

        @Override
        int read(byte[] b, int off, int len) throws IOException {
            if (!owned) {
                return in.read(b, off, len); // the host's stream: no monitor held while it blocks
            }
            synchronized (this) {
                return in.read(b, off, len);
            }
        }

        @Override
        int available() throws IOException {
            return in.available();
        }

        @Override
        void closeResource() throws IOException {
            if (owned) {
                in.close();
            }
        }
    }

    /**
     * A Java output stream: a file of the kernel filesystem ({@code owned}: closed with the
     * description; a full filesystem reports ENOSPC) or a stream of the host (flushed after every
     * write so the host sees output at once, never closed by the kernel).
     */
    static final class StreamOutput extends OpenFile {
        private final OutputStream out;
        private final boolean owned;

        StreamOutput(OutputStream out, boolean owned) {
            this.out = out;
            this.owned = owned;
        }

        @Override
        boolean writable() {
            return true;
        }

        @Override
        void write(byte[] b, int off, int len) throws IOException {
            synchronized (out) {
                try {
                    out.write(b, off, len);
                } catch (IOException e) {
                    String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
                    if (owned && message.contains("space")) {
                        throw new IOException("ENOSPC: no space left on device",
                                new KernelException(Errno.ENOSPC, "filesystem full"));
                    }
                    throw e;
                }
                if (!owned) {
                    out.flush();
                }
            }
        }

        @Override
        void flush() throws IOException {
            synchronized (out) {
                out.flush();
            }
        }

        @Override
        void closeResource() throws IOException {
            if (owned) {
                out.close();
            } else {
                flush();
            }
        }
    }

    /** The slave side of a {@link io.sandkernel.kernel.tty.PseudoTerminal}. */
    static final class TerminalFile extends OpenFile {
        final io.sandkernel.kernel.tty.PseudoTerminal terminal;

        TerminalFile(io.sandkernel.kernel.tty.PseudoTerminal terminal) {
            this.terminal = terminal;
            terminal.slaveOpened();
        }

        @Override
        boolean readable() {
            return true;
        }

        @Override
        boolean writable() {
            return true;
        }

        @Override
        int read(byte[] b, int off, int len) throws IOException {
            return terminal.read(0, b, off, len);
        }

        @Override
        int read(int pid, byte[] b, int off, int len) throws IOException {
            return terminal.read(pid, b, off, len);
        }

        @Override
        void write(byte[] b, int off, int len) throws IOException {
            terminal.write(0, b, off, len);
        }

        @Override
        void write(int pid, byte[] b, int off, int len) throws IOException {
            terminal.write(pid, b, off, len);
        }

        @Override
        int available() {
            return terminal.available();
        }

        @Override
        void closeResource() {
            terminal.slaveClosed();
        }
    }
}
