package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * time [-p] [-f FORMAT] [-o FILE [-a]] [-q] COMMAND [ARG]...: GNU time as a command. Runs
 * COMMAND and reports on standard error (or FILE): with {@code -p} the POSIX lines
 * {@code real 0.52 / user 0.00 / sys 0.00}, else GNU's default format or FORMAT ({@code %e %E
 * %U %S %P %x %C %M ...}). User time is the command's CPU time as the kernel measures it
 * ({@link ProcessApi#childrenCpuNanos}, its descendants included); the kernel counts no system
 * time, memory or I/O, so those are 0; the elapsed time is measured. Exits with the
 * command's status, 127 when it does not exist, 126 when it cannot run, 125 for time's errors.
 */
final class TimeCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("af:o:pqv",
            "append:a", "format:f", "output:o", "portability:p", "quiet:q", "verbose:v").stopAtFirstOperand();
    private static final String DEFAULT_FORMAT = "%Uuser %Ssystem %Eelapsed %PCPU (%Xavgtext+%Davgdata %Mmaxresident)k\n"
            + "%Iinputs+%Ooutputs (%Fmajor+%Rminor)pagefaults %Wswaps";
    private static final String POSIX_FORMAT = "real %e\nuser %U\nsys %S";

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        List<String> command = options.operands();
        if (command.isEmpty()) {
            throw new UsageException("missing program to run");
        }
        Diagnostics diagnostics = new Diagnostics(process, "time");
        char chosen = options.last("pf", (char) 0);
        boolean posix = chosen == 'p';
        String format = posix ? POSIX_FORMAT : options.value('f', DEFAULT_FORMAT);
        long start = System.nanoTime();
        long childrenBefore = process.childrenCpuNanos();
        int status;
        try {
            int pid = Children.start(process, command);
            status = Children.await(process, pid);
        } catch (KernelException e) {
            diagnostics.error("cannot run " + command.get(0) + ": " + Diagnostics.describe(e));
            status = e.errno() == Errno.ENOENT ? 127 : 126;
        }
        long elapsed = System.nanoTime() - start;
        long user = process.childrenCpuNanos() - childrenBefore;
        StringBuilder report = new StringBuilder();
        if (status != 0 && !options.has('q') && !posix) {
            report.append("Command exited with non-zero status ").append(status).append('\n');
        }
        report.append(expand(format, elapsed, user, status, command)).append('\n');
        String output = options.value('o', null);
        byte[] bytes = report.toString().getBytes(StandardCharsets.UTF_8);
        if (output != null) {
            try (OutputStream out = BufferedOutput.open(process, output, options.has('a'))) {
                out.write(bytes);
            } catch (KernelException e) {
                diagnostics.error(output + ": " + Diagnostics.describe(e));
                return 125;
            }
        } else {
            process.stderr().write(bytes);
            process.stderr().flush();
        }
        return status;
    }

    /**
     * GNU time's format directives; {@code userNanos} is the child's CPU as the kernel measures
     * it (all of it user time: the kernel counts no system time); what the kernel does not
     * account is 0.
     */
    private static String expand(String format, long elapsedNanos, long userNanos, int status, List<String> command) {
        StringBuilder out = new StringBuilder();
        double seconds = elapsedNanos / 1e9;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '\\' && i + 1 < format.length()) {
                char next = format.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> "\n";
                    case 't' -> "\t";
                    case '\\' -> "\\";
                    default -> "?\\" + next;
                });
                continue;
            }
            if (c != '%' || i + 1 >= format.length()) {
                out.append(c);
                continue;
            }
            char d = format.charAt(++i);
            out.append(switch (d) {
                case '%' -> "%";
                case 'e' -> String.format(Locale.ROOT, "%.2f", seconds);
                case 'E' -> clock(elapsedNanos);
                case 'U' -> String.format(Locale.ROOT, "%.2f", userNanos / 1e9);
                case 'S' -> "0.00";
                case 'P' -> (elapsedNanos <= 0 ? 0 : Math.round(100.0 * userNanos / elapsedNanos)) + "%";
                case 'x' -> Integer.toString(status);
                case 'C' -> String.join(" ", command);
                case 'M', 'X', 'D', 'I', 'O', 'F', 'R', 'W', 'c', 'w', 'K', 'k', 'p', 'r', 's', 't', 'Z' -> "0";
                default -> "?" + d;
            });
        }
        return out.toString();
    }

    /** Elapsed time as GNU time's %E: [hours:]minutes:seconds.hundredths. */
    private static String clock(long nanos) {
        long hundredths = nanos / 10_000_000L;
        long totalSeconds = hundredths / 100;
        long hours = totalSeconds / 3600;
        long minutes = totalSeconds / 60 % 60;
        long secs = totalSeconds % 60;
        if (hours > 0) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, secs);
        }
        return String.format(Locale.ROOT, "%d:%02d.%02d", minutes, secs, hundredths % 100);
    }
}
