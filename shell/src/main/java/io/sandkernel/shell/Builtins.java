package io.sandkernel.shell;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.SignalHandler;
import io.sandkernel.api.fs.Stat;
import io.sandkernel.process.Signals;
import io.sandkernel.shell.Ast.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The builtin commands; the text and job builtins live in {@link TextBuiltins} and {@link JobBuiltins}. */
final class Builtins {
    /** One builtin: argv includes the name. */
    @FunctionalInterface
    interface Builtin {
        int run(List<String> argv);
    }

    private static final Set<String> SPECIAL = Set.of(":", ".", "break", "continue", "eval", "exec", "exit",
            "export", "readonly", "return", "set", "shift", "trap", "unset", "times");
    static final Set<String> KEYWORDS = Set.of("if", "then", "else", "elif", "fi", "do", "done", "case", "esac",
            "while", "until", "for", "{", "}", "!", "in");

    private final Interpreter shell;
    private final ShellState state;
    private final ProcessApi api;
    private final Map<String, Builtin> builtins = new HashMap<>();

    Builtins(Interpreter shell) {
        this.shell = shell;
        this.state = shell.state;
        this.api = shell.api;
        TextBuiltins text = new TextBuiltins(shell);
        JobBuiltins jobs = new JobBuiltins(shell);
        builtins.put(":", argv -> 0);
        builtins.put("true", argv -> 0);
        builtins.put("false", argv -> 1);
        builtins.put(".", this::dot);
        builtins.put("break", argv -> loopControl(argv, true));
        builtins.put("continue", argv -> loopControl(argv, false));
        builtins.put("eval", this::eval);
        builtins.put("exec", this::exec);
        builtins.put("exit", this::exit);
        builtins.put("export", argv -> export(argv, false));
        builtins.put("readonly", argv -> export(argv, true));
        builtins.put("return", this::doReturn);
        builtins.put("set", this::set);
        builtins.put("shift", this::shift);
        builtins.put("trap", this::trap);
        builtins.put("unset", this::unset);
        builtins.put("times", argv -> {
            shell.print(1, "0m0.000s 0m0.000s\n0m0.000s 0m0.000s\n");
            return 0;
        });
        builtins.put("cd", this::cd);
        builtins.put("pwd", argv -> {
            shell.print(1, api.cwd() + "\n");
            return 0;
        });
        builtins.put("local", this::local);
        LookupBuiltins lookup = new LookupBuiltins(shell, this);
        builtins.put("command", lookup::command);
        builtins.put("type", lookup::type);
        builtins.put("hash", lookup::hash);
        builtins.put("umask", this::umask);
        builtins.put("echo", text::echo);
        builtins.put("printf", text::printf);
        builtins.put("read", text::read);
        builtins.put("getopts", text::getopts);
        builtins.put("test", argv -> TestBuiltin.run(shell, argv.subList(1, argv.size()), "test"));
        builtins.put("[", argv -> {
            if (!argv.get(argv.size() - 1).equals("]")) {
                shell.error("[: missing ]");
                return 2;
            }
            return TestBuiltin.run(shell, argv.subList(1, argv.size() - 1), "[");
        });
        builtins.put("alias", this::alias);
        builtins.put("ulimit", argv -> {
            shell.print(1, "unlimited\n");
            return 0;
        });
        builtins.put("unalias", this::unalias);
        builtins.put("jobs", jobs::jobs);
        builtins.put("fg", jobs::fg);
        builtins.put("bg", jobs::bg);
        builtins.put("wait", jobs::waitBuiltin);
        builtins.put("kill", jobs::kill);
    }

    static boolean isSpecial(String name) {
        return SPECIAL.contains(name);
    }

    boolean has(String name) {
        return builtins.containsKey(name);
    }

    /** Runs a builtin; regular builtins report shell errors themselves and return 2. */
    int run(List<String> argv) {
        Builtin builtin = builtins.get(argv.get(0));
        if (isSpecial(argv.get(0))) {
            return builtin.run(argv);
        }
        try {
            return builtin.run(argv);
        } catch (ShellError e) {
            shell.error(e.getMessage());
            return e.status();
        } catch (KernelException e) {
            shell.error(argv.get(0) + ": " + e.getMessage());
            return 1;
        }
    }

    private static int number(String name, String text) {
        try {
            int value = Integer.parseInt(text);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ShellError(name + ": Illegal number: " + text, 2);
        }
    }

    private int loopControl(List<String> argv, boolean isBreak) {
        int levels = argv.size() > 1 ? number(argv.get(0), argv.get(1)) : 1;
        if (levels == 0) {
            throw new ShellError(argv.get(0) + ": Illegal number: 0", 2);
        }
        if (shell.loopDepth == 0) {
            return 0;
        }
        levels = Math.min(levels, shell.loopDepth);
        throw isBreak ? new ControlFlow.Break(levels) : new ControlFlow.Continue(levels);
    }

    private int eval(List<String> argv) {
        String source = String.join(" ", argv.subList(1, argv.size()));
        Node node = Parser.parse(source, state.aliases);
        return node == null ? 0 : shell.execute(node);
    }

    private int dot(List<String> argv) {
        if (argv.size() < 2) {
            return 0;
        }
        String source = readScript(argv.get(1));
        List<String> saved = state.positional;
        if (argv.size() > 2) {
            state.positional = new ArrayList<>(argv.subList(2, argv.size()));
        }
        try {
            Node node = Parser.parse(source, state.aliases);
            return node == null ? 0 : shell.execute(node);
        } catch (ControlFlow.Return r) {
            return r.status;
        } finally {
            if (argv.size() > 2) {
                state.positional = saved;
            }
        }
    }

    /**
     * Reads the script {@code .} runs, as dash finds it: a name with a slash is opened as it
     * is, any other is looked for along PATH only (a regular file).
     *
     * @throws ShellError when it cannot be found or read
     */
    String readScript(String name) {
        String file = name;
        if (!name.contains("/")) {
            file = null;
            String path = state.get("PATH");
            for (String dir : path == null ? new String[0] : path.split(":", -1)) {
                String candidate = (dir.isEmpty() ? "." : dir) + "/" + name;
                Stat stat = Fs.stat(api, candidate);
                if (stat != null && stat.isRegularFile()) {
                    file = candidate;
                    break;
                }
            }
            if (file == null) {
                throw new ShellError(".: " + name + ": not found", 2);
            }
        }
        try {
            return Fs.readText(api, file);
        } catch (KernelException e) {
            if (e.errno() == Errno.EISDIR) {
                return ""; // reading a directory gives nothing, as in dash
            }
            throw new ShellError(".: cannot open " + name + ": " + openReason(e.errno()), 2);
        }
    }

    /** dash's wording of why a file could not be opened for reading. */
    static String openReason(Errno errno) {
        return errno == Errno.ENOENT ? "No such file" : Messages.strerror(errno);
    }

    private int exec(List<String> argv) {
        if (argv.size() == 1) {
            return 0;
        }
        List<String> command = new ArrayList<>(argv.subList(1, argv.size()));
        if (has(command.get(0))) {
            throw new ControlFlow.Exit(run(command));
        }
        return shell.launcher.replace(command);
    }

    private int exit(List<String> argv) {
        int status = argv.size() > 1 ? number("exit", argv.get(1)) & 0xff : state.lastStatus;
        throw new ControlFlow.Exit(status);
    }

    private int doReturn(List<String> argv) {
        int status = argv.size() > 1 ? number("return", argv.get(1)) & 0xff : state.lastStatus;
        throw new ControlFlow.Return(status);
    }

    private int export(List<String> argv, boolean readonly) {
        String name = argv.get(0);
        List<String> args = argv.subList(1, argv.size());
        if (args.isEmpty() || args.get(0).equals("-p")) {
            StringBuilder out = new StringBuilder();
            for (Map.Entry<String, ShellState.Var> entry : state.vars.entrySet()) {
                ShellState.Var var = entry.getValue();
                if (readonly ? var.readonly : var.exported) {
                    out.append(name).append(' ').append(entry.getKey());
                    if (var.value != null) {
                        out.append('=').append(ShellState.quote(var.value));
                    }
                    out.append('\n');
                }
            }
            shell.print(1, out.toString());
            return 0;
        }
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String var = eq < 0 ? arg : arg.substring(0, eq);
            if (!Lexer.isName(var)) {
                throw new ShellError(name + ": " + var + ": bad variable name", 2);
            }
            if (eq >= 0) {
                state.set(var, arg.substring(eq + 1));
            }
            if (readonly) {
                state.vars.computeIfAbsent(var, n -> new ShellState.Var(null, false)).readonly = true;
            } else {
                state.export(var);
            }
        }
        return 0;
    }

    private int unset(List<String> argv) {
        boolean functions = false;
        for (String arg : argv.subList(1, argv.size())) {
            if (arg.equals("-f")) {
                functions = true;
            } else if (arg.equals("-v")) {
                functions = false;
            } else if (functions) {
                state.functions.remove(arg);
            } else {
                state.unset(arg);
            }
        }
        return 0;
    }

    private int set(List<String> argv) {
        List<String> args = argv.subList(1, argv.size());
        if (args.isEmpty()) {
            StringBuilder out = new StringBuilder();
            for (Map.Entry<String, ShellState.Var> entry : state.vars.entrySet()) {
                if (entry.getValue().value != null) {
                    out.append(entry.getKey()).append('=').append(ShellState.quote(entry.getValue().value)).append('\n');
                }
            }
            shell.print(1, out.toString());
            return 0;
        }
        int i = 0;
        boolean setPositional = false;
        while (i < args.size()) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                i++;
                setPositional = true;
                break;
            }
            if (arg.equals("-")) {
                state.xtrace = false;
                state.verbose = false;
                i++;
                setPositional = true;
                break;
            }
            if ((!arg.startsWith("-") && !arg.startsWith("+")) || arg.length() < 2) {
                break;
            }
            boolean on = arg.charAt(0) == '-';
            if (arg.substring(1).equals("o")) {
                if (i + 1 >= args.size()) {
                    StringBuilder out = new StringBuilder();
                    for (String option : List.of("errexit", "noglob", "monitor", "noclobber", "nounset", "verbose",
                            "xtrace")) {
                        boolean value = state.flags().indexOf(ShellState.optionLetter(option)) >= 0;
                        out.append(String.format("%-16s%s%n", option, value ? "on" : "off"));
                    }
                    shell.print(1, out.toString());
                    return 0;
                }
                char letter = ShellState.optionLetter(args.get(i + 1));
                if (letter == 0) {
                    throw new ShellError("set: Illegal option -o " + args.get(i + 1), 2);
                }
                setOption(letter, on);
                i += 2;
                continue;
            }
            for (char letter : arg.substring(1).toCharArray()) {
                if (!setOption(letter, on)) {
                    throw new ShellError("set: Illegal option " + arg.charAt(0) + letter, 2);
                }
            }
            i++;
        }
        if (setPositional || i < args.size()) {
            state.positional = new ArrayList<>(args.subList(i, args.size()));
        }
        return 0;
    }

    private boolean setOption(char letter, boolean on) {
        if (letter == 'm' && on && !state.monitor) {
            try {
                api.setpgid(0, 0);
            } catch (KernelException ignored) {
                // already a group (or session) leader
            }
            try {
                shell.launcher.shellPgid = api.getpgid(0);
            } catch (KernelException ignored) {
                // unknown
            }
        }
        return state.setOption(letter, on);
    }

    private int shift(List<String> argv) {
        int count = argv.size() > 1 ? number("shift", argv.get(1)) : 1;
        if (count > state.positional.size()) {
            throw new ShellError("shift: can't shift that many", 2);
        }
        state.positional = new ArrayList<>(state.positional.subList(count, state.positional.size()));
        return 0;
    }

    private int trap(List<String> argv) {
        List<String> args = argv.subList(1, argv.size());
        if (args.isEmpty()) {
            StringBuilder out = new StringBuilder();
            for (Map.Entry<Integer, String> entry : state.traps.entrySet()) {
                String name = entry.getKey() == 0 ? "EXIT" : Signals.name(entry.getKey()).substring(3);
                out.append("trap -- ").append(quoteAlways(entry.getValue())).append(' ').append(name).append('\n');
            }
            shell.print(1, out.toString());
            return 0;
        }
        String action;
        List<String> signals;
        if (!args.get(0).isEmpty() && args.get(0).chars().allMatch(Character::isDigit)) {
            action = null;
            signals = args;
        } else {
            action = args.get(0).equals("-") ? null : args.get(0);
            signals = args.subList(1, args.size());
        }
        int status = 0;
        for (String name : signals) {
            int signal;
            try {
                signal = name.equals("EXIT") || name.equals("0") ? 0 : Signals.parse(name);
            } catch (KernelException e) {
                shell.error("trap: " + name + ": bad trap");
                status = 1;
                continue;
            }
            try {
                if (signal != 0) {
                    SignalHandler handler = action == null ? null
                            : action.isEmpty() ? SignalHandler.IGNORE : shell::signalArrived;
                    api.signal(signal, handler);
                }
                if (action == null) {
                    state.traps.remove(signal);
                } else {
                    state.traps.put(signal, action);
                }
            } catch (KernelException e) {
                shell.error("trap: " + name + ": bad trap");
                status = 1;
            }
        }
        return status;
    }

    private static String quoteAlways(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    private int cd(List<String> argv) {
        List<String> args = new ArrayList<>(argv.subList(1, argv.size()));
        while (!args.isEmpty() && (args.get(0).equals("-L") || args.get(0).equals("-P"))) {
            args.remove(0);
        }
        String target;
        boolean print = false;
        if (args.isEmpty()) {
            target = state.get("HOME");
            if (target == null) {
                throw new ShellError("cd: HOME not set", 2);
            }
        } else if (args.get(0).equals("-")) {
            target = state.get("OLDPWD");
            if (target == null) {
                throw new ShellError("cd: OLDPWD not set", 2);
            }
            print = true;
        } else {
            target = args.get(0);
        }
        String old = api.cwd();
        try {
            api.chdir(target);
        } catch (KernelException e) {
            throw new ShellError("cd: can't cd to " + target, 2);
        }
        state.set("OLDPWD", old);
        state.set("PWD", api.cwd());
        if (print) {
            shell.print(1, api.cwd() + "\n");
        }
        return 0;
    }

    private int local(List<String> argv) {
        for (String arg : argv.subList(1, argv.size())) {
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (!Lexer.isName(name)) {
                throw new ShellError("local: " + name + ": bad variable name", 2);
            }
            shell.makeLocal(name);
            if (eq >= 0) {
                state.set(name, arg.substring(eq + 1));
            }
        }
        return 0;
    }

    private int alias(List<String> argv) {
        StringBuilder out = new StringBuilder();
        int status = 0;
        if (argv.size() == 1) {
            state.aliases.forEach((name, value) -> out.append(name).append('=').append(quoteAlways(value)).append('\n'));
        }
        for (String arg : argv.subList(1, argv.size())) {
            int eq = arg.indexOf('=');
            if (eq > 0) {
                state.aliases.put(arg.substring(0, eq), arg.substring(eq + 1));
            } else if (state.aliases.containsKey(arg)) {
                out.append(arg).append('=').append(quoteAlways(state.aliases.get(arg))).append('\n');
            } else {
                shell.error("alias: " + arg + " not found");
                status = 1;
            }
        }
        shell.print(1, out.toString());
        return status;
    }

    private int unalias(List<String> argv) {
        int status = 0;
        for (String arg : argv.subList(1, argv.size())) {
            if (arg.equals("-a")) {
                state.aliases.clear();
            } else if (state.aliases.remove(arg) == null) {
                shell.error("unalias: " + arg + " not found");
                status = 1;
            }
        }
        return status;
    }

    private int umask(List<String> argv) {
        if (argv.size() == 1) {
            int mask = api.umask(0);
            api.umask(mask);
            shell.print(1, String.format("%04o%n", mask));
            return 0;
        }
        try {
            api.umask(Integer.parseInt(argv.get(1), 8));
        } catch (NumberFormatException e) {
            throw new ShellError("umask: Illegal number: " + argv.get(1), 2);
        }
        return 0;
    }
}
