package io.sandkernel.shell;

import io.sandkernel.api.ProcessApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code command} and {@code type}: what a name runs as, and running past functions. */
final class LookupBuiltins {
    private final Interpreter shell;
    private final ShellState state;
    private final ProcessApi api;
    private final Builtins builtins;

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
        String path = findInPath(name);
        if (path == null && !name.contains("/") && shell.knownCommands.test(name)) {
            path = name;
        }
        if (path == null) {
            return null;
        }
        return verbose ? name + " is " + path : path;
    }

    /** Looks a command up along PATH in the kernel filesystem. */
    private String findInPath(String name) {
        if (name.contains("/")) {
            return Files.exists(api.resolve(name)) ? name : null;
        }
        String path = state.get("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            String candidate = dir + "/" + name;
            try {
                Path resolved = api.resolve(candidate);
                if (Files.exists(resolved) && !Files.isDirectory(resolved)) {
                    return candidate;
                }
            } catch (RuntimeException e) {
                Interpreter.rethrowIfTermination(e);
            }
        }
        return null;
    }
}
