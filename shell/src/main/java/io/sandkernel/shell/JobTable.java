package io.sandkernel.shell;

import io.sandkernel.process.WaitEvent;
import io.sandkernel.process.WaitResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The shell's jobs: background and stopped pipelines, with bash's {@code jobs} format. */
final class JobTable {
    enum State { RUNNING, STOPPED, DONE }

    /** One job: a pipeline's processes. */
    static final class Job {
        int id;
        final int pgid;
        final List<Integer> pids;
        final String text;
        final Map<Integer, Integer> exits = new LinkedHashMap<>();
        final Set<Integer> stopped = new HashSet<>();
        /** Groups besides {@link #pgid} that parts of the pipeline ended up in. */
        final List<Integer> otherGroups = new ArrayList<>();
        State state = State.RUNNING;
        int stopSignal;
        /** Set when its state change has been reported ({@code Done}, {@code Stopped}). */
        boolean notified;
        long order;

        Job(int id, int pgid, List<Integer> pids, String text) {
            this.id = id;
            this.pgid = pgid;
            this.pids = List.copyOf(pids);
            this.text = text;
        }

        /** The exit status of the last process, once done. */
        int status() {
            Integer status = exits.get(pids.get(pids.size() - 1));
            return status == null ? 0 : status;
        }

        boolean contains(int pid) {
            return pids.contains(pid);
        }

        /** Whether {@code pid} still needs reaping. */
        boolean live(int pid) {
            return contains(pid) && !exits.containsKey(pid);
        }
    }

    private final List<Job> jobs = new ArrayList<>();
    /** Statuses of processes of jobs gone from the table, the latest 1024 (bash's bgpids). */
    private final Map<Integer, Integer> finished = new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Integer> eldest) {
            return size() > 1024;
        }
    };
    private long counter;

    Job add(int pgid, List<Integer> pids, String text) {
        int id = 1;
        for (Job job : jobs) {
            id = Math.max(id, job.id + 1);
        }
        Job job = new Job(id, pgid, pids, text);
        job.order = ++counter;
        jobs.add(job);
        return job;
    }

    /** Enters a job that was running in the foreground (it stopped), giving it a number. */
    Job adopt(Job job) {
        int id = 1;
        for (Job other : jobs) {
            id = Math.max(id, other.id + 1);
        }
        job.id = id;
        job.order = ++counter;
        jobs.add(job);
        return job;
    }

    List<Job> list() {
        return List.copyOf(jobs);
    }

    void remove(Job job) {
        jobs.remove(job);
    }

    /**
     * Removes a job whose status a later {@code wait pid} still gives: one waited for (dash and
     * bash), or in bash one reported as done too (bash's bgpids list).
     */
    void removeKeepingStatus(Job job) {
        jobs.remove(job);
        finished.putAll(job.exits);
    }

    /** The status of a process of a job removed by {@link #removeKeepingStatus}; null when unknown. */
    Integer finishedStatus(int pid) {
        return finished.get(pid);
    }

    boolean isEmpty() {
        return jobs.isEmpty();
    }

    /** Makes {@code job} the current job (+). */
    void touch(Job job) {
        job.order = ++counter;
    }

    Job byPid(int pid) {
        for (Job job : jobs) {
            if (job.contains(pid)) {
                return job;
            }
        }
        return null;
    }

    /** The current job: the most recently stopped, else the most recently started. */
    Job current() {
        Job best = null;
        for (Job job : jobs) {
            if (best == null || rank(job) > rank(best)) {
                best = job;
            }
        }
        return best;
    }

    Job previous() {
        Job current = current();
        Job best = null;
        for (Job job : jobs) {
            if (job != current && (best == null || rank(job) > rank(best))) {
                best = job;
            }
        }
        return best;
    }

    private static long rank(Job job) {
        return job.order + (job.state == State.STOPPED ? 1L << 40 : 0);
    }

    /**
     * Finds a job by spec: %n, %%, %+, %-, %prefix, %?text.
     *
     * @throws ShellError when there is no such job
     */
    Job find(String spec) {
        String s = spec.startsWith("%") ? spec.substring(1) : spec;
        Job found = null;
        if (s.isEmpty() || s.equals("%") || s.equals("+")) {
            found = current();
        } else if (s.equals("-")) {
            found = previous();
        } else if (s.chars().allMatch(Character::isDigit)) {
            int id = Integer.parseInt(s);
            for (Job job : jobs) {
                if (job.id == id) {
                    found = job;
                }
            }
        } else {
            for (Job job : jobs) {
                boolean match = s.startsWith("?") ? job.text.contains(s.substring(1)) : job.text.startsWith(s);
                if (match) {
                    found = job;
                }
            }
        }
        if (found == null) {
            throw new ShellError("No such job: " + spec, 127);
        }
        return found;
    }

    /** Records what a wait reported about one of the jobs' processes. */
    void record(WaitResult result) {
        Job job = byPid(result.pid());
        if (job == null) {
            return;
        }
        switch (result.event()) {
            case EXITED -> {
                job.exits.put(result.pid(), result.status());
                job.stopped.remove(result.pid());
            }
            case STOPPED -> {
                job.stopped.add(result.pid());
                job.stopSignal = result.status();
            }
            case CONTINUED -> job.stopped.remove(result.pid());
        }
        State before = job.state;
        if (job.exits.size() == job.pids.size()) {
            job.state = State.DONE;
        } else if (!job.stopped.isEmpty() && job.stopped.size() + job.exits.size() == job.pids.size()) {
            job.state = State.STOPPED;
        } else {
            job.state = State.RUNNING;
        }
        if (job.state != before) {
            job.notified = false;
        }
        if (result.event() == WaitEvent.CONTINUED) {
            job.state = job.exits.size() == job.pids.size() ? State.DONE : State.RUNNING;
        }
    }

    /** Marks a job running again after SIGCONT. */
    void continued(Job job) {
        job.stopped.clear();
        job.state = State.RUNNING;
        job.notified = true;
    }

    /** {@code [1]+  Running                 sleep 100 &}. */
    String format(Job job) {
        char mark = job == current() ? '+' : job == previous() ? '-' : ' ';
        String state = switch (job.state) {
            case RUNNING -> "Running";
            case STOPPED -> "Stopped";
            case DONE -> describeExit(job.status());
        };
        String text = job.state == State.RUNNING ? job.text + " &" : job.text;
        return String.format("[%d]%c  %-24s%s", job.id, mark, state, text);
    }

    static String describeExit(int status) {
        return switch (status) {
            case 0 -> "Done";
            case 128 + 1 -> "Hangup";
            case 128 + 2 -> "Interrupt";
            case 128 + 9 -> "Killed";
            case 128 + 15 -> "Terminated";
            default -> "Exit " + status;
        };
    }
}
