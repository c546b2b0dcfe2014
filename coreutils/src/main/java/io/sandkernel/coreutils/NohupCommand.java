package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.Redirect;
import io.sandkernel.api.SignalHandler;
import io.sandkernel.api.SpawnRequest;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.process.Signals;
import java.util.List;

/**
 * nohup COMMAND [ARG]...: runs COMMAND with SIGHUP ignored (nohup ignores it and the child
 * inherits the disposition at spawn, as across exec). When standard input is a terminal it is
 * replaced by /dev/null; when standard output is, output is appended to {@code nohup.out} (or
 * {@code $HOME/nohup.out}); standard error on a terminal follows standard output. Exits with the
 * command's status; 125 for nohup's own failures, 126/127 when the command cannot run or does
 * not exist.
 */
final class NohupCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("").stopAtFirstOperand();

    @Override
    public int run(ProcessApi process) throws Exception {
        List<String> command = PARSER.parse(process.args()).operands();
        if (command.isEmpty()) {
            throw new UsageException("missing operand");
        }
        Diagnostics diagnostics = new Diagnostics(process, "nohup");
        boolean inputTty = process.isatty(0);
        boolean outputTty = process.isatty(1);
        boolean errorTty = process.isatty(2);
        Redirect stdin = inputTty ? new Redirect.Null() : Redirect.inherit();
        Redirect stdout = Redirect.inherit();
        Redirect stderr = Redirect.inherit();
        int outFd = -1;
        if (outputTty) {
            String file = "nohup.out";
            try {
                outFd = process.open(file, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_APPEND
                        | OpenFlags.O_CLOEXEC, 0600);
            } catch (KernelException e) {
                String home = process.env().get("HOME");
                if (home == null) {
                    throw e;
                }
                file = FileOps.join(home, "nohup.out");
                try {
                    outFd = process.open(file, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_APPEND
                            | OpenFlags.O_CLOEXEC, 0600);
                } catch (KernelException again) {
                    diagnostics.error("failed to open " + Diagnostics.quote(file) + ": " + Diagnostics.describe(again));
                    return 125;
                }
            }
            stdout = new Redirect.Descriptor(outFd);
            diagnostics.warn((inputTty ? "ignoring input and appending output to " : "appending output to ")
                    + Diagnostics.quote(file));
        } else if (inputTty) {
            diagnostics.warn("ignoring input");
        }
        if (errorTty) {
            stderr = outFd >= 0 ? new Redirect.Descriptor(outFd) : new Redirect.Descriptor(1);
            if (!outputTty) {
                diagnostics.warn("redirecting stderr to stdout");
            }
        }
        process.signal(Signals.SIGHUP, SignalHandler.IGNORE);
        int pid;
        try {
            pid = process.spawn(new SpawnRequest(command, process.env(), process.cwd(), stdin, stdout, stderr,
                    -1, false));
        } catch (KernelException e) {
            diagnostics.error("failed to run command " + Diagnostics.quote(command.get(0)) + ": "
                    + Diagnostics.describe(e));
            return e.errno() == Errno.ENOENT ? 127 : 126;
        } finally {
            if (outFd >= 0) {
                FileOps.closeQuietly(process, outFd);
            }
        }
        return Children.await(process, pid);
    }
}
