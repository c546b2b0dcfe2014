package io.sandkernel.shell;

import io.sandkernel.KernelException;
import io.sandkernel.api.SignalHandler;
import io.sandkernel.process.Signals;
import io.sandkernel.shell.Ast.Node;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Traps: the {@code trap} builtin, the handlers that queue a trapped signal until the shell is
 * between commands, the EXIT trap, and bash's ERR, DEBUG and RETURN traps.
 */
final class Traps {
    /** bash's pseudo-signals, after the real ones (and after EXIT, 0), in the order bash lists them. */
    static final int DEBUG = 1000;
    static final int ERR = 1001;
    static final int RETURN = 1002;

    private final Interpreter shell;
    private final ShellState state;
    private final ConcurrentLinkedQueue<Integer> pending = new ConcurrentLinkedQueue<>();
    private boolean inTrap;
    /** The function depth the RETURN trap was set at: it runs when that function returns. */
    private int returnTrapDepth = -1;

    Traps(Interpreter shell) {
        this.shell = shell;
        this.state = shell.state;
    }

    /** The handler installed for a trapped signal: queues it for the next safe point. */
    void signalArrived(int signal) {
        pending.add(signal);
    }

    /** Whether a trap action is running. */
    boolean running() {
        return inTrap;
    }

    boolean hasPending() {
        return !pending.isEmpty();
    }

    /** The first signal waiting for its trap, or null. */
    Integer pendingSignal() {
        return pending.peek();
    }

    /**
     * For {@code wait}: when a trapped signal has arrived, runs its trap and gives 128 + the
     * signal, the status a wait interrupted by it returns; null when none has (wait on).
     */
    Integer interruptWait() {
        Integer signal = pendingSignal();
        if (signal == null) {
            return null;
        }
        runPending();
        return 128 + signal;
    }

    /** Runs the traps of signals that arrived, between commands. */
    void runPending() {
        if (inTrap || pending.isEmpty()) {
            return;
        }
        Integer signal;
        while ((signal = pending.poll()) != null) {
            String action = state.traps.get(signal);
            if (action != null && !action.isEmpty()) {
                run(action);
            }
        }
    }

    /** The line a running trap was triggered at: its LINENO, as bash has it. */
    private int trapLine;

    int line() {
        return trapLine;
    }

    /** Runs a trap action, keeping {@code $?}. */
    void run(String action) {
        int saved = state.lastStatus;
        boolean was = inTrap;
        int savedLine = shell.currentLine;
        if (!was) {
            trapLine = shell.currentLine + shell.lineOffset;
        }
        inTrap = true;
        try {
            Node node = Parser.parse(action, Syntax.of(state));
            if (node != null) {
                shell.execute(node);
            }
        } catch (SyntaxError e) {
            shell.syntaxError(e);
        } finally {
            inTrap = was;
            shell.currentLine = savedLine;
        }
        state.lastStatus = saved;
    }

    /** Runs the EXIT trap once, when the shell ends. */
    void runExit() {
        String action = state.traps.remove(0);
        if (action != null && !action.isEmpty()) {
            try {
                run(action);
            } catch (ControlFlow.Exit e) {
                state.lastStatus = e.status;
            } catch (ControlFlow | ShellError ignored) {
                // the trap ended early
            }
        }
    }

    /** bash's ERR trap, after a command failed where set -e would act. */
    void error(int status) {
        if (!state.bash || inTrap) {
            return;
        }
        String action = state.traps.get(ERR);
        if (action == null || action.isEmpty() || (shell.functionDepth > 0 && !state.errtrace)) {
            return;
        }
        int saved = state.lastStatus;
        state.lastStatus = status;
        run(action);
        state.lastStatus = saved;
    }

    /** bash's DEBUG trap, before a simple command, {@code [[}, {@code ((}, {@code case}... */
    void debug() {
        if (!state.bash || inTrap) {
            return;
        }
        String action = state.traps.get(DEBUG);
        if (action == null || action.isEmpty() || (shell.functionDepth > 0 && !state.functrace)) {
            return;
        }
        run(action);
    }

    /** bash's RETURN trap, when a function or a sourced script returns. */
    void returned() {
        if (!state.bash || inTrap) {
            return;
        }
        String action = state.traps.get(RETURN);
        if (action == null || action.isEmpty() || !(state.functrace || shell.functionDepth == returnTrapDepth)) {
            return;
        }
        returnTrapDepth = -1;
        run(action);
    }

    // ---------------------------------------------------------------- the builtin

    /** The name of a trap condition as listed: EXIT, INT (bash: SIGINT), ERR... */
    String name(int condition) {
        return switch (condition) {
            case 0 -> "EXIT";
            case DEBUG -> "DEBUG";
            case ERR -> "ERR";
            case RETURN -> "RETURN";
            default -> {
                String name = Signals.name(condition);
                yield state.bash ? name : name.substring(3);
            }
        };
    }

    /** A condition named in {@code trap}: a signal name or number, EXIT, or bash's pseudo-signals; -1 when none. */
    int parse(String text) {
        String name = state.bash ? text.toUpperCase(java.util.Locale.ROOT) : text;
        switch (name) {
            case "EXIT", "0", "SIGEXIT" -> {
                return 0;
            }
            default -> {
            }
        }
        if (state.bash) {
            switch (name) {
                case "ERR" -> {
                    return ERR;
                }
                case "DEBUG" -> {
                    return DEBUG;
                }
                case "RETURN" -> {
                    return RETURN;
                }
                default -> {
                }
            }
        }
        try {
            return Signals.parse(name);
        } catch (KernelException | IllegalArgumentException e) {
            return -1;
        }
    }

    private void list(List<String> only, StringBuilder out) {
        Map<Integer, String> shown = state.parentTraps != null ? state.parentTraps : state.traps;
        for (Map.Entry<Integer, String> entry : shown.entrySet()) {
            if (only != null && !only.contains(name(entry.getKey()))) {
                continue;
            }
            out.append("trap -- ").append(ShellState.quote(entry.getValue())).append(' ')
                    .append(name(entry.getKey())).append('\n');
        }
    }

    int builtin(List<String> argv) {
        List<String> args = argv.subList(1, argv.size());
        if (!args.isEmpty() && args.get(0).equals("--")) {
            args = args.subList(1, args.size());
        } else if (state.bash && !args.isEmpty() && (args.get(0).equals("-p") || args.get(0).equals("-l"))) {
            StringBuilder out = new StringBuilder();
            if (args.get(0).equals("-l")) {
                out.append(SignalNames.bashTable());
            } else {
                List<String> only = null;
                if (args.size() > 1) {
                    only = new java.util.ArrayList<>();
                    for (String arg : args.subList(1, args.size())) {
                        int condition = parse(arg);
                        if (condition >= 0) {
                            only.add(name(condition));
                        }
                    }
                }
                list(only, out);
            }
            shell.print(1, out.toString());
            return 0;
        } else if (!args.isEmpty() && args.get(0).startsWith("-") && args.get(0).length() > 1
                && !args.get(0).equals("-")) {
            throw new ShellError("trap: Illegal option " + args.get(0), 2);
        }
        if (args.isEmpty()) {
            StringBuilder out = new StringBuilder();
            list(null, out);
            shell.print(1, out.toString());
            return 0;
        }
        String action;
        List<String> conditions;
        boolean reset = args.get(0).equals("-") || (!args.get(0).isEmpty()
                && args.get(0).chars().allMatch(Character::isDigit)) || (args.size() == 1 && parse(args.get(0)) >= 0);
        if (reset && !args.get(0).equals("-")) {
            action = null;
            conditions = args;
        } else {
            action = args.get(0).equals("-") ? null : args.get(0);
            conditions = args.subList(1, args.size());
        }
        int status = 0;
        for (String name : conditions) {
            int condition = parse(name);
            if (condition < 0) {
                shell.error("trap: " + name + ": " + (state.bash ? "invalid signal specification" : "bad trap"));
                status = 1;
                continue;
            }
            set(condition, action);
        }
        return status;
    }

    /** Sets (or with null resets) the action of a condition, installing the signal's handler. */
    void set(int condition, String action) {
        state.parentTraps = null;
        if (condition > 0 && condition < DEBUG) {
            SignalHandler handler = action == null ? null : action.isEmpty() ? SignalHandler.IGNORE : this::signalArrived;
            if (action == null && condition == Signals.SIGCHLD) {
                handler = shell.launcher.jobControl.childHandler(); // still caught for set -b
            }
            try {
                shell.api.signal(condition, handler);
            } catch (KernelException e) {
                // SIGKILL and SIGSTOP cannot be caught: recorded all the same, as dash does
            }
        }
        if (condition == RETURN) {
            returnTrapDepth = action != null && shell.functionDepth > 0 ? shell.functionDepth : -1;
        }
        if (action == null) {
            state.traps.remove(condition);
        } else {
            state.traps.put(condition, action);
        }
    }

    /** In a forked subshell: the signals its parent ignores stay ignored. */
    void installInherited() {
        for (Map.Entry<Integer, String> entry : state.traps.entrySet()) {
            int condition = entry.getKey();
            if (condition > 0 && condition < DEBUG && entry.getValue().isEmpty()) {
                try {
                    shell.api.signal(condition, SignalHandler.IGNORE);
                } catch (KernelException ignored) {
                    // cannot be ignored
                }
            }
        }
    }
}
