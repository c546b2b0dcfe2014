package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.Redirect;
import io.sandkernel.api.SpawnRequest;
import java.util.List;

/**
 * setsid [-f] [-w] PROGRAM [ARG]...: runs PROGRAM in a new session (util-linux). There is no
 * {@code exec} for a program here, so PROGRAM always runs as a child that calls {@code setsid}
 * before it starts. Where util-linux would {@code setsid} and {@code exec} itself (the caller leads
 * no process group, no {@code -f}), setsid stands in for PROGRAM: it waits and exits with its
 * status. Where util-linux forks (the caller leads its group, or {@code -f}), setsid returns 0 at
 * once, leaving PROGRAM to init, unless {@code -w} asks it to wait. 126/127 when PROGRAM cannot
 * run or does not exist, 1 for a bad option.
 */
final class SetsidCommand implements Program {
    @Override
    public int run(ProcessApi process) {
        List<String> args = process.args();
        boolean fork = false;
        boolean wait = false;
        int first = 0;
        for (; first < args.size() && args.get(first).startsWith("-") && args.get(first).length() > 1; first++) {
            String option = args.get(first);
            if (option.equals("--")) {
                first++;
                break;
            }
            switch (option) {
                case "-f", "--fork" -> fork = true;
                case "-w", "--wait" -> wait = true;
                case "-c", "--ctty" -> { } // no terminal is taken over: the child has none of its own
                default -> throw new UsageException("invalid option -- '" + option.replaceFirst("^-+", "") + "'");
            }
        }
        List<String> command = args.subList(first, args.size());
        if (command.isEmpty()) {
            throw new UsageException("no command specified");
        }
        Diagnostics diagnostics = new Diagnostics(process, "setsid");
        int pid;
        try {
            pid = process.spawn(new SpawnRequest(command, process.env(), process.cwd(), Redirect.inherit(),
                    Redirect.inherit(), Redirect.inherit(), -1, true));
        } catch (KernelException e) {
            diagnostics.error("failed to execute " + command.get(0) + ": " + Diagnostics.describe(e));
            return e.errno() == io.sandkernel.Errno.ENOENT ? 127 : 126;
        }
        boolean forked = fork || process.getpgid(0) == process.pid();
        return forked && !wait ? 0 : Children.await(process, pid);
    }
}
