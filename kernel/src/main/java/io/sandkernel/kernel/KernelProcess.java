package io.sandkernel.kernel;

import io.sandkernel.api.Redirect;
import io.sandkernel.kernel.fd.DescriptorStreams;
import io.sandkernel.kernel.fd.OpenFile;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The host's handle on a process it spawned, shaped like {@link java.lang.Process}. The handle is
 * bound to that one process, not to its pid: once the process has exited, {@link #kill} fails with
 * ESRCH even if the pid now belongs to another process.
 *
 * <p>{@link #stdin()}, {@link #stdout()} and {@link #stderr()} are the host's ends of the pipes
 * created for {@link Redirect.Pipe}; for other redirects they are empty (reads see EOF, writes
 * vanish). Close {@link #stdin()} to give the process EOF.
 */
public final class KernelProcess {
    private final Kernel kernel;
    private final Task task;
    private final OutputStream stdin;
    private final InputStream stdout;
    private final InputStream stderr;

    /** The host ends may be null: the stream is then empty. */
    KernelProcess(Kernel kernel, Task task, OpenFile stdin, OpenFile stdout, OpenFile stderr) {
        this.kernel = kernel;
        this.task = task;
        this.stdin = new HostEndOutput(stdin);
        this.stdout = new HostEndInput(stdout);
        this.stderr = new HostEndInput(stderr);
    }

    /** The process id. */
    public int pid() {
        return task.pid;
    }

    /** The job this process started (itself and every process it leads to). */
    ExecGroup group() {
        return task.group;
    }

    /** The command name. */
    public String command() {
        return task.command;
    }

    /** The arguments after the command name. */
    public List<String> args() {
        return task.args;
    }

    /** The name of the driver running it. */
    public String driver() {
        return task.driverName;
    }

    /** The process's standard input, as the host writes it. */
    public OutputStream stdin() {
        return stdin;
    }

    /** The process's standard output, as the host reads it. */
    public InputStream stdout() {
        return stdout;
    }

    /** The process's standard error, as the host reads it. */
    public InputStream stderr() {
        return stderr;
    }

    /**
     * Sends {@code signal} to this process (the host may signal any process of its kernel).
     *
     * @throws KernelException ESRCH once the process has exited, EINVAL for a bad signal, EBADF
     *                         after the kernel is closed
     */
    public void kill(int signal) {
        kernel.killTask(task, signal);
    }

    /** Whether the process has not exited yet. */
    public boolean isAlive() {
        return !task.exit.isDone();
    }

    /**
     * Waits for the process to exit.
     *
     * @return the exit status, 128 + signal when a signal ended it
     * @throws InterruptedException when the calling thread is interrupted
     */
    public int waitFor() throws InterruptedException {
        try {
            return task.exit.get();
        } catch (ExecutionException e) {
            throw new KernelException(Errno.EIO, "process failed", e.getCause());
        }
    }

    /**
     * Waits up to {@code timeout} for the process to exit.
     *
     * @return the exit status, or empty when it still runs
     * @throws InterruptedException when the calling thread is interrupted
     */
    public OptionalInt waitFor(Duration timeout) throws InterruptedException {
        if (timeout == null) {
            throw new KernelException(Errno.EINVAL, "waitFor: timeout must not be null");
        }
        try {
            return OptionalInt.of(task.exit.get(Math.max(0L, timeout.toNanos()), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return OptionalInt.empty();
        } catch (ExecutionException e) {
            throw new KernelException(Errno.EIO, "process failed", e.getCause());
        }
    }

    /** A future completed with the exit status when the process exits. */
    public CompletableFuture<Integer> onExit() {
        return task.exit.copy();
    }

    @Override
    public String toString() {
        return "KernelProcess[pid=" + task.pid + ", command=" + task.command
                + (task.exit.isDone() ? ", exit=" + task.exit.join() : ", alive") + "]";
    }

    /** The host's read end of a pipe: closing it drops the reference, as closing a descriptor. */
    private static final class HostEndInput extends InputStream {
        private final OpenFile file;
        private final InputStream in;
        private final AtomicBoolean closed = new AtomicBoolean();

        HostEndInput(OpenFile file) {
            this.file = file;
            this.in = file == null ? InputStream.nullInputStream() : DescriptorStreams.input(file, 0);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (closed.get()) {
                throw new IOException("stream closed");
            }
            return in.read(b, off, len);
        }

        @Override
        public int available() throws IOException {
            return closed.get() ? 0 : in.available();
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true) && file != null) {
                file.release();
            }
        }
    }

    /** The host's write end of a pipe: closing it drops the reference, giving the reader EOF. */
    private static final class HostEndOutput extends OutputStream {
        private final OpenFile file;
        private final OutputStream out;
        private final AtomicBoolean closed = new AtomicBoolean();

        HostEndOutput(OpenFile file) {
            this.file = file;
            this.out = file == null ? OutputStream.nullOutputStream() : DescriptorStreams.output(file, 0);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (closed.get()) {
                throw new IOException("stream closed");
            }
            out.write(b, off, len);
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true) && file != null) {
                file.release();
            }
        }
    }
}
