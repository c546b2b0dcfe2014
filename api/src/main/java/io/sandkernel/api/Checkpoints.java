package io.sandkernel.api;

import java.util.Comparator;
import java.util.Objects;

/**
 * Signal checkpoints for a program's own computation. A JVM thread cannot be preempted: the JVM
 * driver acts on a program's signals (a kill, a stop, a handler) at its next system call, and
 * interrupts its thread when a signal needs attention. A loop that makes no system call for a
 * while (a shell loop, a sed or awk program, a sort, a backtracking regular expression) calls
 * {@link #poll} now and then, which looks at the interrupt flag (a field read) and makes the
 * cheapest system call ({@link ProcessApi#sigpending}) only when it is set, so a killed program
 * stops within milliseconds and a stopped one waits there.
 *
 * <p>Contract: {@link #poll} returns normally when nothing needs attention; otherwise the call
 * may throw {@link ProcessTermination} (never catch it), block while the process is stopped, or
 * run signal handlers. The wrappers {@link #text} and {@link #comparator} poll from inside code
 * that the program does not control ({@link java.util.regex.Matcher}, {@link java.util.List#sort}).
 *
 * <p>The system property {@code sandkernel.checkpoints=false}, read once, turns the polling off;
 * it exists only to measure what the checkpoints cost (see the {@code bench} module) and leaves
 * programs that compute unkillable, so it must not be used otherwise.
 */
public final class Checkpoints {
    /** Whether polling is on (only a benchmark turns it off). */
    static final boolean ENABLED = !"false".equals(System.getProperty("sandkernel.checkpoints"));
    /** A regex engine reads characters in the millions per second: one look per 1,024 reads. */
    private static final int TEXT_MASK = 0x3FF;
    /** A comparison costs more than a character read: one look per 64. */
    private static final int ORDER_MASK = 0x3F;

    private Checkpoints() {}

    /** Acts on the calling program's signals if one is waiting; see the class contract. */
    public static void poll(ProcessApi process) {
        if (ENABLED && Thread.currentThread().isInterrupted()) {
            process.sigpending();
        }
    }

    /**
     * {@code text} as a sequence for {@link java.util.regex.Matcher}s (and other character loops)
     * that polls every 1,024 character reads, so that catastrophic backtracking, which can read
     * a short line for minutes, still ends when the program is killed. Sub-sequences are plain.
     */
    public static CharSequence text(CharSequence text, ProcessApi process) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(process, "process");
        return ENABLED ? new WatchedText(text, process) : text;
    }

    /** {@code order}, polling every 64 comparisons, for sorts of large inputs. */
    public static <T> Comparator<T> comparator(Comparator<T> order, ProcessApi process) {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(process, "process");
        if (!ENABLED) {
            return order;
        }
        int[] comparisons = new int[1];
        return (a, b) -> {
            if ((++comparisons[0] & ORDER_MASK) == 0) {
                poll(process);
            }
            return order.compare(a, b);
        };
    }

    /** A character sequence whose reads poll now and then. */
    private static final class WatchedText implements CharSequence {
        private final CharSequence text;
        private final ProcessApi process;
        private int reads;

        WatchedText(CharSequence text, ProcessApi process) {
            this.text = text;
            this.process = process;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & TEXT_MASK) == 0) {
                poll(process);
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
