package io.sandkernel.shell;

import io.sandkernel.api.ProcessApi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code command} and {@code type}: what a name runs as, and running past functions. */
final class LookupBuiltins {
    private final Interpreter shell;
    private final ShellState state;
    private final ProcessApi api;
    private final Builtins builtins;
    /** What {@code hash} remembers: names and where they were found. */
    private final Map<String, String> remembered = new LinkedHashMap<>();

    LookupBuiltins(Interpreter shell, Builtins builtins) {
        this.shell = shell;
        this.state = shell.state;
        this.api = shell.api;
        this.builtins = builtins;
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
            if (option.contains("v")) {
                mode = 'v';
            } else if (option.contains("V")) {
                mode = 'V';
            }
            i++;
        }
        if (i >= argv.size()) {
            return 0;
        }
        List<String> rest = argv.subList(i, argv.size());
        if (mode == 'v' || mode == 'V') {
            int status = 0;
            for (String name : rest) {
                String description = describe(name, mode == 'V');
                if (description == null) {
                    if (mode == 'V') {
                        shell.print(1, name + ": not found\n");
                    }
                    status = 127;
                } else {
                    shell.print(1, description + "\n");
                }
            }
            return status;
        }
        String name = rest.get(0);
        if (builtins.has(name)) {
            return builtins.run(new ArrayList<>(rest));
        }
        return shell.launcher.runExternal(new ArrayList<>(rest), Map.of(), String.join(" ", rest));
    }

    int type(List<String> argv) {
        int status = 0;
        for (String name : argv.subList(1, argv.size())) {
            String description = describe(name, true);
            if (description == null) {
                shell.print(1, name + ": not found\n");
                status = 127;
            } else {
                shell.print(1, description + "\n");
            }
        }
        return status;
    }

    /** What a name runs as: {@code command -v} form, or {@code type} form when {@code verbose}. */
    private String describe(String name, boolean verbose) {
        if (Builtins.KEYWORDS.contains(name)) {
            return verbose ? name + " is a shell keyword" : name;
        }
        if (state.functions.containsKey(name)) {
            return verbose ? name + " is a shell function" : name;
        }
        if (Builtins.isSpecial(name)) {
            return verbose ? name + " is a special shell builtin" : name;
        }
        if (builtins.has(name)) {
            return verbose ? name + " is a shell builtin" : name;
        }
        String path = findCommand(name);
        if (path == null) {
            return null;
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
            remembered.values().forEach(path -> out.append(path).append('\n'));
            shell.print(1, out.toString());
        }
        return status;
    }

    /**
     * Where an external command is: an executable regular file along PATH (or the path itself,
     * for a name with a slash), else the name itself when the kernel's registry has it (its
     * programs need not exist as files); null when neither.
     */
    private String findCommand(String name) {
        String path = findInPath(name);
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
