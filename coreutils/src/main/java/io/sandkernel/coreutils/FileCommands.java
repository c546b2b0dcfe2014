package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Registers the file commands: find, xargs, ln, chmod, chown, chgrp, rmdir, stat, readlink,
 * realpath, dirname, basename, mktemp, du, df, truncate, dd, install, mkfifo, file and tree.
 */
final class FileCommands {
    private FileCommands() {}

    /** Adds the file commands to {@code commands}. */
    static void addTo(Map<String, Program> commands) {
        add(commands, "find", "[-H] [-L] [-P] [starting-point...] [expression]", 1, FindCommand::new);
        add(commands, "xargs", "[-0prt] [-a FILE] [-d DELIM] [-I REPLACE] [-L MAX] [-n MAX] [-P MAX] [-s MAX] "
                + "[COMMAND [INITIAL-ARGS]...]", 1, XargsCommand::new);
        add(commands, "ln", "[-fnrsTv] [-t DIR] TARGET... [LINK_NAME|DIRECTORY]", 1, LnCommand::new);
        add(commands, "chmod", "[-Rcfv] MODE[,MODE]... FILE...", 1, ChmodCommand::new);
        add(commands, "chown", "[-Rcfhv] [OWNER][:[GROUP]] FILE...", 1, () -> new ChownCommand(false));
        add(commands, "chgrp", "[-Rcfhv] GROUP FILE...", 1, () -> new ChownCommand(true));
        add(commands, "rmdir", "[-pv] [--ignore-fail-on-non-empty] DIRECTORY...", 1, RmdirCommand::new);
        add(commands, "stat", "[-L] [-f] [-c FORMAT] [--printf FORMAT] [-t] FILE...", 1, StatCommand::new);
        add(commands, "readlink", "[-fem] [-nqsvz] FILE...", 1, ReadlinkCommand::new);
        add(commands, "realpath", "[-e|-m] [-L|-P|-s] [-qz] [--relative-to=DIR] [--relative-base=DIR] FILE...", 1,
                RealpathCommand::new);
        add(commands, "dirname", "[-z] NAME...", 1, DirnameCommand::new);
        add(commands, "basename", "NAME [SUFFIX] | -a [-s SUFFIX] [-z] NAME...", 1, BasenameCommand::new);
        add(commands, "mktemp", "[-dqtu] [-p DIR] [--suffix=SUFF] [TEMPLATE]", 1, MktempCommand::new);
        add(commands, "du", "[-abchkLsx] [-d N] [--max-depth=N] [FILE]...", 1, DuCommand::new);
        add(commands, "df", "[-ahkPT] [FILE]...", 1, DfCommand::new);
        add(commands, "truncate", "[-co] -s SIZE | -r RFILE FILE...", 1, TruncateCommand::new);
        add(commands, "dd", "[OPERAND]...", 1, DdCommand::new);
        add(commands, "install", "[-cDdpv] [-m MODE] [-o OWNER] [-g GROUP] [-t DIR] SOURCE... DEST", 1,
                InstallCommand::new);
        add(commands, "mkfifo", "[-m MODE] NAME...", 1, MkfifoCommand::new);
        add(commands, "file", "[-bhLz] FILE...", 1, FileTypeCommand::new);
        add(commands, "tree", "[-adfi] [-L LEVEL] [-I PATTERN] [--noreport] [DIRECTORY]...", 2, TreeCommand::new);
    }

    private static void add(Map<String, Program> commands, String name, String synopsis, int usageStatus,
                            Supplier<? extends Program> command) {
        commands.put(name, new CommandGuard(name, synopsis, usageStatus, command));
    }
}
