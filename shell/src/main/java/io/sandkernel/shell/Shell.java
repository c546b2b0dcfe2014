package io.sandkernel.shell;

import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.SignalHandler;
import io.sandkernel.api.fs.PollFd;
import io.sandkernel.process.Signals;
import io.sandkernel.shell.Ast.Node;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * {@code sh}: a POSIX shell for Sandkernel, modelled on dash; and the same interpreter as
 * {@code bash} ({@link #bashProgram()}), with bash's grammar, expansions, builtins and messages.
 * Usage:
 * <pre>
 * sh [-eux...] [-o option] [-i] [-m] -c 'script' [name [args...]]
 * sh [-eux...] script-file [args...]
 * sh [-eux...] [-s] [args...]           (script read from standard input)
 * bash [--posix] [-O shopt] [options] ...  (the same)
 * </pre>
 * The shell parses with {@link Parser}, expands with {@link Expander} and runs commands with
 * {@link Interpreter} and {@link Launcher}; see {@link Launcher} for how subshells work (forked
 * processes holding a copy of the shell's state, {@link Forks}). Job control is on with
 * {@code -i} or {@code -m} (or when the {@link Terminal} is interactive).
 */
public final class Shell implements Program {
    private final Terminal terminal;
    private final Predicate<String> commands;
    private final boolean bash;

    /** A shell without a controlling terminal. */
    public Shell() {
        this(Terminal.none());
    }

    /** A shell whose job control talks to {@code terminal}. */
    public Shell(Terminal terminal) {
        this(terminal, name -> false);
    }

    /**
     * A shell whose job control talks to {@code terminal}, and whose {@code command -v} and
     * {@code type} also know the commands {@code commands} accepts (the kernel's command registry,
     * whose programs need not exist as files along PATH).
     */
    public Shell(Terminal terminal, Predicate<String> commands) {
        this(terminal, commands, false);
    }

    /** As {@link #Shell(Terminal, Predicate)}, running as {@code bash} when {@code bash}. */
    public Shell(Terminal terminal, Predicate<String> commands, boolean bash) {
        this.terminal = Objects.requireNonNull(terminal, "terminal");
        this.commands = Objects.requireNonNull(commands, "commands");
        this.bash = bash;
    }

    /** A bash without a controlling terminal. */
    public static Shell bash() {
        return new Shell(Terminal.none(), name -> false, true);
    }

    /**
     * The program {@code sh}: a shell whose job control is wired to the controlling terminal of
     * its standard input, if it has one.
     */
    public static Program program() {
        return process -> new Shell(ControllingTerminal.of(process)).run(process);
    }

    /** The program {@code bash}: the same interpreter in bash mode. */
    public static Program bashProgram() {
        return process -> new Shell(ControllingTerminal.of(process), name -> false, true).run(process);
    }

    @Override
    public int run(ProcessApi process) throws Exception {
        ShellState state = new ShellState();
        state.bash = bash;
        state.arg0 = bash ? "bash" : "sh";
        for (Map.Entry<String, String> entry : process.env().entrySet()) {
            if (Lexer.isName(entry.getKey())) {
                state.vars.put(entry.getKey(), new ShellState.Var(entry.getValue(), true));
            }
        }
        setDefault(state, "IFS", " \t\n");
        setDefault(state, "PS1", bash ? "\\s-\\v\\$ " : "$ ");
        setDefault(state, "PS2", "> ");
        setDefault(state, "PS4", "+ ");
        state.set("OPTIND", "1");
        state.set("PPID", Integer.toString(process.ppid()));
        String cwd = process.cwd();
        String pwd = state.get("PWD");
        state.set("PWD", pwd != null && pwd.startsWith("/") && Fs.sameFile(process, pwd, cwd) ? pwd : cwd);
        state.shellPid = process.pid();
        if (bash) {
            BashVariables.initialize(state, process);
        }
        Interpreter shell = new Interpreter(process, state, terminal);
        shell.knownCommands = name -> commands.test(name) || process.hasCommand(name);

        List<String> args = process.args();
        int i = 0;
        String command = null;
        boolean commandMode = false;
        boolean fromStdin = false;
        boolean login = false;
        boolean noRc = false;
        boolean noProfile = false;
        for (; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--") || arg.equals("-")) {
                i++;
                break;
            }
            if (bash && arg.startsWith("--")) {
                switch (arg) {
                    case "--login" -> {
                        login = true;
                        continue;
                    }
                    case "--norc" -> {
                        noRc = true;
                        continue;
                    }
                    case "--noprofile" -> {
                        noProfile = true;
                        continue;
                    }
                    case "--noediting", "--restricted", "--posix" -> {
                        continue;
                    }
                    case "--version" -> {
                        shell.print(1, "GNU bash, version " + OptionBuiltins.BASH_VERSION + " (sandkernel)\n");
                        return 0;
                    }
                    default -> {
                        return usage(shell, arg + ": invalid option");
                    }
                }
            }
            if (arg.length() < 2 || (arg.charAt(0) != '-' && arg.charAt(0) != '+')) {
                break;
            }
            boolean on = arg.charAt(0) == '-';
            for (char letter : arg.substring(1).toCharArray()) {
                if (letter == 'c') {
                    commandMode = true;
                } else if (letter == 's') {
                    fromStdin = true;
                } else if (letter == 'l') {
                    login = on;
                } else if (letter == 'r' && bash) {
                    continue; // restricted mode is not supported: the sandbox is the restriction
                } else if (letter == 'i') {
                    state.interactive = on;
                } else if (letter == 'o' || (bash && letter == 'O')) {
                    if (i + 1 >= args.size()) {
                        return usage(shell, (bash ? "-" + letter + ": option requires an argument" : "Illegal option -o"));
                    }
                    String name = args.get(++i);
                    if (letter == 'O') {
                        if (on) {
                            state.shopts.add(name);
                        } else {
                            state.shopts.remove(name);
                        }
                        continue;
                    }
                    ShellState.Option option = ShellState.Option.byName(name);
                    if (option == null) {
                        return usage(shell, bash ? name + ": invalid option name" : "Illegal option -o " + name);
                    }
                    state.setOption(option, on);
                } else if (!state.setOption(letter, on)) {
                    return usage(shell, bash ? "-" + letter + ": invalid option" : "Illegal option -" + letter);
                }
            }
        }
        String source;
        boolean interactive = state.interactive; // -i: interactive whatever the input is
        if (commandMode) {
            if (i >= args.size()) {
                shell.print(2, state.arg0 + ": -c: option requires an argument\n");
                return 2;
            }
            command = args.get(i++);
            if (i < args.size()) {
                state.arg0 = args.get(i++);
            }
            state.positional = new ArrayList<>(args.subList(i, args.size()));
            source = command;
            state.commandString = true;
        } else if (!fromStdin && i < args.size()) {
            String file = args.get(i++);
            state.positional = new ArrayList<>(args.subList(i, args.size()));
            try {
                source = Fs.readText(process, file);
            } catch (KernelException e) {
                if (bash) {
                    shell.print(2, "bash: " + file + ": " + Messages.strerror(e.errno()) + "\n");
                    return e.errno() == io.sandkernel.Errno.ENOENT ? 127 : 126;
                }
                if (e.errno() != io.sandkernel.Errno.EISDIR) {
                    shell.print(2, state.arg0 + ": 0: cannot open " + file + ": " + Builtins.openReason(e.errno()) + "\n");
                    return 2;
                }
                source = ""; // as dash, which reads nothing from a directory
            }
            state.arg0 = file;
            if (bash) {
                state.calls.main(file);
            }
        } else {
            state.positional = new ArrayList<>(args.subList(i, args.size()));
            interactive = state.interactive || terminal.isInteractive();
            source = null;
            state.setOption(ShellState.Option.STDIN, true);
        }
        state.interactive = interactive;
        if (interactive && !state.monitor && terminal != Terminal.none()) {
            state.monitor = true; // as dash: job control when there is a terminal to control
        }
        int status;
        try {
            if (state.monitor) {
                enterJobControl(process, shell);
            }
            StartupFiles.read(shell, new StartupFiles.Flags(login, noRc, noProfile));
            if (source != null) {
                status = shell.runScript(source, true);
            } else if (interactive) {
                status = repl(shell);
            } else {
                status = shell.runScript(readAll(shell), true);
            }
        } catch (ControlFlow.Exit e) {
            status = e.status;
        } catch (ControlFlow.Return e) {
            status = e.status;
        } catch (ControlFlow e) {
            status = state.lastStatus;
        } catch (OutOfMemory | OutOfMemoryError e) {
            status = shell.outOfMemory(e); // reading the script, or before any command ran
        } catch (StackOverflowError e) {
            status = shell.tooDeep(); // parsing nesting deeper than the stack
        }
        state.lastStatus = status;
        try {
            shell.traps.runPending();
        } catch (ControlFlow.Exit e) {
            state.lastStatus = e.status;
        } catch (ControlFlow | ShellError e) {
            // the trap ended early
        }
        shell.traps.runExit();
        return state.lastStatus & 0xff;
    }

    private static void setDefault(ShellState state, String name, String value) {
        if (state.get(name) == null) {
            state.set(name, value);
        }
    }

    private static int usage(Interpreter shell, String message) {
        shell.print(2, shell.state.arg0 + (shell.state.bash ? ": " : ": 0: ") + message + "\n");
        return 2;
    }

    private void enterJobControl(ProcessApi process, Interpreter shell) {
        if (shell.state.interactive || terminal.isInteractive()) {
            // caught (not ignored) so that children, which start with default actions, still react;
            // SIGTTOU is ignored so that handing the terminal back from a background group works
            SignalHandler nothing = signal -> {};
            install(process, Signals.SIGINT, signal -> shell.interruptRequested = true);
            for (int signal : new int[] {Signals.SIGQUIT, Signals.SIGTERM, Signals.SIGTSTP, Signals.SIGTTIN}) {
                install(process, signal, nothing);
            }
            install(process, Signals.SIGTTOU, SignalHandler.IGNORE);
        }
        try {
            process.setpgid(0, 0);
        } catch (KernelException ignored) {
            // a session leader already leads its group
        }
        try {
            shell.launcher.shellPgid = process.getpgid(0);
        } catch (KernelException ignored) {
            shell.launcher.shellPgid = process.pid();
        }
        terminal.setForegroundGroup(shell.launcher.shellPgid);
    }

    private static void install(ProcessApi process, int signal, SignalHandler handler) {
        try {
            process.signal(signal, handler);
        } catch (KernelException ignored) {
            // not supported here
        }
    }

    private static String readAll(Interpreter shell) throws IOException {
        try (InputStream in = shell.io.input(0)) {
            return Strings.decode(ShellMemory.readAll(shell.api, in));
        }
    }

    /** Reads one line (without the newline) from standard input, or null at end of input. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
            line.write(b);
        }
    }

    /**
     * Waits in poll(2) rather than in read(2) until a command line can be read: a read is
     * restarted after a signal, a poll is not, so ^C at the prompt ends the wait with EINTR (the
     * line is dropped, as in dash and bash), and under bash's {@code set -b} a SIGCHLD wakes the
     * shell to report the jobs that ended while the user is still typing. Other signals go on
     * waiting; their traps run before the next command.
     */
    private static void awaitCommandLine(Interpreter shell) {
        JobControl jobControl = shell.launcher.jobControl;
        while (true) {
            try {
                shell.api.poll(List.of(new PollFd(0, PollFd.POLLIN)), Duration.ofSeconds(-1));
                return;
            } catch (KernelException e) {
                if (e.errno() != io.sandkernel.Errno.EINTR) {
                    return; // not a descriptor poll(2) takes: the read waits instead
                }
                if (shell.interruptRequested) {
                    throw e;
                }
                if (jobControl.notifying()) {
                    jobControl.reportFinished(0);
                }
            }
        }
    }

    /** Whether a line ends in an unescaped backslash (the command goes on on the next line). */
    private static boolean endsWithContinuation(String line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /** The interactive loop: prompt, read until a command is complete, run it, report jobs. */
    private static int repl(Interpreter shell) throws IOException {
        ShellState state = shell.state;
        InputStream in = shell.io.input(0);
        StringBuilder buffer = new StringBuilder();
        int linesBefore = 0;
        while (true) {
            JobControl jobControl = shell.launcher.jobControl;
            if (buffer.isEmpty()) {
                jobControl.notifyJobs();
            }
            jobControl.followNotify();
            shell.print(2, shell.prompt(buffer.isEmpty() ? "PS1" : "PS2"));
            String line;
            try {
                awaitCommandLine(shell);
                line = readLine(in);
            } catch (KernelException e) {
                if (e.errno() == io.sandkernel.Errno.EBADF) {
                    return state.lastStatus; // exec 0<&- closed the input: the end of it, as for dash
                }
                if (e.errno() != io.sandkernel.Errno.EINTR) {
                    throw e;
                }
                // ^C at the prompt: drop the line and prompt again, $? 130 as in dash and bash
                shell.interruptRequested = false;
                state.lastStatus = 130;
                linesBefore += (int) buffer.chars().filter(c -> c == '\n').count();
                buffer.setLength(0);
                shell.print(2, "\n");
                continue;
            }
            if (line == null) {
                if (buffer.isEmpty()) {
                    shell.print(2, "\n");
                    return state.lastStatus;
                }
            } else {
                buffer.append(line).append('\n');
                if (endsWithContinuation(line)) {
                    continue;
                }
            }
            List<Node> nodes = new ArrayList<>();
            Parser parser = Parser.of(buffer.toString(), Syntax.of(state));
            shell.lineOffset = linesBefore;
            try {
                Node node;
                while ((node = parser.parseNext()) != null) {
                    nodes.add(node);
                }
                if (parser.incomplete() && line != null) {
                    continue;
                }
            } catch (SyntaxError e) {
                if (e.endOfFile() && line != null) {
                    continue;
                }
                shell.syntaxError(e);
                linesBefore += (int) buffer.chars().filter(c -> c == '\n').count();
                buffer.setLength(0);
                continue;
            }
            linesBefore += (int) buffer.chars().filter(c -> c == '\n').count();
            buffer.setLength(0);
            shell.interruptRequested = false;
            try {
                for (Node node : nodes) {
                    shell.runTopLevel(node, true);
                }
            } catch (ControlFlow.Interrupt e) {
                shell.interruptRequested = true;
                state.lastStatus = 130;
            }
            if (shell.interruptRequested) {
                // ^C (to the shell or to a foreground job) ended the line: the prompt goes on a line of its own
                shell.interruptRequested = false;
                shell.print(2, "\n");
            }
            if (line == null) {
                return state.lastStatus;
            }
        }
    }
}
