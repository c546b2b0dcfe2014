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

    /** glibc's {@code strsignal} texts, by signal number. */
    private static final String[] DESCRIPTIONS = {
        null, "Hangup", "Interrupt", "Quit", "Illegal instruction", "Trace/breakpoint trap", "Aborted",
        "Bus error", "Floating point exception", "Killed", "User defined signal 1", "Segmentation fault",
        "User defined signal 2", "Broken pipe", "Alarm clock", "Terminated", "Stack fault", "Child exited",
        "Continued", "Stopped (signal)", "Stopped", "Stopped (tty input)", "Stopped (tty output)",
        "Urgent I/O condition", "CPU time limit exceeded", "File size limit exceeded", "Virtual timer expired",
        "Profiling timer expired", "Window changed", "I/O possible", "Power failure", "Bad system call"
    };
    /** glibc's first real-time signal: 32 and 33 are kept by its threads. */
    private static final int GLIBC_SIGRTMIN = 34;

    private Signals() {}

    /**
     * What glibc's {@code strsignal} says of a signal, the text shells print for a job it ended:
     * {@code 9 -> "Killed"}, {@code 24 -> "CPU time limit exceeded"}, {@code 40 -> "Real-time
     * signal 6"}, {@code 32 -> "Unknown signal 32"}.
     *
     * @throws KernelException EINVAL when {@code signal} is outside 1..64
     */
    public static String describe(int signal) {
        requireValid(signal);
        if (signal < DESCRIPTIONS.length) {
            return DESCRIPTIONS[signal];
        }
        return signal < GLIBC_SIGRTMIN ? "Unknown signal " + signal : "Real-time signal " + (signal - GLIBC_SIGRTMIN);
    }

    /**
     * Whether a signal's default action ends the process (with or without a core): all but
     * SIGCHLD, SIGCONT, SIGURG, SIGWINCH (ignored) and the four that stop.
     */
    public static boolean terminatesByDefault(int signal) {
        requireValid(signal);
        return switch (signal) {
            case SIGCHLD, SIGCONT, SIGURG, SIGWINCH, SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU -> false;
            default -> true;
        };
    }

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
