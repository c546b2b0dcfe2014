package io.sandkernel.coreutils;

import io.sandkernel.api.tty.TerminalSize;
import io.sandkernel.api.tty.Termios;

import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code tty} and {@code stty} for programs on a kernel terminal:
 * <pre>
 * tty [-s]               prints the terminal's name, or "not a tty" (status 1); -s only sets the status
 * stty                   prints the modes that differ from "sane"
 * stty -a                prints the size and every mode
 * stty size              prints "ROWS COLUMNS"
 * stty [-]icanon [-]echo [-]isig [-]icrnl [-]onlcr   sets modes
 * stty raw | -raw | cooked | sane                    sets groups of modes
 * </pre>
 */
public final class TerminalCommands {
    private TerminalCommands() {}

    /** The commands by name. */
    public static Map<String, Program> commands() {
        Map<String, Program> commands = new LinkedHashMap<>();
        commands.put("tty", new CommandGuard("tty", "[-s]", 3, () -> TerminalCommands::tty));
        commands.put("stty", new CommandGuard("stty", "[SETTING]...", 1, () -> TerminalCommands::stty));
        return commands;
    }

    /**
     * tty: the name of the terminal on standard input, found as glibc's ttyname does, by reading
     * the link {@code /proc/self/fd/0}; "not a tty" and status 1 when it is none.
     */
    static int tty(ProcessApi process) throws IOException {
        String line;
        int status = 0;
        if (process.isatty(0)) {
            line = terminalName(process);
        } else {
            line = "not a tty";
            status = 1;
        }
        if (!process.args().contains("-s") && !process.args().contains("--silent")
                && !process.args().contains("--quiet")) {
            print(process, line + "\n");
        }
        return status;
    }

    private static String terminalName(ProcessApi process) {
        try {
            String target = process.readlink("/proc/self/fd/0");
            if (target.startsWith("/dev/")) {
                return target;
            }
        } catch (KernelException e) {
            // no /proc: name the session's terminal
        }
        try {
            return "/dev/pts/" + Math.max(0, process.getsid(0));
        } catch (KernelException e) {
            return "/dev/pts/0";
        }
    }

    private static void print(ProcessApi process, String text) throws IOException {
        OutputStream out = ByteText.stdout(process);
        ByteText.writeUtf8(out, text);
        out.flush();
    }

    static int stty(ProcessApi process) throws IOException {
        if (!process.isatty(0)) {
            process.stderr().println("stty: 'standard input': Inappropriate ioctl for device");
            return 1;
        }
        Termios modes = process.tcgetattr(0);
        var args = process.args();
        if (args.isEmpty() || args.equals(java.util.List.of("-a"))) {
            boolean all = !args.isEmpty();
            TerminalSize size = process.terminalSize(0);
            StringBuilder text = new StringBuilder();
            if (all) {
                text.append("rows ").append(size.rows()).append("; columns ").append(size.columns()).append(";\n");
            }
            Termios sane = Termios.defaults();
            String[] names = {"icanon", "echo", "isig", "icrnl", "onlcr"};
            boolean[] now = {modes.canonical(), modes.echo(), modes.signals(), modes.mapCrToNl(), modes.mapNlToCrNl()};
            boolean[] usual = {sane.canonical(), sane.echo(), sane.signals(), sane.mapCrToNl(), sane.mapNlToCrNl()};
            StringBuilder flags = new StringBuilder();
            for (int i = 0; i < names.length; i++) {
                if (all || now[i] != usual[i]) {
                    flags.append(flags.isEmpty() ? "" : " ").append(now[i] ? "" : "-").append(names[i]);
                }
            }
            if (!flags.isEmpty()) {
                text.append(flags).append('\n');
            }
            print(process, text.toString());
            return 0;
        }
        if (args.equals(java.util.List.of("size"))) {
            TerminalSize size = process.terminalSize(0);
            print(process, size.rows() + " " + size.columns() + "\n");
            return 0;
        }
        for (String arg : args) {
            boolean on = !arg.startsWith("-");
            String name = on ? arg : arg.substring(1);
            modes = switch (name) {
                case "icanon" -> modes.withCanonical(on);
                case "echo" -> modes.withEcho(on);
                case "isig" -> modes.withSignals(on);
                case "icrnl" -> new Termios(modes.canonical(), modes.echo(), modes.signals(), on, modes.mapNlToCrNl());
                case "onlcr" -> new Termios(modes.canonical(), modes.echo(), modes.signals(), modes.mapCrToNl(), on);
                case "raw" -> on ? Termios.raw() : Termios.defaults();
                case "cooked" -> on ? Termios.defaults() : Termios.raw();
                case "sane" -> Termios.defaults();
                default -> null;
            };
            if (modes == null) {
                process.stderr().println("stty: invalid argument '" + arg + "'");
                return 1;
            }
        }
        process.tcsetattr(0, modes);
        return 0;
    }
}
