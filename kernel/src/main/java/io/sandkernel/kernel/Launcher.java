package io.sandkernel.kernel;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.SpawnRequest;
import io.sandkernel.api.spi.ProcessLaunch;
import io.sandkernel.api.spi.ExecutableFormat;
import io.sandkernel.api.spi.RuntimeDriver;
import io.sandkernel.api.spi.StandardStreams;
import io.sandkernel.kernel.fd.DescriptorStreams;
import io.sandkernel.kernel.fd.FdTable;
import io.sandkernel.kernel.fd.OpenFile;
import io.sandkernel.kernel.fd.ProcessFiles;
import io.sandkernel.kernel.memory.ProcessMemory;
import io.sandkernel.kernel.vfs.Caller;
import io.sandkernel.kernel.vfs.Resolved;
import io.sandkernel.process.ProcessContext;
import io.sandkernel.process.ProcessTable;
import io.sandkernel.process.SigmaskHow;
import io.sandkernel.process.SignalSet;
import io.sandkernel.process.Signals;
import io.sandkernel.process.WaitOption;
import io.sandkernel.user.ProcessIdentity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Starts processes for a {@link Kernel}: checks the command, the quota and the argument size,
 * registers the process in the table, hands it to its driver, and cleans up when it exits
 * (descriptors first, then the table, then the handle's future).
 */
final class Launcher {
    /** What a process starts with, besides its driver. */
    record Start(int ppid, List<String> argv, Map<String, String> env, Resolved cwd, ProcessIdentity identity,
                 FdTable fds, int pgid, boolean newSession, SignalSet mask, int umask, IntConsumer registered) {}

    private final Kernel kernel;
    private final ProcessTable table;
    private final ProcessQuota quota;

    Launcher(Kernel kernel, ProcessTable table, ProcessQuota quota) {
        this.kernel = kernel;
        this.table = table;
        this.quota = quota;
    }

    /** {@link ProcessApi#spawn} for {@code parent}. */
    int spawnChild(Task parent, SpawnRequest request) {
        ProcessFiles files = parent.files;
        Resolved cwd = kernel.vfs().resolveDirectory(files.caller(), files.cwdFile(), request.cwd());
        FdTable fds = Wiring.child(kernel.vfs(), kernel.limits().maxOpenFiles(), files, request, cwd);
        SignalSet mask;
        try {
            mask = table.sigprocmask(parent.pid, SigmaskHow.BLOCK, SignalSet.empty());
        } catch (RuntimeException e) {
            fds.closeAll();
            throw e;
        }
        IntConsumer beforeRun = request.foreground() ? child -> giveTerminal(parent, child) : null;
        return start(new Start(parent.pid, request.argv(), request.env(), cwd, parent.identity, fds, request.pgid(),
                request.newSession(), mask, files.caller().umask(), beforeRun)).pid;
    }

    /** Makes {@code child}'s group the foreground of {@code parent}'s terminal, if it has one. */
    private void giveTerminal(Task parent, int child) {
        for (int fd = 0; fd < 3; fd++) {
            OpenFile file = parent.files.fds().find(fd);
            if (file != null && file.terminal() != null) {
                try {
                    file.terminal().tcsetpgrp(parent.pid, table.getpgid(child));
                } catch (KernelException e) {
                    // not its controlling terminal: as tcsetpgrp failing
                }
                return;
            }
        }
    }

    /**
     * {@link ProcessApi#spawn(SpawnRequest, io.sandkernel.api.Program)} for {@code parent}: a child
     * that runs {@code program} on the parent's own driver, as after {@code fork} without
     * {@code exec}. Nothing is executed, so argv and env are not checked against the size limit.
     */
    int spawnProgram(Task parent, SpawnRequest request, io.sandkernel.api.Program program) {
        RuntimeDriver driver = kernel.driverFor(parent.command);
        if (!driver.name().equals(parent.driverName)) {
            throw new KernelException(Errno.ENOSYS, parent.command + ": its runtime cannot run program objects");
        }
        ProcessFiles parentFiles = parent.files;
        Resolved cwd = kernel.vfs().resolveDirectory(parentFiles.caller(), parentFiles.cwdFile(), request.cwd());
        FdTable fds = Wiring.child(kernel.vfs(), kernel.limits().maxOpenFiles(), parentFiles, request, cwd);
        Start start;
        try {
            SignalSet mask = table.sigprocmask(parent.pid, SigmaskHow.BLOCK, SignalSet.empty());
            IntConsumer beforeRun = request.foreground() ? child -> giveTerminal(parent, child) : null;
            start = new Start(parent.pid, request.argv(), request.env(), cwd, parent.identity, fds, request.pgid(),
                    request.newSession(), mask, parentFiles.caller().umask(), beforeRun);
            quota.reserve(parent.identity.uid());
        } catch (RuntimeException e) {
            fds.closeAll();
            throw e;
        }
        Task task;
        try {
            int pid = table.allocatePid();
            List<String> argv = request.argv();
            ProcessFiles files = new ProcessFiles(kernel.vfs(), fds, pid, start.identity(), start.umask(), cwd,
                    kernel::newPipe, () -> raiseSigpipe(pid));
            task = new Task(pid, parent.pid, argv.get(0), argv.subList(1, argv.size()), start.identity(),
                    driver.name(), start.env(), files, new ProcessMemory(kernel.memory(), parent.memory.limit()),
                    parent.group);
            StandardStreams streams = new StandardStreams(DescriptorStreams.input(files, 0),
                    DescriptorStreams.output(files, 1), DescriptorStreams.output(files, 2));
            Task child = task;
            ProcessLaunch launch = new ProcessLaunch(pid, task.command, task.args, start.env(), files.cwd(), streams,
                    checkpoint -> new Syscalls(kernel, child, checkpoint));
            task.attach(driver.start(launch, program));
            kernel.cpu().inherit(parent, task);
        } catch (RuntimeException e) {
            fds.closeAll();
            quota.release(start.identity().uid());
            throw e;
        }
        return register(driver, task, start).pid;
    }

    /** Starts a process; takes over {@code start.fds()}, closing it on failure. */
    Task start(Start start) {
        RuntimeDriver driver;
        Executables.Program program;
        try {
            if (start.argv().isEmpty()) {
                throw new KernelException(Errno.EINVAL, "empty argv");
            }
            quota.checkArgSize(start.argv(), start.env());
            // a registered command, or a file of the filesystem (#! script, or a format a driver claims)
            program = new Executables(kernel).resolve(new Caller(start.ppid(), start.identity(), start.umask()),
                    start.cwd(), start.argv(), start.env());
            driver = program.driver();
            quota.reserve(start.identity().uid());
        } catch (RuntimeException e) {
            start.fds().closeAll();
            throw e;
        }
        start = new Start(start.ppid(), program.argv(), start.env(), start.cwd(), start.identity(), start.fds(),
                start.pgid(), start.newSession(), start.mask(), start.umask(), start.registered());
        Task task;
        try {
            task = prepare(driver, start, program.image());
        } catch (RuntimeException e) {
            start.fds().closeAll();
            quota.release(start.identity().uid());
            throw e;
        }
        return register(driver, task, start);
    }

    /** Allocates the pid and hands the process to its driver, which starts it once registered. */
    private Task prepare(RuntimeDriver driver, Start start, byte[] image) {
        int pid = table.allocatePid();
        List<String> argv = start.argv();
        ProcessFiles files = new ProcessFiles(kernel.vfs(), start.fds(), pid, start.identity(), start.umask(),
                start.cwd(), kernel::newPipe, () -> raiseSigpipe(pid));
        ProcessMemory memory = new ProcessMemory(kernel.memory(), kernel.memoryLimitOf(start.ppid()));
        // the argument vector and environment are the kernel's copy, held while the process lives
        memory.reserve(ProcessQuota.argBytes(argv, start.env()));
        Task parent = kernel.task(start.ppid());
        // a process of the host starts a job of its own; any other joins its parent's for good
        ExecGroup group = parent == null ? ExecGroup.create() : parent.group;
        Task task = new Task(pid, start.ppid(), argv.get(0), argv.subList(1, argv.size()), start.identity(),
                driver.name(), start.env(), files, memory, group);
        boolean nullable = driver.fixedStandardStreams();
        FdTable fds = start.fds();
        StandardStreams streams = new StandardStreams(
                nullable && isNull(fds, 0) ? StandardStreams.NULL_INPUT : DescriptorStreams.input(files, 0),
                nullable && isNull(fds, 1) ? StandardStreams.NULL_OUTPUT : DescriptorStreams.output(files, 1),
                nullable && isNull(fds, 2) ? StandardStreams.NULL_OUTPUT : DescriptorStreams.output(files, 2));
        ProcessLaunch launch = new ProcessLaunch(pid, task.command, task.args, start.env(), files.cwd(), streams,
                checkpoint -> new Syscalls(kernel, task, checkpoint));
        try {
            task.attach(image == null ? driver.start(launch) : ((ExecutableFormat) driver).start(launch, image));
            kernel.cpu().inherit(parent, task);
        } catch (RuntimeException e) {
            memory.releaseAll();
            throw e;
        }
        return task;
    }

    /** Enters the process in the table and lets it run; a failure here ends it through its exit path. */
    private Task register(RuntimeDriver driver, Task task, Start start) {
        int pid = task.pid;
        ProcessContext context = ProcessContext.ofParent(start.ppid()).withEnv(start.env())
                .withCwd(task.files.cwd()).withIdentity(start.identity()).withUmask(start.umask())
                .withBlockedSignals(start.mask());
        try {
            table.register(pid, driver.name(), task.command, task.args, context, task);
            if (start.newSession()) {
                table.setsid(pid);
            } else if (start.pgid() == 0 && table.getpgid(pid) != pid) {
                table.setpgid(pid, pid);
            } else if (start.pgid() > 0) {
                table.setpgid(pid, start.pgid());
            }
            if (start.registered() != null) {
                start.registered().accept(pid);
            }
        } catch (RuntimeException e) {
            task.activate(this::onExit);
            task.kill(Signals.SIGKILL);
            throw e;
        }
        boolean joined = kernel.live(task);
        task.activate(this::onExit);
        // a process started while its job is being killed dies with it, as on cgroup.kill
        if (!joined || kernel.isClosed()) {
            task.kill(Signals.SIGKILL);
        }
        return task;
    }

    private static boolean isNull(FdTable fds, int fd) {
        OpenFile file = fds.find(fd);
        return file != null && file.isNullDevice();
    }

    /** Runs when an execution ends: descriptors first, then the table, then the handle's future. */
    private void onExit(Task task, int status, IntConsumer tableHook) {
        Task parent = kernel.task(task.ppid);
        if (parent != null) {
            // before the parent can reap it: its getrusage(RUSAGE_CHILDREN) then includes this one
            parent.childrenCpu.addAndGet(Math.max(0, task.cpuNanos()) + task.childrenCpu.get());
        }
        kernel.dead(task);
        task.files.fds().closeAll();
        task.memory.releaseAll();
        quota.release(task.identity.uid());
        if (tableHook != null) {
            tableHook.accept(status);
        }
        if (task.ppid == 0) {
            try {
                // Nobody can waitpid for a host-spawned process: its handle holds the status.
                table.awaitExit(task.pid, Duration.ZERO);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (KernelException e) {
                // already reaped
            }
        }
        kernel.reapOrphans();
        task.exit.complete(status);
    }

    private void raiseSigpipe(int pid) {
        try {
            table.kill(pid, Signals.SIGPIPE);
        } catch (KernelException e) {
            // the writer is gone already
        }
    }
}
