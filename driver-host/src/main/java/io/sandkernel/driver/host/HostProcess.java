package io.sandkernel.driver.host;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.spi.ExitLatch;
import io.sandkernel.api.spi.StandardStreams;
import io.sandkernel.process.DriverProcess;
import io.sandkernel.process.Signals;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.IntConsumer;

/**
 * One real OS process run by the {@link HostDriver}: its stdio pumps (virtual threads), its signal
 * delivery and its exit report.
 *
 * <p>The exit is observed through {@link Process#onExit()}; no thread blocks in {@code waitFor}.
 * When the OS process has ended, a virtual thread waits for standard output and error to be copied
 * to their end, then completes {@link #waitFor} and calls the exit hook, exactly once.
 */
final class HostProcess implements DriverProcess {
    private static final System.Logger LOG = System.getLogger(HostProcess.class.getName());
    private static final int BUFFER = 8192;
    private static final Duration PROGRAM_START = Duration.ofSeconds(1);

    private final HostDriver driver;
    private final Process process;
    private final String label;
    /** The session (and process group) id when the process runs in a new session, else 0. */
    private final long session;
    private final Duration outputGrace;
    /** Wrapper processes between the OS process and the program (0 when unconfined). */
    private final int depth;
    private final ExitLatch exit = new ExitLatch();
    private Thread stdinPump;
    private OutputPump stdoutPump;
    private OutputPump stderrPump;

    HostProcess(HostDriver driver, Process process, String label, boolean newSession, Duration outputGrace,
                int depth) {
        this.driver = driver;
        this.process = process;
        this.label = label;
        this.session = newSession ? process.pid() : 0;
        this.outputGrace = outputGrace;
        this.depth = depth;
    }

    /** Starts the pumps and the exit watch; called once, right after the OS process started. */
    void begin(InputStream stdin, OutputStream stdout, OutputStream stderr) {
        // Streams sent to the null device at start need no copying thread.
        if (!isDiscarded(stdout)) {
            stdoutPump = new OutputPump(process.getInputStream(), stdout);
            stdoutPump.start(label + "-stdout");
        }
        if (!isDiscarded(stderr)) {
            stderrPump = new OutputPump(process.getErrorStream(), stderr);
            stderrPump.start(label + "-stderr");
        }
        if (stdin != StandardStreams.NULL_INPUT) {
            stdinPump = Thread.ofVirtual().name(label + "-stdin").start(() -> copyStdin(stdin));
        }
        process.onExit().whenCompleteAsync((ended, failure) -> finish(), HostDriver.VIRTUAL);
    }

    /** Whether output to {@code stream} goes nowhere, so the OS process can write to the null device. */
    static boolean isDiscarded(OutputStream stream) {
        return stream == null || stream == StandardStreams.NULL_OUTPUT;
    }

    /** The OS pid. */
    long pid() {
        return process.pid();
    }

    /** The OS session id when the process was started in a new session, else 0. */
    long session() {
        return session;
    }

    boolean hasEnded() {
        return exit.isDone();
    }

    @Override
    public void kill(int signal) {
        if (!Signals.isValid(signal)) {
            throw new KernelException(Errno.EINVAL, "invalid signal " + signal);
        }
        if (exit.isDone() || !process.isAlive()) {
            return; // already ended: its pid may belong to someone else by now
        }
        switch (signal) {
            case Signals.SIGKILL -> killTree();
            // through the handle: Process.destroy() would also close the pipes, so a process
            // handling SIGTERM could neither write its last words nor keep running
            case Signals.SIGTERM -> program().destroy(); // SIGTERM on Unix
            default -> {
                try {
                    driver.signaller().send(program().pid(), signal);
                } catch (KernelException e) {
                    if (e.errno() != Errno.ESRCH || process.isAlive()) {
                        throw e;
                    }
                    // it ended meanwhile: as if the signal came just too late
                }
            }
        }
    }

    /**
     * The program itself: the OS process when unconfined, else the process {@code depth} first
     * children below it (the wrapper's own pid 1 would ignore signals it has no handler for). While
     * the wrappers are still starting it, waits for it a little; a process that never gets there
     * is signalled as the wrapper.
     */
    ProcessHandle program() {
        ProcessHandle wrapper = process.toHandle();
        long deadline = System.nanoTime() + PROGRAM_START.toNanos();
        while (depth > 0 && process.isAlive()) {
            ProcessHandle found = wrapper;
            for (int level = 0; level < depth && found != null; level++) {
                found = found.children().min(HostProcess::byStart).orElse(null);
            }
            if (found != null || System.nanoTime() > deadline) {
                return found != null ? found : wrapper;
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return wrapper;
    }

    /** Older first: the program is the wrapper's first child, orphans adopted by it come later. */
    private static int byStart(ProcessHandle a, ProcessHandle b) {
        java.time.Instant left = a.info().startInstant().orElse(java.time.Instant.MAX);
        java.time.Instant right = b.info().startInstant().orElse(java.time.Instant.MAX);
        int order = left.compareTo(right);
        return order != 0 ? order : Long.compare(a.pid(), b.pid());
    }

    /**
     * Kills the process and every host process under it with SIGKILL: its descendants, and when it
     * runs in its own session every member of that session (orphans that were re-parented).
     */
    void killTree() {
        List<ProcessHandle> victims = new ArrayList<>(process.descendants().toList());
        process.toHandle().destroyForcibly(); // leaves the pipes open to copy what was written
        for (ProcessHandle victim : victims) {
            victim.destroyForcibly();
        }
        if (session > 0) {
            for (ProcessHandle member : ProcFs.sessionMembers(session)) {
                member.destroyForcibly();
            }
        }
    }

    @Override
    public OptionalInt waitFor(Duration timeout) {
        return exit.waitFor(timeout);
    }

    /**
     * Installs the exit hook. When the process has already ended the hook is called at once, on
     * the calling thread. A later call replaces a hook not yet called.
     */
    @Override
    public void setOnExit(IntConsumer hook) {
        exit.setOnExit(hook);
    }

    /** Runs on a virtual thread once the OS process has been reaped. */
    private void finish() {
        int code;
        try {
            if (stdoutPump != null) {
                stdoutPump.awaitDrained(outputGrace);
            }
            if (stderrPump != null) {
                stderrPump.awaitDrained(outputGrace);
            }
            code = process.exitValue(); // 128 + signal when killed by one, on Linux
        } catch (RuntimeException | Error e) {
            code = 255;
            LOG.log(System.Logger.Level.WARNING, "cannot read the exit of host process " + label, e);
        }
        if (stdinPump != null) {
            stdinPump.interrupt();
        }
        try {
            exit.report(code);
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.WARNING, "exit hook of host process " + label + " failed", e);
        }
        driver.ended(this);
    }

    /** Copies kernel stdin to the process; closes the process's stdin at EOF. */
    private void copyStdin(InputStream from) {
        OutputStream to = process.getOutputStream();
        try {
            if (from == null) {
                return;
            }
            byte[] buffer = new byte[BUFFER];
            while (!exit.isDone()) {
                int n = from.read(buffer);
                if (n < 0) {
                    break;
                }
                if (n > 0) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process closed its stdin or ended, or the kernel stream failed: stop copying
            LOG.log(System.Logger.Level.TRACE, "stdin of " + label + " stopped", e);
        } finally {
            closeQuietly(to);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // nothing to do
        }
    }

    /** Copies one output pipe of the process to a kernel stream on a virtual thread. */
    private final class OutputPump {
        private final InputStream from;
        private final OutputStream to;
        private volatile boolean reading;
        private volatile long copied;
        private volatile boolean detached;
        private Thread thread;

        OutputPump(InputStream from, OutputStream to) {
            this.from = from;
            this.to = to;
        }

        void start(String name) {
            thread = Thread.ofVirtual().name(name).start(this::run);
        }

        private void run() {
            byte[] buffer = new byte[BUFFER];
            try {
                while (true) {
                    reading = true;
                    int n = from.read(buffer);
                    reading = false;
                    if (n < 0 || detached) {
                        break;
                    }
                    if (to != null && n > 0) {
                        to.write(buffer, 0, n);
                        to.flush();
                    }
                    copied += n;
                }
            } catch (IOException | RuntimeException e) {
                // the kernel stream is closed (a reader went away): stop, so the writer sees EPIPE
                LOG.log(System.Logger.Level.TRACE, "output pump of " + label + " stopped", e);
            } finally {
                reading = false;
                closeQuietly(from);
            }
        }

        /**
         * Waits until the pipe reached its end. A pipe still held open by a descendant that
         * outlived the process, with nothing arriving for {@code grace}, is given up: what it
         * writes later is discarded.
         */
        void awaitDrained(Duration grace) {
            boolean interrupted = false;
            while (thread.isAlive()) {
                long before = copied;
                try {
                    if (thread.join(grace)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
                if (reading && copied == before) {
                    detached = true;
                    break;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
