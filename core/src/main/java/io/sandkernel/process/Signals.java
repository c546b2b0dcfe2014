package io.sandkernel.process;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;

/** Signal numbers (Linux x86-64) and their names, as {@code man 7 signal} lists them. */
public final class Signals {
    public static final int SIGHUP = 1;
    public static final int SIGINT = 2;
    public static final int SIGQUIT = 3;
    public static final int SIGILL = 4;
    public static final int SIGTRAP = 5;
    public static final int SIGABRT = 6;
    public static final int SIGBUS = 7;
    public static final int SIGFPE = 8;
    public static final int SIGKILL = 9;
    public static final int SIGUSR1 = 10;
    public static final int SIGSEGV = 11;
    public static final int SIGUSR2 = 12;
    public static final int SIGPIPE = 13;
    public static final int SIGALRM = 14;
    public static final int SIGTERM = 15;
    public static final int SIGSTKFLT = 16;
    public static final int SIGCHLD = 17;
    public static final int SIGCONT = 18;
    public static final int SIGSTOP = 19;
    public static final int SIGTSTP = 20;
    public static final int SIGTTIN = 21;
    public static final int SIGTTOU = 22;
    public static final int SIGURG = 23;
    public static final int SIGXCPU = 24;
    public static final int SIGXFSZ = 25;
    public static final int SIGVTALRM = 26;
    public static final int SIGPROF = 27;
    public static final int SIGWINCH = 28;
    public static final int SIGIO = 29;
    public static final int SIGPWR = 30;
    public static final int SIGSYS = 31;
    /** The highest signal number; real-time signals run from 32 to here. */
    public static final int MAX_SIGNAL = 64;

    private static final String[] NAMES = {
        null, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE",
        "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT",
        "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU",
        "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS"
    };

    private Signals() {}

    /** Whether {@code signal} is a signal number, 1 to {@link #MAX_SIGNAL}. */
    public static boolean isValid(int signal) {
        return signal >= 1 && signal <= MAX_SIGNAL;
    }

    /**
     * The name of a signal: {@code 15 -> "SIGTERM"}, real-time signals {@code 40 -> "SIGRT40"}.
     *
     * @throws KernelException EINVAL when {@code signal} is outside 1..64
     */
    public static String name(int signal) {
        requireValid(signal);
        return signal < NAMES.length ? NAMES[signal] : "SIGRT" + signal;
    }

    /**
     * Parses a signal as a shell's {@code kill} does: {@code "TERM"}, {@code "SIGTERM"},
     * {@code "sigterm"}, {@code "15"} and {@code "SIGRT40"} are accepted.
     *
     * @throws KernelException EINVAL when the text names no signal; {@code "0"} is accepted only
     *                         by {@link #parseOrProbe(String)}
     */
    public static int parse(String text) {
        int signal = parseOrProbe(text);
        if (signal == 0) {
            throw new KernelException(Errno.EINVAL, "invalid signal '0'");
        }
        return signal;
    }

    /** As {@link #parse(String)}, but also accepts {@code "0"}, the probe signal of {@code kill}. */
    public static int parseOrProbe(String text) {
        if (text == null || text.isBlank()) {
            throw new KernelException(Errno.EINVAL, "invalid signal: empty name");
        }
        String trimmed = text.trim();
        if (Character.isDigit(trimmed.charAt(0))) {
            try {
                int number = Integer.parseInt(trimmed);
                if (number == 0 || isValid(number)) {
                    return number;
                }
            } catch (NumberFormatException ignored) {
                // falls through to the error below
            }
            throw new KernelException(Errno.EINVAL, "invalid signal '" + text + "'");
        }
        String upper = trimmed.toUpperCase(java.util.Locale.ROOT);
        String full = upper.startsWith("SIG") ? upper : "SIG" + upper;
        for (int signal = 1; signal < NAMES.length; signal++) {
            if (NAMES[signal].equals(full)) {
                return signal;
            }
        }
        if (full.startsWith("SIGRT")) {
            try {
                int number = Integer.parseInt(full.substring(5));
                if (number >= NAMES.length && number <= MAX_SIGNAL) {
                    return number;
                }
            } catch (NumberFormatException ignored) {
                // falls through to the error below
            }
        }
        throw new KernelException(Errno.EINVAL, "invalid signal '" + text + "'");
    }

    static void requireValid(int signal) {
        if (!isValid(signal)) {
            throw new KernelException(Errno.EINVAL, "invalid signal " + signal);
        }
    }

    /** SIGKILL, SIGSTOP and SIGCONT reach a process whatever its mask says. */
    static boolean isBlockable(int signal) {
        return signal != SIGKILL && signal != SIGSTOP && signal != SIGCONT;
    }
}
