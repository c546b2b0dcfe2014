package io.sandkernel.shell;

import io.sandkernel.api.MemoryReservation;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code echo} (dash's: escapes always, {@code -n} only; bash's: {@code -n -e -E}, escapes only
 * with {@code -e}), {@code printf} ({@link Printf}; bash's {@code -v var}) and {@code getopts}.
 */
final class TextBuiltins {
    private final Interpreter shell;
    private final ShellState state;

    TextBuiltins(Interpreter shell) {
        this.shell = shell;
        this.state = shell.state;
    }

    int echo(List<String> argv) {
        int i = 1;
        boolean newline = true;
        boolean escapes = !state.bash || state.shopts.contains("xpg_echo");
        if (state.bash) {
            while (i < argv.size() && argv.get(i).matches("-[neE]+")) {
                for (char c : argv.get(i).substring(1).toCharArray()) {
                    switch (c) {
                        case 'n' -> newline = false;
                        case 'e' -> escapes = true;
                        default -> escapes = false;
                    }
                }
                i++;
            }
        } else if (i < argv.size() && argv.get(i).equals("-n")) {
            newline = false;
            i++;
        }
        StringBuilder out = new StringBuilder();
        for (int k = i; k < argv.size(); k++) {
            if (k > i) {
                out.append(' ');
            }
            if (!escapes) {
                out.append(argv.get(k));
            } else if (Escapes.echo(argv.get(k), out, true, state.bash, !state.bash)) {
                shell.print(1, out.toString());
                return 0;
            }
        }
        if (newline) {
            out.append('\n');
        }
        shell.print(1, out.toString());
        return 0;
    }

    int printf(List<String> argv) {
        List<String> args = new ArrayList<>(argv.subList(1, argv.size()));
        String variable = null;
        while (!args.isEmpty() && args.get(0).startsWith("-") && args.get(0).length() > 1) {
            String option = args.get(0);
            if (option.equals("--")) {
                args.remove(0);
                break;
            }
            if (state.bash && option.equals("-v") && args.size() > 1) {
                args.remove(0);
                variable = args.remove(0);
                continue;
            }
            if (state.bash && option.startsWith("-v") && option.length() > 2) {
                args.remove(0);
                variable = option.substring(2);
                continue;
            }
            if (option.matches("-[0-9].*")) {
                break;
            }
            throw new ShellError("printf: " + option + ": invalid option", 2);
        }
        if (args.isEmpty()) {
            throw new ShellError(state.bash ? "printf: usage: printf [-v var] format [arguments]"
                    : "printf: usage: printf format [arg ...]", 2);
        }
        Printf.Result result;
        try (MemoryReservation held = new MemoryReservation(shell.api)) {
            result = Printf.format(args.get(0), args.subList(1, args.size()), state.bash, state.get("TZ"),
                    bytes -> ShellMemory.charge(held, bytes));
        }
        if (variable != null) {
            int bracket = variable.indexOf('[');
            if (bracket > 0 && variable.endsWith("]")) {
                shell.values.assignElement(variable.substring(0, bracket),
                        variable.substring(bracket + 1, variable.length() - 1), result.text(), false);
            } else if (!Lexer.isName(variable)) {
                throw new ShellError("printf: `" + variable + "': not a valid identifier", 2);
            } else {
                shell.values.assign(variable, result.text(), false);
            }
        } else {
            shell.print(1, result.text());
        }
        for (String line : result.errors().split("\n")) {
            if (!line.isEmpty()) {
                shell.error(line);
            }
        }
        return result.status();
    }

    /** {@code getopts optstring name [args...]}. */
    int getopts(List<String> argv) {
        if (argv.size() < 3) {
            throw new ShellError(state.bash ? "getopts: usage: getopts optstring name [arg ...]"
                    : "getopts: usage: getopts optstring var [arg]", 2);
        }
        String optstring = argv.get(1);
        String name = argv.get(2);
        List<String> args = argv.size() > 3 ? argv.subList(3, argv.size()) : state.positional;
        Getopts cursor = state.getopts;
        String optind = state.get("OPTIND");
        if (optind == null || !optind.equals(cursor.written)) {
            try {
                cursor.index = Integer.parseInt(optind == null ? "1" : optind.strip());
            } catch (NumberFormatException e) {
                cursor.index = 1;
            }
            cursor.offset = 1;
        }
        boolean silent = optstring.startsWith(":");
        int result = step(cursor, optstring, name, args, silent);
        cursor.written = Integer.toString(cursor.index);
        state.set("OPTIND", cursor.written);
        return result;
    }

    /** getopts' own messages carry no line number: dash prints them bare, bash after {@code $0}. */
    private void optionError(String message) {
        shell.print(2, (state.bash ? state.arg0 + ": " : "") + message + "\n");
    }

    /** Where {@code getopts} is in the arguments: the next argument and the place in it. */
    static final class Getopts {
        int index = 1;
        int offset = 1;
        /** The OPTIND value getopts last wrote: another value means a script reset it. */
        String written = "1";

        void reset() {
            index = 1;
            offset = 1;
        }
    }

    private int step(Getopts cursor, String optstring, String name, List<String> args, boolean silent) {
        if (cursor.index < 1 || cursor.index > args.size()) {
            finish(cursor, name);
            return 1;
        }
        String arg = args.get(cursor.index - 1);
        if (cursor.offset == 1 && (!arg.startsWith("-") || arg.equals("-"))) {
            finish(cursor, name);
            return 1;
        }
        if (cursor.offset == 1 && arg.equals("--")) {
            cursor.index++;
            finish(cursor, name);
            return 1;
        }
        if (cursor.offset >= arg.length()) {
            cursor.index++;
            cursor.offset = 1;
            return step(cursor, optstring, name, args, silent);
        }
        char option = arg.charAt(cursor.offset);
        int spec = optstring.indexOf(option);
        cursor.offset++;
        boolean atEnd = cursor.offset >= arg.length();
        if (spec < 0 || option == ':') {
            state.set(name, "?");
            if (silent) {
                state.set("OPTARG", String.valueOf(option));
            } else {
                state.unset("OPTARG");
                optionError(state.bash ? "illegal option -- " + option : "Illegal option -" + option);
            }
        } else if (spec + 1 < optstring.length() && optstring.charAt(spec + 1) == ':') {
            if (!atEnd) {
                state.set("OPTARG", arg.substring(cursor.offset));
            } else if (cursor.index < args.size()) {
                state.set("OPTARG", args.get(cursor.index));
                cursor.index++;
            } else {
                if (silent) {
                    state.set(name, ":");
                    state.set("OPTARG", String.valueOf(option));
                } else {
                    state.set(name, "?");
                    state.unset("OPTARG");
                    optionError(state.bash ? "option requires an argument -- " + option
                            : "No arg for -" + option + " option");
                }
                cursor.index++;
                cursor.offset = 1;
                return 0;
            }
            atEnd = true;
            state.set(name, String.valueOf(option));
        } else {
            state.set(name, String.valueOf(option));
            if (state.bash) {
                state.unset("OPTARG");
            } else {
                state.set("OPTARG", "");
            }
        }
        if (atEnd) {
            cursor.index++;
            cursor.offset = 1;
        }
        return 0;
    }

    private void finish(Getopts cursor, String name) {
        cursor.offset = 1;
        state.set(name, "?");
    }
}
