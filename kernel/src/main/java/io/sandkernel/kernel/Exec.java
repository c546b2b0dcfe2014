package io.sandkernel.kernel;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.process.Signals;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalInt;

/** Runs a spawned process to completion for {@link Kernel#exec}: feeds stdin, drains output, enforces the timeout. */
final class Exec {
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);
    private static final Duration JOB_POLL = Duration.ofMillis(10);
    /** The most bytes of each output stream kept; the rest is read and dropped. */
    static final int MAX_OUTPUT = 16 * 1024 * 1024;

    private Exec() {}

    /**
     * The processes an exec started: its {@link ExecGroup}, which every process it leads to joins
     * and cannot leave (as on Linux, where a supervisor kills the cgroup, not only the child).
     */
    interface Job {
        /** Sends {@code signal} to every live process of the job. */
        void signal(int signal);

        /** Whether a process of the job is still alive. */
        boolean alive();
    }

    static ExecResult run(KernelProcess process, Job job, byte[] input, Duration timeout, Duration grace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread outReader = Thread.ofVirtual().name("sandkernel-exec-out-" + process.pid())
                .start(() -> drain(process.stdout(), out));
        Thread errReader = Thread.ofVirtual().name("sandkernel-exec-err-" + process.pid())
                .start(() -> drain(process.stderr(), err));
        Thread writer = Thread.ofVirtual().name("sandkernel-exec-in-" + process.pid())
                .start(() -> feed(process.stdin(), input));
        boolean timedOut = false;
        int status;
        try {
            OptionalInt exit = timeout == null ? OptionalInt.of(process.waitFor()) : process.waitFor(timeout);
            if (exit.isEmpty()) {
                timedOut = true;
                exit = end(process, job, grace);
            }
            status = exit.orElse(128 + Signals.SIGKILL);
            finish(outReader, grace);
            finish(errReader, grace);
            finish(writer, Duration.ZERO);
        } catch (InterruptedException e) {
            job.signal(Signals.SIGKILL);
            outReader.interrupt();
            errReader.interrupt();
            writer.interrupt();
            Thread.currentThread().interrupt();
            throw new KernelException(Errno.EINTR, "exec interrupted");
        }
        return new ExecResult(status, text(out), text(err), timedOut);
    }

    /**
     * Ends the whole job: SIGTERM to each of its processes, up to {@code grace} for them to go,
     * then SIGKILL to whatever is left (a trapped SIGTERM, a stopped process).
     */
    private static OptionalInt end(KernelProcess process, Job job, Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        job.signal(Signals.SIGTERM);
        OptionalInt exit = process.waitFor(grace);
        while (job.alive() && System.nanoTime() < deadline) {
            Thread.sleep(JOB_POLL);
        }
        job.signal(Signals.SIGKILL);
        exit = exit.isPresent() ? exit : process.waitFor(KILL_WAIT);
        // what was started meanwhile was refused and killed: wait until the whole job is gone
        long killDeadline = System.nanoTime() + KILL_WAIT.toNanos();
        while (job.alive() && System.nanoTime() < killDeadline) {
            job.signal(Signals.SIGKILL);
            Thread.sleep(JOB_POLL);
        }
        return exit;
    }

    private static String text(ByteArrayOutputStream buffer) {
        synchronized (buffer) {
            return buffer.toString(StandardCharsets.UTF_8);
        }
    }

    /** Waits for a stream thread, interrupting it when descendants keep the pipe open too long. */
    private static void finish(Thread thread, Duration wait) throws InterruptedException {
        if (!thread.join(wait)) {
            thread.interrupt();
            thread.join();
        }
    }

    private static void drain(InputStream in, ByteArrayOutputStream sink) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (sink) {
                    sink.write(buffer, 0, Math.max(0, Math.min(n, MAX_OUTPUT - sink.size())));
                }
            }
        } catch (IOException e) {
            // interrupted, or the kernel closed: keep what was read
        }
    }

    private static void feed(OutputStream in, byte[] bytes) {
        try (in) {
            if (bytes.length > 0) {
                in.write(bytes);
            }
        } catch (IOException e) {
            // the process does not read its input: as a shell would, drop it
        }
    }
}
