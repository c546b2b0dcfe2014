package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The smaller text tools: tac, rev, paste, join, comm, nl, fold, fmt, column, expand, unexpand,
 * od, strings, split, csplit, shuf and tsort, each behind a {@link CommandGuard} with its GNU
 * (or, for rev and column, util-linux; for strings, binutils) synopsis and usage status.
 */
final class TextToolCommands {
    private TextToolCommands() {}

    /** Adds the commands to {@code commands}. */
    static void addTo(Map<String, Program> commands) {
        add(commands, "tac", "[-br] [-s SEP] [FILE]...", TacCommand::new);
        add(commands, "rev", "[options] [file ...]", RevCommand::new);
        add(commands, "paste", "[-sz] [-d LIST] [FILE]...", PasteCommand::new);
        add(commands, "comm", "[-123z] [--check-order] [--output-delimiter=STR] [--total] FILE1 FILE2",
                CommCommand::new);
        add(commands, "join", "[OPTION]... FILE1 FILE2", JoinCommand::new);
        add(commands, "nl", "[OPTION]... [FILE]...", NlCommand::new);
        add(commands, "fold", "[-bs] [-w WIDTH] [FILE]...", FoldCommand::new);
        add(commands, "fmt", "[-WIDTH] [OPTION]... [FILE]...", FmtCommand::new);
        add(commands, "column", "[options] [<file>...]", ColumnCommand::new);
        add(commands, "expand", "[-i] [-t LIST] [FILE]...", ExpandCommand::new);
        add(commands, "unexpand", "[-a] [--first-only] [-t LIST] [FILE]...", UnexpandCommand::new);
        add(commands, "od", "[OPTION]... [FILE]...", OdCommand::new);
        add(commands, "strings", "[option(s)] [file(s)]", StringsCommand::new);
        add(commands, "split", "[OPTION]... [FILE [PREFIX]]", SplitCommand::new);
        add(commands, "csplit", "[OPTION]... FILE PATTERN...", CsplitCommand::new);
        add(commands, "shuf", "[-erz] [-i LO-HI] [-n COUNT] [-o FILE] [--random-source=FILE] [FILE | ARG...]",
                ShufCommand::new);
        add(commands, "tsort", "[OPTION] [FILE]", TsortCommand::new);
    }

    private static void add(Map<String, Program> commands, String name, String synopsis,
                            Supplier<? extends Program> command) {
        commands.put(name, new CommandGuard(name, synopsis, 1, command));
    }
}
