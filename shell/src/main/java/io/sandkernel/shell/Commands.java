package io.sandkernel.shell;

import io.sandkernel.shell.Ast.ArrayItem;
import io.sandkernel.shell.Ast.Assignment;
import io.sandkernel.shell.Ast.Node;
import io.sandkernel.shell.Ast.SimpleCommand;
import io.sandkernel.shell.Ast.Word;
import io.sandkernel.shell.ShellState.Var;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Simple commands: the order of expansions and assignments POSIX gives, declaration commands
 * whose {@code name=value} arguments are assignments, special builtins, functions (with
 * {@code local} frames and bash's {@code FUNCNAME} stack), regular builtins and external
 * programs, tracing with {@code set -x}.
 */
@SuppressWarnings("try")
final class Commands {
    private static final int DASH_FUNCTION_NESTING = 1000;
    private static final int BASH_FUNCTION_NESTING = 4000;
    private final Interpreter shell;
    private final ShellState state;
    private final Values values;
    private final Deque<Map<String, Var>> locals = new ArrayDeque<>();

    Commands(Interpreter shell) {
        this.shell = shell;
        this.state = shell.state;
        this.values = shell.values;
    }

    /** Descriptors of process substitutions, closed when the command that named them is done. */
    private final List<Integer> toClose = new ArrayList<>();

    void closeAfterCommand(int fd) {
        toClose.add(fd);
    }

    int simple(SimpleCommand command) {
        int closeFrom = toClose.size();
        try {
            return simpleCommand(command);
        } finally {
            if (toClose.size() > closeFrom) {
                List<Integer> done = toClose.subList(closeFrom, toClose.size());
                for (int fd : done) {
                    shell.io.closeQuietly(fd);
                }
                done.clear();
                shell.launcher.reapSubstitutions();
            }
        }
    }

    private int simpleCommand(SimpleCommand command) {
        shell.currentLine = command.line();
        shell.substitutionStatus = -1;
        if (state.bash) {
            if (!shell.traps.running()) {
                shell.currentCommand = command; // a trap's own commands leave BASH_COMMAND as it was
            }
            shell.traps.debug();
        }
        List<String> words = expandWords(command.words());
        if (words.isEmpty()) {
            return assignmentsOnly(command);
        }
        String name = words.get(0);
        Map<String, String> assigned = new LinkedHashMap<>();
        for (Assignment assignment : command.assignments()) {
            // each prefix assignment is visible to the ones after it (A=1 B=$A cmd)
            String value = shell.expander.expandString(assignment.value());
            assigned.put(assignment.name(), value);
            if (!Builtins.isSpecial(name) || state.bash) {
                prefixScope(assignment.name(), value, assigned.size() == 1);
            }
        }
        int status;
        try {
            trace(command, words, assigned);
            status = dispatch(command, words, name, assigned);
        } finally {
            endPrefixScope();
        }
        if (state.bash) {
            state.set("_", words.get(words.size() - 1));
            shell.launcher.pipeStatus(List.of(status));
        }
        return shell.checkErrexit(status);
    }

    /** The prefix assignments being evaluated, visible while the command runs and undone after. */
    private Map<String, Var> prefixSaved;

    private void prefixScope(String name, String value, boolean first) {
        if (first) {
            prefixSaved = new HashMap<>();
        }
        if (!prefixSaved.containsKey(name)) {
            Var old = state.vars.get(name);
            prefixSaved.put(name, old == null ? null : old.copy());
        }
        Var var = state.declare(name);
        if (var.is(Var.READONLY)) {
            throw new ShellError(name + ": " + (state.bash ? "readonly variable" : "is read only"), state.bash ? 1 : 2);
        }
        var.value = value;
        var.array = null;
        var.assoc = null;
        var.flags |= Var.EXPORTED;
    }

    private void endPrefixScope() {
        if (prefixSaved == null) {
            return;
        }
        Map<String, Var> saved = prefixSaved;
        prefixSaved = null;
        restore(saved);
    }

    /**
     * The prefix assignments of an external command for its environment: each visible to the
     * ones after it while they are expanded ({@code A=1 B=$A cmd}), the shell's variables
     * unchanged afterwards.
     */
    Map<String, String> environmentAssignments(List<Assignment> assignments) {
        Map<String, String> assigned = new LinkedHashMap<>();
        try {
            for (Assignment assignment : assignments) {
                String value = shell.expander.expandString(assignment.value());
                assigned.put(assignment.name(), value);
                prefixScope(assignment.name(), value, assigned.size() == 1);
            }
        } finally {
            endPrefixScope();
        }
        return assigned;
    }

    /** Where PATH has an executable file {@code name}, or null. */
    String pathOf(String name) {
        String path = state.get("PATH");
        for (String dir : path == null ? new String[0] : path.split(":", -1)) {
            String candidate = (dir.isEmpty() ? "." : dir) + "/" + name;
            if (Fs.isExecutableFile(shell.api, candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private int dispatch(SimpleCommand command, List<String> words, String name, Map<String, String> assigned) {
        if (name.equals("command") && words.size() >= 2 && words.get(1).equals("exec")) {
            // "command exec 4>file": exec's redirections, made permanent, without exec's special status
            return dispatch(command, new ArrayList<>(words.subList(1, words.size())), "exec", assigned);
        }
        if (name.equals("exec") && words.size() > 1 && !(state.bash && isFunction(name))) {
            endPrefixScope();
            Io.Frame frame = shell.io.push();
            if (!shell.redirect(command.redirections(), frame)) {
                frame.close();
                return specialRedirectionFailed();
            }
            frame.keep();
            return exec(new ArrayList<>(words.subList(1, words.size())), assigned);
        }
        if (name.equals("exec") && words.size() == 1) {
            endPrefixScope();
            assignAll(assigned);
            Io.Frame frame = shell.io.push();
            if (!shell.redirect(command.redirections(), frame)) {
                frame.close();
                return specialRedirectionFailed();
            }
            frame.keep();
            return 0;
        }
        if (Builtins.isSpecial(name) && !(state.bash && isFunction(name))) {
            if (!state.bash) {
                assignAll(assigned); // POSIX: a special builtin's assignments stay
            }
            if (command.redirections().isEmpty()) {
                return shell.builtins.run(words);
            }
            try (Io.Frame frame = shell.io.push()) {
                return shell.redirect(command.redirections(), frame) ? shell.builtins.run(words)
                        : specialRedirectionFailed();
            }
        }
        if (isFunction(name)) {
            return withRedirections(command, () -> callFunction(name, state.functions.get(name), words));
        }
        if (shell.builtins.has(name)) {
            return withRedirections(command, () -> shell.builtins.run(words));
        }
        Map<String, String> env = new LinkedHashMap<>(assigned);
        endPrefixScope();
        return shell.launcher.foregroundCommand(command, words, env);
    }

    /**
     * {@code exec cmd args}: a builtin runs and the shell ends with its status; a program takes
     * the shell's place (it runs, and the shell ends with its status), with the command's
     * assignments in its environment. bash's {@code -c} clears the environment, {@code -a name}
     * sets argv[0].
     */
    int exec(List<String> words, Map<String, String> assigned) {
        Map<String, String> env = new LinkedHashMap<>(assigned);
        while (state.bash && !words.isEmpty() && words.get(0).startsWith("-") && words.get(0).length() > 1) {
            String option = words.remove(0);
            if (option.equals("--")) {
                break;
            }
            if (option.equals("-a") && !words.isEmpty()) {
                words.remove(0);
            }
        }
        if (words.isEmpty()) {
            return 0;
        }
        if (shell.builtins.has(words.get(0)) || isFunction(words.get(0))) {
            int status = isFunction(words.get(0))
                    ? callFunction(words.get(0), state.functions.get(words.get(0)), words) : shell.builtins.run(words);
            throw new ControlFlow.Exit(status);
        }
        return shell.launcher.replace(words, env);
    }

    private boolean isFunction(String name) {
        return state.functions.containsKey(name) && (state.bash || !name.contains("/"));
    }

    private void assignAll(Map<String, String> assigned) {
        endPrefixScope();
        for (Map.Entry<String, String> entry : assigned.entrySet()) {
            assign(entry.getKey(), entry.getValue());
        }
    }

    private void assign(String name, String value) {
        if (!shell.dynamic.assign(name, value)) {
            values.assign(name, value, false);
        }
    }

    /**
     * A command of assignments (and redirections) only: the redirections are made first, and
     * when one fails dash leaves the variables as they were; the status is that of the last
     * command substitution.
     */
    private int assignmentsOnly(SimpleCommand command) {
        if (!command.redirections().isEmpty()) {
            try (Io.Frame frame = shell.io.push()) {
                if (!shell.redirect(command.redirections(), frame)) {
                    if (state.bash) {
                        performAssignments(command);
                    }
                    return shell.checkErrexit(state.bash ? 1 : 2);
                }
                performAssignments(command);
            }
        } else {
            performAssignments(command);
        }
        trace(command, List.of(), Map.of());
        int status = shell.substitutionStatus < 0 ? 0 : shell.substitutionStatus;
        if (state.bash) {
            shell.launcher.pipeStatus(List.of(status));
        }
        return shell.checkErrexit(status);
    }

    private void performAssignments(SimpleCommand command) {
        for (Assignment assignment : command.assignments()) {
            perform(assignment);
        }
    }

    /** One assignment of a command without a name: scalars, elements, arrays, {@code +=}. */
    void perform(Assignment assignment) {
        String name = assignment.name();
        if (assignment.array() != null) {
            values.assignArray(name, arrayItems(assignment.array()), assignment.append());
            return;
        }
        String value = shell.expander.expandString(assignment.value());
        if (assignment.index() != null) {
            Var var = state.vars.get(name);
            String subscript = var != null && var.assoc != null ? values.subscriptText(assignment.index())
                    : shell.expander.expandString(assignment.index());
            values.assignElement(name, subscript, value, assignment.append());
            return;
        }
        if (!shell.dynamic.assign(name, value)) {
            values.assign(name, value, assignment.append());
        }
    }

    /** The items of {@code a=(...)}, expanded: {@code [key, value]}, key null for a plain value. */
    List<String[]> arrayItems(List<ArrayItem> items) {
        List<String[]> out = new ArrayList<>();
        for (ArrayItem item : items) {
            if (item.key() != null) {
                out.add(new String[] {shell.expander.expandString(item.key()), shell.expander.expandString(item.value())});
            } else {
                for (String value : shell.expander.expandWord(item.value())) {
                    out.add(new String[] {null, value});
                }
            }
        }
        return out;
    }

    /**
     * Expands a command's words; after a declaration command ({@code export}, {@code readonly},
     * {@code local}, bash's {@code declare}...), {@code name=value} arguments are expanded as
     * assignments are: no field splitting, no globbing, tilde prefixes after '=' and ':'.
     */
    private List<String> expandWords(List<Word> words) {
        if (words.isEmpty()) {
            return List.of();
        }
        if (words.size() == 1 || !Parser.isDeclaration(words.get(0))) {
            return shell.expander.expandWords(words);
        }
        List<String> result = new ArrayList<>();
        result.add(words.get(0).plainText());
        Syntax syntax = Syntax.of(state);
        for (Word word : words.subList(1, words.size())) {
            Assignment assignment = Parser.assignment(word, syntax);
            if (assignment == null) {
                result.addAll(shell.expander.expandWord(word));
            } else if (assignment.array() != null) {
                result.add(word.raw()); // the declaration builtin expands the items itself
            } else {
                StringBuilder text = new StringBuilder(assignment.name());
                if (assignment.index() != null) {
                    text.append('[').append(shell.expander.expandString(assignment.index())).append(']');
                }
                text.append(assignment.append() ? "+=" : "=").append(shell.expander.expandString(assignment.value()));
                result.add(text.toString());
            }
        }
        return result;
    }

    /**
     * A redirection of a special builtin failed (its error printed): as for the builtin's own
     * errors, POSIX and dash end a non-interactive shell; bash (not in POSIX mode) goes on.
     */
    private int specialRedirectionFailed() {
        if (!state.interactive && !state.bash) {
            throw new ControlFlow.Exit(2);
        }
        return state.bash ? 1 : 2;
    }

    private void trace(SimpleCommand command, List<String> words, Map<String, String> assigned) {
        if (!state.xtrace) {
            return;
        }
        List<String> parts = new ArrayList<>();
        for (Assignment assignment : command.assignments()) {
            String value = assigned.containsKey(assignment.name()) ? assigned.get(assignment.name())
                    : state.get(assignment.name());
            parts.add(assignment.name() + "=" + traced(value == null ? "" : value));
        }
        for (String word : words) {
            parts.add(traced(word));
        }
        shell.print(2, shell.prompt("PS4") + String.join(" ", parts) + "\n");
    }

    /** bash quotes what it traces when needed; dash prints words as they are. */
    private String traced(String word) {
        if (!state.bash || (!word.isEmpty() && word.chars().allMatch(c -> Character.isLetterOrDigit(c)
                || "-_./=:,+%@".indexOf(c) >= 0))) {
            return word;
        }
        return Transforms.quote(word);
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
        try (Io.Frame frame = shell.io.push()) {
            if (!shell.redirect(command.redirections(), frame)) {
                return state.bash ? 1 : 2;
            }
            return body.run();
        }
    }

    private void restore(Map<String, Var> saved) {
        for (Map.Entry<String, Var> entry : saved.entrySet()) {
            if (entry.getValue() == null) {
                state.vars.remove(entry.getKey());
            } else {
                state.vars.put(entry.getKey(), entry.getValue());
            }
        }
    }

    /** dash stops at 1,000 nested calls; bash at FUNCNEST when set (else where its stack ends: here 4,000). */
    private int functionNestingLimit() {
        if (!state.bash) {
            return DASH_FUNCTION_NESTING;
        }
        String funcnest = state.get("FUNCNEST");
        if (funcnest != null && !funcnest.isEmpty()) {
            try {
                long limit = Long.parseLong(funcnest.trim());
                if (limit > 0) {
                    return (int) Math.min(limit, BASH_FUNCTION_NESTING);
                }
            } catch (NumberFormatException e) {
                // not a number: no limit of the user's
            }
        }
        return BASH_FUNCTION_NESTING;
    }

    /** dash's "Maximum function recursion depth (1000) reached" (2), bash's FUNCNEST error (1). */
    private ShellError nestingError(String name) {
        return state.bash
                ? new ShellError(name + ": maximum function nesting level exceeded (" + functionNestingLimit() + ")", 1)
                : new ShellError("Maximum function recursion depth (" + DASH_FUNCTION_NESTING + ") reached", 2);
    }

    int callFunction(String name, Node body, List<String> words) {
        shell.checkpoint();
        if (shell.functionDepth >= functionNestingLimit()) {
            throw nestingError(name);
        }
        List<String> savedPositional = state.positional;
        state.positional = new ArrayList<>(words.subList(1, words.size()));
        shell.functionDepth++;
        locals.push(new HashMap<>());
        int savedLoopDepth = shell.loopDepth;
        shell.loopDepth = 0;
        int callLine = shell.currentLine;
        if (state.bash) {
            state.calls.push(name, callLine);
        }
        try {
            return shell.execute(body);
        } catch (ControlFlow.Return r) {
            return r.status;
        } catch (StackOverflowError e) {
            // the thread's stack ends before the nesting limit: the same error, not a dead process
            throw nestingError(name);
        } finally {
            shell.traps.returned();
            shell.loopDepth = savedLoopDepth;
            restore(locals.pop());
            shell.functionDepth--;
            state.positional = savedPositional;
            shell.currentLine = callLine;
            if (state.bash) {
                state.calls.pop();
            }
        }
    }

    /** In a forked subshell inside functions: frames for {@code local} to use. */
    void enterFrames(int depth) {
        for (int i = 0; i < depth; i++) {
            locals.push(new HashMap<>());
        }
    }

    /** {@code local name[=value]}: remembers the variable to restore when the function returns. */
    void makeLocal(String name) {
        if (locals.isEmpty()) {
            throw new ShellError((state.bash ? "local: can only be used in a function" : "local: not in a function"),
                    state.bash ? 1 : 2);
        }
        Map<String, Var> frame = locals.peek();
        if (!frame.containsKey(name)) {
            Var old = state.vars.get(name);
            frame.put(name, old == null ? null : old.copy());
        }
    }

    boolean inFunction() {
        return !locals.isEmpty();
    }
}
