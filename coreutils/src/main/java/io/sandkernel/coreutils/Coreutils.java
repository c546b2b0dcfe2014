package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The coreutils of Sandkernel, written against {@link io.sandkernel.api.ProcessApi}: echo,
 * printf, cat, true, false, sleep, yes, seq, head, tail, wc, tr, grep, sort, uniq, cut, tee, ls,
 * mkdir, rm, touch, cp, mv, pwd, env, id, whoami, kill, ps, tty and stty, with the options people use most and GNU's
 * messages and exit statuses. Each run of a command gets a fresh command object.
 */
public final class Coreutils {
    private Coreutils() {}

    /** Every command by name, in a fixed order. */
    public static Map<String, Program> commands() {
        Map<String, Program> commands = new LinkedHashMap<>();
        add(commands, "echo", "[-neE] [STRING]...", 1, EchoCommand::new);
        add(commands, "printf", "FORMAT [ARGUMENT]...", 1, PrintfCommand::new);
        add(commands, "cat", "[-AbeEnstTv] [FILE]...", 1, CatCommand::new);
        add(commands, "true", "[ignored command line arguments]", 0, () -> new StatusCommand(0));
        add(commands, "false", "[ignored command line arguments]", 1, () -> new StatusCommand(1));
        add(commands, "sleep", "NUMBER[SUFFIX]...", 1, SleepCommand::new);
        commands.put("yes", new CommandGuard("yes", "[STRING]...", 1, YesCommand::new)
                .withWriteErrorReport(CommandGuard.STANDARD_OUTPUT_ERROR));
        add(commands, "seq", "[-w] [-s SEP] [-f FORMAT] [FIRST [INCREMENT]] LAST", 1, SeqCommand::new);
        add(commands, "head", "[-n [-]NUM] [-c [-]NUM] [-qvz] [FILE]...", 1, HeadCommand::new);
        add(commands, "tail", "[-n [+]NUM] [-c [+]NUM] [-qvz] [FILE]...", 1, TailCommand::new);
        add(commands, "wc", "[-clmwL] [FILE]...", 1, WcCommand::new);
        add(commands, "tr", "[-cdst] SET1 [SET2]", 1, TrCommand::new);
        add(commands, "uniq", "[-cdDiu] [-f N] [-s N] [-w N] [INPUT [OUTPUT]]", 1, UniqCommand::new);
        add(commands, "cut", "-b LIST | -c LIST | -f LIST [-d DELIM] [-s] [--complement] [FILE]...", 1,
                CutCommand::new);
        add(commands, "tee", "[-a] [FILE]...", 1, TeeCommand::new);
        commands.put("grep", new CommandGuard("grep", "[OPTION]... PATTERNS [FILE]...", 2, GrepCommand::new)
                .withUsageLineOnError());
        commands.put("sort", new CommandGuard("sort",
                "[-bcdfghinrsuz] [-k POS1[,POS2]]... [-t SEP] [-o FILE] [FILE]...", 2, SortCommand::new)
                .withWriteErrorReport((diagnostics, error) -> diagnostics.error("write failed: " + error.shownName()
                        + ": " + Diagnostics.describe(error.failure()))));
        add(commands, "ls", "[-aAdFhilLnprRStU1] [FILE]...", 2, LsCommand::new);
        add(commands, "mkdir", "[-pv] [-m MODE] DIRECTORY...", 1, MkdirCommand::new);
        add(commands, "rm", "[-dfrRv] FILE...", 1, RmCommand::new);
        add(commands, "touch", "[-acm] [-d DATE] [-t STAMP] [-r FILE] FILE...", 1, TouchCommand::new);
        add(commands, "cp", "[-adfHiLnpPrRTv] [--preserve[=ATTR_LIST]] [-t DIR] SOURCE... DEST", 1, CpCommand::new);
        add(commands, "mv", "[-finTv] [-t DIR] SOURCE... DEST", 1, MvCommand::new);
        add(commands, "pwd", "[-LP]", 1, PwdCommand::new);
        add(commands, "env", "[-i0] [-u NAME]... [-C DIR] [NAME=VALUE]... [COMMAND [ARG]...]", 125, EnvCommand::new);
        add(commands, "id", "[-ugGnrz] [USER]", 1, () -> new IdCommand(false));
        add(commands, "whoami", "", 1, () -> new IdCommand(true));
        add(commands, "kill", "[-s SIGNAL | -SIGNAL] PID... | -l [SIGNAL]...", 1, KillCommand::new);
        add(commands, "ps", "[-ef]", 1, PsCommand::new);
        TextProcessingCommands.addTo(commands);
        FileCommands.addTo(commands);
        SystemCommands.addTo(commands);
        TextToolCommands.addTo(commands);
        ArchiveCommands.addTo(commands);
        commands.putAll(TerminalCommands.commands());
        return Collections.unmodifiableMap(commands);
    }

    private static void add(Map<String, Program> commands, String name, String synopsis, int usageStatus,
                            Supplier<? extends Program> command) {
        commands.put(name, new CommandGuard(name, synopsis, usageStatus, command));
    }
}
