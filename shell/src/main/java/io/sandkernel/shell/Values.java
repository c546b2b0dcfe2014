package io.sandkernel.shell;

import io.sandkernel.shell.ShellState.Var;
import io.sandkernel.shell.Ast.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reading and writing parameters: special parameters, positional parameters, variables with
 * their attributes ({@code declare -i -l -u}), the shell's dynamic variables, and bash's
 * indexed and associative arrays with their subscripts.
 */
final class Values {
    private final ShellState state;
    private final Expander.Context context;
    private final Expander expander;

    Values(ShellState state, Expander.Context context, Expander expander) {
        this.state = state;
        this.context = context;
        this.expander = expander;
    }

    /** The value of a parameter ({@code $name}), or null when unset; arrays give element 0. */
    String value(String name) {
        char c = name.charAt(0);
        if (Lexer.isNameStart(c)) {
            Var var = state.target(name);
            if (var != null) {
                String value = var.scalar();
                if (value != null) {
                    return value;
                }
            }
            return context.special(name);
        }
        switch (name) {
            case "?":
                return Integer.toString(state.lastStatus);
            case "$":
                return Integer.toString(state.shellPid);
            case "!":
                return state.lastBackgroundPid < 0 ? null : Integer.toString(state.lastBackgroundPid);
            case "#":
                return Integer.toString(state.positional.size());
            case "-":
                return state.flags();
            case "@":
            case "*":
                return state.positional.isEmpty() ? null : String.join(separator(), state.positional);
            default:
                break;
        }
        if (Character.isDigit(c)) {
            int index;
            try {
                index = Integer.parseInt(name);
            } catch (NumberFormatException e) {
                return null;
            }
            if (index == 0) {
                return state.arg0;
            }
            return index <= state.positional.size() ? state.positional.get(index - 1) : null;
        }
        return null;
    }

    /** The first character of IFS, which joins {@code "$*"}: a space when IFS is unset, nothing when empty. */
    String separator() {
        String ifs = state.get("IFS");
        if (ifs == null) {
            return " ";
        }
        return ifs.isEmpty() ? "" : ifs.substring(0, 1);
    }

    // ---------------------------------------------------------------- arrays

    /** The elements of an array (or the scalar alone), in index or bash's key order. */
    static List<String> elements(Var var) {
        if (var == null) {
            return List.of();
        }
        if (var.array != null) {
            return new ArrayList<>(var.array.values());
        }
        if (var.assoc != null) {
            return var.assoc.values();
        }
        return var.value == null ? List.of() : List.of(var.value);
    }

    /** The subscripts of an array ({@code ${!a[@]}}). */
    static List<String> keys(Var var) {
        if (var == null) {
            return List.of();
        }
        if (var.array != null) {
            List<String> keys = new ArrayList<>(var.array.size());
            for (Long key : var.array.keySet()) {
                keys.add(Long.toString(key));
            }
            return keys;
        }
        if (var.assoc != null) {
            return var.assoc.keys();
        }
        return var.value == null ? List.of() : List.of("0");
    }

    /** Evaluates an indexed array's subscript: arithmetic, negative from the end. */
    long index(Var var, String subscript) {
        long index = Arith.eval(subscript, arith(), state.bash);
        if (index < 0 && var != null && var.array != null) {
            long max = var.array.isEmpty() ? -1 : var.array.lastKey();
            index += max + 1;
            if (index < 0) {
                throw new ShellError(subscript + ": bad array subscript", 1);
            }
        }
        return index;
    }

    /** {@code ${name[subscript]}} with the subscript already expanded; null when unset. */
    String element(String name, String subscript) {
        name = state.resolve(name);
        Var var = state.vars.get(name);
        if (var != null && var.assoc != null) {
            return var.assoc.get(subscript);
        }
        long index = index(var, subscript);
        if (var == null) {
            return index == 0 ? context.special(name) : null;
        }
        if (var.array != null) {
            return var.array.get(index);
        }
        return index == 0 ? var.value : null;
    }

    /** The subscript of {@code name[index]} expanded as text (quotes removed, expansions done). */
    String subscriptText(Word index) {
        return expander.expandString(index);
    }

    // ---------------------------------------------------------------- assignment

    /** {@code name=value} (or {@code name+=value}), with the variable's attributes applied. */
    void assign(String name, String value, boolean append) {
        name = state.resolve(name);
        Var var = state.vars.get(name);
        if (var != null && var.is(Var.READONLY)) {
            throw new ShellError(name + ": " + (state.bash ? "readonly variable" : "is read only"), state.bash ? 1 : 2);
        }
        if (var != null && var.is(Var.INTEGER)) {
            long number = Arith.eval(value, arith(), state.bash);
            if (append) {
                String old = var.scalar();
                number += old == null || old.isEmpty() ? 0 : Arith.eval(old, arith(), state.bash);
            }
            value = Long.toString(number);
        } else if (append) {
            String old = var == null ? null : var.scalar();
            value = (old == null ? "" : old) + value;
        }
        state.set(name, value);
    }

    /** {@code name[subscript]=value}: makes {@code name} an indexed array when it is not an array. */
    void assignElement(String name, String subscript, String value, boolean append) {
        name = state.resolve(name);
        Var var = state.vars.get(name);
        if (var != null && var.is(Var.READONLY)) {
            throw new ShellError(name + ": readonly variable", 1);
        }
        if (var == null) {
            var = state.declare(name);
        }
        var.flags &= ~Var.DECLARED;
        if (var.assoc != null) {
            String old = var.assoc.get(subscript);
            String updated = ShellState.transform(var, combine(var, old, value, append));
            state.account(ShellMemory.sizeOf(updated) - ShellMemory.sizeOf(old)
                    + (old == null ? subscript.length() + 8 : 0));
            var.assoc.put(subscript, updated);
            return;
        }
        long index = index(var, subscript);
        if (var.array == null) {
            var.array = new TreeMap<>();
            if (var.value != null) {
                var.array.put(0L, var.value);
                var.value = null;
            }
        }
        String old = var.array.get(index);
        String updated = ShellState.transform(var, combine(var, old, value, append));
        state.account(ShellMemory.sizeOf(updated) - ShellMemory.sizeOf(old) + (old == null ? 8 : 0));
        var.array.put(index, updated);
        if (state.allexport) {
            var.flags |= Var.EXPORTED;
        }
    }

    private String combine(Var var, String old, String value, boolean append) {
        if (var.is(Var.INTEGER)) {
            long number = Arith.eval(value, arith(), state.bash);
            if (append && old != null && !old.isEmpty()) {
                number += Arith.eval(old, arith(), state.bash);
            }
            return Long.toString(number);
        }
        return append && old != null ? old + value : value;
    }

    /** {@code name=(values...)}, replacing the array (or adding to it with {@code +=}). */
    void assignArray(String name, List<String[]> items, boolean append) {
        name = state.resolve(name);
        Var var = state.vars.get(name);
        if (var != null && var.is(Var.READONLY)) {
            throw new ShellError(name + ": readonly variable", 1);
        }
        long added = 0;
        for (String[] item : items) {
            added += ShellMemory.sizeOf(item[0]) + ShellMemory.sizeOf(item[1]) + 8;
        }
        state.account(added - (append || var == null ? 0 : var.size()));
        if (var == null) {
            var = state.declare(name);
        }
        var.flags &= ~Var.DECLARED;
        if (var.assoc != null) {
            if (!append) {
                var.assoc = new AssocArray();
            }
            for (String[] item : items) {
                if (item[0] == null) {
                    throw new ShellError(name + ": " + item[1] + ": must use subscript when assigning associative array", 1);
                }
                var.assoc.put(item[0], ShellState.transform(var, item[1]));
            }
            return;
        }
        TreeMap<Long, String> array = new TreeMap<>();
        if (append) {
            if (var.array != null) {
                array.putAll(var.array);
            } else if (var.value != null) {
                array.put(0L, var.value);
            }
        }
        long next = array.isEmpty() ? 0 : array.lastKey() + 1;
        var.array = array;
        var.value = null;
        for (String[] item : items) {
            long index = item[0] == null ? next : index(var, item[0]);
            array.put(index, ShellState.transform(var, var.is(Var.INTEGER)
                    ? Long.toString(Arith.eval(item[1], arith(), state.bash)) : item[1]));
            next = index + 1;
        }
        if (state.allexport) {
            var.flags |= Var.EXPORTED;
        }
    }

    /** Removes {@code name[subscript]} ({@code unset 'a[1]'}). */
    void unsetElement(String name, String subscript) {
        name = state.resolve(name);
        Var var = state.vars.get(name);
        if (var == null) {
            return;
        }
        if (var.is(Var.READONLY)) {
            throw new ShellError(name + ": cannot unset: readonly variable", 1);
        }
        if (var.assoc != null) {
            var.assoc.remove(subscript);
        } else if (var.array != null) {
            var.array.remove(index(var, subscript));
        } else if (index(var, subscript) == 0) {
            state.forget(name);
        }
    }

    // ---------------------------------------------------------------- arithmetic

    /** Variables as arithmetic sees them, arrays included. */
    Arith.Vars arith() {
        return new Arith.Vars() {
            @Override
            public String get(String name) {
                String value = value(name);
                if (value == null && state.nounset) {
                    throw unbound(name);
                }
                return value;
            }

            @Override
            public void set(String name, String value) {
                assign(name, value, false);
            }

            @Override
            public String get(String name, String subscript) {
                Var var = state.target(name);
                String key = var != null && var.assoc != null ? subscriptKey(subscript) : subscript;
                String value = element(name, key);
                if (value == null && state.nounset && (var == null || var.is(Var.DECLARED))) {
                    // bash: a missing element of an array that has been assigned counts as 0
                    throw unbound(name);
                }
                return value;
            }

            @Override
            public void set(String name, String subscript, String value) {
                Var var = state.target(name);
                String key = var != null && var.assoc != null ? subscriptKey(subscript) : subscript;
                assignElement(name, key, value, false);
            }
        };
    }

    /** An associative array's key written in arithmetic: expansions and quotes as in a word. */
    private String subscriptKey(String text) {
        Lexer lexer = new Lexer(text, 0, 1, Syntax.BASH);
        return expander.expandString(lexer.words().subscript(text, 1));
    }

    /** The error for an unset variable under {@code set -u}. */
    ShellError unbound(String name) {
        return state.bash ? new ShellError(name + ": unbound variable", 127)
                : new ShellError(name + ": parameter not set", 2);
    }

    /** The names of the variables starting with {@code prefix}, sorted ({@code ${!prefix*}}). */
    List<String> namesWithPrefix(String prefix) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, Var> entry : new TreeMap<>(state.vars).entrySet()) {
            if (entry.getKey().startsWith(prefix) && entry.getValue().isSet()) {
                names.add(entry.getKey());
            }
        }
        return names;
    }
}
