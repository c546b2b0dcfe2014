package io.sandkernel.driver.jvm;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.ProcessTermination;
import io.sandkernel.api.SignalHandler;
import io.sandkernel.api.SpawnRequest;
import io.sandkernel.api.spi.StandardStreams;
import io.sandkernel.process.ProcessInfo;
import io.sandkernel.process.SigmaskHow;
import io.sandkernel.process.SignalSet;
import io.sandkernel.process.WaitOption;
import io.sandkernel.process.WaitResult;
import io.sandkernel.user.ProcessIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Supplier;

/**
 * The {@link ProcessApi} a JVM program sees: the kernel's system calls, each one a checkpoint where
 * the program acts on its signals (see {@link JvmProcess}). Stream reads and writes restart after a
 * handler ran (as with {@code SA_RESTART}); {@link #sleep} and {@link #waitpid} fail with EINTR.
 */
final class JvmProcessApi implements ProcessApi {
    private final ProcessApi kernel;
    private final JvmProcess process;
    private final InputStream stdin;
    private final OutputStream out;
    private final OutputStream err;
    // Created on first use: a PrintStream holds 16 KiB of encoder buffers, and most processes
    // (sleep, true) never print.
    private PrintStream stdout;
    private PrintStream stderr;

    JvmProcessApi(ProcessApi kernel, JvmProcess process, StandardStreams stdio) {
        this.kernel = kernel;
        this.process = process;
        this.stdin = new CheckedInput(stdio.stdin());
        this.out = new CheckedOutput(stdio.stdout());
        this.err = new CheckedOutput(stdio.stderr());
    }

    private <T> T call(Supplier<T> syscall) {
        process.checkpoint();
        T result = syscall.get();
        process.checkpoint();
        return result;
    }

    private void run(Runnable syscall) {
        process.checkpoint();
        syscall.run();
        process.checkpoint();
    }

    @Override
    public int pid() {
        return kernel.pid();
    }

    @Override
    public int ppid() {
        return kernel.ppid();
    }

    @Override
    public String command() {
        return kernel.command();
    }

    @Override
    public List<String> args() {
        return kernel.args();
    }

    @Override
    public ProcessIdentity identity() {
        return kernel.identity();
    }

    @Override
    public Map<String, String> env() {
        return kernel.env();
    }

    @Override
    public String cwd() {
        return kernel.cwd();
    }

    @Override
    public void chdir(String path) {
        run(() -> kernel.chdir(path));
    }

    @Override
    public Path resolve(String path) {
        return call(() -> kernel.resolve(path));
    }

    @Override
    public InputStream stdin() {
        return stdin;
    }

    /** Flushes the print streams the program used; creates none. */
    void flushOutput() {
        if (stdout != null) {
            stdout.flush();
        }
        if (stderr != null) {
            stderr.flush();
        }
    }

    @Override
    public PrintStream stdout() {
        if (stdout == null) {
            stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
        }
        return stdout;
    }

    @Override
    public PrintStream stderr() {
        if (stderr == null) {
            stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
        }
        return stderr;
    }

    @Override
    public int spawn(SpawnRequest request) {
        return call(() -> kernel.spawn(request));
    }

    @Override
    public Optional<WaitResult> waitpid(int pid, WaitOption... options) {
        while (true) {
            process.checkpoint();
            try {
                Optional<WaitResult> result = kernel.waitpid(pid, options);
                process.checkpoint();
                return result;
            } catch (KernelException e) {
                if (e.errno() != Errno.EINTR || process.checkpoint()) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void kill(int pid, int signal) {
        run(() -> kernel.kill(pid, signal));
    }

    @Override
    public void setpgid(int pid, int pgid) {
        run(() -> kernel.setpgid(pid, pgid));
    }

    @Override
    public int getpgid(int pid) {
        return call(() -> kernel.getpgid(pid));
    }

    @Override
    public int setsid() {
        return call(kernel::setsid);
    }

    @Override
    public int getsid(int pid) {
        return call(() -> kernel.getsid(pid));
    }

    @Override
    public SignalSet sigprocmask(SigmaskHow how, SignalSet set) {
        return call(() -> kernel.sigprocmask(how, set));
    }

    @Override
    public SignalSet sigpending() {
        return call(kernel::sigpending);
    }

    @Override
    public SignalHandler signal(int signal, SignalHandler handler) {
        return call(() -> process.setHandler(signal, handler));
    }

    @Override
    public boolean hasCommand(String name) {
        return kernel.hasCommand(name);
    }

    @Override
    public int umask(int mask) {
        return call(() -> kernel.umask(mask));
    }

    @Override
    public void sleep(Duration duration) {
        process.sleep(duration);
    }

    @Override
    public SortedMap<Integer, ProcessInfo> processes() {
        return call(kernel::processes);
    }

    @Override
    public void exit(int status) {
        throw new ProcessTermination(status & 0xFF);
    }

    @Override
    public InputStream openRead(String path) {
        return new CheckedInput(call(() -> kernel.openRead(path)));
    }

    @Override
    public OutputStream openWrite(String path, boolean append) {
        return new CheckedOutput(call(() -> kernel.openWrite(path, append)));
    }

    @Override
    public int[] pipe() {
        return call(kernel::pipe);
    }

    @Override
    public void close(int fd) {
        run(() -> kernel.close(fd));
    }

    @Override
    public void dup2(int oldFd, int newFd) {
        run(() -> kernel.dup2(oldFd, newFd));
    }

    @Override
    public int open(String path, boolean write, boolean append) {
        return call(() -> kernel.open(path, write, append));
    }

    @Override
    public InputStream input(int fd) {
        return new CheckedInput(call(() -> kernel.input(fd)));
    }

    @Override
    public OutputStream output(int fd) {
        return new CheckedOutput(call(() -> kernel.output(fd)));
    }

    @Override
    public boolean isatty(int fd) {
        return kernel.isatty(fd);
    }

    @Override
    public int tcgetpgrp(int fd) {
        return call(() -> kernel.tcgetpgrp(fd));
    }

    @Override
    public void tcsetpgrp(int fd, int pgid) {
        run(() -> kernel.tcsetpgrp(fd, pgid));
    }

    @Override
    public io.sandkernel.api.tty.Termios tcgetattr(int fd) {
        return call(() -> kernel.tcgetattr(fd));
    }

    @Override
    public void tcsetattr(int fd, io.sandkernel.api.tty.Termios termios) {
        run(() -> kernel.tcsetattr(fd, termios));
    }

    @Override
    public io.sandkernel.api.tty.TerminalSize terminalSize(int fd) {
        return call(() -> kernel.terminalSize(fd));
    }

    /** Reads as kernel calls: checkpoints around each, restarting after handlers. */
    private final class CheckedInput extends InputStream {
        private final InputStream in;

        CheckedInput(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n;
            do {
                n = read(one, 0, 1);
            } while (n == 0);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            process.checkpoint();
            while (true) {
                try {
                    int n = in.read(b, off, len);
                    process.checkpoint();
                    return n;
                } catch (InterruptedIOException e) {
                    process.checkpoint();
                } catch (IOException e) {
                    process.checkpoint();
                    throw e;
                }
            }
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Writes as kernel calls: checkpoints around each, so SIGPIPE and stops take effect. */
    private final class CheckedOutput extends OutputStream {
        private final OutputStream out;

        CheckedOutput(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            process.checkpoint();
            while (true) {
                try {
                    out.write(b, off, len);
                    process.checkpoint();
                    return;
                } catch (InterruptedIOException e) {
                    // part may have been written; pipes only block before a full buffer, so
                    // a restart can duplicate at most what the interrupted wait had accepted
                    process.checkpoint();
                    int done = e.bytesTransferred;
                    off += done;
                    len -= done;
                } catch (IOException e) {
                    process.checkpoint();
                    throw e;
                }
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
