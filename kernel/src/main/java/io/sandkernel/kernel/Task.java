package io.sandkernel.kernel;

import io.sandkernel.kernel.fd.ProcessFiles;
import io.sandkernel.kernel.memory.ProcessMemory;
import io.sandkernel.process.DriverProcess;
import io.sandkernel.user.ProcessIdentity;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

/**
 * The kernel's side of one process: credentials, environment, its files (descriptors, working
 * directory, umask), the memory it holds and the exit future. It also stands between the process table and the driver's execution as the
 * {@link DriverProcess} the table sees, so that the kernel closes the descriptors before the table
 * records the exit, and so that the execution starts only once its process group is set.
 */
final class Task implements DriverProcess {
    final int pid;
    final int ppid;
    final String command;
    final List<String> args;
    final ProcessIdentity identity;
    final String driverName;
    final Map<String, String> env;
    final ProcessFiles files;
    final ProcessMemory memory;
    /** The job it belongs to, inherited from its parent and never left. */
    final ExecGroup group;
    final CompletableFuture<Integer> exit = new CompletableFuture<>();
    /** CPU nanoseconds of its exited children and their descendants, {@code RUSAGE_CHILDREN}. */
    final java.util.concurrent.atomic.AtomicLong childrenCpu = new java.util.concurrent.atomic.AtomicLong();
    /** When it started, in {@link System#nanoTime()} terms, for {@code /proc/PID/stat}. */
    final long startNanos = System.nanoTime();
    private final AtomicBoolean exited = new AtomicBoolean();
    private volatile DriverProcess execution;
    private volatile IntConsumer tableHook;
    private volatile ExitListener listener;

    /** Told once when the execution ends, before the table hears of it. */
    interface ExitListener {
        void exited(Task task, int status, IntConsumer tableHook);
    }

    Task(int pid, int ppid, String command, List<String> args, ProcessIdentity identity, String driverName,
         Map<String, String> env, ProcessFiles files, ProcessMemory memory, ExecGroup group) {
        this.pid = pid;
        this.ppid = ppid;
        this.command = command;
        this.args = List.copyOf(args);
        this.identity = identity;
        this.driverName = driverName;
        this.env = Collections.synchronizedMap(new LinkedHashMap<>(env));
        this.files = files;
        this.memory = memory;
        this.group = group;
    }

    boolean hasExited() {
        return exited.get();
    }

    void attach(DriverProcess execution) {
        this.execution = execution;
    }

    /** Connects the execution's exit to the kernel and the table; the execution may now run. */
    void activate(ExitListener listener) {
        this.listener = listener;
        execution.setOnExit(this::exited);
    }

    /** Records the exit, once: from the driver's hook, or forced when a driver never reports it. */
    void exited(int status) {
        if (exited.compareAndSet(false, true)) {
            listener.exited(this, status, tableHook);
        }
    }

    @Override
    public void kill(int signal) {
        DriverProcess target = execution;
        if (target != null && !exited.get()) {
            target.kill(signal);
        }
    }

    @Override
    public OptionalInt waitFor(Duration timeout) {
        DriverProcess target = execution;
        if (target == null) {
            return OptionalInt.empty();
        }
        return target.waitFor(timeout);
    }

    /** Stores the table's hook; {@link #activate} connects it. */
    @Override
    public void setOnExit(IntConsumer onExit) {
        this.tableHook = onExit;
    }

    @Override
    public long cpuNanos() {
        DriverProcess target = execution;
        return target == null ? -1 : target.cpuNanos();
    }

    @Override
    public String toString() {
        return "Task[pid=" + pid + ", command=" + command + "]";
    }
}
