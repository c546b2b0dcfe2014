package io.sandkernel.shell;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.Stat;
import io.sandkernel.shell.Ast.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The builtin commands: the registry and the small ones here; the others live in
 * {@link VarBuiltins}, {@link OptionBuiltins}, {@link DirBuiltins}, {@link TextBuiltins},
 * {@link ReadBuiltins}, {@link LookupBuiltins}, {@link JobBuiltins} and {@link Traps}. In bash
 * mode bash's builtins are added ({@code declare}, {@code shopt}, {@code mapfile}...).
 */
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
    static final Set<String> BASH_KEYWORDS = Set.of("[[", "]]", "function", "time", "select", "coproc");

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
        VarBuiltins vars = new VarBuiltins(shell);
        OptionBuiltins options = new OptionBuiltins(shell);
        DirBuiltins dirs = new DirBuiltins(shell);
        ReadBuiltins read = new ReadBuiltins(shell);
        LookupBuiltins lookup = new LookupBuiltins(shell, this);
        builtins.put(":", argv -> 0);
        builtins.put("true", argv -> 0);
        builtins.put("false", argv -> 1);
        builtins.put(".", this::dot);
        builtins.put("break", argv -> loopControl(argv, true));
        builtins.put("continue", argv -> loopControl(argv, false));
        builtins.put("eval", this::eval);
        builtins.put("exec", this::exec);
        builtins.put("exit", this::exit);
        builtins.put("export", argv -> vars.export(argv, false));
        builtins.put("readonly", argv -> vars.export(argv, true));
        builtins.put("return", this::doReturn);
        builtins.put("set", options::set);
        builtins.put("shift", this::shift);
        builtins.put("trap", shell.traps::builtin);
        builtins.put("unset", vars::unset);
        builtins.put("times", argv -> {
            int decimals = state.bash ? 3 : 6; // dash prints microseconds
            CpuTimes now = CpuTimes.of(shell.api);
            String zero = CpuTimes.minutes(0, decimals);
            shell.print(1, CpuTimes.minutes(now.self(), decimals) + " " + zero + "\n"
                    + CpuTimes.minutes(now.children(), decimals) + " " + zero + "\n");
            return 0;
        });
        builtins.put("cd", dirs::cd);
        builtins.put("pwd", dirs::pwd);
        builtins.put("local", vars::local);
        builtins.put("command", lookup::command);
        builtins.put("type", lookup::type);
        builtins.put("hash", lookup::hash);
        builtins.put("umask", dirs::umask);
        builtins.put("echo", text::echo);
        builtins.put("printf", text::printf);
        builtins.put("read", read::read);
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
        builtins.put("unalias", this::unalias);
        builtins.put("ulimit", new Ulimit(shell)::run);
        builtins.put("jobs", jobs::jobs);
        builtins.put("fg", jobs::fg);
        builtins.put("bg", jobs::bg);
        builtins.put("wait", jobs::waitBuiltin);
        builtins.put("kill", jobs::kill);
        if (state.bash) {
            builtins.put("source", this::dot);
            builtins.put("declare", vars::declare);
            builtins.put("typeset", vars::declare);
            builtins.put("let", vars::let);
            builtins.put("shopt", options::shopt);
            builtins.put("pushd", dirs::pushd);
            builtins.put("popd", dirs::popd);
            builtins.put("dirs", dirs::dirs);
            builtins.put("mapfile", read::mapfile);
            builtins.put("readarray", read::mapfile);
            builtins.put("builtin", this::builtin);
            builtins.put("caller", this::caller);
            builtins.put("disown", jobs::disown);
            builtins.put("enable", argv -> 0);
            builtins.put("help", argv -> {
                shell.print(1, "GNU bash, version " + OptionBuiltins.BASH_VERSION + " (sandkernel)\n");
                return 0;
            });
            builtins.put("logout", this::exit);
            builtins.put("suspend", argv -> 0);
            builtins.put("compgen", lookup::compgen);
            builtins.put("complete", argv -> 0);
        }
    }

    static boolean isSpecial(String name) {
        return SPECIAL.contains(name);
    }

    boolean has(String name) {
        return builtins.containsKey(name);
    }

    /** The names of the builtins ({@code compgen -b}). */
    java.util.Set<String> names() {
        return builtins.keySet();
    }

    /** Runs a builtin; regular builtins report shell errors themselves and return their status. */
    int run(List<String> argv) {
        Builtin builtin = builtins.get(argv.get(0));
        if (isSpecial(argv.get(0)) && !state.bash) {
            return builtin.run(argv);
        }
        try {
            return builtin.run(argv);
        } catch (ShellError e) {
            shell.error(e.getMessage());
            return e.status();
        } catch (KernelException e) {
            shell.error(argv.get(0) + ": " + failure(argv.get(0), e.errno()));
            return 1;
        }
    }

    /**
     * How dash and bash word a builtin's failed system call: a failed write is dash's
     * "echo: I/O error" and bash's "write error: No space left on device"; anything else the
     * error's text.
     */
    private String failure(String name, Errno errno) {
        boolean write = errno == Errno.ENOSPC || errno == Errno.EIO || errno == Errno.EFBIG || errno == Errno.EPIPE;
        if (write) {
            return state.bash ? "write error: " + Messages.strerror(errno) : name + ": I/O error";
        }
        return Messages.strerror(errno);
    }

    static int number(String name, String text, boolean bash) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value < 0 && !bash) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            if (bash) {
                throw new ShellError(name + ": " + text + ": numeric argument required", 2);
            }
            throw new ShellError(name + ": Illegal number: " + text, 2);
        }
    }

    private int loopControl(List<String> argv, boolean isBreak) {
        int levels = argv.size() > 1 ? number(argv.get(0), argv.get(1), state.bash) : 1;
        if (levels <= 0) {
            throw new ShellError(argv.get(0) + (state.bash ? ": " + argv.get(1) + ": loop count out of range"
                    : ": Illegal number: " + argv.get(1)), state.bash ? 1 : 2);
        }
        if (shell.loopDepth == 0) {
            if (state.bash) {
                shell.error(argv.get(0) + ": only meaningful in a `for', `while', or `until' loop");
            }
            return 0;
        }
        levels = Math.min(levels, shell.loopDepth);
        throw isBreak ? new ControlFlow.Break(levels) : new ControlFlow.Continue(levels);
    }

    private int eval(List<String> argv) {
        List<String> args = argv.subList(1, argv.size());
        if (!args.isEmpty() && args.get(0).equals("--")) {
            args = args.subList(1, args.size());
        }
        String source = String.join(" ", args);
        if (source.isBlank()) {
            return 0;
        }
        // parsed and run one line at a time, so that an alias defined early is used later on
        Parser parser = Parser.of(source, Syntax.of(state));
        int status = 0;
        Node node;
        while (true) {
            try {
                node = parser.parseNext();
            } catch (SyntaxError e) {
                if (!state.bash) {
                    throw e; // fatal in dash
                }
                shell.syntaxError(e); // bash's eval fails with 2 and the shell goes on
                return 2;
            }
            if (node == null) {
                return status;
            }
            status = shell.execute(node);
        }
    }

    private int dot(List<String> argv) {
        List<String> args = argv.subList(1, argv.size());
        if (!args.isEmpty() && args.get(0).equals("--")) {
            args = args.subList(1, args.size());
        }
        if (args.isEmpty()) {
            if (state.bash) {
                throw new ShellError(argv.get(0) + ": filename argument required", 2);
            }
            return 0;
        }
        String source = readScript(argv.get(0), args.get(0));
        List<String> saved = state.positional;
        if (!state.bash) {
            args = args.subList(0, 1); // dash's "." takes no arguments for the script
        }
        if (args.size() > 1) {
            state.positional = new ArrayList<>(args.subList(1, args.size()));
        }
        int savedOffset = shell.lineOffset;
        int savedLine = shell.currentLine;
        if (state.bash) {
            state.calls.pushSource(args.get(0), savedLine);
        }
        try {
            shell.lineOffset = 0;
            return shell.runScriptNested(source);
        } catch (ControlFlow.Return r) {
            return r.status;
        } finally {
            if (state.bash) {
                state.calls.popSource();
            }
            shell.lineOffset = savedOffset;
            shell.currentLine = savedLine;
            if (args.size() > 1) {
                state.positional = saved;
            }
        }
    }

    /**
     * Reads the script {@code .} runs, as dash finds it: a name with a slash is opened as it
     * is, any other is looked for along PATH only (a regular file); bash also tries the current
     * directory last.
     *
     * @throws ShellError when it cannot be found or read
     */
    String readScript(String builtin, String name) {
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
            if (file == null && state.bash && Fs.stat(api, name) != null) {
                file = name;
            }
            if (file == null) {
                throw new ShellError(state.bash ? name + ": No such file or directory" : ".: " + name + ": not found",
                        state.bash ? 1 : 2);
            }
        }
        try {
            return Fs.readText(api, file);
        } catch (KernelException e) {
            if (e.errno() == Errno.EISDIR) {
                if (state.bash) {
                    throw new ShellError(builtin + ": " + name + ": is a directory", 1);
                }
                return ""; // reading a directory gives nothing, as in dash
            }
            if (state.bash) {
                throw new ShellError(name + ": " + Messages.strerror(e.errno()), 1);
            }
            throw new ShellError(".: cannot open " + name + ": " + openReason(e.errno()), 2);
        }
    }

    /** dash's wording of why a file could not be opened for reading. */
    static String openReason(Errno errno) {
        return errno == Errno.ENOENT ? "No such file" : Messages.strerror(errno);
    }

    /** {@code exec cmd} reached through {@code command exec} or {@code builtin exec}. */
    private int exec(List<String> argv) {
        if (argv.size() == 1) {
            return 0;
        }
        return shell.commands.exec(new ArrayList<>(argv.subList(1, argv.size())), Map.of());
    }

    private int exit(List<String> argv) {
        int status = state.lastStatus;
        if (argv.size() > 1) {
            try {
                status = number("exit", argv.get(1), state.bash) & 0xff;
            } catch (ShellError e) {
                if (!state.bash) {
                    throw e;
                }
                shell.error(e.getMessage());
                status = 2;
            }
        }
        throw new ControlFlow.Exit(status);
    }

    private int doReturn(List<String> argv) {
        if (!shell.commands.inFunction() && !shell.inSourcedScript() && state.bash) {
            shell.error("return: can only `return' from a function or sourced script");
            return 2;
        }
        // dash keeps the whole number in $? ("return 300" gives 300) until it leaves the process
        int status = argv.size() > 1 ? number("return", argv.get(1), state.bash) & (state.bash ? 0xff : -1)
                : state.lastStatus;
        throw new ControlFlow.Return(status);
    }

    private int shift(List<String> argv) {
        int count = argv.size() > 1 ? number("shift", argv.get(1), state.bash) : 1;
        if (count < 0 || count > state.positional.size()) {
            if (state.bash) {
                return 1;
            }
            throw new ShellError("shift: can't shift that many", 2);
        }
        state.positional = new ArrayList<>(state.positional.subList(count, state.positional.size()));
        return 0;
    }

    private int alias(List<String> argv) {
        StringBuilder out = new StringBuilder();
        int status = 0;
        List<String> args = argv.subList(1, argv.size());
        if (!args.isEmpty() && args.get(0).equals("-p")) {
            args = args.subList(1, args.size());
            listed().forEach((name, value) -> out.append("alias ").append(name).append('=')
                    .append(ShellState.quote(value)).append('\n'));
        } else if (args.isEmpty()) {
            listed().forEach((name, value) -> out.append(state.bash ? "alias " : "").append(name).append('=')
                    .append(aliasQuote(value)).append('\n'));
        }
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq > 0) {
                state.aliases.put(arg.substring(0, eq), arg.substring(eq + 1));
            } else if (state.aliases.containsKey(arg)) {
                out.append(state.bash ? "alias " : "").append(arg).append('=')
                        .append(aliasQuote(state.aliases.get(arg))).append('\n');
            } else {
                shell.error("alias: " + arg + " not found");
                status = 1;
            }
        }
        shell.print(1, out.toString());
        return status;
    }

    /**
     * The aliases in the order the shell lists them: bash sorts them; dash walks its 39-bucket hash
     * table, each bucket in definition order.
     */
    private Map<String, String> listed() {
        Map<String, String> listed = state.bash ? new java.util.TreeMap<>() : new java.util.LinkedHashMap<>();
        List<String> names = new ArrayList<>(state.aliases.keySet());
        if (!state.bash) {
            names.sort(java.util.Comparator.comparingInt(Builtins::dashAliasBucket)); // stable
        }
        names.forEach(name -> listed.put(name, state.aliases.get(name)));
        return listed;
    }

    /** dash's hashalias(): the first byte shifted by four plus every byte, modulo 39. */
    private static int dashAliasBucket(String name) {
        byte[] bytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int hash = bytes.length == 0 ? 0 : (bytes[0] & 0xff) << 4;
        for (byte b : bytes) {
            hash += b & 0xff;
        }
        return hash % 39;
    }

    /** dash quotes an alias's value in pieces ({@code 'it'"'"'s'}), bash as {@code 'it'\''s'}. */
    private String aliasQuote(String value) {
        return state.bash ? ShellState.quote(value) : Quoting.dash(value);
    }

    private int unalias(List<String> argv) {
        int status = 0;
        for (String arg : argv.subList(1, argv.size())) {
            if (arg.equals("-a")) {
                state.aliases.clear();
            } else if (state.aliases.remove(arg) == null) {
                shell.error("unalias: " + arg + ": not found");
                status = 1;
            }
        }
        return status;
    }

    /** bash's {@code builtin name args}: the builtin, passing over a function of the same name. */
    private int builtin(List<String> argv) {
        if (argv.size() < 2) {
            return 0;
        }
        List<String> rest = new ArrayList<>(argv.subList(1, argv.size()));
        if (!has(rest.get(0))) {
            shell.error("builtin: " + rest.get(0) + ": not a shell builtin");
            return 1;
        }
        return run(rest);
    }

    /** bash's {@code caller [n]}: the line and function (and file) of a call on the stack. */
    private int caller(List<String> argv) {
        int frame = argv.size() > 1 ? number("caller", argv.get(1), true) : 0;
        List<String> names = state.calls.array("FUNCNAME");
        List<String> lines = state.calls.array("BASH_LINENO");
        List<String> sources = state.calls.array("BASH_SOURCE");
        if (frame >= lines.size()) {
            return 1;
        }
        String line = lines.get(frame);
        String source = frame + 1 < sources.size() ? sources.get(frame + 1) : "NULL";
        if (argv.size() == 1) {
            shell.print(1, line + " " + source + "\n");
            return 0;
        }
        String function = frame + 1 < names.size() ? names.get(frame + 1) : "main";
        shell.print(1, line + " " + function + " " + source + "\n");
        return 0;
    }

}
