package io.sandkernel.coreutils;

import io.sandkernel.api.tty.TerminalSize;
import io.sandkernel.api.tty.Termios;

import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code tty} and {@code stty} for programs on a kernel terminal:
 * <pre>
 * tty                    prints the terminal's name, or "not a tty" (status 1)
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
        commands.put("tty", TerminalCommands::tty);
        commands.put("stty", TerminalCommands::stty);
        return commands;
    }

    static int tty(ProcessApi process) {
        if (process.isatty(0)) {
            process.stdout().println("/dev/pts/" + Math.max(0, sessionOf(process)));
            return 0;
        }
        process.stdout().println("not a tty");
        return 1;
    }

    private static int sessionOf(ProcessApi process) {
        try {
            return process.getsid(0);
        } catch (KernelException e) {
            return 0;
        }
    }

    static int stty(ProcessApi process) {
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
            process.stdout().print(text);
            return 0;
        }
        if (args.equals(java.util.List.of("size"))) {
            TerminalSize size = process.terminalSize(0);
            process.stdout().println(size.rows() + " " + size.columns());
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
