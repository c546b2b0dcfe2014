package io.sandkernel.shell;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.process.Signals;
import io.sandkernel.process.WaitEvent;
import io.sandkernel.process.WaitResult;
import io.sandkernel.shell.JobTable.Job;
import java.util.List;
import java.util.Optional;

/** {@code jobs}, {@code fg}, {@code bg}, {@code wait} and {@code kill}. */
final class JobBuiltins {
    private final Interpreter shell;
    private final JobTable jobs;

    JobBuiltins(Interpreter shell) {
        this.shell = shell;
        this.jobs = shell.jobs;
    }

    int jobs(List<String> argv) {
        boolean pidsOnly = argv.contains("-p");
        boolean longForm = argv.contains("-l");
        shell.launcher.jobControl.reapJobs();
        StringBuilder out = new StringBuilder();
        for (Job job : jobs.list()) {
            if (pidsOnly) {
                out.append(job.pgid > 0 ? job.pgid : job.pids.get(0)).append('\n');
                continue;
            }
            String line = jobs.format(job);
            if (longForm) {
                int close = line.indexOf(']') + 2;
                line = line.substring(0, close) + " " + job.pids.get(0) + line.substring(close);
            }
            out.append(line).append('\n');
            if (job.state == JobTable.State.DONE) {
                shell.launcher.jobControl.removeReported(job);
            } else {
                job.notified = true;
            }
        }
        shell.print(1, out.toString());
        return 0;
    }

    private Job target(List<String> argv, String name) {
        if (jobs.isEmpty()) {
            throw new ShellError(name + ": No current job", 2);
        }
        return argv.size() > 1 ? jobs.find(argv.get(1)) : jobs.find("%%");
    }

    int fg(List<String> argv) {
        Job job = target(argv, "fg");
        shell.print(1, job.text + "\n");
        jobs.touch(job);
        shell.launcher.jobControl.continueJob(job);
        return shell.launcher.waitJob(job, true);
    }

    int bg(List<String> argv) {
        Job job = target(argv, "bg");
        jobs.touch(job);
        shell.launcher.jobControl.continueJob(job);
        shell.print(1, "[" + job.id + "] " + job.text + " &\n");
        return 0;
    }

    /** {@code wait [pid|%job...]}; a trapped signal interrupts it with 128 + the signal. */
    int waitBuiltin(List<String> argv) {
        try {
            return waitFor(argv);
        } finally {
            shell.coprocs.reap(); // a coprocess waited for gives back its descriptors and variables
        }
    }

    private int waitFor(List<String> argv) {
        if (shell.state.bash && argv.size() > 1 && argv.get(1).startsWith("-") && !argv.get(1).equals("--")) {
            return waitOptions(argv);
        }
        if (argv.size() == 1) {
            for (Job job : jobs.list()) {
                Integer interrupted = waitJob(job);
                if (interrupted != null) {
                    return interrupted;
                }
            }
            if (shell.state.bash && shell.state.lastBackgroundPid > 0
                    && jobs.byPid(shell.state.lastBackgroundPid) == null) {
                // bash also waits for the last process substitution when it is $!
                shell.launcher.waitProcessSubstitution(shell.state.lastBackgroundPid);
            }
            return 0;
        }
        int status = 0;
        for (String spec : argv.subList(1, argv.size())) {
            Job job;
            if (spec.startsWith("%")) {
                job = jobs.find(spec);
            } else {
                int pid;
                try {
                    pid = Integer.parseInt(spec);
                } catch (NumberFormatException e) {
                    throw new ShellError("wait: Illegal number: " + spec, 2);
                }
                job = jobs.byPid(pid);
                if (job == null) {
                    Integer substituted = shell.state.bash ? shell.launcher.waitProcessSubstitution(pid) : null;
                    if (substituted == null) {
                        substituted = jobs.finishedStatus(pid); // waited for already: its status is kept
                    }
                    if (substituted == null && shell.state.bash) {
                        shell.error("wait: pid " + pid + " is not a child of this shell");
                    }
                    status = substituted == null ? 127 : substituted;
                    continue;
                }
                if (job.live(pid)) {
                    Integer interrupted = waitPid(job, pid);
                    if (interrupted != null) {
                        return interrupted;
                    }
                }
                status = job.exits.getOrDefault(pid, 0);
                if (job.state == JobTable.State.DONE) {
                    jobs.removeKeepingStatus(job);
                }
                continue;
            }
            Integer interrupted = waitJob(job);
            if (interrupted != null) {
                return interrupted;
            }
            status = job.status();
        }
        return status;
    }

    /** bash's {@code wait -n [-p var] [-f] [id...]}; {@code -f} changes nothing without job control. */
    private int waitOptions(List<String> argv) {
        boolean next = false;
        String pidVariable = null;
        int i = 1;
        for (; i < argv.size() && argv.get(i).startsWith("-") && argv.get(i).length() > 1; i++) {
            String option = argv.get(i);
            if (option.equals("--")) {
                i++;
                break;
            }
            for (int k = 1; k < option.length(); k++) {
                switch (option.charAt(k)) {
                    case 'n' -> next = true;
                    case 'f' -> {
                        // jobs are waited for until they end anyway
                    }
                    case 'p' -> {
                        if (i + 1 >= argv.size()) {
                            throw new ShellError("wait: -p: option requires an argument", 2);
                        }
                        pidVariable = argv.get(++i);
                    }
                    default -> throw new ShellError("wait: -" + option.charAt(k) + ": invalid option\n"
                            + "wait: usage: wait [-fn] [-p var] [id ...]", 2);
                }
            }
        }
        List<String> ids = argv.subList(i, argv.size());
        if (pidVariable != null) {
            shell.state.unset(pidVariable);
        }
        if (!next) {
            List<String> plain = new java.util.ArrayList<>(List.of("wait"));
            plain.addAll(ids);
            return waitFor(plain);
        }
        return waitNext(ids, pidVariable);
    }

    /**
     * {@code wait -n}: waits until one of the named jobs (else of all) that are still running
     * ends, and gives its status; 127 when none is running (a job that ended already is not
     * waited for again, as in bash).
     */
    private int waitNext(List<String> ids, String pidVariable) {
        shell.launcher.jobControl.reapJobs();
        List<Job> candidates = new java.util.ArrayList<>();
        for (Job job : ids.isEmpty() ? jobs.list() : ids.stream().map(this::jobOf).toList()) {
            if (job != null && job.state != JobTable.State.DONE && !candidates.contains(job)) {
                candidates.add(job);
            }
        }
        while (!candidates.isEmpty()) {
            WaitResult result;
            try {
                result = shell.api.waitpid(-1).orElse(null);
            } catch (KernelException e) {
                if (e.errno() == Errno.EINTR) {
                    Integer interrupted = shell.traps.interruptWait();
                    if (interrupted != null) {
                        return interrupted;
                    }
                    continue;
                }
                return 127; // ECHILD
            }
            if (result == null) {
                continue;
            }
            Job job = jobs.byPid(result.pid());
            if (job == null) {
                shell.launcher.substitutionEnded(result);
                continue;
            }
            jobs.record(result);
            if (job.state == JobTable.State.DONE && candidates.contains(job)) {
                jobs.removeKeepingStatus(job);
                if (pidVariable != null) {
                    shell.state.set(pidVariable, Integer.toString(result.pid()));
                }
                return job.status();
            }
        }
        return 127;
    }

    /** The job a {@code wait} operand names (a pid or a job spec), or null. */
    private Job jobOf(String id) {
        if (id.startsWith("%")) {
            return jobs.find(id);
        }
        try {
            return jobs.byPid(Integer.parseInt(id));
        } catch (NumberFormatException e) {
            throw new ShellError("wait: `" + id + "': not a pid or valid job spec", 2);
        }
    }

    /** Waits for all of a job's processes; returns 128 + signal when a trap interrupted. */
    private Integer waitJob(Job job) {
        for (int pid : job.pids) {
            if (job.live(pid)) {
                Integer interrupted = waitPid(job, pid);
                if (interrupted != null) {
                    return interrupted;
                }
            }
        }
        if (job.state == JobTable.State.DONE || job.exits.size() == job.pids.size()) {
            jobs.removeKeepingStatus(job);
        }
        return null;
    }

    private Integer waitPid(Job job, int pid) {
        while (true) {
            try {
                Optional<WaitResult> result = shell.api.waitpid(pid);
                jobs.record(result.orElse(new WaitResult(pid, 127, WaitEvent.EXITED)));
                return shell.traps.interruptWait();
            } catch (KernelException e) {
                if (e.errno() == Errno.EINTR) {
                    Integer interrupted = shell.traps.interruptWait();
                    if (interrupted != null) {
                        return interrupted;
                    }
                    continue;
                }
                if (e.errno() == Errno.ECHILD) {
                    jobs.record(new WaitResult(pid, 127, WaitEvent.EXITED));
                    return null;
                }
                throw e;
            }
        }
    }

    /** {@code kill -l status}: the name of a signal number or of a status killed by one (128+n). */
    private String signalOrNumber(String arg) {
        int number;
        try {
            number = Integer.parseInt(arg);
        } catch (NumberFormatException e) {
            if (!shell.state.bash) {
                throw new ShellError("kill: Illegal number: " + arg, 2);
            }
            return Integer.toString(parseSignal(arg));
        }
        if (number > 128) {
            number -= 128;
        }
        String name = number == 0 && shell.state.bash ? "EXIT" : SignalNames.name(number, shell.state.bash);
        if (name == null && (shell.state.bash || number < 1 || number > SignalNames.MAX)) {
            throw new ShellError(shell.state.bash ? "kill: " + arg + ": invalid signal specification"
                    : "kill: invalid signal number or exit status: " + arg, shell.state.bash ? 1 : 2);
        }
        return name == null ? Integer.toString(number) : name;
    }

    /** {@code kill [-s sig | -sig] pid|%job...} and {@code kill -l [status]}. */
    int kill(List<String> argv) {
        if (argv.size() < 2) {
            throw new ShellError("kill: usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or kill -l [exitstatus]",
                    2);
        }
        int i = 1;
        int signal = Signals.SIGTERM;
        String first = argv.get(1);
        if (first.equals("-l") || first.equals("-L")) {
            StringBuilder out = new StringBuilder();
            int status = 0;
            if (argv.size() > 2) {
                // dash names only its first argument
                for (String arg : argv.subList(2, shell.state.bash ? argv.size() : 3)) {
                    try {
                        out.append(signalOrNumber(arg)).append('\n');
                    } catch (ShellError e) {
                        if (!shell.state.bash) {
                            throw e;
                        }
                        shell.error(e.getMessage()); // bash goes on with the next
                        status = 1;
                    }
                }
            } else {
                out.append(shell.state.bash ? SignalNames.bashTable() : SignalNames.dashList());
            }
            shell.print(1, out.toString());
            return status;
        }
        if (first.equals("-s") || first.equals("-n")) {
            if (argv.size() < 3) {
                throw new ShellError("kill: option requires an argument", 2);
            }
            signal = parseSignal(argv.get(2));
            i = 3;
        } else if (first.startsWith("-") && first.length() > 1 && !first.equals("--")) {
            signal = parseSignal(first.substring(1));
            i = 2;
        } else if (first.equals("--")) {
            i = 2;
        }
        int status = 0;
        for (String target : argv.subList(i, argv.size())) {
            try {
                if (target.startsWith("%")) {
                    Job job = jobs.find(target);
                    shell.launcher.jobControl.signalJob(job, signal);
                    if (signal == Signals.SIGCONT) {
                        jobs.continued(job);
                    }
                } else {
                    int pid;
                    try {
                        pid = Integer.parseInt(target);
                    } catch (NumberFormatException e) {
                        throw new ShellError("kill: Illegal number: " + target, 2);
                    }
                    shell.api.kill(pid, signal);
                }
            } catch (KernelException e) {
                shell.error("kill: " + (e.errno() == Errno.ESRCH ? "No such process" : e.getMessage()));
                status = 1;
            }
        }
        return status;
    }

    private static int parseSignal(String text) {
        try {
            return Signals.parseOrProbe(text);
        } catch (KernelException e) {
            throw new ShellError("kill: invalid signal number or name: " + text, 2);
        }
    }

    /** bash's {@code disown [-a] [%job...]}: the jobs leave the table (they are not waited for). */
    int disown(List<String> argv) {
        if (argv.size() == 1 || argv.contains("-a")) {
            if (argv.size() == 1 && jobs.isEmpty()) {
                throw new ShellError("disown: current: no such job", 1);
            }
            for (Job job : jobs.list()) {
                if (argv.size() > 1 || job == jobs.find("%%")) {
                    jobs.remove(job);
                }
            }
            return 0;
        }
        for (String spec : argv.subList(1, argv.size())) {
            if (!spec.startsWith("-")) {
                jobs.remove(jobs.find(spec));
            }
        }
        return 0;
    }
}
