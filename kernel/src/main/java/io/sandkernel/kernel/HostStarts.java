package io.sandkernel.kernel;

import io.sandkernel.KernelException;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.kernel.dev.TerminalTable;
import io.sandkernel.kernel.fd.FdTable;
import io.sandkernel.kernel.fd.OpenFile;
import io.sandkernel.kernel.fd.TerminalDevice;
import io.sandkernel.kernel.fd.WaitQueue;
import io.sandkernel.kernel.tty.PseudoTerminal;
import io.sandkernel.kernel.vfs.Caller;
import io.sandkernel.kernel.vfs.Resolved;
import io.sandkernel.kernel.vfs.Vfs;
import io.sandkernel.process.ProcessTable;
import io.sandkernel.process.SignalSet;
import io.sandkernel.user.ProcessIdentity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * What the host starts in a kernel: processes with their standard streams wired to the host
 * ({@link Kernel#spawn}) and interactive shells on new pseudo-terminals ({@link Kernel#openShell}).
 * Host-started processes lead their own session, with ppid 0 and umask 022.
 */
final class HostStarts {
    private final Kernel kernel;
    private final Launcher launcher;
    private final ProcessTable table;
    private final UserAccount guest;
    private final Map<String, String> defaultEnv;

    HostStarts(Kernel kernel, Launcher launcher, ProcessTable table, UserAccount guest, Map<String, String> defaultEnv) {
        this.kernel = kernel;
        this.launcher = launcher;
        this.table = table;
        this.guest = guest;
        this.defaultEnv = defaultEnv;
    }

    /** {@link Kernel#spawn}. */
    KernelProcess spawn(String command, List<String> args, SpawnOptions options) {
        return spawn(command, args, options, null);
    }

    /** {@link Kernel#spawn}, with {@code registered} told the pid before the program runs (or null). */
    KernelProcess spawn(String command, List<String> args, SpawnOptions options, IntConsumer registered) {
        List<String> argv = new ArrayList<>();
        argv.add(command);
        argv.addAll(args);
        ProcessIdentity identity = options.identity() == null ? guest.identity() : options.identity();
        Caller caller = new Caller(0, identity, 0022);
        Resolved cwd = startDirectory(caller, options.cwd());
        Map<String, String> env = new LinkedHashMap<>(defaultEnv);
        env.putAll(options.env());
        env.put("PWD", cwd.path());
        OpenFile[] hostEnds = new OpenFile[3];
        FdTable fds = Wiring.host(kernel, options, caller, cwd, hostEnds);
        Task task;
        try {
            task = launcher.start(new Launcher.Start(0, argv, env, cwd, identity, fds, -1, false, SignalSet.empty(),
                    0022, registered));
        } catch (RuntimeException e) {
            for (OpenFile end : hostEnds) {
                if (end != null) {
                    end.release();
                }
            }
            throw e;
        }
        return new KernelProcess(kernel, task, hostEnds[0], hostEnds[1], hostEnds[2]);
    }

    /** {@link Kernel#openShell}: {@code sh -i} on a new {@code /dev/pts/N}, hung up when the shell exits. */
    ShellSession openShell(ShellOptions options, TerminalTable terminals) {
        ProcessIdentity identity = options.identity() == null ? guest.identity() : options.identity();
        Caller caller = new Caller(0, identity, 0022);
        Resolved cwd = startDirectory(caller, options.cwd());
        WaitQueue pollers = new WaitQueue();
        PseudoTerminal terminal = new PseudoTerminal(options.size(), new TerminalControl(table, pollers));
        TerminalDevice device = terminals.add(terminal, pollers, identity.euid(), identity.egid());
        List<String> argv = new ArrayList<>();
        argv.add("sh");
        argv.add("-i");
        argv.addAll(options.args());
        Map<String, String> env = new LinkedHashMap<>(defaultEnv);
        env.put("PS1", ShellOptions.DEFAULT_PROMPT);
        env.put("COLUMNS", Integer.toString(options.size().columns()));
        env.put("LINES", Integer.toString(options.size().rows()));
        env.putAll(options.env());
        env.put("PWD", cwd.path());
        FdTable fds = new FdTable(kernel.limits().maxOpenFiles());
        for (int fd = 0; fd < 3; fd++) {
            fds.installAt(fd, device.open(OpenFlags.O_RDWR), false);
        }
        Task task;
        try {
            task = launcher.start(new Launcher.Start(0, argv, env, cwd, identity, fds, -1, false, SignalSet.empty(),
                    0022, pid -> terminal.attach(table.getsid(pid))));
        } catch (RuntimeException e) {
            terminals.remove(device);
            throw e;
        }
        task.exit.whenComplete((status, failure) -> {
            terminal.hangup();
            terminals.remove(device);
        });
        return new ShellSession(new KernelProcess(kernel, task, null, null, null), terminal);
    }

    /** The working directory a host-started process gets: {@code cwd}, or the guest's home, or "/". */
    private Resolved startDirectory(Caller caller, String cwd) {
        Vfs vfs = kernel.vfs();
        if (cwd != null) {
            return vfs.resolveDirectory(caller, null, cwd);
        }
        try {
            return vfs.resolveDirectory(caller, null, guest.home());
        } catch (KernelException e) {
            return vfs.resolveDirectory(caller, null, "/");
        }
    }
}
