package io.sandkernel.shell;

import io.sandkernel.shell.Ast.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The variables, positional parameters, functions, options and traps of one shell. */
final class ShellState {
    /** One shell variable. */
    static final class Var {
        String value;
        boolean exported;
        boolean readonly;

        Var(String value, boolean exported) {
            this.value = value;
            this.exported = exported;
        }
    }

    final Map<String, Var> vars = new TreeMap<>();
    List<String> positional = new ArrayList<>();
    String arg0 = "sh";
    final Map<String, Node> functions = new LinkedHashMap<>();
    final Map<String, String> aliases = new TreeMap<>();
    /** Trap actions by signal number; 0 is the EXIT trap. An empty action ignores the signal. */
    final Map<Integer, String> traps = new TreeMap<>();

    boolean errexit;
    boolean nounset;
    boolean xtrace;
    boolean monitor;
    boolean noglob;
    boolean noclobber;
    boolean interactive;
    boolean verbose;

    int lastStatus;
    int lastBackgroundPid = -1;
    int shellPid;

    /** The value of a variable, or null when unset (not for special parameters). */
    String get(String name) {
        Var var = vars.get(name);
        return var == null ? null : var.value;
    }

    /**
     * Sets a variable.
     *
     * @throws ShellError when it is read-only
     */
    void set(String name, String value) {
        Var var = vars.get(name);
        if (var == null) {
            vars.put(name, new Var(value, false));
            return;
        }
        if (var.readonly) {
            throw new ShellError(name + ": is read only");
        }
        var.value = value;
    }

    void export(String name) {
        vars.computeIfAbsent(name, n -> new Var(null, true)).exported = true;
    }

    boolean isExported(String name) {
        Var var = vars.get(name);
        return var != null && var.exported;
    }

    void unset(String name) {
        Var var = vars.get(name);
        if (var != null && var.readonly) {
            throw new ShellError(name + ": is read only");
        }
        vars.remove(name);
    }

    /** The environment for child processes: the exported variables that have a value. */
    Map<String, String> environment() {
        Map<String, String> env = new TreeMap<>();
        for (Map.Entry<String, Var> entry : vars.entrySet()) {
            if (entry.getValue().exported && entry.getValue().value != null) {
                env.put(entry.getKey(), entry.getValue().value);
            }
        }
        return env;
    }

    String ifs() {
        String ifs = get("IFS");
        return ifs == null ? " \t\n" : ifs;
    }

    /** {@code $-}. */
    String flags() {
        StringBuilder out = new StringBuilder();
        if (errexit) {
            out.append('e');
        }
        if (noglob) {
            out.append('f');
        }
        if (interactive) {
            out.append('i');
        }
        if (monitor) {
            out.append('m');
        }
        if (nounset) {
            out.append('u');
        }
        if (verbose) {
            out.append('v');
        }
        if (xtrace) {
            out.append('x');
        }
        if (noclobber) {
            out.append('C');
        }
        return out.toString();
    }

    /**
     * Sets or clears an option by letter.
     *
     * @return false for an unknown option
     */
    boolean setOption(char letter, boolean on) {
        switch (letter) {
            case 'e' -> errexit = on;
            case 'u' -> nounset = on;
            case 'x' -> xtrace = on;
            case 'm' -> monitor = on;
            case 'f' -> noglob = on;
            case 'C' -> noclobber = on;
            case 'v' -> verbose = on;
            case 'i' -> interactive = on;
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Long option names of {@code set -o}. */
    static char optionLetter(String name) {
        return switch (name) {
            case "errexit" -> 'e';
            case "nounset" -> 'u';
            case "xtrace" -> 'x';
            case "monitor" -> 'm';
            case "noglob" -> 'f';
            case "noclobber" -> 'C';
            case "verbose" -> 'v';
            case "interactive" -> 'i';
            default -> 0;
        };
    }

    /** Quotes a value for re-input: {@code 'it'\''s'}. */
    static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
