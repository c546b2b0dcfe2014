package io.sandkernel.coreutils;

import io.sandkernel.api.Program;

import io.sandkernel.api.ProcessApi;
import io.sandkernel.process.ProcessInfo;
import java.io.PrintStream;

/**
 * {@code ps}: lists every process of the kernel with PID, PPID, PGID, SID, STAT and COMMAND. STAT is
 * {@code R} running, {@code T} stopped or {@code Z} zombie, followed by {@code s} for a session
 * leader. Options are accepted and ignored ({@code ps aux}, {@code ps -ef} print the same table).
 */
final class PsCommand implements Program {
    @Override
    public int run(ProcessApi process) {
        PrintStream out = process.stdout();
        StringBuilder table = new StringBuilder();
        table.append(String.format("%7s %7s %7s %7s %-4s %s%n", "PID", "PPID", "PGID", "SID", "STAT", "COMMAND"));
        for (ProcessInfo info : process.processes().values()) {
            String stat = switch (info.status()) {
                case RUNNING -> "R";
                case STOPPED -> "T";
                case EXITED -> "Z";
            };
            if (info.pid() == info.sid()) {
                stat += "s";
            }
            String command = info.status() == io.sandkernel.process.ProcessStatus.EXITED
                    ? "[" + info.command() + "] <defunct>" : info.command();
            table.append(String.format("%7d %7d %7d %7d %-4s %s%n", info.pid(), info.ppid(), info.pgid(), info.sid(),
                    stat, command));
        }
        out.print(table);
        out.flush();
        return 0;
    }
}
