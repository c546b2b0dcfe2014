package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.Stat;
import java.io.OutputStream;

/**
 * which [-a] [-s] COMMAND...: where each command is found along PATH: the first executable
 * regular file (all of them with {@code -a}), as debianutils' which prints it. The kernel's own
 * programs need not exist as files; a command found only in the kernel's registry is printed by
 * its name, which is what running it takes (as the shell's {@code command -v} does). Exits 0
 * when all were found, 1 otherwise, 2 for a bad option.
 */
final class WhichCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("as").stopAtFirstOperand();

    @Override
    public int run(ProcessApi process) throws Exception {
        for (String arg : process.args()) {
            if (arg.equals("--")) {
                break;
            }
            if (arg.startsWith("-") && arg.length() > 1 && !arg.substring(1).chars().allMatch(c -> c == 'a' || c == 's')) {
                // debianutils' which: getopts' complaint, then its usage on standard output
                char bad = (char) arg.substring(1).chars().filter(c -> c != 'a' && c != 's').findFirst().orElse('-');
                process.stderr().print("Illegal option -" + bad + "\n");
                process.stderr().flush();
                OutputStream out = ByteText.stdout(process);
                ByteText.writeUtf8(out, "Usage: which [-a] args\n");
                out.flush();
                return 2;
            }
            if (!arg.startsWith("-")) {
                break;
            }
        }
        Options options = PARSER.parse(process.args());
        boolean all = options.has('a');
        boolean silent = options.has('s');
        OutputStream out = ByteText.stdout(process);
        String path = process.env().getOrDefault("PATH", "");
        boolean allFound = true;
        for (String name : options.operands()) {
            boolean found = false;
            if (name.contains("/")) {
                if (executable(process, name)) {
                    found = true;
                    print(out, silent, name);
                }
            } else {
                for (String directory : path.split(":", -1)) {
                    String candidate = (directory.isEmpty() ? "." : directory) + "/" + name;
                    if (executable(process, candidate)) {
                        found = true;
                        print(out, silent, candidate);
                        if (!all) {
                            break;
                        }
                    }
                }
                if (!found && process.hasCommand(name)) {
                    found = true;
                    print(out, silent, name);
                }
            }
            allFound &= found;
        }
        out.flush();
        return options.operands().isEmpty() || !allFound ? 1 : 0;
    }

    private static void print(OutputStream out, boolean silent, String text) throws java.io.IOException {
        if (!silent) {
            ByteText.writeUtf8(out, text + "\n");
        }
    }

    private static boolean executable(ProcessApi process, String path) {
        try {
            Stat stat = process.stat(path);
            if (!stat.isRegularFile()) {
                return false;
            }
            process.access(path, OpenFlags.X_OK);
            return true;
        } catch (KernelException e) {
            return false;
        }
    }
}
