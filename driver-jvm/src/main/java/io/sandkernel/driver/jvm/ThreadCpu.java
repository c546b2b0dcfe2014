package io.sandkernel.driver.jvm;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CPU time of one program's thread, from the JVM's thread CPU clocks. A platform thread's
 * clock is read directly. The JVM keeps no clock for a virtual thread, so its time is measured on
 * the platform thread that carries it: each reading ({@link #nanos}, called every few milliseconds
 * by the kernel while a CPU limit is set) finds the carrier the thread is mounted on, and charges
 * the CPU that carrier used since the previous reading when the thread was on the same carrier
 * then. A virtual thread is never preempted, so a program that computes stays on its carrier and
 * is charged exactly; one that blocks is unmounted and charged nothing; a program that blocks and
 * runs again between two readings may be charged a neighbour's share of that carrier (an
 * overestimate, never an escape).
 *
 * <p>The carrier is read from {@link Thread#toString()} of the virtual thread ({@code
 * VirtualThread[#id,name]/runnable@ForkJoinPool-1-worker-1}), the only public place the JDK shows
 * it; should that form change, the thread is charged nothing rather than wrongly.
 */
final class ThreadCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Carrier thread ids by name, refreshed when a name is not found. */
    private static final Map<String, Long> CARRIERS = new ConcurrentHashMap<>();

    private final Thread thread;
    private long charged;
    private String lastCarrier;
    private long lastCarrierCpu;

    ThreadCpu(Thread thread) {
        this.thread = thread;
    }

    /** The CPU time used so far in nanoseconds, or -1 when the JVM measures no thread CPU time. */
    synchronized long nanos() {
        if (!THREADS.isThreadCpuTimeSupported()) {
            return -1;
        }
        if (!thread.isVirtual()) {
            long cpu = THREADS.getThreadCpuTime(thread.threadId());
            return cpu < 0 ? charged : (charged = cpu);
        }
        String carrier = carrierOf(thread);
        long carrierCpu = carrier == null ? -1 : carrierCpu(carrier);
        if (carrierCpu >= 0 && carrier.equals(lastCarrier) && carrierCpu >= lastCarrierCpu) {
            charged += carrierCpu - lastCarrierCpu;
        }
        lastCarrier = carrierCpu < 0 ? null : carrier;
        lastCarrierCpu = carrierCpu;
        return charged;
    }

    /** The name of the carrier {@code thread} is mounted on now, or null. */
    static String carrierOf(Thread thread) {
        String text = thread.toString();
        int state = text.lastIndexOf("]/");
        int at = text.indexOf('@', Math.max(0, state));
        if (state < 0 || at < 0 || !text.startsWith("runnable", state + 2)) {
            return null;
        }
        return text.substring(at + 1);
    }

    private static long carrierCpu(String name) {
        Long id = CARRIERS.get(name);
        long cpu = id == null ? -1 : THREADS.getThreadCpuTime(id);
        if (cpu >= 0) {
            return cpu;
        }
        CARRIERS.clear();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null) {
                CARRIERS.put(info.getThreadName(), info.getThreadId());
            }
        }
        id = CARRIERS.get(name);
        return id == null ? -1 : THREADS.getThreadCpuTime(id);
    }
}
