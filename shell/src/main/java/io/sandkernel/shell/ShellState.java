package io.sandkernel.shell;

import io.sandkernel.shell.Ast.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The variables, positional parameters, functions, aliases, options and traps of one shell: what
 * a subshell gets a copy of ({@link #copy()}), held in memory, as a forked shell would.
 */
final class ShellState {
    /** One shell variable: a scalar, an indexed array or an associative array, and its attributes. */
    static final class Var {
        static final int EXPORTED = 1;
        static final int READONLY = 2;
        static final int INTEGER = 4;
        static final int LOWER = 8;
        static final int UPPER = 16;
        static final int NAMEREF = 32;
        /** Declared ({@code declare -a x}) but never assigned: unset for {@code set -u}. */
        static final int DECLARED = 64;

        /** The scalar value; null when unset (an array's element 0 lives in {@link #array}). */
        String value;
        /** Non-null for {@code declare -a}: elements by index. */
        TreeMap<Long, String> array;
        /** Non-null for {@code declare -A}: elements by key, in bash's order. */
        AssocArray assoc;
        int flags;

        Var(String value, boolean exported) {
            this.value = value;
            this.flags = exported ? EXPORTED : 0;
        }

        boolean is(int flag) {
            return (flags & flag) != 0;
        }

        void set(int flag, boolean on) {
            flags = on ? flags | flag : flags & ~flag;
        }

        boolean isArray() {
            return array != null || assoc != null;
        }

        /** Whether it has a value (an array with elements counts). */
        boolean isSet() {
            if (array != null) {
                return !array.isEmpty();
            }
            if (assoc != null) {
                return !assoc.isEmpty();
            }
            return value != null;
        }

        /** {@code $name}: the scalar, or element 0 / key "0" of an array. */
        String scalar() {
            if (array != null) {
                return array.get(0L);
            }
            if (assoc != null) {
                return assoc.get("0");
            }
            return value;
        }

        /** The characters its values (and keys) hold. */
        long size() {
            long size = ShellMemory.sizeOf(value);
            if (array != null) {
                for (String element : array.values()) {
                    size += ShellMemory.sizeOf(element) + 8;
                }
            }
            if (assoc != null) {
                size += assoc.size() * 8L;
                for (String key : assoc.keys()) {
                    size += key.length() + ShellMemory.sizeOf(assoc.get(key));
                }
            }
            return size;
        }

        Var copy() {
            Var copy = new Var(value, false);
            copy.flags = flags;
            copy.array = array == null ? null : new TreeMap<>(array);
            copy.assoc = assoc == null ? null : assoc.copy();
            return copy;
        }
    }

    /** Options by long name, for {@code set -o}; the letters are dash's and bash's. */
    enum Option {
        ALLEXPORT('a'), BRACEEXPAND('B'), EMACS(0), ERREXIT('e'), ERRTRACE('E'), FUNCTRACE('T'), HASHALL('h'),
        HISTEXPAND('H'), HISTORY(0), IGNOREEOF(0), INTERACTIVE_COMMENTS(0), KEYWORD('k'), MONITOR('m'),
        NOCLOBBER('C'), NOEXEC('n'), NOGLOB('f'), NOLOG(0), NOTIFY('b'), NOUNSET('u'), ONECMD('t'), PHYSICAL('P'),
        PIPEFAIL(0), POSIX(0), PRIVILEGED('p'), VERBOSE('v'), VI(0), XTRACE('x'), INTERACTIVE('i'), STDIN('s'),
        DEBUG(0);

        final char letter;

        Option(int letter) {
            this.letter = (char) letter;
        }

        /** The name {@code set -o} takes. */
        String optionName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        static Option byName(String name) {
            for (Option option : values()) {
                if (option.optionName().equals(name)) {
                    return option;
                }
            }
            return null;
        }

        static Option byLetter(char letter) {
            for (Option option : values()) {
                if (option.letter == letter) {
                    return option;
                }
            }
            return null;
        }
    }

    /** dash's {@code set -o} listing, in its order. */
    static final List<Option> DASH_OPTIONS = List.of(Option.ERREXIT, Option.NOGLOB, Option.IGNOREEOF,
            Option.INTERACTIVE, Option.MONITOR, Option.NOEXEC, Option.STDIN, Option.XTRACE, Option.VERBOSE, Option.VI,
            Option.EMACS, Option.NOCLOBBER, Option.ALLEXPORT, Option.NOTIFY, Option.NOUNSET, Option.PRIVILEGED,
            Option.NOLOG, Option.DEBUG);
    /** bash's {@code set -o} listing (alphabetical). */
    static final List<Option> BASH_OPTIONS = List.of(Option.ALLEXPORT, Option.BRACEEXPAND, Option.EMACS,
            Option.ERREXIT, Option.ERRTRACE, Option.FUNCTRACE, Option.HASHALL, Option.HISTEXPAND, Option.HISTORY,
            Option.IGNOREEOF, Option.INTERACTIVE_COMMENTS, Option.KEYWORD, Option.MONITOR, Option.NOCLOBBER,
            Option.NOEXEC, Option.NOGLOB, Option.NOLOG, Option.NOTIFY, Option.NOUNSET, Option.ONECMD, Option.PHYSICAL,
            Option.PIPEFAIL, Option.POSIX, Option.PRIVILEGED, Option.VERBOSE, Option.VI, Option.XTRACE);

    Map<String, Var> vars = new HashMap<>();
    /** What the variables hold of the process's memory; null until an interpreter runs this state. */
    ShellMemory memory;
    /** A subshell's copy: what the parent's variables held when it was copied, to charge in the child. */
    long inheritedMemory;
    List<String> positional = new ArrayList<>();
    String arg0 = "sh";
    Map<String, Node> functions = new LinkedHashMap<>();
    /** In definition order: dash lists them by hash bucket and then that order, bash sorted. */
    Map<String, String> aliases = new java.util.LinkedHashMap<>();
    /** Trap actions by signal number; 0 is EXIT, and bash's ERR, DEBUG, RETURN follow the signals. */
    Map<Integer, String> traps = new TreeMap<>();
    /**
     * In a bash subshell, the parent's traps, which {@code trap} lists until the subshell sets one
     * (so that {@code $(trap)} can save them); null otherwise.
     */
    Map<Integer, String> parentTraps;
    /** {@code shopt} options that are on. */
    java.util.Set<String> shopts = new java.util.TreeSet<>();

    /** Running as {@code bash}: bash's grammar, expansions and builtins. */
    boolean bash;
    /** bash's directory stack ({@code pushd}), below the current directory. */
    java.util.Deque<String> directories = new java.util.ArrayDeque<>();
    /** What {@code hash} remembers: names and where they were found. */
    Map<String, String> hashed = new LinkedHashMap<>();
    /** bash's call stack (FUNCNAME, BASH_SOURCE, BASH_LINENO). */
    CallStack calls = new CallStack();
    /** Running a {@code -c} command string (bash shows 'c' in $-). */
    boolean commandString;
    /** Where {@code getopts} is in the arguments. */
    TextBuiltins.Getopts getopts = new TextBuiltins.Getopts();

    // the options read on every command, as fields; the others live in {@link #otherOptions}
    boolean errexit;
    boolean nounset;
    boolean xtrace;
    boolean monitor;
    boolean noglob;
    boolean noclobber;
    boolean interactive;
    /**
     * A subshell of an interactive shell: it acts as a non-interactive one, but as in dash and bash
     * its {@code $-} and {@code set -o} still show {@code i}.
     */
    boolean forkedFromInteractive;
    boolean verbose;
    boolean allexport;
    boolean noexec;
    boolean pipefail;
    boolean errtrace;
    boolean functrace;
    private final java.util.EnumSet<Option> otherOptions = java.util.EnumSet.noneOf(Option.class);

    int lastStatus;
    int lastBackgroundPid = -1;
    int shellPid;

    /** The variable, or null (not for special parameters). */
    Var var(String name) {
        return vars.get(name);
    }

    /**
     * The name a variable name stands for: itself, or the variable a nameref ({@code declare -n})
     * points to, followed a few levels.
     */
    String resolve(String name) {
        for (int depth = 0; depth < 8; depth++) {
            Var var = vars.get(name);
            if (var == null || (var.flags & Var.NAMEREF) == 0 || var.value == null || var.value.isEmpty()) {
                return name;
            }
            name = var.value;
        }
        return name;
    }

    /** The variable {@code name} stands for (through namerefs), or null. */
    Var target(String name) {
        Var var = vars.get(name);
        if (var != null && (var.flags & Var.NAMEREF) != 0) {
            return vars.get(resolve(name));
        }
        return var;
    }

    /** The value of a variable ({@code $name}), or null when unset (not for special parameters). */
    String get(String name) {
        Var var = target(name);
        return var == null ? null : var.scalar();
    }

    /**
     * Sets a variable ({@code name=value}), exporting it under {@code set -a}, with its
     * attributes applied (integer, case).
     *
     * @throws ShellError when it is read-only
     */
    void set(String name, String value) {
        Var var = vars.get(name);
        if (var != null && var.is(Var.NAMEREF)) {
            name = resolve(name);
            var = vars.get(name);
        }
        if (var == null) {
            account(name.length() + ShellMemory.sizeOf(value));
            var = new Var(value, allexport);
            vars.put(name, var);
            return;
        }
        if (var.is(Var.READONLY)) {
            throw new ShellError(name + ": is read only");
        }
        value = transform(var, value);
        account(ShellMemory.sizeOf(value) - ShellMemory.sizeOf(var.scalar()));
        if (var.array != null) {
            var.array.put(0L, value);
        } else if (var.assoc != null) {
            var.assoc.put("0", value);
        } else {
            var.value = value;
        }
        if (allexport) {
            var.flags |= Var.EXPORTED;
        }
    }

    /** A value as a variable's case attributes make it ({@code declare -l/-u}). */
    static String transform(Var var, String value) {
        if (value == null || (var.flags & (Var.LOWER | Var.UPPER)) == 0) {
            return value;
        }
        return var.is(Var.LOWER) ? Strings.lower(value) : Strings.upper(value);
    }

    /** The variable {@code name}, created unset when missing (for attributes and array elements). */
    Var declare(String name) {
        return vars.computeIfAbsent(name, n -> new Var(null, allexport));
    }

    void export(String name) {
        declare(name).flags |= Var.EXPORTED;
    }

    boolean isExported(String name) {
        Var var = vars.get(name);
        return var != null && var.is(Var.EXPORTED);
    }

    void unset(String name) {
        Var var = vars.get(name);
        if (var != null && var.is(Var.READONLY)) {
            throw new ShellError(name + ": is read only");
        }
        forget(name);
    }

    /**
     * Counts a change of {@code delta} characters held by the variables, before it is made.
     *
     * @throws OutOfMemory when the shell may not hold that much
     */
    void account(long delta) {
        if (memory != null && delta != 0) {
            memory.change(delta);
        }
    }

    /** Removes variable {@code name} and what it held. */
    void forget(String name) {
        Var removed = vars.remove(name);
        if (removed != null) {
            account(-(name.length() + removed.size()));
        }
    }

    /** The environment for child processes: the exported variables that have a value (arrays: none). */
    Map<String, String> environment() {
        Map<String, String> env = new TreeMap<>();
        for (Map.Entry<String, Var> entry : vars.entrySet()) {
            Var var = entry.getValue();
            if (var.is(Var.EXPORTED) && !var.isArray() && var.value != null) {
                env.put(entry.getKey(), var.value);
            }
        }
        return env;
    }

    /** Whether patterns are matched with bash's extended patterns ({@code shopt -s extglob}). */
    boolean extglob() {
        return bash && shopts.contains("extglob");
    }

    String ifs() {
        String ifs = get("IFS");
        return ifs == null ? " \t\n" : ifs;
    }

    // ---------------------------------------------------------------- options

    boolean option(Option option) {
        return switch (option) {
            case ERREXIT -> errexit;
            case NOUNSET -> nounset;
            case XTRACE -> xtrace;
            case MONITOR -> monitor;
            case NOGLOB -> noglob;
            case NOCLOBBER -> noclobber;
            case INTERACTIVE -> interactive || forkedFromInteractive;
            case VERBOSE -> verbose;
            case ALLEXPORT -> allexport;
            case NOEXEC -> noexec;
            case PIPEFAIL -> pipefail;
            case ERRTRACE -> errtrace;
            case FUNCTRACE -> functrace;
            default -> otherOptions.contains(option);
        };
    }

    void setOption(Option option, boolean on) {
        switch (option) {
            case ERREXIT -> errexit = on;
            case NOUNSET -> nounset = on;
            case XTRACE -> xtrace = on;
            case MONITOR -> monitor = on;
            case NOGLOB -> noglob = on;
            case NOCLOBBER -> noclobber = on;
            case INTERACTIVE -> interactive = on;
            case VERBOSE -> verbose = on;
            case ALLEXPORT -> allexport = on;
            case NOEXEC -> noexec = on;
            case PIPEFAIL -> pipefail = on;
            case ERRTRACE -> errtrace = on;
            case FUNCTRACE -> functrace = on;
            default -> {
                if (on) {
                    otherOptions.add(option);
                } else {
                    otherOptions.remove(option);
                }
                if (on && (option == Option.VI || option == Option.EMACS)) {
                    otherOptions.remove(option == Option.VI ? Option.EMACS : Option.VI); // one editing mode
                }
            }
        }
    }

    /** dash's option letters, in the order of its table. */
    private static final String DASH_LETTERS = "efIimnsxvVECabup";
    private static final Option[] DASH_LETTER_OPTIONS = {Option.ERREXIT, Option.NOGLOB, Option.IGNOREEOF,
        Option.INTERACTIVE, Option.MONITOR, Option.NOEXEC, Option.STDIN, Option.XTRACE, Option.VERBOSE, Option.VI,
        Option.EMACS, Option.NOCLOBBER, Option.ALLEXPORT, Option.NOTIFY, Option.NOUNSET, Option.PRIVILEGED};
    /** bash's option letters, in the order of its table ({@code $-} lists them so). */
    private static final String BASH_LETTERS = "abefhikmnptuvxBCEHPT";

    /** The option a letter stands for in this shell's mode, or null. */
    Option letterOption(char letter) {
        if (bash) {
            return BASH_LETTERS.indexOf(letter) < 0 ? null : Option.byLetter(letter);
        }
        int index = DASH_LETTERS.indexOf(letter);
        return index < 0 ? null : DASH_LETTER_OPTIONS[index];
    }

    /**
     * Sets or clears an option by letter.
     *
     * @return false for an unknown option
     */
    boolean setOption(char letter, boolean on) {
        Option option = letterOption(letter);
        if (option == null) {
            return false;
        }
        setOption(option, on);
        return true;
    }

    /** {@code $-}: dash lists the letters in reverse table order, bash in its table order. */
    String flags() {
        StringBuilder out = new StringBuilder();
        if (bash) {
            for (char letter : BASH_LETTERS.toCharArray()) {
                if (option(Option.byLetter(letter))) {
                    out.append(letter);
                }
            }
            if (option(Option.STDIN)) {
                out.append('s');
            }
            if (commandString) {
                out.append('c');
            }
            return out.toString();
        }
        for (int i = DASH_LETTERS.length() - 1; i >= 0; i--) {
            if (option(DASH_LETTER_OPTIONS[i])) {
                out.append(DASH_LETTERS.charAt(i));
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- subshells

    /**
     * A copy for a subshell: variables, functions, aliases and options, and the traps that ignore
     * a signal (a subshell's caught signals are reset to their default, as after fork); job
     * control and interactivity are off.
     */
    ShellState copy() {
        ShellState copy = new ShellState();
        copy.inheritedMemory = memory == null ? 0 : memory.held();
        copy.vars = new HashMap<>(Math.max(16, vars.size() * 2));
        for (Map.Entry<String, Var> entry : vars.entrySet()) {
            copy.vars.put(entry.getKey(), entry.getValue().copy());
        }
        copy.positional = new ArrayList<>(positional);
        copy.arg0 = arg0;
        copy.functions = new LinkedHashMap<>(functions);
        copy.aliases = new java.util.LinkedHashMap<>(aliases);
        for (Map.Entry<Integer, String> trap : traps.entrySet()) {
            if (trap.getValue().isEmpty() && trap.getKey() > 0 && trap.getKey() < Traps.DEBUG) {
                copy.traps.put(trap.getKey(), "");
            }
        }
        Map<Integer, String> shown = parentTraps != null ? parentTraps : traps;
        copy.parentTraps = bash && !shown.isEmpty() ? new TreeMap<>(shown) : null;
        copy.shopts = new java.util.TreeSet<>(shopts);
        copy.directories = new java.util.ArrayDeque<>(directories);
        copy.calls = calls.copy();
        copy.hashed = new LinkedHashMap<>(hashed);
        copy.getopts.index = getopts.index;
        copy.getopts.offset = getopts.offset;
        copy.getopts.written = getopts.written;
        copy.bash = bash;
        copy.errexit = errexit;
        copy.nounset = nounset;
        copy.xtrace = xtrace;
        copy.noglob = noglob;
        copy.noclobber = noclobber;
        copy.verbose = verbose;
        copy.allexport = allexport;
        copy.noexec = noexec;
        copy.pipefail = pipefail;
        copy.errtrace = errtrace;
        copy.functrace = functrace;
        copy.otherOptions.addAll(otherOptions);
        copy.lastStatus = lastStatus;
        copy.lastBackgroundPid = lastBackgroundPid;
        copy.shellPid = shellPid;
        copy.forkedFromInteractive = interactive || forkedFromInteractive;
        copy.commandString = commandString; // bash's subshells of sh -c still show c in $-
        return copy;
    }

    /** Quotes a value for re-input: {@code 'it'\''s'}. */
    static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
