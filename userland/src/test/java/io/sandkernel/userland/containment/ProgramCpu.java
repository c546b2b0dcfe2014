package io.sandkernel.userland.containment;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The CPU time of the threads that run a kernel's programs, from the JVM's thread CPU clocks: a
 * JVM program runs on a virtual thread, whose CPU time the JVM does not report, so what is summed
 * is the CPU time of the platform threads that carry virtual threads (the default scheduler's
 * {@code ForkJoinPool-N-worker-M}) and of the kernel's own platform threads ({@code sandkernel…}).
 * The test's own thread, the JIT and the collector are left out, so a window with nothing running
 * in the kernel reads close to zero whatever else the machine does.
 */
final class ProgramCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ProgramCpu() {}

    /** Nanoseconds of CPU used so far by the live threads that run programs. */
    static long nanos() {
        long total = 0;
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null || !runsPrograms(info.getThreadName())) {
                continue;
            }
            long cpu = THREADS.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) {
                total += cpu;
            }
        }
        return total;
    }

    /** CPU used by program threads during {@code window}, in nanoseconds. */
    static long during(Duration window) throws InterruptedException {
        long before = nanos();
        Thread.sleep(window);
        return Math.max(0, nanos() - before);
    }

    /** Waits (at most {@code limit}) until program threads have used {@code cpu} more than now. */
    static boolean burns(Duration cpu, Duration limit) throws InterruptedException {
        long start = nanos();
        return eventually(limit, () -> nanos() - start >= cpu.toNanos());
    }

    static boolean eventually(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }

    private static boolean runsPrograms(String name) {
        return (name.startsWith("ForkJoinPool-") && name.contains("-worker-")) || name.startsWith("sandkernel");
    }

    static {
        if (!THREADS.isThreadCpuTimeEnabled()) {
            THREADS.setThreadCpuTimeEnabled(true);
        }
    }
}
