package io.sandkernel.shell;

import io.sandkernel.api.ProcessApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code command}, {@code type} and {@code hash}: what a name runs as, as dash or bash words it;
 * and bash's {@code compgen} for the lists scripts ask it for.
 */
final class LookupBuiltins {
    private final Interpreter shell;
    private final ShellState state;
    private final ProcessApi api;
    private final Builtins builtins;
    /** What {@code hash} remembers: names and where they were found (the shell's state). */
    private final Map<String, String> remembered;

    LookupBuiltins(Interpreter shell, Builtins builtins) {
        this.shell = shell;
        this.state = shell.state;
        this.api = shell.api;
        this.builtins = builtins;
        this.remembered = shell.state.hashed;
    }

    private boolean aliases() {
        return !state.bash || state.shopts.contains("expand_aliases");
    }

    int command(List<String> argv) {
        int i = 1;
        char mode = 0;
        while (i < argv.size() && argv.get(i).startsWith("-") && argv.get(i).length() > 1) {
            String option = argv.get(i);
            if (option.equals("--")) {
                i++;
                break;
            }
            for (char c : option.substring(1).toCharArray()) {
                switch (c) {
                    case 'v', 'V' -> mode = c;
                    case 'p' -> {
                    }
                    default -> throw new ShellError(state.bash ? "command: -" + c + ": invalid option"
                            : "command: Illegal option -" + c, 2);
                }
            }
            i++;
        }
        if (i >= argv.size()) {
            return 0;
        }
        List<String> rest = argv.subList(i, argv.size());
        if (mode != 0) {
            int status = 0;
            for (String name : rest) {
                String description = describe(name, mode == 'V');
                if (description == null) {
                    if (mode == 'V') {
                        if (state.bash) {
                            shell.error("command: " + name + ": not found");
                        } else {
                            shell.print(1, name + ": not found\n");
                        }
                    }
                    status = state.bash ? 1 : 127;
                } else {
                    shell.print(1, description + "\n");
                }
            }
            return status;
        }
        String name = rest.get(0);
        if (name.equals("exec")) {
            return shell.commands.exec(new ArrayList<>(rest.subList(1, rest.size())), Map.of());
        }
        if (builtins.has(name)) {
            return builtins.run(new ArrayList<>(rest));
        }
        return shell.launcher.runExternal(new ArrayList<>(rest), Map.of(), String.join(" ", rest));
    }

    int type(List<String> argv) {
        int status = 0;
        char mode = 0;
        boolean all = false;
        boolean noFunctions = false;
        List<String> names = new ArrayList<>();
        boolean options = true;
        for (String arg : argv.subList(1, argv.size())) {
            if (options && state.bash && arg.startsWith("-") && arg.length() > 1) {
                if (arg.equals("--")) {
                    options = false;
                    continue;
                }
                for (char c : arg.substring(1).toCharArray()) {
                    switch (c) {
                        case 't', 'p', 'P' -> mode = c;
                        case 'a' -> all = true;
                        case 'f' -> noFunctions = true;
                        default -> throw new ShellError("type: -" + c + ": invalid option", 2);
                    }
                }
                continue;
            }
            options = false;
            names.add(arg);
        }
        for (String name : names) {
            String output;
            if (mode == 't') {
                output = kind(name, noFunctions);
            } else if (mode == 'p' || mode == 'P') {
                output = mode == 'p' && kind(name, noFunctions) != null && !"file".equals(kind(name, noFunctions))
                        ? "" : findInPath(name);
            } else if (all) {
                output = describeAll(name, noFunctions);
            } else {
                output = describe(name, true);
            }
            if (output == null) {
                if (mode == 0) {
                    if (state.bash) {
                        shell.error("type: " + name + ": not found");
                    } else {
                        shell.print(1, name + ": not found\n");
                    }
                }
                status = state.bash ? 1 : 127;
            } else if (!output.isEmpty()) {
                shell.print(1, output + "\n");
            }
        }
        return status;
    }

    /** bash's {@code type -t}: alias, keyword, function, builtin, file; null when none. */
    private String kind(String name, boolean noFunctions) {
        if (aliases() && state.aliases.containsKey(name)) {
            return "alias";
        }
        if (isKeyword(name)) {
            return "keyword";
        }
        if (!noFunctions && state.functions.containsKey(name)) {
            return "function";
        }
        if (builtins.has(name)) {
            return "builtin";
        }
        return findCommand(name) == null ? null : "file";
    }

    private boolean isKeyword(String name) {
        return Builtins.KEYWORDS.contains(name) || (state.bash && Builtins.BASH_KEYWORDS.contains(name));
    }

    private String describeAll(String name, boolean noFunctions) {
        List<String> lines = new ArrayList<>();
        String first = describe(name, true);
        if (first != null && !first.endsWith(" is " + findInPath(name))) {
            lines.add(first);
        }
        String path = findInPath(name);
        if (path != null) {
            lines.add(name + " is " + path);
        }
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    /** What a name runs as: {@code command -v} form, or {@code type} form when {@code verbose}. */
    private String describe(String name, boolean verbose) {
        if (aliases() && state.aliases.containsKey(name)) {
            String value = state.aliases.get(name);
            if (!verbose) {
                return "alias " + name + "=" + ShellState.quote(value);
            }
            return state.bash ? name + " is aliased to `" + value + "'" : name + " is an alias for " + value;
        }
        if (isKeyword(name)) {
            return verbose ? name + " is a shell keyword" : name;
        }
        if (state.functions.containsKey(name)) {
            if (!verbose) {
                return name;
            }
            return state.bash ? name + " is a function\n" + Printer.function(name, state.functions.get(name)).stripTrailing()
                    : name + " is a shell function";
        }
        if (Builtins.isSpecial(name) && !state.bash) {
            return verbose ? name + " is a special shell builtin" : name;
        }
        if (builtins.has(name)) {
            return verbose ? name + " is a shell builtin" : name;
        }
        String path = findCommand(name);
        if (path == null) {
            return null;
        }
        if (verbose && remembered.containsKey(name)) {
            return state.bash ? name + " is hashed (" + path + ")" : name + " is a tracked alias for " + path;
        }
        return verbose ? name + " is " + path : path;
    }

    /**
     * {@code hash [-r] [name...]}: looks names up and remembers where they were found; without
     * names, lists what it remembers.
     */
    int hash(List<String> argv) {
        int status = 0;
        for (String name : argv.subList(1, argv.size())) {
            if (name.equals("-r")) {
                remembered.clear();
                continue;
            }
            if (Builtins.isSpecial(name) || builtins.has(name) || state.functions.containsKey(name)) {
                continue;
            }
            String path = findCommand(name);
            if (path == null) {
                shell.error("hash: " + name + ": not found");
                status = 1;
            } else {
                remembered.put(name, path);
            }
        }
        if (argv.size() == 1) {
            StringBuilder out = new StringBuilder();
            if (state.bash) {
                if (remembered.isEmpty()) {
                    out.append("hash: hash table empty\n");
                } else {
                    out.append("hits\tcommand\n");
                    remembered.values().forEach(path -> out.append("   0\t").append(path).append('\n'));
                }
            } else {
                remembered.values().forEach(path -> out.append(path).append('\n'));
            }
            shell.print(1, out.toString());
        }
        return status;
    }

    /** bash's {@code compgen -A kind / -v / -f / -c / -b / -k / -A function [prefix]}. */
    int compgen(List<String> argv) {
        String kind = null;
        String prefix = "";
        String wordList = null;
        boolean options = true;
        for (int i = 1; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (!options) {
                prefix = arg;
                continue;
            }
            switch (arg) {
                case "--" -> options = false;
                case "-W" -> wordList = i + 1 < argv.size() ? argv.get(++i) : "";
                case "-v" -> kind = "variable";
                case "-b" -> kind = "builtin";
                case "-k" -> kind = "keyword";
                case "-A" -> kind = i + 1 < argv.size() ? argv.get(++i) : null;
                case "-e" -> kind = "export";
                default -> prefix = arg;
            }
        }
        java.util.Collection<String> names = wordList != null ? new ArrayList<>() : new TreeSet<>();
        if (wordList != null) {
            // the words in the order given, split on IFS as bash splits the expanded list
            String ifs = state.ifs();
            StringBuilder word = new StringBuilder();
            for (int i = 0; i <= wordList.length(); i++) {
                if (i == wordList.length() || ifs.indexOf(wordList.charAt(i)) >= 0) {
                    if (!word.isEmpty()) {
                        names.add(word.toString());
                        word.setLength(0);
                    }
                } else {
                    word.append(wordList.charAt(i));
                }
            }
        } else if ("builtin".equals(kind)) {
            names.addAll(builtins.names());
        } else if ("variable".equals(kind)) {
            names.addAll(state.vars.keySet());
        } else if ("export".equals(kind)) {
            state.vars.forEach((name, var) -> {
                if (var.is(ShellState.Var.EXPORTED)) {
                    names.add(name);
                }
            });
        } else if ("function".equals(kind)) {
            names.addAll(state.functions.keySet());
        } else if ("keyword".equals(kind)) {
            names.addAll(Builtins.KEYWORDS);
            names.addAll(Builtins.BASH_KEYWORDS);
        } else if ("alias".equals(kind)) {
            names.addAll(state.aliases.keySet());
        }
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            if (name.startsWith(prefix)) {
                out.append(name).append('\n');
            }
        }
        shell.print(1, out.toString());
        return out.isEmpty() ? 1 : 0;
    }

    /**
     * Where an external command is: an executable regular file along PATH (or the path itself,
     * for a name with a slash), else the name itself when the kernel's registry has it (its
     * programs need not exist as files); null when neither.
     */
    private String findCommand(String name) {
        String path = remembered.get(name);
        if (path != null) {
            return path;
        }
        path = findInPath(name);
        if (path == null && !name.contains("/") && shell.knownCommands.test(name)) {
            path = name;
        }
        return path;
    }

    /** Looks a command up along PATH in the kernel filesystem, with {@code stat} and {@code access}. */
    private String findInPath(String name) {
        if (name.contains("/")) {
            return Fs.isExecutableFile(api, name) ? name : null;
        }
        String path = state.get("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(":", -1)) {
            String candidate = (dir.isEmpty() ? "." : dir) + "/" + name;
            if (Fs.isExecutableFile(api, candidate)) {
                return dir.isEmpty() ? name : candidate;
            }
        }
        return null;
    }
}
