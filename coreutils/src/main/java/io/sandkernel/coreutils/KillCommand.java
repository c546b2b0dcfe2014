package io.sandkernel.coreutils;

import io.sandkernel.api.Program;

import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.process.Signals;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code kill [-s SIGNAL | -SIGNAL | -n NUMBER] PID...} and {@code kill -l [STATUS]}: sends a signal
 * (SIGTERM by default) to processes, or process groups given as negative numbers, of the kernel.
 * Exits 1 when any target failed, 2 on a usage error.
 */
final class KillCommand implements Program {
    @Override
    public int run(ProcessApi process) throws IOException {
        List<String> args = process.args();
        PrintStream err = process.stderr();
        int signal = Signals.SIGTERM;
        int i = 0;
        try {
            if (!args.isEmpty() && (args.get(0).equals("-l") || args.get(0).equals("-L"))) {
                return list(process, args.subList(1, args.size()));
            }
            while (i < args.size()) {
                String arg = args.get(i);
                if (arg.equals("--")) {
                    i++;
                    break;
                }
                if (arg.equals("-s") || arg.equals("-n")) {
                    if (i + 1 >= args.size()) {
                        err.println("kill: option requires an argument -- '" + arg.substring(1) + "'");
                        return 2;
                    }
                    signal = Signals.parse(args.get(i + 1));
                    i += 2;
                } else if (arg.startsWith("-") && arg.length() > 1 && !isNumber(arg.substring(1))) {
                    signal = Signals.parse(arg.substring(1));
                    i++;
                } else if (arg.startsWith("-") && arg.length() > 1 && i == 0 && i + 1 < args.size()) {
                    signal = Signals.parse(arg.substring(1)); // kill -9 PID
                    i++;
                } else {
                    break;
                }
            }
        } catch (KernelException e) {
            err.println("kill: invalid signal specification");
            return 2;
        }
        if (i >= args.size()) {
            err.println("kill: usage: kill [-s sigspec | -n signum | -sigspec] pid ... or kill -l [sigspec]");
            return 2;
        }
        int status = 0;
        for (String target : args.subList(i, args.size())) {
            int pid;
            try {
                pid = Integer.parseInt(target);
            } catch (NumberFormatException e) {
                err.println("kill: " + target + ": arguments must be process or job IDs");
                status = 1;
                continue;
            }
            try {
                process.kill(pid, signal);
            } catch (KernelException e) {
                err.println("kill: (" + pid + ") - " + describe(e));
                status = 1;
            }
        }
        return status;
    }

    private static String describe(KernelException e) {
        return switch (e.errno()) {
            case ESRCH -> "No such process";
            case EPERM -> "Operation not permitted";
            case EINVAL -> "Invalid argument";
            default -> e.getMessage();
        };
    }

    private static int list(ProcessApi process, List<String> args) throws IOException {
        OutputStream stream = ByteText.stdout(process);
        PrintStream out = new PrintStream(stream, false, StandardCharsets.UTF_8);
        try {
            return list(process, args, out);
        } finally {
            out.flush(); // the PrintStream passes the buffer on; BufferedOutput raises a failed write
            stream.flush();
        }
    }

    private static int list(ProcessApi process, List<String> args, PrintStream out) {
        if (args.isEmpty()) {
            StringBuilder line = new StringBuilder();
            for (int signal = 1; signal <= 31; signal++) {
                line.append(String.format("%2d) %-10s", signal, Signals.name(signal)));
                if (signal % 5 == 0) {
                    out.println(line.toString().stripTrailing());
                    line.setLength(0);
                }
            }
            if (!line.isEmpty()) {
                out.println(line.toString().stripTrailing());
            }
            return 0;
        }
        int status = 0;
        for (String arg : args) {
            try {
                if (isNumber(arg)) {
                    int number = Integer.parseInt(arg);
                    out.println(Signals.name(number > 128 ? number - 128 : number).substring(3));
                } else {
                    out.println(Signals.parse(arg));
                }
            } catch (KernelException | NumberFormatException e) {
                process.stderr().println("kill: " + arg + ": invalid signal specification");
                status = 1;
            }
        }
        return status;
    }

    private static boolean isNumber(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
