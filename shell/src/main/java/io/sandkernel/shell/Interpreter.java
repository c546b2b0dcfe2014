package io.sandkernel.shell;

import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.shell.Ast.AndOr;
import io.sandkernel.shell.Ast.Assignment;
import io.sandkernel.shell.Ast.Background;
import io.sandkernel.shell.Ast.BraceGroup;
import io.sandkernel.shell.Ast.Case;
import io.sandkernel.shell.Ast.CaseItem;
import io.sandkernel.shell.Ast.CmdSub;
import io.sandkernel.shell.Ast.For;
import io.sandkernel.shell.Ast.FunctionDef;
import io.sandkernel.shell.Ast.If;
import io.sandkernel.shell.Ast.Loop;
import io.sandkernel.shell.Ast.Node;
import io.sandkernel.shell.Ast.Pipeline;
import io.sandkernel.shell.Ast.Redirected;
import io.sandkernel.shell.Ast.Redirection;
import io.sandkernel.shell.Ast.Sequence;
import io.sandkernel.shell.Ast.SimpleCommand;
import io.sandkernel.shell.Ast.Subshell;
import io.sandkernel.shell.Ast.Word;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Executes syntax trees in the shell process: control structures, simple commands, builtins,
 * functions, redirections and traps. Starting processes (external commands, pipelines, child
 * shells for subshells and command substitutions) is the {@link Launcher}'s part.
 */
@SuppressWarnings("try")
final class Interpreter implements Expander.Context {
    final ProcessApi api;
    final ShellState state;
    final Io io;
    final JobTable jobs = new JobTable();
    final Terminal terminal;
    /** Commands known to exist besides files along PATH (the kernel's registry, when wired). */
    java.util.function.Predicate<String> knownCommands = name -> false;
    final Expander expander;
    final Builtins builtins;
    final Launcher launcher;
    private final Redirector redirector;

    int currentLine = 1;
    /** Added to line numbers in messages: a child shell's lines continue its parent's. */
    int lineOffset;
    int loopDepth;
    int functionDepth;
    /** Above 0 while running a condition (if/while/until, left of && ||, !): set -e is off. */
    int conditionDepth;
    int substitutionStatus = -1;
    private final ConcurrentLinkedQueue<Integer> pendingSignals = new ConcurrentLinkedQueue<>();
    private boolean inTrap;
    private final Deque<Map<String, ShellState.Var>> locals = new ArrayDeque<>();

    Interpreter(ProcessApi api, ShellState state, Terminal terminal) {
        this.api = api;
        this.state = state;
        this.terminal = terminal;
        this.io = new Io(api);
        this.expander = new Expander(state, this, new Fs.Pathnames(api));
        this.builtins = new Builtins(this);
        this.launcher = new Launcher(this);
        this.redirector = new Redirector(this);
    }

    // ---------------------------------------------------------------- output

    /** Writes text to shell descriptor {@code fd} at once. */
    void print(int fd, String text) {
        try {
            OutputStream out = io.output(fd);
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new ShellError("write error: " + e.getMessage(), 1);
        }
    }

    /** Prints {@code sh: LINE: message} to standard error. */
    void error(String message) {
        try {
            print(2, state.arg0 + ": " + Math.max(1, currentLine + lineOffset) + ": " + message + "\n");
        } catch (ShellError | KernelException ignored) {
            // standard error is gone
        }
    }

    // ---------------------------------------------------------------- scripts

    /**
     * Runs a script one complete command at a time, as dash does: earlier lines run before a
     * syntax error on a later line is reported.
     */
    int runScript(String source, boolean topLevel) {
        Parser parser = Parser.withAliases(source, state.aliases);
        while (true) {
            Node node;
            try {
                node = parser.parseNext();
            } catch (SyntaxError e) {
                currentLine = e.line();
                error(e.text());
                state.lastStatus = 2;
                if (topLevel && state.interactive) {
                    return 2;
                }
                throw new ControlFlow.Exit(2);
            }
            if (node == null) {
                return state.lastStatus;
            }
            runTopLevel(node, topLevel);
        }
    }

    /** Runs one parsed command; in a non-interactive shell, a shell error exits. */
    void runTopLevel(Node node, boolean topLevel) {
        try {
            execute(node);
        } catch (ShellError e) {
            error(e.getMessage());
            state.lastStatus = e.status();
            if (!state.interactive || !topLevel) {
                throw new ControlFlow.Exit(e.status());
            }
        } catch (KernelException e) {
            error(e.getMessage());
            state.lastStatus = 2;
            if (!state.interactive || !topLevel) {
                throw new ControlFlow.Exit(2);
            }
        } catch (SyntaxError e) {
            error(e.text());
            state.lastStatus = 2;
            if (!state.interactive || !topLevel) {
                throw new ControlFlow.Exit(2);
            }
        }
    }

    // ---------------------------------------------------------------- nodes

    /** Set by the interactive shell's SIGINT handler; checked between commands. */
    volatile boolean interruptRequested;

    int execute(Node node) {
        if (interruptRequested) {
            interruptRequested = false;
            throw new ControlFlow.Interrupt();
        }
        runPendingTraps();
        int status = switch (node) {
            case SimpleCommand command -> simple(command);
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
            case For forNode -> forLoop(forNode);
            case Loop loop -> loop(loop);
            case Case caseNode -> caseClause(caseNode);
            case FunctionDef def -> {
                state.functions.put(def.name(), def.body());
                yield 0;
            }
            case Redirected redirected when redirected.body() instanceof Subshell subshell -> {
                setLine(subshell.body());
                yield checkErrexit(launcher.subshell(subshell, redirected.redirections(), Printer.summary(redirected)));
            }
            case Redirected redirected -> {
                try (Io.Frame frame = io.push()) {
                    if (!redirect(redirected.redirections(), frame)) {
                        yield 2;
                    }
                    yield execute(redirected.body());
                }
            }
        };
        state.lastStatus = status;
        return status;
    }

    /** Sets the current line to the first line of {@code node}, for messages from child shells. */
    private void setLine(Node node) {
        int line = Ast.firstLine(node);
        if (line > 0) {
            currentLine = line;
        }
    }

    private int checkErrexit(int status) {
        if (status != 0 && state.errexit && conditionDepth == 0) {
            state.lastStatus = status;
            throw new ControlFlow.Exit(status);
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
        return checkErrexit(status);
    }

    private int ifClause(If ifNode) {
        if (condition(ifNode.condition()) == 0) {
            return execute(ifNode.body());
        }
        return ifNode.otherwise() == null ? 0 : execute(ifNode.otherwise());
    }

    private int forLoop(For forNode) {
        List<String> values = forNode.words() == null ? List.copyOf(state.positional)
                : expander.expandWords(forNode.words());
        int status = 0;
        loopDepth++;
        try {
            for (String value : values) {
                state.set(forNode.name(), value);
                int pass = iterate(forNode.body());
                if (pass == BREAK) {
                    break;
                }
                if (pass != CONTINUE) {
                    status = pass;
                }
            }
        } finally {
            loopDepth--;
        }
        return status;
    }

    private int loop(Loop loop) {
        int status = 0;
        loopDepth++;
        try {
            while (true) {
                int condition = condition(loop.condition());
                if ((condition == 0) == loop.until()) {
                    break;
                }
                int pass = iterate(loop.body());
                if (pass == BREAK) {
                    break;
                }
                if (pass != CONTINUE) {
                    status = pass;
                }
            }
        } finally {
            loopDepth--;
        }
        return status;
    }

    /** {@link #iterate} results besides a status: the loop ends, or its status stays as it was. */
    private static final int BREAK = Integer.MIN_VALUE;
    private static final int CONTINUE = Integer.MIN_VALUE + 1;

    /**
     * One pass of a loop body: its status, or {@link #BREAK} / {@link #CONTINUE} for a
     * {@code break} / {@code continue} aimed at this loop (one aimed further out is passed on, one
     * level less).
     */
    private int iterate(Node body) {
        try {
            return execute(body);
        } catch (ControlFlow.Break b) {
            if (b.levels > 1) {
                throw new ControlFlow.Break(b.levels - 1);
            }
            return BREAK;
        } catch (ControlFlow.Continue c) {
            if (c.levels > 1) {
                throw new ControlFlow.Continue(c.levels - 1);
            }
            return CONTINUE;
        }
    }

    private int caseClause(Case caseNode) {
        String subject = expander.expandString(caseNode.subject());
        for (CaseItem item : caseNode.items()) {
            for (Word pattern : item.patterns()) {
                if (Patterns.matches(expander.expandPattern(pattern), subject)) {
                    return item.body() == null ? 0 : execute(item.body());
                }
            }
        }
        return 0;
    }

    // ---------------------------------------------------------------- simple commands

    private int simple(SimpleCommand command) {
        currentLine = command.line();
        substitutionStatus = -1;
        List<String> words = expander.expandWords(command.words());
        if (words.isEmpty()) {
            for (Assignment assignment : command.assignments()) {
                state.set(assignment.name(), expander.expandString(assignment.value()));
            }
            trace(command, words, Map.of());
            int status = substitutionStatus < 0 ? 0 : substitutionStatus;
            if (!command.redirections().isEmpty()) {
                try (Io.Frame frame = io.push()) {
                    if (!redirect(command.redirections(), frame)) {
                        status = 2;
                    }
                }
            }
            return checkErrexit(status);
        }
        String name = words.get(0);
        Map<String, String> assigned = new LinkedHashMap<>();
        for (Assignment assignment : command.assignments()) {
            assigned.put(assignment.name(), expander.expandString(assignment.value()));
        }
        trace(command, words, assigned);
        int status;
        if (name.equals("exec") && words.size() == 1) {
            assigned.forEach(state::set);
            Io.Frame frame = io.push();
            if (!redirect(command.redirections(), frame)) {
                frame.close();
                return specialRedirectionFailed();
            }
            frame.keep();
            return 0;
        }
        if (Builtins.isSpecial(name)) {
            assigned.forEach(state::set);
            if (command.redirections().isEmpty()) {
                status = builtins.run(words);
            } else {
                try (Io.Frame frame = io.push()) {
                    status = redirect(command.redirections(), frame) ? builtins.run(words) : specialRedirectionFailed();
                }
            }
        } else if (state.functions.containsKey(name) && !name.contains("/")) {
            status = withTemporaryVars(assigned,
                    () -> withRedirections(command, () -> callFunction(state.functions.get(name), words)));
        } else if (builtins.has(name)) {
            status = withTemporaryVars(assigned, () -> withRedirections(command, () -> builtins.run(words)));
        } else {
            status = launcher.foregroundCommand(command, words, assigned);
        }
        return checkErrexit(status);
    }

    /**
     * A redirection of a special builtin failed (its error printed): as for the builtin's own
     * errors, POSIX and dash end a non-interactive shell.
     */
    private int specialRedirectionFailed() {
        if (!state.interactive) {
            throw new ControlFlow.Exit(2);
        }
        return 2;
    }

    private void trace(SimpleCommand command, List<String> words, Map<String, String> assigned) {
        if (!state.xtrace) {
            return;
        }
        List<String> parts = new ArrayList<>();
        for (Assignment assignment : command.assignments()) {
            String value = assigned.containsKey(assignment.name()) ? assigned.get(assignment.name())
                    : state.get(assignment.name());
            parts.add(assignment.name() + "=" + (value == null ? "" : value));
        }
        parts.addAll(words);
        print(2, prompt("PS4") + String.join(" ", parts) + "\n");
    }

    /** A body that runs with redirections applied. */
    @FunctionalInterface
    interface Body {
        int run();
    }

    int withRedirections(SimpleCommand command, Body body) {
        if (command.redirections().isEmpty()) {
            return body.run();
        }
        try (Io.Frame frame = io.push()) {
            if (!redirect(command.redirections(), frame)) {
                return 2;
            }
            return body.run();
        }
    }

    private int withTemporaryVars(Map<String, String> assigned, Body body) {
        if (assigned.isEmpty()) {
            return body.run();
        }
        Map<String, ShellState.Var> saved = new HashMap<>();
        for (Map.Entry<String, String> entry : assigned.entrySet()) {
            ShellState.Var old = state.vars.get(entry.getKey());
            saved.put(entry.getKey(), old == null ? null : copy(old));
            state.set(entry.getKey(), entry.getValue());
            state.export(entry.getKey());
        }
        try {
            return body.run();
        } finally {
            restore(saved);
        }
    }

    private static ShellState.Var copy(ShellState.Var var) {
        ShellState.Var copy = new ShellState.Var(var.value, var.exported);
        copy.readonly = var.readonly;
        return copy;
    }

    private void restore(Map<String, ShellState.Var> saved) {
        for (Map.Entry<String, ShellState.Var> entry : saved.entrySet()) {
            if (entry.getValue() == null) {
                state.vars.remove(entry.getKey());
            } else {
                state.vars.put(entry.getKey(), entry.getValue());
            }
        }
    }

    int callFunction(Node body, List<String> words) {
        List<String> savedPositional = state.positional;
        state.positional = new ArrayList<>(words.subList(1, words.size()));
        functionDepth++;
        locals.push(new HashMap<>());
        int savedLoopDepth = loopDepth;
        loopDepth = 0;
        try {
            return execute(body);
        } catch (ControlFlow.Return r) {
            return r.status;
        } finally {
            loopDepth = savedLoopDepth;
            restore(locals.pop());
            functionDepth--;
            state.positional = savedPositional;
        }
    }

    /** {@code local name[=value]}: remembers the variable to restore when the function returns. */
    void makeLocal(String name) {
        if (locals.isEmpty()) {
            throw new ShellError("local: not in a function", 2);
        }
        Map<String, ShellState.Var> frame = locals.peek();
        if (!frame.containsKey(name)) {
            ShellState.Var old = state.vars.get(name);
            frame.put(name, old == null ? null : copy(old));
        }
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

    // ---------------------------------------------------------------- traps

    /** The handler installed for a trapped signal: queues it for the next safe point. */
    void signalArrived(int signal) {
        pendingSignals.add(signal);
    }

    boolean hasPendingSignals() {
        return !pendingSignals.isEmpty();
    }

    /** The first signal waiting for its trap, or null. */
    Integer pendingSignal() {
        return pendingSignals.peek();
    }

    /** Runs the traps of signals that arrived, between commands. */
    void runPendingTraps() {
        if (inTrap || pendingSignals.isEmpty()) {
            return;
        }
        Integer signal;
        while ((signal = pendingSignals.poll()) != null) {
            String action = state.traps.get(signal);
            if (action != null && !action.isEmpty()) {
                runTrap(action);
            }
        }
    }

    /** Runs a trap action, keeping {@code $?}. */
    void runTrap(String action) {
        int saved = state.lastStatus;
        inTrap = true;
        try {
            Node node = Parser.parse(action, state.aliases);
            if (node != null) {
                execute(node);
            }
        } catch (SyntaxError e) {
            error(e.text());
        } finally {
            inTrap = false;
        }
        state.lastStatus = saved;
    }

    /** Runs the EXIT trap once, when the shell ends. */
    void runExitTrap() {
        String action = state.traps.remove(0);
        if (action != null && !action.isEmpty()) {
            try {
                runTrap(action);
            } catch (ControlFlow.Exit e) {
                state.lastStatus = e.status;
            } catch (ControlFlow | ShellError ignored) {
                // the trap ended early
            }
        }
    }

    /** A prompt string with parameter expansion applied (PS1, PS2). */
    String prompt(String name) {
        String value = state.get(name);
        if (value == null) {
            return "";
        }
        try {
            return expander.expandString(Lexer.parseArithmetic(value, currentLine));
        } catch (ShellError | SyntaxError e) {
            return value;
        }
    }

    // ---------------------------------------------------------------- Expander.Context

    @Override
    public String commandSubstitution(CmdSub sub) {
        String output = launcher.substitute(sub);
        return output;
    }

    @Override
    public String special(String name) {
        return name.equals("LINENO") ? Integer.toString(Math.max(1, currentLine + lineOffset)) : null;
    }
}
