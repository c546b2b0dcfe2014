package io.sandkernel.shell;

import io.sandkernel.KernelException;
import io.sandkernel.shell.ShellState.Option;
import io.sandkernel.shell.ShellState.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** {@code set} (options, positional parameters, the variable listing) and bash's {@code shopt}. */
final class OptionBuiltins {
    /** The bash this shell answers as, in {@code $BASH_VERSION}. */
    static final String BASH_VERSION = "5.2.15(1)-release";

    /** bash's shopt options. */
    static final List<String> SHOPT_NAMES = List.of("autocd", "assoc_expand_once", "cdable_vars", "cdspell",
            "checkhash", "checkjobs", "checkwinsize", "cmdhist", "compat31", "compat32", "compat40", "compat41",
            "compat42", "compat43", "compat44", "complete_fullquote", "direxpand", "dirspell", "dotglob", "execfail",
            "expand_aliases", "extdebug", "extglob", "extquote", "failglob", "force_fignore", "globasciiranges",
            "globskipdots", "globstar", "gnu_errfmt", "histappend", "histreedit", "histverify", "hostcomplete",
            "huponexit", "inherit_errexit", "interactive_comments", "lastpipe", "lithist", "localvar_inherit",
            "localvar_unset", "login_shell", "mailwarn", "no_empty_cmd_completion", "nocaseglob", "nocasematch",
            "noexpand_translation", "nullglob", "patsub_replacement", "progcomp", "progcomp_alias", "promptvars",
            "restricted_shell", "shift_verbose", "sourcepath", "varredir_close", "xpg_echo");
    /** The ones on in a new non-interactive bash. */
    static final Set<String> SHOPT_DEFAULTS = Set.of("checkwinsize", "cmdhist", "complete_fullquote", "extquote",
            "force_fignore", "globasciiranges", "globskipdots", "hostcomplete", "interactive_comments",
            "patsub_replacement", "progcomp", "promptvars", "sourcepath");

    private final Interpreter shell;
    private final ShellState state;

    OptionBuiltins(Interpreter shell) {
        this.shell = shell;
        this.state = shell.state;
    }

    private ShellError invalid(String what) {
        return state.bash ? new ShellError("set: " + what + ": invalid option", 2)
                : new ShellError("set: Illegal option " + what, 2);
    }

    int set(List<String> argv) {
        List<String> args = argv.subList(1, argv.size());
        if (args.isEmpty()) {
            shell.print(1, variableListing());
            return 0;
        }
        int i = 0;
        boolean setPositional = false;
        while (i < args.size()) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                i++;
                setPositional = true;
                break;
            }
            if (arg.equals("-") || arg.equals("+")) {
                if (arg.equals("-")) {
                    state.xtrace = false;
                    state.verbose = false;
                }
                i++;
                setPositional = i < args.size();
                break;
            }
            if ((!arg.startsWith("-") && !arg.startsWith("+")) || arg.length() < 2) {
                break;
            }
            boolean on = arg.charAt(0) == '-';
            String letters = arg.substring(1);
            for (int k = 0; k < letters.length(); k++) {
                char letter = letters.charAt(k);
                if (letter == 'o') {
                    if (i + 1 >= args.size() || (k + 1 < letters.length())) {
                        shell.print(1, optionListing(on));
                        continue;
                    }
                    String name = args.get(++i);
                    Option option = Option.byName(name);
                    if (option == null || (!state.bash && !ShellState.DASH_OPTIONS.contains(option))
                            || (state.bash && !ShellState.BASH_OPTIONS.contains(option))) {
                        throw state.bash ? new ShellError("set: " + name + ": invalid option name", 2)
                                : new ShellError("set: Illegal option -o " + name, 2);
                    }
                    setOption(option, on);
                    continue;
                }
                Option option = state.letterOption(letter);
                if (option == null || (state.bash && (letter == 'i' || letter == 's'))) {
                    throw invalid(arg.charAt(0) + String.valueOf(letter));
                }
                setOption(option, on);
            }
            i++;
        }
        if (setPositional || i < args.size()) {
            state.positional = new ArrayList<>(args.subList(i, args.size()));
            if (!state.bash) {
                state.getopts.reset(); // dash starts getopts over on new positional parameters
            }
        }
        return 0;
    }

    private void setOption(Option option, boolean on) {
        if (option == Option.MONITOR && on && !state.monitor) {
            try {
                shell.api.setpgid(0, 0);
            } catch (KernelException ignored) {
                // already a group (or session) leader
            }
            try {
                shell.launcher.shellPgid = shell.api.getpgid(0);
            } catch (KernelException ignored) {
                // unknown
            }
        }
        if (option == Option.NOEXEC && state.interactive) {
            return; // an interactive shell ignores -n
        }
        state.setOption(option, on);
    }

    /** {@code set -o} ({@code on}) and {@code set +o} listings, as dash or bash print them. */
    private String optionListing(boolean on) {
        StringBuilder out = new StringBuilder();
        List<Option> options = state.bash ? ShellState.BASH_OPTIONS : ShellState.DASH_OPTIONS;
        if (on && !state.bash) {
            out.append("Current option settings\n");
        }
        for (Option option : options) {
            boolean value = state.option(option);
            if (on) {
                out.append(state.bash ? String.format("%-15s\t%s%n", option.optionName(), value ? "on" : "off")
                        : String.format("%-16s%s%n", option.optionName(), value ? "on" : "off"));
            } else {
                out.append("set ").append(value ? "-o " : "+o ").append(option.optionName()).append('\n');
            }
        }
        return out.toString();
    }

    /** {@code set} without arguments: every variable, sorted, quoted for re-input. */
    private String variableListing() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Var> entry : new TreeMap<>(state.vars).entrySet()) {
            Var var = entry.getValue();
            if (state.bash && var.isArray()) {
                String line = VarBuiltins.declaration(entry.getKey(), var);
                int eq = line.indexOf('=');
                if (eq > 0) {
                    out.append(entry.getKey()).append(line.substring(eq)).append('\n');
                }
                continue;
            }
            if (var.value != null) {
                out.append(entry.getKey()).append('=')
                        .append(state.bash ? Quoting.bashSet(var.value) : Quoting.dash(var.value)).append('\n');
            }
        }
        if (state.bash) {
            for (Map.Entry<String, Ast.Node> function : new TreeMap<>(state.functions).entrySet()) {
                out.append(Printer.function(function.getKey(), function.getValue()));
            }
        }
        return out.toString();
    }

    /** bash's {@code shopt [-s|-u] [-p] [-q] [-o] [name...]}. */
    int shopt(List<String> argv) {
        List<String> args = new ArrayList<>(argv.subList(1, argv.size()));
        Boolean setTo = null;
        boolean quiet = false;
        boolean print = false;
        boolean setOptions = false;
        while (!args.isEmpty() && args.get(0).startsWith("-") && args.get(0).length() > 1) {
            String option = args.remove(0);
            if (option.equals("--")) {
                break;
            }
            for (char c : option.substring(1).toCharArray()) {
                switch (c) {
                    case 's' -> setTo = true;
                    case 'u' -> setTo = false;
                    case 'q' -> quiet = true;
                    case 'p' -> print = true;
                    case 'o' -> setOptions = true;
                    default -> throw new ShellError("shopt: -" + c + ": invalid option", 2);
                }
            }
        }
        List<String> names = args.isEmpty() ? (setOptions ? optionNames() : SHOPT_NAMES) : args;
        StringBuilder out = new StringBuilder();
        int status = 0;
        for (String name : names) {
            boolean known = setOptions ? Option.byName(name) != null : SHOPT_NAMES.contains(name);
            if (!known) {
                shell.error("shopt: " + name + ": invalid " + (setOptions ? "option" : "shell option") + " name");
                status = 1;
                continue;
            }
            if (setTo != null && !args.isEmpty()) {
                if (setOptions) {
                    setOption(Option.byName(name), setTo);
                } else if (setTo) {
                    state.shopts.add(name);
                } else {
                    state.shopts.remove(name);
                }
                continue;
            }
            boolean value = setOptions ? state.option(Option.byName(name)) : state.shopts.contains(name);
            if (setTo != null && value != setTo) {
                continue; // "shopt -s" lists the options that are on
            }
            if (!value) {
                status = args.isEmpty() ? status : 1;
            }
            if (quiet) {
                continue;
            }
            if (print) {
                out.append(setOptions ? "set " + (value ? "-o " : "+o ") : "shopt " + (value ? "-s " : "-u "))
                        .append(name).append('\n');
            } else {
                out.append(String.format("%-15s\t%s%n", name, value ? "on" : "off"));
            }
        }
        shell.print(1, out.toString());
        return status;
    }

    private static List<String> optionNames() {
        List<String> names = new ArrayList<>();
        for (Option option : ShellState.BASH_OPTIONS) {
            names.add(option.optionName());
        }
        return names;
    }
}
