package io.sandkernel.shell;

import io.sandkernel.api.ProcessApi;
import io.sandkernel.shell.ShellState.Var;
import java.util.TreeMap;

/** The variables a new bash sets: its version, the machine, the user's ids, SHLVL, and its defaults. */
final class BashVariables {
    private BashVariables() {}

    static void initialize(ShellState state, ProcessApi process) {
        state.setOption(ShellState.Option.HASHALL, true);
        state.setOption(ShellState.Option.BRACEEXPAND, true);
        state.setOption(ShellState.Option.INTERACTIVE_COMMENTS, true);
        state.shopts.addAll(OptionBuiltins.SHOPT_DEFAULTS);
        state.set("BASH", "/bin/bash");
        state.set("BASH_VERSION", OptionBuiltins.BASH_VERSION);
        Var info = state.declare("BASH_VERSINFO");
        info.array = new TreeMap<>();
        String[] parts = {"5", "2", "15", "1", "release", "x86_64-pc-linux-gnu"};
        for (int i = 0; i < parts.length; i++) {
            info.array.put((long) i, parts[i]);
        }
        info.flags |= Var.READONLY;
        setDefault(state, "HOSTTYPE", "x86_64");
        setDefault(state, "MACHTYPE", "x86_64-pc-linux-gnu");
        setDefault(state, "OSTYPE", "linux-gnu");
        setDefault(state, "OPTERR", "1");
        setDefault(state, "HISTFILESIZE", "500");
        setDefault(state, "HISTSIZE", "500");
        if (state.get("HOSTNAME") == null) {
            try {
                state.set("HOSTNAME", Fs.readText(process, "/etc/hostname").strip());
            } catch (io.sandkernel.KernelException e) {
                state.set("HOSTNAME", "sandkernel");
            }
        }
        readonlyNumber(state, "UID", process.identity().uid());
        readonlyNumber(state, "EUID", process.identity().euid());
        Var groups = state.declare("GROUPS");
        groups.array = new TreeMap<>();
        groups.array.put(0L, Integer.toString(process.identity().gid()));
        int level = 0;
        try {
            level = Integer.parseInt(String.valueOf(state.get("SHLVL")).strip());
        } catch (NumberFormatException e) {
            level = 0;
        }
        state.set("SHLVL", Integer.toString(level + 1));
        state.export("SHLVL");
    }

    private static void setDefault(ShellState state, String name, String value) {
        if (state.get(name) == null) {
            state.set(name, value);
        }
    }

    private static void readonlyNumber(ShellState state, String name, int value) {
        Var var = state.declare(name);
        var.value = Integer.toString(value);
        var.flags |= Var.INTEGER | Var.READONLY;
    }
}
