package io.sandkernel.kernel.proc;

import io.sandkernel.kernel.fd.DeviceNumbers;
import io.sandkernel.kernel.fd.TerminalDevice;
import io.sandkernel.kernel.vfs.MountInfo;
import io.sandkernel.process.ProcessEntry;
import io.sandkernel.process.ProcessStatus;
import io.sandkernel.process.SignalSet;
import io.sandkernel.user.ProcessIdentity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The text of the files of {@code /proc}, in Linux's formats ({@code fs/proc/array.c},
 * {@code proc_pid_stat}, {@code proc_pid_status}, {@code meminfo.c}), so that tools reading them
 * as procps does parse them unchanged.
 */
final class ProcFormats {
    /** Clock ticks per second ({@code USER_HZ}), the unit of times in {@code stat}. */
    static final int USER_HZ = 100;
    /** Linux's {@code TASK_COMM_LEN} less the NUL: the longest {@code comm}. */
    private static final int COMM_LENGTH = 15;

    private ProcFormats() {}

    /** {@code comm}: the command name, cut to 15 bytes. */
    static String comm(ProcessEntry entry) {
        String name = entry.command();
        int slash = name.lastIndexOf('/');
        if (slash >= 0 && slash < name.length() - 1) {
            name = name.substring(slash + 1);
        }
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        return bytes.length <= COMM_LENGTH ? name : new String(bytes, 0, COMM_LENGTH, StandardCharsets.UTF_8);
    }

    /** The one-letter state of {@code stat}. */
    static char state(ProcessEntry entry) {
        return switch (entry.status()) {
            case RUNNING -> 'R';
            case STOPPED -> 'T';
            case EXITED -> 'Z';
        };
    }

    private static String stateName(ProcessStatus status) {
        return switch (status) {
            case RUNNING -> "R (running)";
            case STOPPED -> "T (stopped)";
            case EXITED -> "Z (zombie)";
        };
    }

    /** {@code /proc/PID/stat}: the 52 space-separated fields of {@code proc_pid_stat}. */
    static byte[] stat(ProcessEntry entry, TerminalDevice terminal, long startTicks, long[] cpuNanos,
                       SignalSet pending, SignalSet blocked) {
        long tick = 1_000_000_000L / USER_HZ;
        long ttyNr = terminal == null ? 0 : DeviceNumbers.makedev(DeviceNumbers.PTS_MAJOR, terminal.index());
        int tpgid = terminal == null ? -1 : terminal.terminal().foregroundGroup();
        int exitCode = entry.status() == ProcessStatus.EXITED ? (entry.exitCode().orElse(0) & 0xFF) << 8 : 0;
        StringBuilder line = new StringBuilder(160);
        line.append(entry.pid()).append(" (").append(comm(entry)).append(") ").append(state(entry))
                .append(' ').append(entry.ppid()).append(' ').append(entry.pgid()).append(' ').append(entry.sid())
                .append(' ').append(ttyNr).append(' ').append(tpgid)
                // flags minflt cminflt majflt cmajflt utime stime cutime cstime: all CPU is user time
                .append(" 4194304 0 0 0 0 ").append(cpuNanos[0] / tick).append(" 0 ")
                .append(cpuNanos[1] / tick).append(" 0")
                // priority nice num_threads itrealvalue
                .append(" 20 0 1 0 ")
                .append(startTicks)
                // vsize rss rsslim startcode endcode startstack kstkesp kstkeip
                .append(" 0 0 18446744073709551615 0 0 0 0 0 ")
                .append(Long.toUnsignedString(bits(pending))).append(' ').append(Long.toUnsignedString(bits(blocked)))
                // sigignore sigcatch wchan nswap cnswap exit_signal processor rt_priority policy
                .append(" 0 0 0 0 0 17 0 0 0")
                // delayacct_blkio_ticks guest_time cguest_time start_data end_data start_brk
                // arg_start arg_end env_start env_end
                .append(" 0 0 0 0 0 0 0 0 0 0 ")
                .append(exitCode).append('\n');
        return bytes(line);
    }

    /** {@code /proc/PID/status}: "Name:\tsh" lines, as {@code proc_pid_status} writes them. */
    static byte[] status(ProcessEntry entry, int fdSize, int maxProcesses, SignalSet pending, SignalSet blocked) {
        ProcessIdentity id = entry.identity();
        StringBuilder text = new StringBuilder(512);
        text.append("Name:\t").append(comm(entry)).append('\n')
                .append("Umask:\t").append(String.format(Locale.ROOT, "%04o", entry.umask())).append('\n')
                .append("State:\t").append(stateName(entry.status())).append('\n')
                .append("Tgid:\t").append(entry.pid()).append('\n')
                .append("Ngid:\t0\n")
                .append("Pid:\t").append(entry.pid()).append('\n')
                .append("PPid:\t").append(entry.ppid()).append('\n')
                .append("TracerPid:\t0\n")
                .append("Uid:\t").append(id.uid()).append('\t').append(id.euid()).append('\t').append(id.euid())
                .append('\t').append(id.euid()).append('\n')
                .append("Gid:\t").append(id.gid()).append('\t').append(id.egid()).append('\t').append(id.egid())
                .append('\t').append(id.egid()).append('\n')
                .append("FDSize:\t").append(fdSize).append('\n')
                .append("Groups:\t");
        for (int group : id.supplementaryGids()) {
            text.append(group).append(' ');
        }
        text.append('\n')
                .append("NStgid:\t").append(entry.pid()).append('\n')
                .append("NSpid:\t").append(entry.pid()).append('\n')
                .append("NSpgid:\t").append(entry.pgid()).append('\n')
                .append("NSsid:\t").append(entry.sid()).append('\n')
                .append("Threads:\t1\n")
                .append("SigQ:\t").append(pending.size()).append('/').append(maxProcesses).append('\n')
                .append("SigPnd:\t").append(hex(pending)).append('\n')
                .append("ShdPnd:\t0000000000000000\n")
                .append("SigBlk:\t").append(hex(blocked)).append('\n')
                .append("SigIgn:\t0000000000000000\n")
                .append("SigCgt:\t0000000000000000\n");
        return bytes(text);
    }

    /** {@code /proc/PID/cmdline}: argv, each string followed by NUL. */
    static byte[] cmdline(ProcessEntry entry) {
        StringBuilder text = new StringBuilder();
        text.append(entry.command()).append('\0');
        for (String arg : entry.args()) {
            text.append(arg).append('\0');
        }
        return bytes(text);
    }

    /** {@code /proc/PID/environ}: NAME=value strings, each followed by NUL. */
    static byte[] environ(ProcessEntry entry) {
        StringBuilder text = new StringBuilder();
        entry.env().forEach((name, value) -> text.append(name).append('=').append(value).append('\0'));
        return bytes(text);
    }

    /** {@code /proc/mounts}: "tmpfs / tmpfs rw 0 0" lines. */
    static byte[] mounts(List<MountInfo> mounts) {
        StringBuilder text = new StringBuilder();
        for (MountInfo mount : mounts) {
            text.append(mount.type()).append(' ').append(escape(mount.path())).append(' ').append(mount.type())
                    .append(mount.readOnly() ? " ro" : " rw").append(" 0 0\n");
        }
        return bytes(text);
    }

    /** {@code /proc/uptime}: seconds since boot and idle seconds, two decimals. */
    static byte[] uptime(long uptimeNanos) {
        double seconds = uptimeNanos / 1e9;
        return bytes(new StringBuilder(String.format(Locale.ROOT, "%.2f %.2f\n", seconds, 0.0)));
    }

    /** {@code /proc/meminfo} from the kernel's memory for files: "MemTotal:       65536 kB" lines. */
    static byte[] meminfo(long total, long used) {
        long totalKb = total / 1024;
        long usedKb = Math.min(totalKb, (used + 1023) / 1024);
        long freeKb = totalKb - usedKb;
        StringBuilder text = new StringBuilder(512);
        line(text, "MemTotal", totalKb);
        line(text, "MemFree", freeKb);
        line(text, "MemAvailable", freeKb);
        line(text, "Buffers", 0);
        line(text, "Cached", usedKb);
        line(text, "SwapCached", 0);
        line(text, "Active", usedKb);
        line(text, "Inactive", 0);
        line(text, "SwapTotal", 0);
        line(text, "SwapFree", 0);
        line(text, "Dirty", 0);
        line(text, "Shmem", usedKb);
        return bytes(text);
    }

    private static void line(StringBuilder text, String name, long kb) {
        text.append(String.format(Locale.ROOT, "%-16s%8d kB%n", name + ":", kb).replace(System.lineSeparator(), "\n"));
    }

    /** Octal escapes of what would break the line format, as Linux's {@code mangle_path}. */
    private static String escape(String path) {
        StringBuilder escaped = new StringBuilder(path.length());
        for (char c : path.toCharArray()) {
            if (c == ' ' || c == '\t' || c == '\n' || c == '\\') {
                escaped.append('\\').append(String.format(Locale.ROOT, "%03o", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static long bits(SignalSet set) {
        long bits = 0;
        for (int signal : set.toArray()) {
            if (signal >= 1 && signal <= 64) {
                bits |= 1L << (signal - 1);
            }
        }
        return bits;
    }

    private static String hex(SignalSet set) {
        return String.format(Locale.ROOT, "%016x", bits(set));
    }

    private static byte[] bytes(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
