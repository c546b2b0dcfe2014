package io.sandkernel.bench;

import io.sandkernel.process.ProcessContext;
import io.sandkernel.process.ProcessEntry;
import io.sandkernel.process.ProcessInfo;
import io.sandkernel.process.ProcessTable;
import io.sandkernel.process.SigmaskHow;
import io.sandkernel.process.SignalSet;
import io.sandkernel.process.Signals;
import io.sandkernel.process.WaitEvent;
import io.sandkernel.process.WaitOption;
import io.sandkernel.process.WaitResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The process-table benchmark of {@code shared/bench/SCENARIOS.md}, the Java twin of the Rust
 * harness {@code shared/bench/seed-rs/src/main.rs}: the same calls in the same order, the same
 * batch-size rule and the same statistic, so the two outputs compare line by line.
 *
 * <p>Usage: {@code ProcessTableBench [full | quick | B[,B...]]}
 * <ul>
 *   <li>{@code full} (default): B in {0, 1000, 10000, 100000}, plus the memory line;
 *   <li>{@code quick}: B in {0, 10000};
 *   <li>{@code B,B,...}: explicit background sizes; the memory line is printed whenever 100000 is
 *       among them.
 * </ul>
 *
 * <p>stdout carries only the result lines
 * {@code sandkernel memory B=100000 bytes_per_process=<int>} and
 * {@code sandkernel <scenario> B=<B> ns_per_op=<%.1f>}; every diagnostic goes to stderr.
 *
 * <p>One deviation from the Rust procedure, announced on stderr: the warm-up phase runs at least
 * {@code 1 + extraWarmups} batches (system property {@code sandkernel.bench.extraWarmups},
 * default {@value BatchTimer#DEFAULT_EXTRA_WARMUPS}), to give the JIT compilers time to finish;
 * and each untimed setup ends with full collections (see {@link #worldFor}). The reported figure
 * is the same statistic as in Rust (median of 5 timed batches of at least 200 ms each). The
 * procedure itself lives in {@link BatchTimer}, shared with the other benchmarks.
 */
public final class ProcessTableBench {
    /** Word that starts every result line. */
    private static final String NAME = "sandkernel";

    /** The parent of every measured process: the init process, registered first. */
    static final int P = 1;
    /** Parent of the background population; a second root (ppid 0), never measured. */
    static final int BG_ROOT = 2;
    /** Background processes are arranged in process groups of this size. */
    static final int GROUP_SIZE = 10;
    static final int SIGWINCH = Signals.SIGWINCH;
    static final int SIGUSR1 = Signals.SIGUSR1;
    /** Population used for the memory figure. */
    static final int MEMORY_B = 100_000;
    /** The list scenario only runs up to this background size. */
    static final int LIST_MAX_B = 10_000;

    static final int[] FULL_BS = {0, 1_000, 10_000, 100_000};
    static final int[] QUICK_BS = {0, 10_000};

    /** Where result lines go: see {@link BatchTimer#resultStream()}. */
    private static final PrintStream OUT = BatchTimer.resultStream();
    private static final PrintStream ERR = System.err;

    private ProcessTableBench() {}

    // ---------------------------------------------------------------- building blocks

    /** allocatePid + register(pid, "bench", command, [], ofParent(ppid), new NoopDriver()). */
    static int spawn(ProcessTable table, int ppid, String command) {
        int pid = table.allocatePid();
        ProcessEntry entry = table.register(pid, "bench", command, List.of(), ProcessContext.ofParent(ppid), new NoopDriver());
        BatchTimer.blackholeRef = entry;
        return pid;
    }

    /** markExited(pid, 0), then waitpid(P, pid) must reap it: WaitResult(pid, 0, EXITED). */
    static void exitAndReap(ProcessTable table, int pid) throws InterruptedException {
        table.markExited(pid, 0);
        Optional<WaitResult> reaped = table.waitpid(P, pid);
        WaitResult expected = new WaitResult(pid, 0, WaitEvent.EXITED);
        if (reaped.isEmpty() || !reaped.get().equals(expected)) {
            throw new IllegalStateException("exitAndReap(" + pid + "): expected " + expected + ", got " + reaped);
        }
    }

    /** A fresh table holding P (pid 1), BG_ROOT (pid 2) and {@code b} background processes. */
    static ProcessTable buildWorld(int b) {
        ProcessTable table = new ProcessTable();
        int init = spawn(table, 0, "init");
        check(init == P, "init must be pid 1, got " + init);
        int root = spawn(table, 0, "bg-root");
        check(root == BG_ROOT, "background root must be pid 2, got " + root);
        addBackground(table, b);
        return table;
    }

    /**
     * {@code b} children of BG_ROOT in groups of GROUP_SIZE: all group leaders first
     * (setpgid(leader, 0)), then the members group by group (setpgid(member, leader)).
     */
    static void addBackground(ProcessTable table, int b) {
        int groups = (b + GROUP_SIZE - 1) / GROUP_SIZE;
        int[] leaders = new int[groups];
        int expectedPid = BG_ROOT + 1; // called on a table holding only P and BG_ROOT
        for (int g = 0; g < groups; g++) {
            int leader = spawn(table, BG_ROOT, "bg");
            check(leader == expectedPid++, "pids must come 1, 2, 3, ...: got " + leader);
            table.setpgid(leader, 0);
            leaders[g] = leader;
        }
        for (int g = 0; g < groups; g++) {
            int members = Math.min(GROUP_SIZE, b - g * GROUP_SIZE);
            for (int i = 1; i < members; i++) {
                int member = spawn(table, BG_ROOT, "bg");
                check(member == expectedPid++, "pids must come 1, 2, 3, ...: got " + member);
                table.setpgid(member, leaders[g]);
            }
        }
    }

    /**
     * World(b) on a fresh table, then (Java only, untimed) full collections: the world is
     * long-lived data, and without this a young collector copies it from survivor space to
     * survivor space during the first timed batches of every scenario (B = 100000: some 20 MB,
     * tens of ms per pause), and the previous scenario's closed table would be collected then too.
     */
    static ProcessTable worldFor(String scenario, int b) {
        long start = System.nanoTime();
        ProcessTable table = buildWorld(b);
        long built = System.nanoTime();
        BatchTimer.heapUsedAfterGc();
        ERR.printf(Locale.ROOT, "%s B=%d: setup %.0f ms, GC after setup %.0f ms%n", scenario, b,
                (built - start) / 1e6, (System.nanoTime() - built) / 1e6);
        return table;
    }

    static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    // ---------------------------------------------------------------- results

    private static void report(String scenario, int b, double nsPerOp) {
        OUT.printf(Locale.ROOT, "%s %s B=%d ns_per_op=%.1f%n", NAME, scenario, b, nsPerOp);
        OUT.flush();
    }

    // ---------------------------------------------------------------- scenarios

    /** cycle: allocatePid, register a child of P, markExited(pid, 0), waitpid(P, pid) reaps it. */
    static double benchCycle(int b) throws InterruptedException {
        try (ProcessTable table = worldFor("cycle", b)) {
            double ns = BatchTimer.measure("cycle", n -> {
                long sink = 0;
                for (long i = 0; i < n; i++) {
                    int pid = table.allocatePid();
                    ProcessEntry entry = table.register(pid, "bench", "child", List.of(), ProcessContext.ofParent(P), new NoopDriver());
                    BatchTimer.blackholeRef = entry;
                    table.markExited(pid, 0);
                    Optional<WaitResult> reaped = table.waitpid(P, pid);
                    if (reaped.isEmpty() || reaped.get().pid() != pid) {
                        throw new IllegalStateException("cycle: unexpected waitpid result " + reaped + " for pid " + pid);
                    }
                    sink += reaped.get().status();
                }
                return sink;
            });
            check(table.listProcesses().size() == b + 2, "cycle: the table must hold B + 2 processes afterwards");
            return ns;
        }
    }

    /** group-kill: P has a child group of 10 (pgid = its first member); kill(-pgid, SIGWINCH). */
    static double benchGroupKill(int b) throws InterruptedException {
        try (ProcessTable table = worldFor("group-kill", b)) {
            int first = spawn(table, P, "group");
            table.setpgid(first, 0);
            List<Integer> members = new ArrayList<>();
            members.add(first);
            for (int i = 1; i < GROUP_SIZE; i++) {
                int member = spawn(table, P, "group");
                table.setpgid(member, first);
                members.add(member);
            }
            check(first == b + 3, "group-kill: the group must start at pid B + 3, got " + first);
            int target = -first;
            double ns = BatchTimer.measure("group-kill", n -> {
                for (long i = 0; i < n; i++) {
                    table.kill(target, SIGWINCH);
                }
                return n;
            });
            for (int member : members) {
                exitAndReap(table, member);
            }
            return ns;
        }
    }

    /** wnohang-poll: P has one running child; waitpid(P, -1, WNOHANG) is empty. */
    static double benchWnohangPoll(int b) throws InterruptedException {
        try (ProcessTable table = worldFor("wnohang-poll", b)) {
            int child = spawn(table, P, "child");
            double ns = BatchTimer.measure("wnohang-poll", n -> {
                long sink = 0;
                for (long i = 0; i < n; i++) {
                    Optional<WaitResult> result = table.waitpid(P, -1, WaitOption.WNOHANG);
                    if (result.isPresent()) {
                        throw new IllegalStateException("wnohang-poll: child must still be running, got " + result);
                    }
                    sink++;
                }
                return sink;
            });
            exitAndReap(table, child);
            return ns;
        }
    }

    /** sigmask: sigprocmask(child, BLOCK, {SIGUSR1}) then (child, UNBLOCK, {SIGUSR1}) = one op. */
    static double benchSigmask(int b) throws InterruptedException {
        try (ProcessTable table = worldFor("sigmask", b)) {
            int child = spawn(table, P, "child");
            SignalSet usr1 = SignalSet.of(SIGUSR1);
            double ns = BatchTimer.measure("sigmask", n -> {
                long sink = 0;
                for (long i = 0; i < n; i++) {
                    SignalSet beforeBlock = table.sigprocmask(child, SigmaskHow.BLOCK, usr1);
                    SignalSet beforeUnblock = table.sigprocmask(child, SigmaskHow.UNBLOCK, usr1);
                    if (!beforeBlock.isEmpty() || !beforeUnblock.equals(usr1)) {
                        throw new IllegalStateException("sigmask: unexpected previous masks " + beforeBlock + ", " + beforeUnblock);
                    }
                    sink++;
                }
                return sink;
            });
            exitAndReap(table, child);
            return ns;
        }
    }

    /** list: listProcesses() over P, BG_ROOT and the B background processes. */
    static double benchList(int b) throws InterruptedException {
        try (ProcessTable table = worldFor("list", b)) {
            int expected = b + 2;
            return BatchTimer.measure("list", n -> {
                long sink = 0;
                for (long i = 0; i < n; i++) {
                    SortedMap<Integer, ProcessInfo> listing = table.listProcesses();
                    if (listing.size() != expected) {
                        throw new IllegalStateException("list: expected " + expected + " processes, got " + listing.size());
                    }
                    BatchTimer.blackholeRef = listing;
                    sink += expected;
                }
                return sink;
            });
        }
    }

    // ---------------------------------------------------------------- memory

    /** AT_PAGESZ from /proc/self/auxv (as the Rust harness reads it); 4096 when unreadable. */
    static long pageSize() {
        final long atPagesz = 6;
        try (InputStream in = Files.newInputStream(Path.of("/proc/self/auxv"))) {
            ByteBuffer auxv = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.nativeOrder());
            while (auxv.remaining() >= 16) {
                long key = auxv.getLong();
                long value = auxv.getLong();
                if (key == atPagesz) {
                    return value;
                }
            }
        } catch (IOException | RuntimeException e) {
            ERR.println("memory: cannot read AT_PAGESZ from /proc/self/auxv (" + e + "), assuming 4096");
        }
        return 4096;
    }

    /** Resident set size in bytes: second field of /proc/self/statm times the page size. */
    static long residentBytes(long pageSize) {
        try {
            String[] fields = Files.readString(Path.of("/proc/self/statm")).trim().split("\\s+");
            return Long.parseLong(fields[1]) * pageSize;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/self/statm", e);
        }
    }

    /**
     * memory: RSS growth per process while registering MEMORY_B background processes into a table
     * that already holds P and BG_ROOT. Runs first, on a fresh heap. Heap-after-GC figures go to
     * stderr only.
     */
    static long benchMemory() {
        long pageSize = pageSize();
        try (ProcessTable table = buildWorld(0)) {
            long heapBefore = BatchTimer.heapUsedAfterGc();
            long before = residentBytes(pageSize);
            long start = System.nanoTime();
            addBackground(table, MEMORY_B);
            long tookNs = System.nanoTime() - start;
            long after = residentBytes(pageSize);
            long heapAfter = BatchTimer.heapUsedAfterGc();
            long rssAfterGc = residentBytes(pageSize);
            check(table.listProcesses().size() == MEMORY_B + 2, "memory: the table must hold " + (MEMORY_B + 2) + " processes");
            ERR.printf(Locale.ROOT, "memory: page size %d, registered %d in %.0f ms, RSS %d -> %d bytes (%d after GC)%n",
                    pageSize, MEMORY_B, tookNs / 1e6, before, after, rssAfterGc);
            ERR.printf(Locale.ROOT, "memory: heap used after GC %d -> %d bytes = %d bytes per process (live data)%n",
                    heapBefore, heapAfter, (heapAfter - heapBefore) / MEMORY_B);
            return Math.max(after - before, 0) / MEMORY_B;
        }
    }

    // ---------------------------------------------------------------- main

    private static void usage(String problem) {
        ERR.println("usage: ProcessTableBench [full | quick | B[,B...]]" + (problem == null ? "" : " (" + problem + ")"));
        System.exit(2);
    }

    static int[] parseBs(String arg) {
        if (arg == null || arg.equals("full")) {
            return FULL_BS.clone();
        }
        if (arg.equals("quick")) {
            return QUICK_BS.clone();
        }
        String[] parts = arg.split(",", -1);
        int[] bs = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                bs[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                bs[i] = -1;
            }
            if (bs[i] < 0) {
                usage("bad B \"" + parts[i] + "\"");
            }
        }
        return bs;
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 1) {
            usage("one argument at most");
        }
        int[] bs = parseBs(args.length == 0 ? null : args[0]);
        long started = System.nanoTime();
        var runtime = ManagementFactory.getRuntimeMXBean();
        ERR.printf("%s-bench: %s %s (%s), flags %s%n", NAME, runtime.getVmName(), Runtime.version(),
                System.getProperty("java.vendor"), runtime.getInputArguments());
        ERR.printf("%s-bench: B %s; JIT warm-up: at least %d warm-up batch(es) per scenario (Rust: 1), "
                + "%d of them extra (-Dsandkernel.bench.extraWarmups); System.gc() after each (untimed) setup%n",
                NAME, Arrays.toString(bs), 1 + BatchTimer.EXTRA_WARMUPS, BatchTimer.EXTRA_WARMUPS);

        if (Arrays.stream(bs).anyMatch(b -> b == MEMORY_B)) {
            long bytes = benchMemory();
            OUT.printf(Locale.ROOT, "%s memory B=%d bytes_per_process=%d%n", NAME, MEMORY_B, bytes);
            OUT.flush();
        }

        for (int b : bs) {
            report("cycle", b, benchCycle(b));
            report("group-kill", b, benchGroupKill(b));
            report("wnohang-poll", b, benchWnohangPoll(b));
            report("sigmask", b, benchSigmask(b));
            if (b <= LIST_MAX_B) {
                report("list", b, benchList(b));
            }
        }
        ERR.printf(Locale.ROOT, "%s-bench: done in %.1f s%n", NAME, (System.nanoTime() - started) / 1e9);
    }
}
