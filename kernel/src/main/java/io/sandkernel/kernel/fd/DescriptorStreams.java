package io.sandkernel.kernel.fd;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Java streams over a process's descriptors, for the kernel's own use (the standard streams a
 * driver copies to a host process) and over a bare description (the host's ends of pipes): every
 * read and write is the system call, on behalf of the process; end of file reads as -1, EINTR as
 * {@link InterruptedIOException}, other errors as {@link IOException}s carrying the
 * {@link KernelException}. Closing the stream closes nothing.
 */
public final class DescriptorStreams {
    private DescriptorStreams() {}

    /** Reads descriptor {@code fd} of {@code files}, whatever it refers to at each read. */
    public static InputStream input(ProcessFiles files, int fd) {
        return new Input(b -> files.read(fd, b.buffer, b.offset, b.length), () -> {
            OpenFile file = files.fds().find(fd);
            return file == null ? 0 : file.available();
        });
    }

    /** Writes descriptor {@code fd} of {@code files}; a broken pipe raises SIGPIPE for the process. */
    public static OutputStream output(ProcessFiles files, int fd) {
        return new Output(b -> files.write(fd, b.buffer, b.offset, b.length));
    }

    /** Reads {@code file} on behalf of process {@code pid} (0: the host). */
    public static InputStream input(OpenFile file, int pid) {
        return new Input(b -> file.read(pid, b.buffer, b.offset, b.length), file::available);
    }

    /** Writes {@code file} on behalf of process {@code pid} (0: the host). */
    public static OutputStream output(OpenFile file, int pid) {
        return new Output(b -> file.write(pid, b.buffer, b.offset, b.length));
    }

    /** A slice of a byte array. */
    private record Slice(byte[] buffer, int offset, int length) {}

    @FunctionalInterface
    private interface Io {
        int transfer(Slice slice);
    }

    private static IOException failure(KernelException e) {
        if (e.errno() == Errno.EINTR) {
            InterruptedIOException interrupted = new InterruptedIOException(e.getMessage());
            interrupted.initCause(e);
            return interrupted;
        }
        return new IOException(e.getMessage(), e);
    }

    private static final class Input extends InputStream {
        private final Io read;
        private final java.util.function.IntSupplier available;

        Input(Io read, java.util.function.IntSupplier available) {
            this.read = read;
            this.available = available;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            try {
                int n = read.transfer(new Slice(b, off, len));
                return n == 0 ? -1 : n;
            } catch (KernelException e) {
                throw failure(e);
            }
        }

        @Override
        public int available() {
            try {
                return available.getAsInt();
            } catch (KernelException e) {
                return 0;
            }
        }
    }

    private static final class Output extends OutputStream {
        private final Io write;

        Output(Io write) {
            this.write = write;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            try {
                while (len > 0) {
                    int n = write.transfer(new Slice(b, off, len));
                    off += n;
                    len -= n;
                }
            } catch (KernelException e) {
                throw failure(e);
            }
        }
    }
}
