package io.sandkernel.shell;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.process.Signals;
import io.sandkernel.process.WaitEvent;
import io.sandkernel.process.WaitOption;
import io.sandkernel.process.WaitResult;
import io.sandkernel.shell.JobTable.Job;
import java.util.Optional;

/**
 * Waiting for jobs and reporting them, for the {@link Launcher} and the job builtins: foreground
 * waits that notice a stop, collecting background jobs' changes, continuing and signalling jobs.
 */
final class JobControl {
    private final Interpreter shell;
    private final Launcher launcher;
    private final ShellState state;
    private final ProcessApi api;

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
                shell.jobs.remove(job);
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
        for (Job job : shell.jobs.list()) {
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
                shell.jobs.remove(job);
            } else if (job.state == JobTable.State.STOPPED && !job.notified) {
                shell.print(2, shell.jobs.format(job) + "\n");
                job.notified = true;
            }
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
