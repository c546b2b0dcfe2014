package io.sandkernel.driver.jvm;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.spi.Checkpoint;
import io.sandkernel.api.spi.ProcessLaunch;
import io.sandkernel.api.ProcessTermination;
import io.sandkernel.api.spi.RuntimeDriver;
import io.sandkernel.process.DriverProcess;
import io.sandkernel.process.Signals;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runtime driver for programs written in Java ({@link Program}), named {@code "jvm"}. Each
 * process runs on its own virtual thread with Linux signal semantics:
 *
 * <ul>
 *   <li>SIGKILL ends the process at once (status 137), wherever it is; its thread is interrupted
 *       and any later kernel call it makes ends it;</li>
 *   <li>SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGPIPE, SIGALRM, SIGUSR1, SIGUSR2 and every other
 *       signal without a handler whose default is not "ignore" end the process with status 128 +
 *       signal at its current or next kernel call (a blocked read, write, sleep or wait is
 *       interrupted for it);</li>
 *   <li>SIGSTOP, SIGTSTP, SIGTTIN and SIGTTOU suspend the program at its next kernel call until
 *       SIGCONT; SIGCHLD, SIGWINCH, SIGURG and SIGCONT are ignored by default;</li>
 *   <li>handlers installed with {@link io.sandkernel.api.ProcessApi#signal} run on the
 *       program's own thread at its next kernel call.</li>
 * </ul>
 *
 * A program that computes without making kernel calls cannot be stopped or ended by a catchable
 * signal before its next call, as a JVM thread cannot be preempted; SIGKILL still ends the process
 * for the kernel at once. A signal that needs the program's attention interrupts its thread, so
 * code blocking outside the kernel (e.g. {@code Thread.sleep}) sees an {@link InterruptedException}.
 *
 * <p>Mount an instance in one kernel only: {@link #close()} kills every process it runs.
 */
public final class JvmDriver implements RuntimeDriver {
    /** What {@link #close()} waits for threads at most: the kernel's whole close stays under a second. */
    private static final Duration CLOSE_WAIT = Duration.ofMillis(250);
    private static final System.Logger LOG = System.getLogger(JvmDriver.class.getName());

    private final Map<String, Program> commands;
    private final Set<JvmProcess> live = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** A driver offering exactly {@code commands}: each name mapped to the program it runs. */
    public JvmDriver(Map<String, Program> commands) {
        this.commands = Map.copyOf(commands);
    }

    @Override
    public String name() {
        return "jvm";
    }

    @Override
    public Set<String> commands() {
        return commands.keySet();
    }

    @Override
    public DriverProcess start(ProcessLaunch launch) {
        if (closed) {
            throw new KernelException(Errno.EAGAIN, "the jvm driver is closed");
        }
        Program command = commands.get(launch.command());
        if (command == null) {
            throw new KernelException(Errno.ENOENT, launch.command() + ": command not found");
        }
        return startThread(launch, command);
    }

    /** Runs a program object of a process of this driver (a shell's forked subshell) as a process. */
    @Override
    public DriverProcess start(ProcessLaunch launch, Program program) {
        if (closed) {
            throw new KernelException(Errno.EAGAIN, "the jvm driver is closed");
        }
        return startThread(launch, java.util.Objects.requireNonNull(program, "program"));
    }

    private DriverProcess startThread(ProcessLaunch launch, Program command) {
        JvmProcess process = new JvmProcess(launch.pid());
        // the kernel's own system calls, with this process's signal checkpoint around each
        ProcessApi api = launch.syscalls(process);
        Thread thread = Thread.ofVirtual().name("sandkernel-jvm-" + launch.pid() + "-" + launch.command())
                .unstarted(() -> run(process, command, api, launch.command()));
        // signals the process sends itself (stop bookkeeping) must not run checkpoints again
        ProcessLaunch.Syscalls factory = launch.syscalls();
        process.bind(() -> factory.create(Checkpoint.NONE), thread);
        live.add(process);
        thread.start();
        return process;
    }

    private void run(JvmProcess process, Program command, ProcessApi api, String name) {
        int status;
        try {
            process.awaitStart();
            // the first reading of a virtual thread's clock is its baseline: taken here, on the
            // program's own carrier, nothing the program computes goes uncounted before a tick
            process.cpuNanos();
            status = command.run(api) & 0xFF;
        } catch (ProcessTermination termination) {
            status = termination.status() & 0xFF;
        } catch (Throwable failure) {
            status = 1;
            if (!process.isDone()) {
                try {
                    api.stderr().println(name + ": " + describe(failure, name));
                } catch (Throwable ignored) {
                    // its stderr is gone as well
                }
            }
        }
        // the last reading, on the program's own carrier, before its exit tells the parent its CPU
        process.cpuNanos();
        try {
            process.finish(process.finalStatus(status));
        } finally {
            live.remove(process);
        }
    }

    /**
     * What the user reads of a program's unhandled failure: the errno's text for a kernel error,
     * GNU's words for memory and recursion, and otherwise a generic line; never Java's text, which
     * goes to the log with its stack instead.
     */
    static String describe(Throwable failure, String name) {
        if (failure instanceof KernelException e) {
            String text = e.errno().description();
            return Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }
        if (failure instanceof OutOfMemoryError) {
            return "memory exhausted";
        }
        if (failure instanceof StackOverflowError) {
            return "recursion too deep";
        }
        LOG.log(System.Logger.Level.DEBUG, "program " + name + " failed", failure);
        return "internal error";
    }

    /**
     * Kills what still runs and waits up to {@link #CLOSE_WAIT} for the threads to end (a killed
     * program stops at its next signal checkpoint, within milliseconds). Called by the kernel
     * after it has terminated its processes.
     */
    @Override
    public void close() {
        closed = true;
        for (JvmProcess process : live) {
            process.kill(Signals.SIGKILL);
        }
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        for (JvmProcess process : live) {
            Thread thread = process.thread();
            long remaining = deadline - System.nanoTime();
            if (thread != null && remaining > 0) {
                try {
                    thread.join(Duration.ofNanos(remaining));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
