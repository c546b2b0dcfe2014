package io.sandkernel.shell;

import io.sandkernel.process.Signals;

/**
 * Signal names as {@code kill -l} and {@code trap -l} print them: Linux numbering up to 64, with
 * real-time signals named from both ends ({@code RTMIN+1}, {@code RTMAX-14}) as dash and bash
 * name them. dash knows no name for 16, 32 and 33 and prints the number.
 */
final class SignalNames {
    static final int MAX = 64;
    private static final int RTMIN = 34;

    private SignalNames() {
    }

    /** The name without {@code SIG}, or null when the shell has none for the number. */
    static String name(int signal, boolean bash) {
        if (signal >= 1 && signal <= Signals.SIGSYS) {
            return signal == Signals.SIGSTKFLT && !bash ? null : Signals.name(signal).substring(3);
        }
        if (signal < RTMIN || signal > MAX) {
            return null;
        }
        int fromMin = signal - RTMIN;
        int toMax = MAX - signal;
        if (fromMin <= toMax) {
            return fromMin == 0 ? "RTMIN" : "RTMIN+" + fromMin;
        }
        return toMax == 0 ? "RTMAX" : "RTMAX-" + toMax;
    }

    /** dash's {@code kill -l}: one per line from 0, numbers where it has no name. */
    static String dashList() {
        StringBuilder out = new StringBuilder("0\n");
        for (int s = 1; s <= MAX; s++) {
            String name = name(s, false);
            out.append(name == null ? Integer.toString(s) : name).append('\n');
        }
        return out.toString();
    }

    /** bash's {@code kill -l} and {@code trap -l}: a table of five columns, unnamed numbers left out. */
    static String bashTable() {
        StringBuilder out = new StringBuilder();
        int column = 0;
        for (int s = 1; s <= MAX; s++) {
            String name = name(s, true);
            if (name == null) {
                continue;
            }
            out.append(String.format("%2d) SIG%s", s, name));
            column++;
            out.append(column % 5 == 0 ? "\n" : "\t");
        }
        if (column % 5 != 0) {
            out.append('\n');
        }
        return out.toString();
    }
}
