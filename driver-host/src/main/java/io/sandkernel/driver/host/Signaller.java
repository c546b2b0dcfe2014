package io.sandkernel.driver.host;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sends arbitrary OS signals without starting a process per signal: one long-lived {@code /bin/sh}
 * co-process per driver, started on first use, reads lines such as {@code kill -19 1234} from its
 * standard input and answers each with an acknowledgement line carrying {@code kill}'s status.
 * {@code kill} is a shell builtin, so the shell forks nothing. Java 21 has no API for signals other
 * than SIGTERM and SIGKILL, and its foreign-function API is still a preview there.
 *
 * <p>Requests are serialised with a lock of this class only; callers must hold no kernel lock.
 * If the shell dies it is started again on the next request.
 */
final class Signaller implements AutoCloseable {
    private static final String ACK = "__sandkernel_ack";
    private static final System.Logger LOG = System.getLogger(Signaller.class.getName());

    private final List<String> command;
    private final ReentrantLock lock = new ReentrantLock();
    private Process process;
    private OutputStream commands;
    private BufferedReader replies;
    private boolean closed;

    /**
     * @param shell  the POSIX shell to run
     * @param setsid {@code setsid}, to keep the shell out of the embedder's terminal signals, or null
     */
    Signaller(Path shell, Path setsid) {
        this.command = setsid == null ? List.of(shell.toString()) : List.of(setsid.toString(), shell.toString());
    }

    /**
     * Sends {@code signal} to the OS process {@code target}; a negative target names a process
     * group, as {@code kill(2)} does.
     *
     * @throws KernelException ESRCH when {@code kill} fails (no such process), EIO when the
     *                         signaller cannot run
     */
    void send(long target, int signal) {
        String line = "kill -" + signal + " " + target + " 2>&1; echo \"" + ACK + " $?\"\n";
        lock.lock();
        try {
            if (closed) {
                throw new KernelException(Errno.EIO, "host driver is closed; cannot signal " + target);
            }
            IOException failure = null;
            for (int attempt = 0; attempt < 2; attempt++) {
                try {
                    ensureStarted();
                    commands.write(line.getBytes(StandardCharsets.US_ASCII));
                    commands.flush();
                    StringBuilder output = new StringBuilder();
                    for (String reply = replies.readLine(); ; reply = replies.readLine()) {
                        if (reply == null) {
                            throw new IOException("signaller shell ended");
                        }
                        if (reply.startsWith(ACK + " ")) {
                            int status = Integer.parseInt(reply.substring(ACK.length() + 1).trim());
                            if (status != 0) {
                                throw new KernelException(Errno.ESRCH, "cannot send signal " + signal + " to host process "
                                        + target + ": " + output.toString().trim());
                            }
                            return;
                        }
                        output.append(reply).append('\n');
                    }
                } catch (IOException | NumberFormatException e) {
                    failure = e instanceof IOException io ? io : new IOException(e);
                    LOG.log(System.Logger.Level.DEBUG, "signaller failed, restarting it", e);
                    stopShell();
                }
            }
            throw new KernelException(Errno.EIO, "cannot signal host process " + target + ": " + failure.getMessage(),
                    failure);
        } finally {
            lock.unlock();
        }
    }

    /** The OS pid of the signaller shell, when it runs. */
    OptionalLong pid() {
        lock.lock();
        try {
            return process != null && process.isAlive() ? OptionalLong.of(process.pid()) : OptionalLong.empty();
        } finally {
            lock.unlock();
        }
    }

    private void ensureStarted() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        stopShell();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .directory(Path.of("/").toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("LC_ALL", "C");
        process = builder.start();
        commands = process.getOutputStream();
        replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    private void stopShell() {
        Process old = process;
        process = null;
        if (old == null) {
            return;
        }
        try {
            old.getOutputStream().close();
        } catch (IOException ignored) {
            // the shell is going anyway
        }
        try {
            if (!old.waitFor(1, TimeUnit.SECONDS)) {
                old.destroyForcibly();
                old.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            old.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            old.getInputStream().close();
        } catch (IOException ignored) {
            // nothing left to read
        }
    }

    /** Ends the shell; later requests fail with EIO. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            stopShell();
        } finally {
            lock.unlock();
        }
    }
}
