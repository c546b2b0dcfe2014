package io.sandkernel.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Signals on their way to drivers. The table decides under its lock who gets what (a blocked
 * signal becomes pending instead); this class then calls the drivers with the lock released and
 * records the stops and continues they cause. A driver that throws is logged and skipped: the
 * other deliveries still happen.
 */
final class SignalDelivery {
    private static final System.Logger LOG = System.getLogger(SignalDelivery.class.getName());

    /** One signal for one driver, with the target's status when it was queued. */
    record Pending(ProcessRecord target, int signal, ProcessStatus statusBefore) {}

    private final ProcessTable table;

    SignalDelivery(ProcessTable table) {
        this.table = table;
    }

    /** Queues {@code signal} for delivery, or makes it pending when the target blocks it. */
    List<Pending> queue(List<Pending> deliveries, ProcessRecord target, int signal) {
        long bit = 1L << (signal - 1);
        if ((target.blocked & bit) != 0L && Signals.isBlockable(signal)) {
            target.pending |= bit;
            return deliveries;
        }
        return schedule(deliveries, target, signal);
    }

    /** Queues {@code signal} for delivery whatever the mask says. */
    List<Pending> schedule(List<Pending> deliveries, ProcessRecord target, int signal) {
        List<Pending> list = deliveries == null ? new ArrayList<>(4) : deliveries;
        list.add(new Pending(target, signal, target.status));
        return list;
    }

    /** Calls the drivers, then records stops and continues. Must run without the table's lock. */
    void deliver(List<Pending> deliveries) {
        if (deliveries == null) {
            return;
        }
        int size = deliveries.size();
        boolean[] delivered = new boolean[size];
        for (int i = 0; i < size; i++) {
            Pending pending = deliveries.get(i);
            delivered[i] = kill(pending.target(), pending.signal());
        }
        for (int i = 0; i < size; i++) {
            Pending pending = deliveries.get(i);
            int signal = pending.signal();
            if (delivered[i] && (signal == Signals.SIGSTOP || signal == Signals.SIGTSTP)
                    && pending.statusBefore() == ProcessStatus.RUNNING) {
                table.markWaitEvent(pending.target().pid, pending.target(), ProcessStatus.STOPPED, signal);
            }
        }
        for (int i = 0; i < size; i++) {
            Pending pending = deliveries.get(i);
            if (delivered[i] && pending.signal() == Signals.SIGCONT && pending.statusBefore() == ProcessStatus.STOPPED) {
                table.markWaitEvent(pending.target().pid, pending.target(), ProcessStatus.RUNNING, Signals.SIGCONT);
            }
        }
    }

    /**
     * Sends {@code signal} straight to each driver (masks do not apply), then waits up to
     * {@code grace} in all for them to exit, recording the exits the drivers report.
     */
    void killAndWait(List<ProcessRecord> targets, int signal, Duration grace) {
        for (ProcessRecord target : targets) {
            kill(target, signal);
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessRecord target : targets) {
            if (!table.isLive(target)) {
                continue;
            }
            long remaining = Math.max(0L, deadline - System.nanoTime());
            try {
                OptionalInt exitCode = target.process.waitFor(Duration.ofNanos(remaining));
                if (exitCode.isPresent()) {
                    table.exitedWithCode(target, exitCode.getAsInt());
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "driver wait failed for pid " + target.pid, e);
            }
        }
    }

    private static boolean kill(ProcessRecord target, int signal) {
        try {
            target.process.kill(signal);
            return true;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING,
                    "driver failed to deliver " + Signals.name(signal) + " to pid " + target.pid, e);
            return false;
        }
    }
}
