package io.sandkernel.shell;

import io.sandkernel.shell.ShellState.Var;
import java.util.Map;
import java.util.TreeMap;

/**
 * bash's call stack variables: {@code FUNCNAME}, {@code BASH_SOURCE} and {@code BASH_LINENO},
 * arrays whose element 0 is the innermost call. A script file has a bottom frame {@code main};
 * {@code bash -c} has none.
 */
final class CallStack {
    private static final String[] NAMES = {"FUNCNAME", "BASH_SOURCE", "BASH_LINENO"};

    private CallStack() {}

    /** The bottom frame of a script file run as {@code bash file}. */
    static void main(ShellState state, String source) {
        if (!state.bash) {
            return;
        }
        array(state, "FUNCNAME").put(0L, "main");
        array(state, "BASH_SOURCE").put(0L, source);
        array(state, "BASH_LINENO").put(0L, "0");
    }

    private static TreeMap<Long, String> array(ShellState state, String name) {
        Var var = state.declare(name);
        if (var.array == null) {
            var.array = new TreeMap<>();
            var.value = null;
        }
        return var.array;
    }

    static void push(ShellState state, String function, int callLine) {
        if (!state.bash) {
            return;
        }
        String source = sourceOf(state);
        shift(array(state, "FUNCNAME"), function);
        shift(array(state, "BASH_SOURCE"), source);
        TreeMap<Long, String> lines = array(state, "BASH_LINENO");
        shift(lines, Integer.toString(callLine));
    }

    private static String sourceOf(ShellState state) {
        Var var = state.vars.get("BASH_SOURCE");
        String current = var == null || var.array == null ? null : var.array.get(0L);
        return current == null ? "environment" : current;
    }

    static void pop(ShellState state) {
        if (!state.bash) {
            return;
        }
        for (String name : NAMES) {
            Var var = state.vars.get(name);
            if (var == null || var.array == null) {
                continue;
            }
            TreeMap<Long, String> shifted = new TreeMap<>();
            for (Map.Entry<Long, String> entry : var.array.entrySet()) {
                if (entry.getKey() > 0) {
                    shifted.put(entry.getKey() - 1, entry.getValue());
                }
            }
            var.array = shifted;
            if (shifted.isEmpty()) {
                state.vars.remove(name);
            }
        }
    }

    private static void shift(TreeMap<Long, String> array, String top) {
        TreeMap<Long, String> shifted = new TreeMap<>();
        for (Map.Entry<Long, String> entry : array.entrySet()) {
            shifted.put(entry.getKey() + 1, entry.getValue());
        }
        array.clear();
        array.putAll(shifted);
        array.put(0L, top);
    }
}
