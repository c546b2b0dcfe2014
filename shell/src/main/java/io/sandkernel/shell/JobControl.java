package io.sandkernel.shell;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.SignalHandler;
import io.sandkernel.process.ProcessInfo;
import io.sandkernel.process.ProcessStatus;
import io.sandkernel.process.Signals;
import io.sandkernel.process.WaitEvent;
import io.sandkernel.process.WaitOption;
import io.sandkernel.process.WaitResult;
import io.sandkernel.shell.JobTable.Job;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Waiting for jobs and reporting them, for the {@link Launcher} and the job builtins: foreground
 * waits that notice a stop, collecting background jobs' changes, continuing and signalling jobs.
 */
final class JobControl {
    private final Interpreter shell;
    private final Launcher launcher;
    private final ShellState state;
    private final ProcessApi api;
    /** Whether SIGCHLD is caught for {@code set -b}; see {@link #followNotify}. */
    private boolean notifying;

    JobControl(Interpreter shell, Launcher launcher) {
        this.shell = shell;
        this.launcher = launcher;
        this.state = shell.state;
        this.api = shell.api;
    }

    /** waitpid for one child, running traps on EINTR; null when there is no such child. */
    WaitResult waitBlocking(int pid, boolean untraced) {
        while (true) {
            try {
                Optional<WaitResult> result = untraced ? api.waitpid(pid, WaitOption.WUNTRACED) : api.waitpid(pid);
                return result.orElse(null);
            } catch (KernelException e) {
                if (e.errno() == Errno.EINTR) {
                    if (notifying) {
                        reportFinished(pid); // bash's set -b: other jobs' ends are told while this one runs
                    }
                    shell.traps.runPending();
                    continue;
                }
                if (e.errno() == Errno.ECHILD) {
                    return null;
                }
                throw e;
            }
        }
    }

    /**
     * Waits in the foreground for a job's processes. A stopped job is entered in the job table
     * (when not there yet) and reported; the result is then 128 + the stop signal.
     */
    int waitJob(Job job, boolean registered) {
        boolean control = state.monitor && job.pgid > 0;
        if (control) {
            shell.terminal.setForegroundGroup(job.pgid);
        }
        try {
            for (int pid : job.pids) {
                if (!job.live(pid)) {
                    continue;
                }
                WaitResult result = waitBlocking(pid, state.monitor);
                if (result == null) {
                    result = new WaitResult(pid, 127, WaitEvent.EXITED);
                }
                if (result.event() == WaitEvent.STOPPED) {
                    if (!registered) {
                        job = shell.jobs.adopt(job);
                    }
                    shell.jobs.record(result);
                    job.state = JobTable.State.STOPPED;
                    job.notified = true;
                    shell.jobs.touch(job);
                    shell.print(2, "\n" + shell.jobs.format(job) + "\n");
                    return 128 + result.status();
                }
                job.exits.put(pid, result.status());
            }
            job.state = JobTable.State.DONE;
            if (registered) {
                shell.jobs.removeKeepingStatus(job);
            }
            int status = job.status();
            if (control && status == 128 + Signals.SIGINT) {
                if (state.interactive) {
                    // The terminal's ^C went to the job's group, not to the shell's: as dash and bash do,
                    // the shell takes it for its own interrupt, so a loop around the job is abandoned at
                    // its next command, and the command line ends on a line of its own (Shell.repl)
                    shell.interruptRequested = true;
                } else {
                    shell.print(2, "\n"); // the next output starts on a line of its own after ^C
                }
            }
            return status;
        } finally {
            if (control) {
                shell.terminal.setForegroundGroup(launcher.shellPgid > 0 ? launcher.shellPgid : state.shellPid);
            }
        }
    }

    /** Collects, without blocking, state changes of the background jobs. */
    void reapJobs() {
        reapJobs(0);
    }

    /** Collects background jobs' changes, leaving alone the job of {@code waitedPid}, which a foreground wait collects. */
    private void reapJobs(int waitedPid) {
        for (Job job : shell.jobs.list()) {
            if (job.contains(waitedPid)) {
                continue;
            }
            for (int pid : job.pids) {
                if (!job.live(pid)) {
                    continue;
                }
                try {
                    Optional<WaitResult> result = api.waitpid(pid, WaitOption.WNOHANG, WaitOption.WUNTRACED,
                            WaitOption.WCONTINUED);
                    result.ifPresent(shell.jobs::record);
                } catch (KernelException e) {
                    if (e.errno() == Errno.ECHILD) {
                        shell.jobs.record(new WaitResult(pid, 127, WaitEvent.EXITED));
                    }
                }
            }
        }
        shell.coprocs.reap();
    }

    private void drainEvents(Job job) {
        for (int pid : job.pids) {
            try {
                Optional<WaitResult> result;
                while (job.live(pid) && (result = api.waitpid(pid, WaitOption.WNOHANG, WaitOption.WUNTRACED,
                        WaitOption.WCONTINUED)).isPresent()) {
                    shell.jobs.record(result.get());
                }
            } catch (KernelException e) {
                // ECHILD: already collected
            }
        }
    }

    /** Reports finished and stopped jobs (before a prompt), dropping the finished ones. */
    void notifyJobs() {
        reapJobs();
        for (Job job : shell.jobs.list()) {
            if (job.state == JobTable.State.DONE) {
                shell.print(2, shell.jobs.format(job) + "\n");
                removeReported(job);
            } else if (job.state == JobTable.State.STOPPED && !job.notified) {
                shell.print(2, shell.jobs.format(job) + "\n");
                job.notified = true;
            }
        }
    }

    /**
     * bash's {@code set -b} (notify) in an interactive shell: SIGCHLD is caught while the option is
     * on, so that a blocking read of the command line or a wait for a foreground job is interrupted
     * when a child changes, and the jobs that ended are reported then rather than before the next
     * prompt. dash accepts the option and does nothing with it, and so does {@code sh}. Called
     * before each prompt; a CHLD trap's own handler interrupts as well and is left in place.
     */
    void followNotify() {
        boolean wanted = state.bash && state.interactive && state.option(ShellState.Option.NOTIFY);
        if (wanted == notifying) {
            return;
        }
        notifying = wanted;
        if (!state.traps.containsKey(Signals.SIGCHLD)) {
            try {
                api.signal(Signals.SIGCHLD, childHandler());
            } catch (KernelException ignored) {
                // not supported here: jobs are reported before the prompt
            }
        }
    }

    /** What SIGCHLD's handler is when no trap sets it: a no-op under {@code set -b}, else the default. */
    SignalHandler childHandler() {
        return notifying ? signal -> {} : null;
    }

    /** Whether a read interrupted by a signal (not ^C) should report the jobs that ended, for {@code set -b}. */
    boolean notifying() {
        return notifying;
    }

    /** Reports and drops the jobs that ended, except the one of {@code waitedPid} (0 for none). */
    void reportFinished(int waitedPid) {
        reapJobs(waitedPid);
        collectAnnouncedExits(waitedPid);
        for (Job job : shell.jobs.list()) {
            if (job.state == JobTable.State.DONE && !job.contains(waitedPid)) {
                shell.print(2, shell.jobs.format(job) + "\n");
                removeReported(job);
            }
        }
    }

    /**
     * The kernel sends SIGCHLD while it announces an exit, before waitpid may report it: the jobs'
     * processes that the process table already shows as exited are waited for, a wait that ends as
     * soon as the announcement does.
     */
    private void collectAnnouncedExits(int waitedPid) {
        SortedMap<Integer, ProcessInfo> table = api.processes();
        for (Job job : shell.jobs.list()) {
            if (job.contains(waitedPid)) {
                continue;
            }
            for (int pid : job.pids) {
                ProcessInfo info = table.get(pid);
                if (!job.live(pid) || info == null || info.status() != ProcessStatus.EXITED) {
                    continue;
                }
                try {
                    api.waitpid(pid).ifPresent(shell.jobs::record);
                } catch (KernelException e) {
                    // EINTR: another signal, collected at the next report; ECHILD: collected already
                }
            }
        }
    }

    /** Drops a job reported as done; bash still gives its status to a later {@code wait pid}, dash does not. */
    void removeReported(Job job) {
        if (state.bash) {
            shell.jobs.removeKeepingStatus(job);
        } else {
            shell.jobs.remove(job);
        }
    }

    /** Sends SIGCONT to a job. */
    void continueJob(Job job) {
        // Stop and continue reports are queued until collected: take the stale ones now, or the
        // wait that follows fg would see an old stop and call the job stopped again.
        drainEvents(job);
        signalJob(job, Signals.SIGCONT);
        shell.jobs.continued(job);
    }

    void signalJob(Job job, int signal) {
        if (job.pgid > 0) {
            for (int group : job.otherGroups) {
                try {
                    api.kill(-group, signal);
                } catch (KernelException ignored) {
                    // that part has ended
                }
            }
            try {
                api.kill(-job.pgid, signal);
            } catch (KernelException e) {
                if (job.otherGroups.isEmpty()) {
                    throw e;
                }
            }
            return;
        }
        for (int pid : job.pids) {
            if (job.live(pid)) {
                try {
                    api.kill(pid, signal);
                } catch (KernelException ignored) {
                    // already gone
                }
            }
        }
    }
}
