package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Registers the system commands: uname, hostname, groups, date, printenv, timeout, nohup, setsid, nice,
 * nproc, which, time, test, [ and getconf. Launchers (timeout, nohup, nice, time) run their
 * command as a child process and exit with its status.
 */
final class SystemCommands {
    private SystemCommands() {}

    /** Adds the system commands to {@code commands}. */
    static void addTo(Map<String, Program> commands) {
        add(commands, "uname", "[-asnrvmpio]", 1, UnameCommand::new);
        add(commands, "hostname", "[-s|-f|-d|-i|-I]", 1, HostnameCommand::new);
        add(commands, "groups", "[USER]...", 1, GroupsCommand::new);
        add(commands, "date", "[-uR] [-d STRING] [-r FILE] [-I[FMT]] [+FORMAT]", 1, DateCommand::new);
        add(commands, "printenv", "[-0] [VARIABLE]...", 2, PrintenvCommand::new);
        add(commands, "timeout", "[-s SIGNAL] [-k DURATION] [--preserve-status] [--foreground] [-v] DURATION COMMAND [ARG]...",
                125, TimeoutCommand::new);
        add(commands, "nohup", "COMMAND [ARG]...", 125, NohupCommand::new);
        add(commands, "setsid", "[-f] [-w] PROGRAM [ARG]...", 1, SetsidCommand::new);
        add(commands, "nice", "[-n ADJUSTMENT] [COMMAND [ARG]...]", 125, NiceCommand::new);
        add(commands, "nproc", "[--all] [--ignore=N]", 1, NprocCommand::new);
        add(commands, "which", "[-as] COMMAND...", 2, WhichCommand::new);
        add(commands, "time", "[-pq] [-f FORMAT] [-o FILE [-a]] COMMAND [ARG]...", 125, TimeCommand::new);
        add(commands, "test", "EXPRESSION", 2, () -> new TestCommand(false));
        add(commands, "[", "EXPRESSION ]", 2, () -> new TestCommand(true));
        add(commands, "getconf", "[-v specification] variable_name [pathname]", 2, GetconfCommand::new);
    }

    private static void add(Map<String, Program> commands, String name, String synopsis, int usageStatus,
                            Supplier<? extends Program> command) {
        commands.put(name, new CommandGuard(name, synopsis, usageStatus, command));
    }
}
