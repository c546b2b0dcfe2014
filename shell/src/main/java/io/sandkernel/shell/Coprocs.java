package io.sandkernel.shell;

import io.sandkernel.api.fs.OpenFlags;
import java.util.ArrayList;
import java.util.List;

/**
 * bash's coprocesses: {@code coproc [NAME] command} runs the command in the background with its
 * standard output on one pipe and its standard input on another; the shell keeps the other ends
 * (close-on-exec, high descriptors as bash chooses them: 63 and 60 for the first) in the array
 * {@code NAME} ({@code ${NAME[0]}} to read, {@code ${NAME[1]}} to write) and the pid in
 * {@code NAME_PID}. Once the coprocess has ended and been waited for, both are unset and the
 * descriptors closed.
 */
final class Coprocs {
    private record Running(String name, int pid, int readFd, int writeFd) {}

    private final Interpreter shell;
    private final List<Running> running = new ArrayList<>();

    Coprocs(Interpreter shell) {
        this.shell = shell;
    }

    int start(Ast.Coproc node) {
        String name = node.name();
        if (!running.isEmpty()) {
            Running other = running.get(running.size() - 1);
            shell.error("warning: execute_coproc: coproc [" + other.pid() + ":" + other.name() + "] still exists");
        }
        int[] output = shell.api.pipe2(OpenFlags.O_CLOEXEC);
        int[] input = shell.api.pipe2(OpenFlags.O_CLOEXEC);
        // bash moves all four ends down from 64 and keeps the first and the last
        int readFd = shell.io.moveHighBelow(output[0], Integer.MAX_VALUE);
        int childOut = shell.io.moveHighBelow(output[1], readFd);
        int childIn = shell.io.moveHighBelow(input[0], childOut);
        int writeFd = shell.io.moveHighBelow(input[1], childIn);
        int pid;
        try {
            pid = shell.launcher.coprocess(node.body(), childIn, childOut, Printer.summary(node));
        } finally {
            shell.io.closeQuietly(childIn);
            shell.io.closeQuietly(childOut);
        }
        if (pid < 0) {
            shell.io.closeQuietly(readFd);
            shell.io.closeQuietly(writeFd);
            return 1;
        }
        List<String[]> fds = List.of(new String[] {null, Integer.toString(readFd)},
                new String[] {null, Integer.toString(writeFd)});
        shell.values.assignArray(name, fds, false);
        shell.values.assign(name + "_PID", Integer.toString(pid), false);
        running.add(new Running(name, pid, readFd, writeFd));
        return 0;
    }

    /** Gives back the descriptors and variables of coprocesses that have ended and been waited for. */
    void reap() {
        running.removeIf(coproc -> {
            JobTable.Job job = shell.jobs.byPid(coproc.pid());
            if (job != null && job.state != JobTable.State.DONE) {
                return false;
            }
            shell.io.closeQuietly(coproc.readFd());
            shell.io.closeQuietly(coproc.writeFd());
            shell.state.unset(coproc.name());
            shell.state.unset(coproc.name() + "_PID");
            return true;
        });
    }
}
