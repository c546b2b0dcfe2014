package io.sandkernel.shell;

import io.sandkernel.shell.ShellState.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builtins on variables: {@code export}, {@code readonly}, {@code unset}, {@code local}, and
 * bash's {@code declare}/{@code typeset} (with {@code -a -A -i -l -u -x -r -g -p -f -F}) and
 * {@code let}. Their {@code name=value} arguments arrive expanded as assignments; an array
 * value {@code name=(...)} arrives as written and its items are expanded here.
 */
final class VarBuiltins {
    private final Interpreter shell;
    private final ShellState state;

    VarBuiltins(Interpreter shell) {
        this.shell = shell;
        this.state = shell.state;
    }

    /** One {@code name[=value]} argument, parsed. */
    private record Operand(String name, String subscript, boolean append, String value, List<String[]> array) {}

    private Operand operand(String arg, String builtin) {
        int eq = arg.indexOf('=');
        String left = eq < 0 ? arg : arg.substring(0, eq);
        boolean append = left.endsWith("+") && state.bash;
        if (append) {
            left = left.substring(0, left.length() - 1);
        }
        String subscript = null;
        int bracket = left.indexOf('[');
        if (state.bash && bracket > 0 && left.endsWith("]")) {
            subscript = left.substring(bracket + 1, left.length() - 1);
            left = left.substring(0, bracket);
        }
        if (!Lexer.isName(left)) {
            throw new ShellError(state.bash ? builtin + ": `" + arg + "': not a valid identifier"
                    : builtin + ": " + left + ": bad variable name", state.bash ? 1 : 2);
        }
        if (eq < 0) {
            return new Operand(left, subscript, false, null, null);
        }
        String value = arg.substring(eq + 1);
        if (state.bash && subscript == null && value.startsWith("(") && value.endsWith(")")) {
            return new Operand(left, null, append, null, arrayItems(value));
        }
        return new Operand(left, subscript, append, value, null);
    }

    /** The items of an array value written {@code (a b [k]=v)}, expanded as an assignment's are. */
    private List<String[]> arrayItems(String text) {
        Lexer lexer = new Lexer("x=" + text, 0, shell.currentLine, Syntax.of(state));
        Ast.Word word = lexer.words().readWord();
        if (word.parts().size() == 2 && word.parts().get(1) instanceof Ast.ArrayLit literal) {
            return shell.commands.arrayItems(literal.items());
        }
        List<String[]> single = new ArrayList<>();
        single.add(new String[] {null, text});
        return single;
    }

    private void store(Operand operand) {
        Values values = shell.values;
        if (operand.array() != null) {
            values.assignArray(operand.name(), operand.array(), operand.append());
        } else if (operand.value() != null) {
            if (operand.subscript() != null) {
                values.assignElement(operand.name(), operand.subscript(), operand.value(), operand.append());
            } else if (!shell.dynamic.assign(operand.name(), operand.value())) {
                values.assign(operand.name(), operand.value(), operand.append());
            }
        }
    }

    // ---------------------------------------------------------------- export, readonly

    int export(List<String> argv, boolean readonly) {
        String name = argv.get(0);
        List<String> args = new ArrayList<>(argv.subList(1, argv.size()));
        boolean unexport = false;
        boolean functions = false;
        boolean print = false;
        while (!args.isEmpty() && args.get(0).startsWith("-") && args.get(0).length() > 1) {
            String option = args.remove(0);
            if (option.equals("--")) {
                break;
            }
            for (char c : option.substring(1).toCharArray()) {
                switch (c) {
                    case 'p' -> print = true;
                    case 'n' -> unexport = state.bash;
                    case 'f' -> functions = state.bash;
                    case 'a', 'A' -> {
                        if (!state.bash || !readonly) {
                            throw new ShellError(name + ": Illegal option -" + c, 2);
                        }
                    }
                    default -> throw new ShellError(state.bash ? name + ": -" + c + ": invalid option"
                            : name + ": Illegal option -" + c, 2);
                }
            }
        }
        if (args.isEmpty()) {
            shell.print(1, listing(readonly ? Var.READONLY : Var.EXPORTED, name));
            return 0;
        }
        if (functions) {
            return 0; // bash's exported functions reach bash children through the environment; not kept here
        }
        int status = 0;
        for (String arg : args) {
            Operand operand;
            try {
                operand = operand(arg, name);
            } catch (ShellError e) {
                if (!state.bash) {
                    throw e;
                }
                shell.error(e.getMessage());
                status = 1;
                continue;
            }
            store(operand);
            Var var = state.declare(operand.name());
            if (readonly) {
                var.flags |= Var.READONLY;
            } else if (unexport) {
                var.flags &= ~Var.EXPORTED;
            } else {
                var.flags |= Var.EXPORTED;
            }
        }
        return status;
    }

    /** {@code export -p}/{@code readonly -p}: dash's or bash's form, sorted by name. */
    private String listing(int flag, String builtin) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Var> entry : new TreeMap<>(state.vars).entrySet()) {
            Var var = entry.getValue();
            if (!var.is(flag)) {
                continue;
            }
            if (state.bash) {
                out.append(declaration(entry.getKey(), var)).append('\n');
                continue;
            }
            out.append(builtin).append(' ').append(entry.getKey());
            if (var.value != null) {
                out.append('=').append(Quoting.dash(var.value));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** bash's {@code declare -p} line for a variable. */
    static String declaration(String name, Var var) {
        String flags = Transforms.attributes(var);
        StringBuilder out = new StringBuilder("declare -").append(flags.isEmpty() ? "-" : flags).append(' ').append(name);
        if (var.array != null) {
            if (var.array.isEmpty()) {
                return out.toString();
            }
            out.append("=(");
            boolean first = true;
            for (Map.Entry<Long, String> element : var.array.entrySet()) {
                out.append(first ? "" : " ").append('[').append(element.getKey()).append("]=")
                        .append(Quoting.declare(element.getValue()));
                first = false;
            }
            out.append(')');
        } else if (var.assoc != null) {
            if (var.assoc.isEmpty()) {
                return out.toString();
            }
            out.append("=(");
            for (String key : var.assoc.keys()) {
                out.append('[').append(key.matches("[A-Za-z0-9_]+") ? key : Quoting.declare(key)).append("]=")
                        .append(Quoting.declare(var.assoc.get(key))).append(' ');
            }
            out.append(')');
        } else if (var.value != null) {
            out.append('=').append(Quoting.declare(var.value));
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- unset, local

    int unset(List<String> argv) {
        boolean functions = false;
        boolean variables = false;
        boolean reference = false;
        int status = 0;
        for (String arg : argv.subList(1, argv.size())) {
            if (arg.equals("-f")) {
                functions = true;
                continue;
            } else if (arg.equals("-v")) {
                variables = true;
                continue;
            } else if (arg.equals("-n") && state.bash) {
                reference = true;
                continue;
            }
            if (state.bash && !reference && Lexer.isName(arg)) {
                arg = state.resolve(arg);
            }
            if (functions) {
                state.functions.remove(arg);
                continue;
            }
            int bracket = arg.indexOf('[');
            if (state.bash && bracket > 0 && arg.endsWith("]")) {
                String name = arg.substring(0, bracket);
                String subscript = arg.substring(bracket + 1, arg.length() - 1);
                if (subscript.equals("@") || subscript.equals("*")) {
                    unsetVariable(name);
                } else {
                    shell.values.unsetElement(name, subscript);
                }
                continue;
            }
            if (!Lexer.isName(arg)) {
                if (state.bash) {
                    shell.error("unset: `" + arg + "': not a valid identifier");
                    status = 1;
                    continue;
                }
                throw new ShellError("unset: " + arg + ": bad variable name", 2);
            }
            if (state.bash && !variables && !state.vars.containsKey(arg) && state.functions.containsKey(arg)) {
                state.functions.remove(arg);
                continue;
            }
            try {
                unsetVariable(arg);
            } catch (ShellError e) {
                if (!state.bash) {
                    throw e;
                }
                shell.error(e.getMessage());
                status = 1;
            }
        }
        return status;
    }

    private void unsetVariable(String name) {
        Var var = state.vars.get(name);
        if (var != null && var.is(Var.READONLY)) {
            throw new ShellError(state.bash ? "unset: " + name + ": cannot unset: readonly variable"
                    : "unset: " + name + ": is read only", state.bash ? 1 : 2);
        }
        state.forget(name);
    }

    int local(List<String> argv) {
        if (!shell.commands.inFunction()) {
            throw new ShellError(state.bash ? "local: can only be used in a function" : "local: not in a function",
                    state.bash ? 1 : 2);
        }
        if (state.bash) {
            return declareIn(argv, true);
        }
        for (String arg : argv.subList(1, argv.size())) {
            if (arg.equals("-")) {
                continue; // dash's "local -" (save the options): nothing to keep here
            }
            Operand operand = operand(arg, "local");
            shell.commands.makeLocal(operand.name());
            if (operand.value() != null) {
                state.set(operand.name(), operand.value());
            }
        }
        return 0;
    }

    // ---------------------------------------------------------------- declare, let

    int declare(List<String> argv) {
        return declareIn(argv, shell.commands.inFunction());
    }

    /** {@code declare}/{@code typeset}/{@code local}: in a function (without -g) the names are local. */
    private int declareIn(List<String> argv, boolean local) {
        String builtin = argv.get(0);
        List<String> args = new ArrayList<>(argv.subList(1, argv.size()));
        int set = 0;
        int clear = 0;
        boolean indexed = false;
        boolean assoc = false;
        boolean print = false;
        boolean functions = false;
        boolean functionNames = false;
        while (!args.isEmpty() && (args.get(0).startsWith("-") || args.get(0).startsWith("+"))
                && args.get(0).length() > 1) {
            String option = args.remove(0);
            if (option.equals("--")) {
                break;
            }
            boolean on = option.charAt(0) == '-';
            for (char c : option.substring(1).toCharArray()) {
                int flag = switch (c) {
                    case 'x' -> Var.EXPORTED;
                    case 'r' -> Var.READONLY;
                    case 'i' -> Var.INTEGER;
                    case 'l' -> Var.LOWER;
                    case 'u' -> Var.UPPER;
                    case 'n' -> Var.NAMEREF;
                    default -> 0;
                };
                switch (c) {
                    case 'a' -> indexed = on;
                    case 'A' -> assoc = on;
                    case 'p' -> print = true;
                    case 'f' -> functions = true;
                    case 'F' -> functionNames = true;
                    case 'g' -> local = false;
                    case 't' -> {
                    }
                    case 'x', 'r', 'i', 'l', 'u', 'n' -> {
                        if (on) {
                            set |= flag;
                        } else {
                            clear |= flag;
                        }
                    }
                    default -> throw new ShellError(builtin + ": -" + c + ": invalid option", 2);
                }
            }
        }
        if (functions || functionNames) {
            return printFunctions(args, functionNames);
        }
        if (print || args.isEmpty()) {
            return printVariables(args, set);
        }
        int status = 0;
        for (String arg : args) {
            Operand operand;
            try {
                operand = operand(arg, builtin);
            } catch (ShellError e) {
                shell.error(e.getMessage());
                status = 1;
                continue;
            }
            String name = operand.name();
            Var existing = state.vars.get(name);
            if (existing != null && existing.is(Var.READONLY) && (operand.value() != null || operand.array() != null)) {
                shell.error(name + ": readonly variable");
                status = 1;
                continue;
            }
            if (local) {
                shell.commands.makeLocal(name);
                if (!state.shopts.contains("localvar_inherit")) {
                    state.forget(name);
                }
            }
            Var var = state.declare(name);
            if (assoc && var.assoc == null) {
                boolean unassigned = var.value == null && var.array == null;
                var.assoc = new AssocArray();
                var.array = null;
                var.value = null;
                if (unassigned && operand.value() == null && operand.array() == null) {
                    var.flags |= Var.DECLARED;
                }
            } else if (indexed && var.array == null && var.assoc == null) {
                var.array = new TreeMap<>();
                if (var.value != null) {
                    var.array.put(0L, var.value);
                    var.value = null;
                } else if (operand.value() == null && operand.array() == null) {
                    var.flags |= Var.DECLARED;
                }
            }
            int readonlyFlag = set & Var.READONLY;
            if ((set & Var.NAMEREF) != 0 && operand.value() != null) {
                var.flags = (var.flags | set) & ~clear;
                var.value = operand.value(); // a nameref holds the name it refers to
                continue;
            }
            var.flags = (var.flags | (set & ~Var.READONLY)) & ~clear;
            if ((set & Var.LOWER) != 0) {
                var.flags &= ~Var.UPPER;
            } else if ((set & Var.UPPER) != 0) {
                var.flags &= ~Var.LOWER;
            }
            store(operand);
            var.flags |= readonlyFlag;
        }
        return status;
    }

    private int printVariables(List<String> names, int filter) {
        StringBuilder out = new StringBuilder();
        int status = 0;
        if (names.isEmpty()) {
            for (Map.Entry<String, Var> entry : new TreeMap<>(state.vars).entrySet()) {
                if ((entry.getValue().flags & filter) == filter) {
                    out.append(declaration(entry.getKey(), entry.getValue())).append('\n');
                }
            }
        }
        for (String name : names) {
            Var var = state.vars.get(name);
            if (var == null) {
                shell.error("declare: " + name + ": not found");
                status = 1;
                continue;
            }
            out.append(declaration(name, var)).append('\n');
        }
        shell.print(1, out.toString());
        return status;
    }

    private int printFunctions(List<String> names, boolean namesOnly) {
        StringBuilder out = new StringBuilder();
        int status = 0;
        List<String> wanted = names.isEmpty() ? new ArrayList<>(new TreeMap<>(state.functions).keySet()) : names;
        for (String name : wanted) {
            Ast.Node body = state.functions.get(name);
            if (body == null) {
                status = 1;
                continue;
            }
            if (namesOnly) {
                out.append(names.isEmpty() ? "declare -f " : "").append(name).append('\n');
            } else {
                out.append(Printer.function(name, body));
            }
        }
        shell.print(1, out.toString());
        return status;
    }

    /** {@code let expr...}: each evaluated; status 0 when the last is not zero. */
    int let(List<String> argv) {
        if (argv.size() < 2) {
            throw new ShellError("let: expression expected", 1);
        }
        long last = 0;
        for (String expression : argv.subList(1, argv.size())) {
            last = Arith.eval(expression, shell.values.arith(), true);
        }
        return last != 0 ? 0 : 1;
    }
}
