package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.DirEntry;
import io.sandkernel.process.ProcessInfo;
import io.sandkernel.process.ProcessStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ps}: lists every process with PID, PPID, PGID, SID, STAT and COMMAND, read from /proc
 * as procps does: the numeric entries of {@code /proc}, each one's {@code /proc/PID/stat} (pid,
 * comm, state, ppid, pgrp, session, tty, tpgid) and, for {@code -f}, {@code /proc/PID/cmdline}.
 * STAT is the state letter ({@code R}, {@code S}, {@code T}, {@code Z}...), then {@code s} for a
 * session leader and {@code +} for the foreground group of a terminal. Other options are accepted
 * and ignored ({@code ps aux}, {@code ps -e}). A kernel without /proc is asked for its table.
 */
final class PsCommand implements Program {
    /** One process as ps shows it. */
    record Row(int pid, int ppid, int pgid, int sid, String stat, String command) {}

    @Override
    public int run(ProcessApi process) throws IOException {
        boolean full = false;
        for (String arg : process.args()) {
            full |= arg.startsWith("-") ? arg.indexOf('f') > 0 || arg.indexOf('F') > 0 : arg.indexOf('u') >= 0;
        }
        List<Row> rows;
        try {
            rows = fromProc(process, full);
        } catch (KernelException e) {
            if (e.errno() != Errno.ENOENT) {
                throw e;
            }
            rows = fromTable(process);
        }
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%7s %7s %7s %7s %-4s %s%n", "PID", "PPID", "PGID", "SID", "STAT",
                full ? "CMD" : "COMMAND"));
        for (Row row : rows) {
            table.append(String.format(Locale.ROOT, "%7d %7d %7d %7d %-4s %s%n", row.pid, row.ppid, row.pgid, row.sid,
                    row.stat, row.command));
        }
        OutputStream out = ByteText.stdout(process);
        ByteText.writeUtf8(out, table.toString());
        out.flush();
        return 0;
    }

    /** The processes of /proc, by pid; a process gone while listed is left out. */
    private static List<Row> fromProc(ProcessApi process, boolean full) throws IOException {
        List<Integer> pids = new ArrayList<>();
        for (DirEntry entry : process.listDirectory("/proc")) {
            if (entry.name().matches("[0-9]+")) {
                pids.add(Integer.parseInt(entry.name()));
            }
        }
        pids.sort(null);
        List<Row> rows = new ArrayList<>();
        for (int pid : pids) {
            try {
                Row row = parseStat(read(process, "/proc/" + pid + "/stat"));
                if (row == null) {
                    continue;
                }
                if (full && !row.stat.startsWith("Z")) {
                    String args = read(process, "/proc/" + pid + "/cmdline");
                    String joined = args.replaceAll("\u0000+$", "").replace('\u0000', ' ');
                    row = new Row(row.pid, row.ppid, row.pgid, row.sid, row.stat,
                            joined.isEmpty() ? "[" + row.command + "]" : joined);
                }
                rows.add(row);
            } catch (KernelException e) {
                if (e.errno() != Errno.ENOENT && e.errno() != Errno.ESRCH) {
                    throw e;
                }
            }
        }
        return rows;
    }

    /**
     * Parses Linux's {@code /proc/PID/stat}: {@code pid (comm) state ppid pgrp session tty_nr tpgid ...},
     * where comm may itself hold spaces and parentheses (so the last {@code ')'} ends it).
     */
    static Row parseStat(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < open) {
            return null;
        }
        String comm = line.substring(open + 1, close);
        String[] fields = line.substring(close + 1).trim().split("\\s+");
        if (fields.length < 6) {
            return null;
        }
        try {
            int pid = Integer.parseInt(line.substring(0, open).trim());
            String state = fields[0];
            int ppid = Integer.parseInt(fields[1]);
            int pgrp = Integer.parseInt(fields[2]);
            int session = Integer.parseInt(fields[3]);
            int tty = Integer.parseInt(fields[4]);
            int tpgid = Integer.parseInt(fields[5]);
            String stat = state + (pid == session ? "s" : "") + (tty != 0 && tpgid == pgrp ? "+" : "");
            String command = state.equals("Z") ? "[" + comm + "] <defunct>" : comm;
            return new Row(pid, ppid, pgrp, session, stat, command);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String read(ProcessApi process, String path) throws IOException {
        try (InputStream in = process.openRead(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The kernel's table, for a kernel that has no /proc. */
    private static List<Row> fromTable(ProcessApi process) {
        List<Row> rows = new ArrayList<>();
        for (ProcessInfo info : process.processes().values()) {
            String stat = switch (info.status()) {
                case RUNNING -> "R";
                case STOPPED -> "T";
                case EXITED -> "Z";
            };
            if (info.pid() == info.sid()) {
                stat += "s";
            }
            String command = info.status() == ProcessStatus.EXITED ? "[" + info.command() + "] <defunct>"
                    : info.command();
            rows.add(new Row(info.pid(), info.ppid(), info.pgid(), info.sid(), stat, command));
        }
        return rows;
    }
}
