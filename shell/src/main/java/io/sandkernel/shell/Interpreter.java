package io.sandkernel.shell;

import io.sandkernel.Errno;
import io.sandkernel.api.Checkpoints;
import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.shell.Ast.AndOr;
import io.sandkernel.shell.Ast.ArithCommand;
import io.sandkernel.shell.Ast.ArithFor;
import io.sandkernel.shell.Ast.Background;
import io.sandkernel.shell.Ast.BraceGroup;
import io.sandkernel.shell.Ast.Case;
import io.sandkernel.shell.Ast.CaseItem;
import io.sandkernel.shell.Ast.CmdSub;
import io.sandkernel.shell.Ast.Cond;
import io.sandkernel.shell.Ast.For;
import io.sandkernel.shell.Ast.FunctionDef;
import io.sandkernel.shell.Ast.If;
import io.sandkernel.shell.Ast.Loop;
import io.sandkernel.shell.Ast.Node;
import io.sandkernel.shell.Ast.Pipeline;
import io.sandkernel.shell.Ast.ProcSubst;
import io.sandkernel.shell.Ast.Redirected;
import io.sandkernel.shell.Ast.Redirection;
import io.sandkernel.shell.Ast.Sequence;
import io.sandkernel.shell.Ast.SimpleCommand;
import io.sandkernel.shell.Ast.Subshell;
import io.sandkernel.shell.Ast.Timed;
import io.sandkernel.shell.Ast.Word;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Executes syntax trees in the shell process: control structures, conditions, loops and traps.
 * Simple commands are {@link Commands}' part, {@code [[ ]]} {@link Conditions}', and starting
 * processes (external commands, pipelines, forked subshells, substitutions) the {@link
 * Launcher}'s. Every command, loop iteration, function call and expansion passes a signal
 * {@link #checkpoint()}, so that a script computing without system calls can still be stopped
 * or killed.
 */
@SuppressWarnings("try")
final class Interpreter implements Expander.Context {
    /** What the shell says when nesting exhausts its stack. */
    static final String TOO_DEEP = "recursion too deep";
    final ProcessApi api;
    final ShellState state;
    final Io io;
    final JobTable jobs = new JobTable();
    final Terminal terminal;
    /** Commands known to exist besides files along PATH (the kernel's registry, when wired). */
    java.util.function.Predicate<String> knownCommands = name -> false;
    final Expander expander;
    final Values values;
    final Builtins builtins;
    final Launcher launcher;
    final Commands commands;
    final Traps traps;
    final Coprocs coprocs;
    final Loops loops;
    final Dynamic dynamic;
    private final Redirector redirector;
    private final Conditions conditions;

    int currentLine = 1;
    /** Added to line numbers in messages: a script run by {@code .} or {@code eval} keeps its caller's. */
    int lineOffset;
    int loopDepth;
    int functionDepth;
    /** Above 0 while running a condition (if/while/until, left of && ||, !): set -e is off. */
    int conditionDepth;
    /** How deep in subshells ({@code BASH_SUBSHELL}). */
    int subshellLevel;
    int substitutionStatus = -1;
    /** The simple command being run, for bash's {@code BASH_COMMAND}. */
    Ast.SimpleCommand currentCommand;
    /** The name messages start with: {@code $0}, or bash's {@code bash: line N:} form. */
    String scriptName;

    /** Set by the interactive shell's SIGINT handler, and when a foreground job dies of SIGINT; checked between commands. */
    volatile boolean interruptRequested;

    Interpreter(ProcessApi api, ShellState state, Terminal terminal) {
        this.api = api;
        this.state = state;
        this.terminal = terminal;
        state.memory = new ShellMemory(api, state, state.inheritedMemory);
        this.io = new Io(api, state.bash ? Io.BASH_FIRST_PRIVATE : Io.FIRST_PRIVATE);
        this.dynamic = new Dynamic(this);
        this.expander = new Expander(state, this, new Fs.Pathnames(api));
        this.values = expander.values;
        this.traps = new Traps(this);
        this.coprocs = new Coprocs(this);
        this.loops = new Loops(this);
        this.builtins = new Builtins(this);
        this.launcher = new Launcher(this);
        this.commands = new Commands(this);
        this.redirector = new Redirector(this);
        this.conditions = new Conditions(this);
    }

    // ---------------------------------------------------------------- output

    /** Writes text to shell descriptor {@code fd} at once. */
    void print(int fd, String text) {
        try {
            OutputStream out = io.output(fd);
            out.write(Strings.encode(text));
            out.flush();
        } catch (IOException e) {
            throw new ShellError("write error: " + e.getMessage(), 1);
        }
    }

    /** Prints {@code sh: LINE: message} (bash: {@code bash: line LINE: message}) to standard error. */
    void error(String message) {
        try {
            print(2, errorPrefix() + message + "\n");
        } catch (ShellError | KernelException ignored) {
            // standard error is gone
        }
    }

    /**
     * Reports that memory ran out ({@link OutOfMemory}, ENOMEM from the kernel, or the JVM's own
     * heap as a last resort): the message dash or bash would print; the status is 2.
     */
    int outOfMemory(Throwable failure) {
        long bytes = failure instanceof OutOfMemory out ? out.bytes() : 0;
        try {
            print(2, OutOfMemory.message(scriptName == null || !state.bash ? state.arg0 : scriptName, state.bash,
                    bytes));
        } catch (ShellError | KernelException ignored) {
            // standard error is gone
        }
        state.lastStatus = 2;
        return 2;
    }

    /**
     * Reports that the thread's stack ended (nesting deeper than any limit of the shell's own:
     * parentheses, substitutions, eval inside eval): a shell error, status 2, never a dead shell.
     */
    int tooDeep() {
        error(TOO_DEEP);
        state.lastStatus = 2;
        return 2;
    }

    /** Whether {@code failure} means memory ran out. */
    static boolean isOutOfMemory(Throwable failure) {
        return failure instanceof OutOfMemory || failure instanceof OutOfMemoryError
                || failure instanceof KernelException e && e.errno() == Errno.ENOMEM;
    }

    String errorPrefix() {
        int line = Math.max(1, currentLine + lineOffset);
        if (state.bash) {
            return (scriptName == null ? state.arg0 : scriptName) + ": line " + line + ": ";
        }
        return state.arg0 + ": " + line + ": ";
    }

    /**
     * Acts on signals that arrived: the JVM driver runs a program's signal handling at its next
     * system call, and interrupts its thread when a signal needs attention, so a cheap look at
     * the interrupt flag tells when a call is due (one that costs nothing else).
     */
    @Override
    public void checkpoint() {
        Checkpoints.poll(api);
    }

    // ---------------------------------------------------------------- scripts

    /**
     * Runs a script one complete command at a time, as dash and bash do: earlier lines run
     * before a syntax error on a later line is reported.
     */
    int runScript(String source, boolean topLevel) {
        Parser parser = Parser.of(source, Syntax.of(state));
        while (true) {
            Node node;
            int start = parser.lexer.position();
            try {
                node = parser.parseNext();
            } catch (SyntaxError e) {
                syntaxError(e);
                if (topLevel && state.interactive) {
                    return 2;
                }
                throw new ControlFlow.Exit(2);
            }
            if (state.verbose) {
                int end = Math.min(parser.lexer.src.length(), parser.lexer.position());
                print(2, parser.lexer.src.substring(Math.min(start, end), end));
            }
            if (node == null) {
                return state.lastStatus;
            }
            if (state.noexec && !state.interactive) {
                continue;
            }
            runTopLevel(node, topLevel);
        }
    }

    /** How deep in scripts run by {@code .} or {@code source}. */
    private int sourceDepth;

    /**
     * Runs a script in this shell ({@code .}): one command at a time, so aliases it defines
     * apply to its later lines; errors go to the caller.
     */
    int runScriptNested(String source) {
        sourceDepth++;
        try {
            Parser parser = Parser.of(source, Syntax.of(state));
            int status = 0;
            Node node;
            while ((node = parser.parseNext()) != null) {
                status = execute(node);
            }
            return status;
        } finally {
            sourceDepth--;
        }
    }

    boolean inSourcedScript() {
        return sourceDepth > 0;
    }

    void syntaxError(SyntaxError e) {
        currentLine = e.line();
        if (state.bash) {
            error("syntax error: " + e.getMessage());
        } else {
            error(e.text());
        }
        state.lastStatus = 2;
    }

    /** Runs one parsed command; in a non-interactive shell, a shell error exits. */
    void runTopLevel(Node node, boolean topLevel) {
        try {
            execute(node);
        } catch (ShellError e) {
            error(e.getMessage());
            state.lastStatus = e.status();
            if (state.bash && topLevel && e.status() != 127) {
                return; // bash abandons the line and goes on with the next; an unset variable ends it
            }
            if (!state.interactive || !topLevel) {
                throw new ControlFlow.Exit(e.status());
            }
        } catch (OutOfMemory | OutOfMemoryError e) {
            outOfMemory(e);
            if (!state.interactive || !topLevel) {
                throw new ControlFlow.Exit(2);
            }
        } catch (StackOverflowError e) {
            tooDeep();
            if (!state.interactive || !topLevel) {
                throw new ControlFlow.Exit(2);
            }
        } catch (KernelException e) {
            if (isOutOfMemory(e)) {
                outOfMemory(e);
            } else {
                error(e.getMessage());
            }
            state.lastStatus = 2;
            if (!state.interactive || !topLevel) {
                throw new ControlFlow.Exit(2);
            }
        } catch (SyntaxError e) {
            syntaxError(e);
            if (!state.interactive || !topLevel) {
                throw new ControlFlow.Exit(2);
            }
        }
    }

    // ---------------------------------------------------------------- nodes

    int execute(Node node) {
        checkpoint();
        if (state.noexec && !state.interactive) {
            return state.lastStatus; // set -n: commands are read, not run
        }
        if (interruptRequested) {
            interruptRequested = false;
            throw new ControlFlow.Interrupt();
        }
        traps.runPending();
        int status = switch (node) {
            case SimpleCommand command -> commands.simple(command);
            case Pipeline pipeline -> pipeline(pipeline);
            case AndOr andOr -> andOr(andOr);
            case Sequence sequence -> {
                int last = 0;
                for (Node item : sequence.items()) {
                    last = execute(item);
                }
                yield last;
            }
            case Background background -> {
                setLine(background.body());
                yield launcher.background(background.body());
            }
            case Subshell subshell -> {
                setLine(subshell.body());
                yield checkErrexit(launcher.subshell(subshell, List.of(), Printer.summary(subshell)));
            }
            case BraceGroup group -> execute(group.body());
            case If ifNode -> ifClause(ifNode);
            case For forNode when forNode.select() -> SelectLoop.run(this, forNode);
            case For forNode -> loops.forLoop(forNode);
            case Loop loop -> loops.loop(loop);
            case Case caseNode -> caseClause(caseNode);
            case FunctionDef def -> {
                state.functions.put(def.name(), def.body());
                yield 0;
            }
            case Redirected redirected when redirected.body() instanceof Subshell subshell -> {
                currentLine = redirected.line() > 0 ? redirected.line() : currentLine;
                yield checkErrexit(launcher.subshell(subshell, redirected.redirections(), Printer.summary(redirected)));
            }
            case Redirected redirected -> {
                if (redirected.line() > 0) {
                    currentLine = redirected.line(); // a failed redirection names the line the command starts on
                }
                try (Io.Frame frame = io.push()) {
                    if (!redirect(redirected.redirections(), frame)) {
                        yield state.bash ? 1 : 2;
                    }
                    yield execute(redirected.body());
                }
            }
            case ArithCommand arith -> {
                currentLine = arith.line();
                traps.debug();
                int result;
                try {
                    result = arithmetic(arith.expression()) != 0 ? 0 : 1;
                } catch (ShellError e) {
                    error("((: " + e.getMessage()); // bash: an error fails the command, the line goes on
                    result = 1;
                }
                yield checkErrexit(result);
            }
            case Cond cond -> {
                currentLine = cond.line();
                traps.debug();
                int result;
                try {
                    result = conditions.evaluate(cond.expression()) ? 0 : 1;
                } catch (Conditions.ConditionError e) {
                    result = 2;
                }
                yield checkErrexit(result);
            }
            case ArithFor arithFor -> loops.arithFor(arithFor);
            case Timed timed -> timed(timed);
            case Ast.Coproc coproc -> {
                setLine(coproc.body());
                yield coprocs.start(coproc);
            }
        };
        state.lastStatus = status;
        return status;
    }

    /** Evaluates an arithmetic word ({@code (( ))}, {@code for (( ))}); errors fail the command. */
    long arithmetic(Word expression) {
        String text = expander.expandString(expression);
        return Arith.eval(text, values.arith(), state.bash);
    }

    /** Sets the current line to the first line of {@code node}, for messages from child shells. */
    private void setLine(Node node) {
        int line = Ast.firstLine(node);
        if (line > 0) {
            currentLine = line;
        }
    }

    /** set -e: a failed command outside a condition ends the shell (after bash's ERR trap). */
    int checkErrexit(int status) {
        if (status != 0 && conditionDepth == 0) {
            traps.error(status);
            if (state.errexit) {
                state.lastStatus = status;
                throw new ControlFlow.Exit(status);
            }
        }
        return status;
    }

    int condition(Node node) {
        conditionDepth++;
        try {
            return execute(node);
        } finally {
            conditionDepth--;
        }
    }

    private int andOr(AndOr andOr) {
        int status = condition(andOr.left());
        if ((status == 0) == andOr.and()) {
            status = execute(andOr.right());
        }
        return status;
    }

    private int pipeline(Pipeline pipeline) {
        int status;
        if (pipeline.commands().size() == 1) {
            status = pipeline.negated() ? condition(pipeline.commands().get(0)) : execute(pipeline.commands().get(0));
        } else {
            currentLine = pipeline.line();
            status = launcher.foregroundPipeline(pipeline);
        }
        if (pipeline.negated()) {
            return status == 0 ? 1 : 0;
        }
        return pipeline.commands().size() == 1 ? status : checkErrexit(status);
    }

    private int ifClause(If ifNode) {
        if (condition(ifNode.condition()) == 0) {
            return execute(ifNode.body());
        }
        return ifNode.otherwise() == null ? 0 : execute(ifNode.otherwise());
    }

    private int caseClause(Case caseNode) {
        traps.debug();
        String subject = expander.expandString(caseNode.subject());
        boolean nocase = state.bash && state.shopts.contains("nocasematch");
        List<CaseItem> items = caseNode.items();
        int status = 0;
        boolean matchedAny = false;
        for (int k = 0; k < items.size(); k++) {
            CaseItem item = items.get(k);
            if (!matches(item, subject, nocase)) {
                continue;
            }
            matchedAny = true;
            status = item.body() == null ? 0 : execute(item.body());
            while (item.terminator().equals(";&") && k + 1 < items.size()) {
                item = items.get(++k);
                status = item.body() == null ? 0 : execute(item.body());
            }
            if (!item.terminator().equals(";;&")) {
                return status;
            }
        }
        return matchedAny ? status : 0;
    }

    private boolean matches(CaseItem item, String subject, boolean nocase) {
        for (Word pattern : item.patterns()) {
            if (Patterns.matches(expander.expandMatchPattern(pattern), subject, nocase)) {
                return true;
            }
        }
        return false;
    }

    private int timed(Timed timed) {
        long start = System.nanoTime();
        CpuTimes before = CpuTimes.of(api);
        int status = timed.body() == null ? 0 : execute(timed.body());
        long real = System.nanoTime() - start;
        long user = CpuTimes.of(api).since(before);
        String report = timed.posixFormat()
                ? String.format(java.util.Locale.ROOT, "real %.2f\nuser %.2f\nsys 0.00\n", real / 1e9, user / 1e9)
                : "\nreal\t" + CpuTimes.minutes(real, 3) + "\nuser\t" + CpuTimes.minutes(user, 3) + "\nsys\t"
                        + CpuTimes.minutes(0, 3) + "\n";
        print(2, report);
        return status;
    }

    // ---------------------------------------------------------------- redirections

    /**
     * Applies redirections to the descriptor table, recording what it opens in {@code frame}.
     *
     * @return false after printing an error when one failed
     */
    boolean redirect(List<Redirection> redirections, Io.Frame frame) {
        return redirector.apply(redirections, frame);
    }

    /** A prompt string with parameter expansion applied (PS1, PS2). */
    String prompt(String name) {
        String value = state.get(name);
        if (value == null) {
            return "";
        }
        if (state.bash) {
            value = Prompts.decode(value, this);
        }
        try {
            return expander.expandString(Lexer.parseArithmetic(value, currentLine, Syntax.of(state)));
        } catch (ShellError | SyntaxError e) {
            return value;
        }
    }

    // ---------------------------------------------------------------- Expander.Context

    @Override
    public String commandSubstitution(CmdSub sub) {
        return launcher.substitute(sub);
    }

    @Override
    public String processSubstitution(ProcSubst sub) {
        return launcher.processSubstitution(sub);
    }

    @Override
    public String special(String name) {
        return dynamic.value(name);
    }

    @Override
    public List<String> specialArray(String name) {
        if (!state.bash) {
            return null;
        }
        return name.equals("PIPESTATUS") ? launcher.pipeStatuses() : state.calls.array(name);
    }

    @Override
    public String homeOf(String user) {
        return dynamic.homeOf(user);
    }
}
