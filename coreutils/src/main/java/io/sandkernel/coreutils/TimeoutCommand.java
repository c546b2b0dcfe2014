package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.Redirect;
import io.sandkernel.api.SpawnRequest;
import io.sandkernel.process.Signals;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * timeout [-s SIGNAL] [-k DURATION] [--preserve-status] [--foreground] [-v] DURATION COMMAND
 * [ARG]...: runs COMMAND and signals it (TERM by default) when DURATION ({@code 1.5}, {@code 2m},
 * {@code 1d}; 0 for never) passes, then KILL after {@code -k}. The command runs in a process
 * group of its own (unless {@code --foreground}), which gets the signal, so its children are
 * stopped too. Exits with the command's status, 124 when it timed out (its status with
 * {@code --preserve-status}), 137 when KILL was needed, 125 for timeout's own failures, 126 and
 * 127 when the command cannot run or does not exist.
 */
final class TimeoutCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("k:s:v",
            "kill-after:k", "signal:s", "verbose:v", "preserve-status:\u0001", "foreground:\u0002")
            .stopAtFirstOperand();
    private static final int TIMED_OUT = 124;
    private static final int FAILED = 125;

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        List<String> operands = options.operands();
        if (operands.size() < 2) {
            throw UsageException.hintOnly();
        }
        Diagnostics diagnostics = new Diagnostics(process, "timeout");
        int signal = Signals.SIGTERM;
        String signalText = options.value('s', null);
        if (signalText != null) {
            try {
                signal = Signals.parseOrProbe(signalText); // 0 is accepted and sends nothing
            } catch (KernelException e) {
                throw new UsageException(Diagnostics.quote(signalText) + ": invalid signal");
            }
        }
        Duration limit = duration(operands.get(0));
        Duration killAfter = options.has('k') ? duration(options.value('k', "")) : null;
        boolean foreground = options.has('\u0002');
        List<String> command = operands.subList(1, operands.size());
        int pid;
        try {
            pid = process.spawn(new SpawnRequest(command, process.env(), process.cwd(), Redirect.inherit(),
                    Redirect.inherit(), Redirect.inherit(), foreground ? -1 : 0, false));
        } catch (KernelException e) {
            diagnostics.error("failed to run command " + Diagnostics.quote(command.get(0)) + ": "
                    + Diagnostics.describe(e));
            return e.errno() == Errno.ENOENT ? 127 : 126;
        }
        int status = limit.isZero() ? Children.await(process, pid) : Children.await(process, pid, limit);
        if (status >= 0) {
            return status;
        }
        send(process, diagnostics, options.has('v'), pid, signal, foreground, command.get(0));
        if (signal != Signals.SIGKILL && signal != Signals.SIGCONT) {
            send(process, null, false, pid, Signals.SIGCONT, foreground, command.get(0));
        }
        if (killAfter != null && signal != Signals.SIGKILL) {
            status = killAfter.isZero() ? Children.await(process, pid) : Children.await(process, pid, killAfter);
            if (status < 0) {
                send(process, diagnostics, options.has('v'), pid, Signals.SIGKILL, foreground, command.get(0));
                Children.await(process, pid);
                return 128 + Signals.SIGKILL; // GNU's timeout is killed with its group
            }
        } else {
            status = Children.await(process, pid);
        }
        if (signal == Signals.SIGKILL) {
            return 128 + Signals.SIGKILL;
        }
        return options.has('\u0001') ? status : TIMED_OUT;
    }

    private static void send(ProcessApi process, Diagnostics diagnostics, boolean verbose, int pid, int signal,
                             boolean foreground, String name) {
        if (verbose && diagnostics != null) {
            String signalName = signal == 0 ? "0" : Signals.name(signal).substring(3);
            diagnostics.warn("sending signal " + signalName + " to command " + Diagnostics.quote(name));
        }
        if (signal == 0) {
            return;
        }
        try {
            process.kill(foreground ? pid : -pid, signal);
        } catch (KernelException e) {
            // the command (or its whole group) has already gone
        }
    }

    /** A duration as timeout takes it: a non-negative number with an optional s, m, h or d. */
    private static Duration duration(String text) {
        String number = text;
        long unit = 1;
        if (!text.isEmpty() && "smhd".indexOf(text.charAt(text.length() - 1)) >= 0) {
            unit = switch (text.charAt(text.length() - 1)) {
                case 'm' -> 60;
                case 'h' -> 3600;
                case 'd' -> 86400;
                default -> 1;
            };
            number = text.substring(0, text.length() - 1);
        }
        BigDecimal seconds;
        try {
            if (!number.matches("\\+?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?")) {
                throw new NumberFormatException(text);
            }
            seconds = new BigDecimal(number.startsWith("+") ? number.substring(1) : number)
                    .multiply(BigDecimal.valueOf(unit));
        } catch (NumberFormatException e) {
            throw new UsageException("invalid time interval " + Diagnostics.quote(text));
        }
        BigDecimal nanos = seconds.movePointRight(9);
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) >= 0) {
            return Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L);
        }
        long value = nanos.longValue();
        return value == 0 && seconds.signum() > 0 ? Duration.ofNanos(1) : Duration.ofNanos(value);
    }
}
