package io.sandkernel.shell;

import io.sandkernel.process.Signals;

/**
 * What the shell says on standard error when a foreground command it waited for was ended by a
 * signal. dash prints the signal's {@code strsignal} text ("Killed", "CPU time limit exceeded")
 * for every signal but SIGINT and SIGPIPE; bash, not interactive, prints its job line after its
 * error prefix ({@code bash: line 1:    42 Killed                  sleep 10}), and a bare
 * "Terminated" for SIGTERM.
 *
 * <p>The kernel's wait status is an exit code: a process ended by signal N exits with 128 + N,
 * so a status of 128 + N where N's default action ends a process is taken for a death by N (as
 * {@code jobs} does). A program that itself exits with such a status is reported so too.
 */
final class SignalNotice {
    private SignalNotice() {}

    /**
     * The line (with its newline) to print for a foreground command of {@code pid} that ended
     * with {@code status}, or null when there is nothing to say.
     *
     * @param errorPrefix bash's "bash: line N: ", used only when {@code bash}
     */
    static String of(boolean bash, int pid, int status, String text, String errorPrefix) {
        int signal = status - 128;
        if (!Signals.isValid(signal) || !Signals.terminatesByDefault(signal)
                || signal == Signals.SIGINT || signal == Signals.SIGPIPE) {
            return null;
        }
        String description = Signals.describe(signal);
        if (!bash || signal == Signals.SIGTERM) {
            return description + "\n";
        }
        return errorPrefix + String.format("%5d %-24s%s", pid, description, text) + "\n";
    }
}
