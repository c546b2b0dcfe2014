package io.sandkernel.process;

import io.sandkernel.KernelException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random operation sequences run against the table and against {@link Model}, a direct,
 * single-threaded transcription of {@code process_table.rs}. After every step the observable
 * results must agree: return values, errno of failures, the process list, per-process getters,
 * pending signals, counts, and the signals each driver received.
 *
 * <p>The model follows the Rust file except for a few Linux rules the Java table documents on
 * purpose (see {@link Model#isPidInUse}, {@link Model#setsid}, and the orphaned-group rule in
 * {@link Model#markExited}). Only
 * WNOHANG waits are used, so nothing blocks.
 */
class ProcessTableModelTest {
    static final int MAX_PID = 8;
    static final long TTL_MILLIS = 60_000;

    enum Kind {
        SPAWN, EXIT, EXIT_VIA_HOOK, MARK_STOPPED, MARK_CONTINUED, KILL, GROUP_KILL, SETPGID, SETSID,
        WAITPID, AWAIT_EXIT, SIGPROCMASK, SET_UMASK, REAP_EXPIRED
    }

    /** One operation; its small integer arguments are interpreted per kind when it runs. */
    record Op(Kind kind, int a, int b, int c, int d) {
        @Override
        public String toString() {
            return kind + "(" + a + "," + b + "," + c + "," + d + ")";
        }
    }

    static final int[] KILL_SIGNALS = {0, Signals.SIGHUP, Signals.SIGUSR1, Signals.SIGCHLD, Signals.SIGTERM,
            Signals.SIGKILL, Signals.SIGSTOP, Signals.SIGTSTP, Signals.SIGCONT, Signals.SIGSTOP, Signals.SIGCONT, 65, -1};
    static final SignalSet[] MASKS = {
            SignalSet.empty(),
            SignalSet.of(Signals.SIGUSR1),
            SignalSet.of(Signals.SIGCHLD),
            SignalSet.of(Signals.SIGHUP, Signals.SIGTSTP),
            SignalSet.of(Signals.SIGKILL, Signals.SIGSTOP, Signals.SIGCONT, Signals.SIGUSR1),
            SignalSet.of(Signals.SIGTERM, Signals.SIGCHLD, Signals.SIGHUP),
    };

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Kind> kinds = Arbitraries.frequency(
                Tuple.of(14, Kind.SPAWN), Tuple.of(6, Kind.EXIT), Tuple.of(3, Kind.EXIT_VIA_HOOK),
                Tuple.of(4, Kind.MARK_STOPPED), Tuple.of(3, Kind.MARK_CONTINUED), Tuple.of(8, Kind.KILL),
                Tuple.of(6, Kind.GROUP_KILL), Tuple.of(8, Kind.SETPGID), Tuple.of(4, Kind.SETSID),
                Tuple.of(10, Kind.WAITPID), Tuple.of(3, Kind.AWAIT_EXIT), Tuple.of(5, Kind.SIGPROCMASK),
                Tuple.of(2, Kind.SET_UMASK), Tuple.of(3, Kind.REAP_EXPIRED));
        Arbitrary<Integer> small = Arbitraries.integers().between(0, 9);
        Arbitrary<Integer> medium = Arbitraries.integers().between(0, 19);
        Arbitrary<Integer> large = Arbitraries.integers().between(0, 4095);
        return Combinators.combine(kinds, small, medium, small, large).as(Op::new).list().ofMinSize(1).ofMaxSize(50);
    }

    @Property(tries = 200)
    void tableBehavesLikeTheReferenceModel(@ForAll("operations") List<Op> ops) {
        MutableClock clock = new MutableClock();
        Model model = new Model(clock, true, true);
        try (ProcessTable table = ProcessTable.builder().maxPid(MAX_PID).zombieTtl(Duration.ofMillis(TTL_MILLIS))
                .clock(clock).build()) {
            Harness harness = new Harness(table, model, clock);
            for (Op op : ops) {
                harness.step(op);
            }
        }
    }

    /** Runs fixed operations on the table and the model; returns the harness for further checks. */
    private static Harness runFixed(Op... ops) {
        MutableClock clock = new MutableClock();
        ProcessTable table = ProcessTable.builder().maxPid(MAX_PID).zombieTtl(Duration.ofMillis(TTL_MILLIS))
                .clock(clock).build();
        Harness harness = new Harness(table, new Model(clock, true, true), clock);
        try (table) {
            for (Op op : ops) {
                harness.step(op);
            }
        }
        return harness;
    }

    private static Op op(Kind kind, int a, int b) {
        return new Op(kind, a, b, 0, 18);
    }

    /**
     * The case, pinned: in a group orphaned from the start with a stopped member, the exit
     * of another member hangs nobody up (the Rust file sent SIGHUP and SIGCONT to the group).
     */
    @Example
    void exitInsideAnAlreadyOrphanedGroupHangsNobodyUpInTableAndModel() {
        Harness harness = runFixed(
                op(Kind.SPAWN, 0, 0),          // pid 1: its own session and group
                op(Kind.SPAWN, 1, 0),          // pid 2, child of 1, group 1
                op(Kind.SPAWN, 2, 0),          // pid 3, child of 2, group 1
                op(Kind.MARK_STOPPED, 2, 0),   // pid 3 stops
                op(Kind.EXIT, 1, 0));          // pid 2 exits
        assertNoSignal(harness, 1, Signals.SIGHUP);
        assertNoSignal(harness, 3, Signals.SIGHUP);
    }

    /** An exit that orphans a child's group with a stopped member hangs it up, in the table and the model. */
    @Example
    void exitOrphaningAStoppedChildGroupHangsItUpInTableAndModel() {
        Harness harness = runFixed(
                op(Kind.SPAWN, 0, 0),          // pid 1
                op(Kind.SPAWN, 1, 0),          // pid 2, child of 1
                op(Kind.SETSID, 1, 0),         // pid 2 leads session 2
                op(Kind.SPAWN, 2, 0),          // pid 3, child of 2, group 2
                op(Kind.SETPGID, 2, 0),        // pid 3 in group 3: linked to the session through pid 2
                op(Kind.SPAWN, 3, 0),          // pid 4, child of 3, group 3
                op(Kind.MARK_STOPPED, 3, 0),   // pid 4 stops
                op(Kind.EXIT, 1, 0));          // pid 2 exits: group 3 becomes orphaned
        List<Integer> signals = harness.drivers.get(4).signals();
        if (!signals.equals(List.of(Signals.SIGHUP, Signals.SIGCONT))) {
            throw new AssertionError("pid 4 got " + signals);
        }
    }

    private static void assertNoSignal(Harness harness, int incarnation, int signal) {
        if (harness.drivers.get(incarnation).signals().contains(signal)) {
            throw new AssertionError("incarnation " + incarnation + " got " + Signals.name(signal));
        }
    }

    // ------------------------------------------------------------------ running both sides

    /**
     * Runs each operation on the table and on the model and compares what can be observed.
     *
     * <p>The Rust file handles the members of a process group in ascending pid order and the
     * groups an exit affects in ascending pgid order. When several stops or continues happen in
     * one call, that order decides whether a parent that is stopped or continued in the same call
     * still gets SIGCHLD, and whether a SIGCHLD to it is held pending. The Java table may use the
     * order processes joined their group and its child lists instead; the exact order is pinned
     * by KillTest#groupMembersAreSignalledInAscendingPidOrder and
     * OrphanedProcessGroupTest#orphanedGroupsAreSignalledInAscendingPgidOrder. So that this test
     * checks everything else whatever the order, each step also runs on copies of the model using
     * those other orders; the table may match any, and the copy it matched carries on.
     */
    static final class Harness {
        final ProcessTable table;
        Model model;
        final MutableClock clock;
        /** The driver of each model incarnation. */
        final Map<Integer, TestDriver> drivers = new HashMap<>();
        final Map<Integer, Integer> seenSignals = new HashMap<>();
        final List<String> log = new ArrayList<>();
        private TestDriver registeredDriver;

        Harness(ProcessTable table, Model model, MutableClock clock) {
            this.table = table;
            this.model = model;
            this.clock = clock;
        }

        void step(Op op) {
            if (op.kind() == Kind.REAP_EXPIRED) {
                long advance = (op.a() % 3) * TTL_MILLIS / 2 + (op.a() == 9 ? 1 : 0);
                clock.advance(Duration.ofMillis(advance));
            }
            Map<Integer, Boolean> zombieAtStart = new HashMap<>();
            for (Model.Proc proc : model.procs.values()) {
                zombieAtStart.put(proc.incarnation, proc.status == ProcessStatus.EXITED);
            }
            Map<Integer, List<Integer>> received = new HashMap<>();
            List<Model> variants = List.of(model.copy(true, true), model.copy(true, false), model.copy(false, true),
                    model.copy(false, false));
            registeredDriver = null;
            String tableOutcome = runOnTable(op);
            for (Map.Entry<Integer, TestDriver> entry : drivers.entrySet()) {
                List<Integer> all = entry.getValue().signals();
                int seen = seenSignals.getOrDefault(entry.getKey(), 0);
                received.put(entry.getKey(), List.copyOf(all.subList(seen, all.size())));
                seenSignals.put(entry.getKey(), all.size());
            }
            String rustDifference = null;
            Model matched = null;
            for (Model variant : variants) {
                String outcome = runOnModel(variant, op);
                String difference = difference(tableOutcome, outcome, variant, received, zombieAtStart);
                if (variant == variants.get(0)) {
                    log.add(op + " -> " + tableOutcome + (tableOutcome.equals(outcome) ? "" : " / model " + outcome));
                    rustDifference = difference;
                }
                if (difference == null) {
                    matched = variant;
                    break;
                }
            }
            if (matched == null) {
                fail(rustDifference);
            }
            model = matched;
            if (registeredDriver != null) {
                int incarnation = model.incarnationCounter;
                drivers.put(incarnation, registeredDriver);
                seenSignals.put(incarnation, 0);
            }
            try {
                table.checkInvariants();
            } catch (AssertionError e) {
                fail("checkInvariants: " + e.getMessage());
            }
        }

        /** Null when the table matches {@code m} after the step, else what differs. */
        String difference(String tableOutcome, String modelOutcome, Model m, Map<Integer, List<Integer>> received,
                          Map<Integer, Boolean> zombieAtStart) {
            if (!tableOutcome.equals(modelOutcome)) {
                return "result: table " + tableOutcome + " model " + modelOutcome;
            }
            String state = compareState(m);
            return state != null ? state : compareSignals(m, received, zombieAtStart);
        }

        /** The pid an existing process is picked by, or -1 when the table is empty. */
        static int existing(Model m, int index) {
            List<Integer> pids = new ArrayList<>(m.procs.keySet());
            return pids.isEmpty() ? -1 : pids.get(index % pids.size());
        }

        static int ppidFor(Op op, int pid) {
            // A process that names itself as parent is covered by RegistrationTest.
            return op.a() == pid ? 0 : op.a();
        }

        static int waitSelector(Op op) {
            return op.b() == 0 ? -1 : op.b() == 1 ? 0 : op.b() <= 10 ? op.b() - 1 : -(op.b() - 9);
        }

        static int killTarget(Op op) {
            return op.kind() == Kind.KILL ? 1 + op.a() : -(2 + op.a() % 8);
        }

        String runOnTable(Op op) {
            switch (op.kind()) {
                case SPAWN -> {
                    String allocated = outcome(table::allocatePid);
                    if (allocated.startsWith("E:")) {
                        return allocated;
                    }
                    int pid = Integer.parseInt(allocated);
                    ProcessContext context = ProcessContext.ofParent(ppidFor(op, pid))
                            .withBlockedSignals(MASKS[op.b() % MASKS.length]).withUmask(op.d());
                    TestDriver driver = new TestDriver();
                    String entry = outcome(() -> describe(table.register(pid, "model", "c" + pid, List.of(), context, driver)));
                    if (!entry.startsWith("E:")) {
                        registeredDriver = driver;
                    }
                    return "pid " + pid + " " + entry;
                }
                case EXIT, EXIT_VIA_HOOK -> {
                    int pid = existing(model, op.a());
                    if (pid < 0) {
                        return "skipped";
                    }
                    int code = op.d() - 2000;
                    if (op.kind() == Kind.EXIT_VIA_HOOK) {
                        TestDriver driver = drivers.get(model.procs.get(pid).incarnation);
                        return outcome(() -> {
                            driver.exit(code);
                            return "ok";
                        });
                    }
                    return outcome(() -> {
                        table.markExited(pid, code);
                        return "ok";
                    });
                }
                case MARK_STOPPED -> {
                    int pid = existing(model, op.a());
                    int signal = op.b() % 2 == 0 ? Signals.SIGSTOP : Signals.SIGTSTP;
                    return pid < 0 ? "skipped" : outcome(() -> {
                        table.markStopped(pid, signal);
                        return "ok";
                    });
                }
                case MARK_CONTINUED -> {
                    int pid = existing(model, op.a());
                    return pid < 0 ? "skipped" : outcome(() -> {
                        table.markContinued(pid);
                        return "ok";
                    });
                }
                case KILL, GROUP_KILL -> {
                    return outcome(() -> {
                        table.kill(killTarget(op), KILL_SIGNALS[op.b() % KILL_SIGNALS.length]);
                        return "ok";
                    });
                }
                case SETPGID -> {
                    return outcome(() -> {
                        table.setpgid(1 + op.a(), op.b() % 10);
                        return "ok";
                    });
                }
                case SETSID -> {
                    return outcome(() -> table.setsid(1 + op.a()));
                }
                case WAITPID -> {
                    List<WaitOption> options = new ArrayList<>(List.of(WaitOption.WNOHANG));
                    if ((op.c() & 1) != 0) {
                        options.add(WaitOption.WUNTRACED);
                    }
                    if ((op.c() & 2) != 0) {
                        options.add(WaitOption.WCONTINUED);
                    }
                    WaitOption[] array = options.toArray(WaitOption[]::new);
                    return outcome(() -> table.waitpid(1 + op.a(), waitSelector(op), array));
                }
                case AWAIT_EXIT -> {
                    return outcome(() -> table.awaitExit(1 + op.a(), Duration.ZERO));
                }
                case SIGPROCMASK -> {
                    return outcome(() -> table.sigprocmask(1 + op.a(), SigmaskHow.values()[op.b() % 3],
                            MASKS[op.c() % MASKS.length]));
                }
                case SET_UMASK -> {
                    return outcome(() -> table.setUmask(1 + op.a(), op.d()));
                }
                case REAP_EXPIRED -> {
                    return outcome(table::reapExpiredZombies);
                }
                default -> throw new IllegalStateException(op.toString());
            }
        }

        static String runOnModel(Model m, Op op) {
            switch (op.kind()) {
                case SPAWN -> {
                    String allocated = outcome(m::allocatePid);
                    if (allocated.startsWith("E:")) {
                        return allocated;
                    }
                    int pid = Integer.parseInt(allocated);
                    return "pid " + pid + " " + outcome(() ->
                            describe(m.register(pid, ppidFor(op, pid), MASKS[op.b() % MASKS.length], op.d())));
                }
                case EXIT, EXIT_VIA_HOOK -> {
                    int pid = existing(m, op.a());
                    if (pid < 0) {
                        return "skipped";
                    }
                    return outcome(() -> {
                        m.markExited(pid, op.d() - 2000);
                        return "ok";
                    });
                }
                case MARK_STOPPED -> {
                    int pid = existing(m, op.a());
                    int signal = op.b() % 2 == 0 ? Signals.SIGSTOP : Signals.SIGTSTP;
                    return pid < 0 ? "skipped" : outcome(() -> {
                        m.markWaitEvent(pid, ProcessStatus.STOPPED, signal, WaitEvent.STOPPED);
                        return "ok";
                    });
                }
                case MARK_CONTINUED -> {
                    int pid = existing(m, op.a());
                    return pid < 0 ? "skipped" : outcome(() -> {
                        m.markWaitEvent(pid, ProcessStatus.RUNNING, Signals.SIGCONT, WaitEvent.CONTINUED);
                        return "ok";
                    });
                }
                case KILL, GROUP_KILL -> {
                    return outcome(() -> {
                        m.kill(killTarget(op), KILL_SIGNALS[op.b() % KILL_SIGNALS.length]);
                        return "ok";
                    });
                }
                case SETPGID -> {
                    return outcome(() -> {
                        m.setpgid(1 + op.a(), op.b() % 10);
                        return "ok";
                    });
                }
                case SETSID -> {
                    return outcome(() -> m.setsid(1 + op.a()));
                }
                case WAITPID -> {
                    return outcome(() -> m.waitpid(1 + op.a(), waitSelector(op), (op.c() & 1) != 0, (op.c() & 2) != 0));
                }
                case AWAIT_EXIT -> {
                    return outcome(() -> m.awaitExit(1 + op.a()));
                }
                case SIGPROCMASK -> {
                    return outcome(() -> m.sigprocmask(1 + op.a(), SigmaskHow.values()[op.b() % 3],
                            MASKS[op.c() % MASKS.length]));
                }
                case SET_UMASK -> {
                    return outcome(() -> m.setUmask(1 + op.a(), op.d()));
                }
                case REAP_EXPIRED -> {
                    return outcome(m::reapExpiredZombies);
                }
                default -> throw new IllegalStateException(op.toString());
            }
        }

        interface Call {
            Object call() throws Exception;
        }

        static String outcome(Call call) {
            try {
                return String.valueOf(call.call());
            } catch (KernelException e) {
                return "E:" + e.errno();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        static String describe(ProcessEntry e) {
            return "[" + e.pid() + " ppid=" + e.ppid() + " pgid=" + e.pgid() + " sid=" + e.sid() + " " + e.status()
                    + " umask=" + Integer.toOctalString(e.umask()) + " exit=" + e.exitCode() + "]";
        }

        static String describe(Model.Proc p) {
            return "[" + p.pid + " ppid=" + p.ppid + " pgid=" + p.pgid + " sid=" + p.sid + " " + p.status
                    + " umask=" + Integer.toOctalString(p.umask) + " exit="
                    + (p.exitCode == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(p.exitCode)) + "]";
        }

        String compareState(Model m) {
            SortedMap<Integer, String> actual = new TreeMap<>();
            table.listProcesses().forEach((pid, info) -> actual.put(pid, "[" + pid + " ppid=" + info.ppid() + " pgid="
                    + info.pgid() + " sid=" + info.sid() + " " + info.status() + " exit=" + info.exitCode() + "]"));
            SortedMap<Integer, String> expected = new TreeMap<>();
            m.procs.forEach((pid, p) -> expected.put(pid, "[" + pid + " ppid=" + p.ppid + " pgid=" + p.pgid
                    + " sid=" + p.sid + " " + p.status + " exit="
                    + (p.exitCode == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(p.exitCode)) + "]"));
            if (!actual.equals(expected)) {
                return "process list\n  table: " + actual.values() + "\n  model: " + expected.values();
            }
            for (Model.Proc p : m.procs.values()) {
                String tableEntry = table.get(p.pid).map(Harness::describe).orElse("absent");
                if (!tableEntry.equals(describe(p))) {
                    return "get(" + p.pid + "): table " + tableEntry + " model " + describe(p);
                }
                if (p.status != ProcessStatus.EXITED) {
                    SignalSet pending = table.sigpending(p.pid);
                    if (!pending.equals(SignalSet.ofBits(p.pending))) {
                        return "sigpending(" + p.pid + "): table " + pending + " model " + SignalSet.ofBits(p.pending);
                    }
                }
            }
            if (table.runningCount() != m.runningCount()) {
                return "runningCount: table " + table.runningCount() + " model " + m.runningCount();
            }
            if (table.zombieTimerCount() != m.zombieTimerCount()) {
                return "zombieTimerCount: table " + table.zombieTimerCount() + " model " + m.zombieTimerCount();
            }
            for (int pgid = 1; pgid <= MAX_PID + 1; pgid++) {
                if (table.hasProcessGroup(pgid) != m.hasProcessGroup(pgid)) {
                    return "hasProcessGroup(" + pgid + "): table " + table.hasProcessGroup(pgid);
                }
            }
            return null;
        }

        /**
         * Per process, the signals its driver got in this step must be those the model delivered.
         * SIGCHLD may sit anywhere among the others (the order of a parent's notification against
         * other deliveries is not specified); the other signals must come in the model's order.
         * Drivers of processes that were zombies when the step began are not compared.
         */
        static String compareSignals(Model m, Map<Integer, List<Integer>> received, Map<Integer, Boolean> zombieAtStart) {
            Map<Integer, List<Integer>> expected = new HashMap<>();
            for (int[] delivery : m.delivered) {
                expected.computeIfAbsent(delivery[0], k -> new ArrayList<>()).add(delivery[1]);
            }
            for (Map.Entry<Integer, List<Integer>> entry : received.entrySet()) {
                int incarnation = entry.getKey();
                if (Boolean.TRUE.equals(zombieAtStart.get(incarnation))) {
                    continue;
                }
                List<Integer> got = entry.getValue();
                List<Integer> want = expected.getOrDefault(incarnation, List.of());
                boolean same = withoutSigchld(got).equals(withoutSigchld(want))
                        && count(got, Signals.SIGCHLD) == count(want, Signals.SIGCHLD);
                if (!same) {
                    return "signals to incarnation " + incarnation + " (" + m.describeIncarnation(incarnation)
                            + "): table " + got + " model " + want;
                }
            }
            return null;
        }

        static List<Integer> withoutSigchld(List<Integer> signals) {
            return signals.stream().filter(s -> s != Signals.SIGCHLD).toList();
        }

        static long count(List<Integer> signals, int signal) {
            return signals.stream().filter(s -> s == signal).count();
        }

        void fail(String message) {
            throw new AssertionError(message + "\nsteps:\n  " + String.join("\n  ", log));
        }
    }

    // ------------------------------------------------------------------ the reference model

    /** process_table.rs, single-threaded, with plain collections. */
    static final class Model {
        static final class Proc {
            final int pid;
            final int incarnation;
            int ppid;
            int pgid;
            int sid;
            ProcessStatus status = ProcessStatus.RUNNING;
            Integer exitCode;
            int umask;
            long blocked;
            long pending;
            final Deque<WaitResult> events = new ArrayDeque<>();
            boolean timed;
            long deadline;
            /** When the process joined its current process group. */
            long joined;
            /** When the process joined its parent's child list. */
            long childSeq;

            Proc(int pid, int incarnation) {
                this.pid = pid;
                this.incarnation = incarnation;
            }

            Proc copy() {
                Proc copy = new Proc(pid, incarnation);
                copy.ppid = ppid;
                copy.pgid = pgid;
                copy.sid = sid;
                copy.status = status;
                copy.exitCode = exitCode;
                copy.umask = umask;
                copy.blocked = blocked;
                copy.pending = pending;
                copy.events.addAll(events);
                copy.timed = timed;
                copy.deadline = deadline;
                copy.joined = joined;
                copy.childSeq = childSeq;
                return copy;
            }
        }

        record Delivery(Proc target, int signal, ProcessStatus status) {}

        final MutableClock clock;
        /** Group members in ascending pid order, as the Rust file; false: in the order they joined. */
        final boolean membersByPid;
        /**
         * The groups an exit affects in ascending pgid order, as the Rust file; false: the exiting
         * process's own group, then its children's groups in child-list order.
         */
        final boolean groupsByPgid;
        final TreeMap<Integer, Proc> procs = new TreeMap<>();
        /** (incarnation, signal) pairs handed to drivers in the current step. */
        final List<int[]> delivered = new ArrayList<>();
        final Map<Integer, String> incarnations = new LinkedHashMap<>();
        int nextPid = 1;
        int incarnationCounter;
        long joinCounter;

        /** The live and zombie members of a group, in the order the group signals them. */
        List<Proc> members(int pgid) {
            List<Proc> members = new ArrayList<>(procs.values().stream().filter(p -> p.pgid == pgid).toList());
            if (!membersByPid) {
                members.sort(java.util.Comparator.comparingLong(p -> p.joined));
            }
            return members;
        }

        Model(MutableClock clock, boolean membersByPid, boolean groupsByPgid) {
            this.clock = clock;
            this.membersByPid = membersByPid;
            this.groupsByPgid = groupsByPgid;
        }

        Model copy(boolean withMembersByPid, boolean withGroupsByPgid) {
            Model copy = new Model(clock, withMembersByPid, withGroupsByPgid);
            procs.forEach((pid, proc) -> copy.procs.put(pid, proc.copy()));
            copy.incarnations.putAll(incarnations);
            copy.nextPid = nextPid;
            copy.incarnationCounter = incarnationCounter;
            copy.joinCounter = joinCounter;
            return copy;
        }

        String describeIncarnation(int incarnation) {
            return incarnations.get(incarnation);
        }

        static KernelException error(io.sandkernel.Errno errno) {
            return new KernelException(errno, "model");
        }

        // --- pids

        /**
         * Linux rule the Java table documents (Rust only checks entries): a pid is in use while a
         * process, a process group or a session has that number.
         */
        boolean isPidInUse(int pid) {
            if (procs.containsKey(pid)) {
                return true;
            }
            for (Proc p : procs.values()) {
                if (p.pgid == pid || p.sid == pid) {
                    return true;
                }
            }
            return false;
        }

        int pidAfter(int pid) {
            return pid >= MAX_PID ? 1 : pid + 1;
        }

        int allocatePid() {
            int start = nextPid < 1 || nextPid > MAX_PID ? 1 : nextPid;
            int pid = start;
            while (isPidInUse(pid)) {
                pid = pidAfter(pid);
                if (pid == start) {
                    throw error(io.sandkernel.Errno.EAGAIN);
                }
            }
            nextPid = pidAfter(pid);
            return pid;
        }

        Proc register(int pid, int ppid, SignalSet blocked, int umask) {
            Proc parent = procs.get(ppid);
            Proc proc = new Proc(pid, ++incarnationCounter);
            proc.ppid = ppid;
            proc.pgid = parent != null ? parent.pgid : pid;
            proc.sid = parent != null ? parent.sid : pid;
            proc.umask = umask & 0777;
            proc.joined = ++joinCounter;
            proc.childSeq = ++joinCounter;
            proc.blocked = SignalSet.of(blocked.toArray()).bits();
            int current = nextPid < 1 || nextPid > MAX_PID ? 1 : nextPid;
            nextPid = current <= pid ? pidAfter(pid) : current;
            procs.put(pid, proc);
            incarnations.put(proc.incarnation, "pid " + pid);
            return proc;
        }

        int runningCount() {
            return (int) procs.values().stream().filter(p -> p.status == ProcessStatus.RUNNING).count();
        }

        int zombieTimerCount() {
            return (int) procs.values().stream().filter(p -> p.timed).count();
        }

        boolean hasProcessGroup(int pgid) {
            return procs.values().stream().anyMatch(p -> p.pgid == pgid && p.status != ProcessStatus.EXITED);
        }

        // --- signals

        static boolean blockable(int signal) {
            return signal != Signals.SIGKILL && signal != Signals.SIGSTOP && signal != Signals.SIGCONT;
        }

        static long bit(int signal) {
            return 1L << (signal - 1);
        }

        /** queue_or_schedule_signal */
        Delivery queue(Proc target, int signal) {
            if (blockable(signal) && (target.blocked & bit(signal)) != 0) {
                target.pending |= bit(signal);
                return null;
            }
            return new Delivery(target, signal, target.status);
        }

        /** deliver_signals */
        void deliver(List<Delivery> deliveries) {
            List<Delivery> stopped = new ArrayList<>();
            List<Delivery> continued = new ArrayList<>();
            for (Delivery d : deliveries) {
                if ((d.signal == Signals.SIGSTOP || d.signal == Signals.SIGTSTP) && d.status == ProcessStatus.RUNNING) {
                    stopped.add(d);
                } else if (d.signal == Signals.SIGCONT && d.status == ProcessStatus.STOPPED) {
                    continued.add(d);
                }
                delivered.add(new int[] {d.target.incarnation, d.signal});
            }
            for (Delivery d : stopped) {
                markWaitEvent(d.target.pid, ProcessStatus.STOPPED, d.signal, WaitEvent.STOPPED);
            }
            for (Delivery d : continued) {
                markWaitEvent(d.target.pid, ProcessStatus.RUNNING, Signals.SIGCONT, WaitEvent.CONTINUED);
            }
        }

        void kill(int pid, int signal) {
            if (signal < 0 || signal > Signals.MAX_SIGNAL) {
                throw error(io.sandkernel.Errno.EINVAL);
            }
            List<Delivery> deliveries = new ArrayList<>();
            if (pid < 0) {
                int pgid = -pid;
                List<Proc> members = members(pgid);
                if (members.isEmpty()) {
                    throw error(io.sandkernel.Errno.ESRCH);
                }
                if (signal == 0) {
                    return;
                }
                for (Proc member : members) {
                    Delivery d = queue(member, signal);
                    if (d != null) {
                        deliveries.add(d);
                    }
                }
            } else {
                Proc proc = procs.get(pid);
                if (proc == null) {
                    throw error(io.sandkernel.Errno.ESRCH);
                }
                if (proc.status == ProcessStatus.EXITED || signal == 0) {
                    return;
                }
                Delivery d = queue(proc, signal);
                if (d != null) {
                    deliveries.add(d);
                }
            }
            deliver(deliveries);
        }

        SignalSet sigprocmask(int pid, SigmaskHow how, SignalSet set) {
            Proc proc = procs.get(pid);
            if (proc == null) {
                throw error(io.sandkernel.Errno.ESRCH);
            }
            long previous = proc.blocked;
            long bits = SignalSet.of(set.toArray()).bits();
            proc.blocked = switch (how) {
                case BLOCK -> previous | bits;
                case UNBLOCK -> previous & ~bits;
                case SET_MASK -> bits;
            };
            long unblocked = proc.pending & ~proc.blocked;
            List<Delivery> deliveries = new ArrayList<>();
            for (int signal : SignalSet.ofBits(unblocked).toArray()) {
                proc.pending &= ~bit(signal);
                deliveries.add(new Delivery(proc, signal, proc.status));
            }
            deliver(deliveries);
            return SignalSet.ofBits(previous);
        }

        // --- state changes

        /** mark_wait_event_inner */
        void markWaitEvent(int pid, ProcessStatus next, int signal, WaitEvent event) {
            Proc proc = procs.get(pid);
            if (proc == null || proc.status == ProcessStatus.EXITED || proc.status == next) {
                return;
            }
            proc.status = next;
            proc.events.addLast(new WaitResult(pid, signal, event));
            Proc parent = procs.get(proc.ppid);
            if (parent != null && parent.status == ProcessStatus.RUNNING) {
                Delivery d = queue(parent, Signals.SIGCHLD);
                if (d != null) {
                    deliver(List.of(d));
                }
            }
        }

        /**
         * mark_exited_inner, with Linux's orphaned-group rule ({@code kill_orphaned_pgrp} in
         * kernel/exit.c) in place of the Rust file's: a group gets SIGHUP then SIGCONT only when
         * this exit makes it orphaned (it was not orphaned just before, it is now) and it has a
         * stopped member. The Rust file signalled every orphaned group with a stopped member on
         * every exit that touched it, so an exit inside a group orphaned long ago hung it up again.
         * Only the exiting process's own group and its children's groups can change; the model
         * simply compares every one of them before and after, by full scans.
         */
        void markExited(int pid, int exitCode) {
            Proc proc = procs.get(pid);
            if (proc == null || proc.status == ProcessStatus.EXITED) {
                return;
            }
            List<Proc> children = new ArrayList<>(procs.values().stream().filter(p -> p.ppid == pid).toList());
            if (!groupsByPgid) {
                children.sort(java.util.Comparator.comparingLong(p -> p.childSeq));
            }
            java.util.Collection<Integer> affected = groupsByPgid ? new TreeSet<>() : new java.util.LinkedHashSet<>();
            affected.add(proc.pgid);
            for (Proc child : children) {
                affected.add(child.pgid);
            }
            Map<Integer, Boolean> orphanedBefore = new HashMap<>();
            for (int pgid : affected) {
                orphanedBefore.put(pgid, isOrphaned(pgid));
            }
            proc.status = ProcessStatus.EXITED;
            proc.exitCode = exitCode;
            Proc init = procs.get(1);
            int newParent = pid != 1 && init != null && init.status != ProcessStatus.EXITED ? 1 : 0;
            for (Proc child : children) {
                child.ppid = newParent;
                child.childSeq = ++joinCounter;
            }
            List<Proc> orphanTargets = new ArrayList<>();
            for (int pgid : affected) {
                if (orphanedBefore.get(pgid) || !isOrphaned(pgid) || !hasStoppedMember(pgid)) {
                    continue;
                }
                for (Proc p : members(pgid)) {
                    if (p.status != ProcessStatus.EXITED) {
                        orphanTargets.add(p);
                    }
                }
            }
            List<Delivery> deliveries = new ArrayList<>();
            Proc parent = procs.get(proc.ppid);
            if (parent != null && parent.status == ProcessStatus.RUNNING) {
                Delivery d = queue(parent, Signals.SIGCHLD);
                if (d != null) {
                    deliveries.add(d);
                }
            }
            for (Proc target : orphanTargets) {
                Delivery hup = queue(target, Signals.SIGHUP);
                if (hup != null) {
                    deliveries.add(hup);
                }
                Delivery cont = queue(target, Signals.SIGCONT);
                if (cont != null) {
                    deliveries.add(cont);
                }
            }
            proc.timed = true;
            proc.deadline = clock.millis() + TTL_MILLIS;
            deliver(deliveries);
        }

        boolean isOrphaned(int pgid) {
            boolean hasMember = false;
            for (Proc p : procs.values()) {
                if (p.pgid != pgid || p.status == ProcessStatus.EXITED) {
                    continue;
                }
                hasMember = true;
                if (p.ppid != 0 && p.ppid != 1) {
                    Proc parent = procs.get(p.ppid);
                    if (parent != null && parent.status != ProcessStatus.EXITED && parent.sid == p.sid
                            && parent.pgid != p.pgid) {
                        return false;
                    }
                }
            }
            return hasMember;
        }

        boolean hasStoppedMember(int pgid) {
            return procs.values().stream().anyMatch(p -> p.pgid == pgid && p.status == ProcessStatus.STOPPED);
        }

        // --- waiting

        Optional<WaitResult> waitpid(int waiterPid, int pid, boolean untraced, boolean continued) {
            Proc waiter = procs.get(waiterPid);
            if (waiter == null) {
                throw error(io.sandkernel.Errno.ESRCH);
            }
            List<Proc> matching = new ArrayList<>();
            for (Proc p : procs.values()) {
                if (p.ppid != waiterPid) {
                    continue;
                }
                boolean selected = pid == -1 || (pid == 0 && p.pgid == waiter.pgid) || (pid < -1 && p.pgid == -pid)
                        || (pid > 0 && p.pid == pid);
                if (selected) {
                    matching.add(p);
                }
            }
            if (matching.isEmpty()) {
                throw error(io.sandkernel.Errno.ECHILD);
            }
            for (Proc child : matching) {
                for (Iterator<WaitResult> it = child.events.iterator(); it.hasNext(); ) {
                    WaitResult event = it.next();
                    if ((event.event() == WaitEvent.STOPPED && untraced)
                            || (event.event() == WaitEvent.CONTINUED && continued)) {
                        it.remove();
                        return Optional.of(event);
                    }
                }
                if (child.status == ProcessStatus.EXITED) {
                    procs.remove(child.pid);
                    return Optional.of(new WaitResult(child.pid, child.exitCode, WaitEvent.EXITED));
                }
            }
            return Optional.empty();
        }

        Optional<WaitResult> awaitExit(int pid) {
            Proc proc = procs.get(pid);
            if (proc == null) {
                throw error(io.sandkernel.Errno.ESRCH);
            }
            if (proc.status != ProcessStatus.EXITED) {
                return Optional.empty();
            }
            procs.remove(pid);
            return Optional.of(new WaitResult(pid, proc.exitCode, WaitEvent.EXITED));
        }

        int reapExpiredZombies() {
            long now = clock.millis();
            int reaped = 0;
            for (Proc zombie : new ArrayList<>(procs.values())) {
                if (!zombie.timed || zombie.deadline > now) {
                    continue;
                }
                Proc parent = zombie.ppid == 0 ? null : procs.get(zombie.ppid);
                if (parent != null && parent.status != ProcessStatus.EXITED) {
                    zombie.deadline = now + TTL_MILLIS;
                } else {
                    procs.remove(zombie.pid);
                    reaped++;
                }
            }
            return reaped;
        }

        // --- groups and sessions

        /** As the Rust file. */
        void setpgid(int pid, int pgid) {
            Proc proc = procs.get(pid);
            if (proc == null) {
                throw error(io.sandkernel.Errno.ESRCH);
            }
            int target = pgid == 0 ? pid : pgid;
            if (target != pid) {
                boolean exists = false;
                for (Proc p : procs.values()) {
                    if (p.pgid != target || p.status == ProcessStatus.EXITED) {
                        continue;
                    }
                    if (p.sid != proc.sid) {
                        throw error(io.sandkernel.Errno.EPERM);
                    }
                    exists = true;
                    break;
                }
                if (!exists) {
                    throw error(io.sandkernel.Errno.EPERM);
                }
            }
            if (proc.pgid != target) {
                proc.pgid = target;
                proc.joined = ++joinCounter;
            }
        }

        /**
         * As the Rust file, plus the Linux rule the Java table documents: EPERM when a process
         * group or session numbered {@code pid} already exists.
         */
        int setsid(int pid) {
            Proc proc = procs.get(pid);
            if (proc == null) {
                throw error(io.sandkernel.Errno.ESRCH);
            }
            boolean groupOrSessionExists = procs.values().stream().anyMatch(p -> p.pgid == pid || p.sid == pid);
            if (proc.pgid == pid || groupOrSessionExists) {
                throw error(io.sandkernel.Errno.EPERM);
            }
            proc.sid = pid;
            proc.pgid = pid;
            proc.joined = ++joinCounter;
            return pid;
        }

        int setUmask(int pid, int umask) {
            Proc proc = procs.get(pid);
            if (proc == null) {
                throw error(io.sandkernel.Errno.ESRCH);
            }
            int previous = proc.umask;
            proc.umask = umask & 0777;
            return previous;
        }
    }
}
