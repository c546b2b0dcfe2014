package io.sandkernel.kernel.proc;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.kernel.fd.OpenFile;
import io.sandkernel.kernel.fd.ProcessFiles;
import io.sandkernel.kernel.vfs.Caller;
import io.sandkernel.kernel.vfs.MagicTarget;
import io.sandkernel.kernel.vfs.SyntheticBackend;
import io.sandkernel.kernel.vfs.SyntheticDirectory;
import io.sandkernel.kernel.vfs.SyntheticEntry;
import io.sandkernel.kernel.vfs.SyntheticFile;
import io.sandkernel.kernel.vfs.SyntheticLink;
import io.sandkernel.process.ProcessEntry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's {@code /proc}, generated from the process table whenever it is read and costing
 * nothing otherwise: {@code self} (a link to the caller's pid), {@code mounts}, {@code uptime},
 * {@code meminfo}, and per process {@code PID/}: {@code stat}, {@code status}, {@code cmdline},
 * {@code comm}, {@code environ} (owner and root only), {@code cwd} (a magic link to the working
 * directory), {@code exe} (a link to {@code /bin/COMMAND}: commands have no files of their own)
 * and {@code fd/} (owner and root only), whose magic links open what the descriptor refers to
 * anew, as Linux does. Formats are Linux's ({@link ProcFormats}).
 */
public final class ProcFs {
    private static final SyntheticLink SELF = SyntheticLink.of(caller -> Integer.toString(caller.pid()));

    private final ProcSource source;

    private ProcFs(ProcSource source) {
        this.source = source;
    }

    /** A backend for {@code /proc} over {@code source}. */
    public static SyntheticBackend create(ProcSource source, Clock clock) {
        ProcFs proc = new ProcFs(source);
        SyntheticDirectory root = SyntheticDirectory.builder(0555)
                .add("self", SELF)
                .file("mounts", caller -> ProcFormats.mounts(source.mounts()))
                .file("uptime", caller -> ProcFormats.uptime(System.nanoTime() - source.bootNanos()))
                .file("meminfo", caller -> ProcFormats.meminfo(source.memoryTotal(), source.memoryUsed()))
                .source(proc.new Processes())
                .build();
        return new SyntheticBackend("proc", root, clock);
    }

    /** The process directories: one per pid of the table. */
    private final class Processes implements SyntheticDirectory.Source {
        @Override
        public SyntheticEntry lookup(Caller caller, String name) {
            int pid = pidOf(name);
            ProcessEntry entry = pid > 0 ? source.entry(pid) : null;
            return entry == null ? null : processDirectory(entry);
        }

        @Override
        public List<String> names(Caller caller) {
            List<String> names = new ArrayList<>();
            for (int pid : source.pids()) {
                names.add(Integer.toString(pid));
            }
            return names;
        }
    }

    private SyntheticDirectory processDirectory(ProcessEntry owner) {
        int pid = owner.pid();
        int uid = owner.identity().euid();
        int gid = owner.identity().egid();
        return SyntheticDirectory.builder(0555).owner(uid, gid)
                .add("stat", new SyntheticFile(0444, uid, gid, caller -> {
                    ProcessEntry entry = entry(pid);
                    long ticks = Math.max(0, source.startNanos(pid) - source.bootNanos())
                            / (1_000_000_000L / ProcFormats.USER_HZ);
                    long[] cpu = source.cpuNanos(pid);
                    return ProcFormats.stat(entry, source.terminal(entry.sid()), ticks, cpu, source.pending(pid),
                            source.blocked(pid));
                }))
                .add("status", new SyntheticFile(0444, uid, gid, caller -> ProcFormats.status(entry(pid),
                        64, source.maxProcesses(), source.pending(pid), source.blocked(pid))))
                .add("cmdline", new SyntheticFile(0444, uid, gid, caller -> ProcFormats.cmdline(entry(pid))))
                .add("comm", new SyntheticFile(0444, uid, gid,
                        caller -> (ProcFormats.comm(entry(pid)) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .add("cgroup", new SyntheticFile(0444, uid, gid, caller -> cgroup(pid)))
                .add("environ", new SyntheticFile(0400, uid, gid, caller -> ProcFormats.environ(entry(pid))))
                .add("cwd", SyntheticLink.magic(uid, gid,
                        caller -> ownerOnly(caller, owner, () -> files(pid).cwdFile().path()),
                        caller -> ownerOnly(caller, owner, () -> new MagicTarget.File(files(pid).cwdFile()))))
                .add("exe", new SyntheticLink(uid, gid, caller -> "/bin/" + ProcFormats.comm(owner), null))
                .add("fd", SyntheticDirectory.builder(0500).owner(uid, gid).source(new Descriptors(pid)).build())
                .build();
    }

    /** {@code /proc/PID/cgroup} in cgroup v2's one-line form, "0::/exec-3"; a zombie's is "0::/". */
    private byte[] cgroup(int pid) {
        entry(pid);
        String path = source.cgroup(pid);
        return ("0::" + (path == null ? "/" : path) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** {@code /proc/PID/fd}: a magic link per open descriptor. */
    private final class Descriptors implements SyntheticDirectory.Source {
        private final int pid;

        Descriptors(int pid) {
            this.pid = pid;
        }

        @Override
        public SyntheticEntry lookup(Caller caller, String name) {
            int fd = pidOf(name);
            ProcessFiles files = fd >= 0 ? source.files(pid) : null;
            OpenFile file = files == null ? null : files.fds().find(fd);
            if (file == null) {
                return null;
            }
            ProcessEntry owner = source.entry(pid);
            int uid = owner == null ? 0 : owner.identity().euid();
            int gid = owner == null ? 0 : owner.identity().egid();
            return SyntheticLink.magic(uid, gid, caller2 -> file.describe(), caller2 -> target(file));
        }

        @Override
        public List<String> names(Caller caller) {
            ProcessFiles files = source.files(pid);
            List<String> names = new ArrayList<>();
            if (files != null) {
                for (int fd : files.fds().snapshot().keySet()) {
                    names.add(Integer.toString(fd));
                }
            }
            return names;
        }
    }

    /** Where {@code /proc/PID/fd/N} leads: the file again, or the pipe or terminal itself. */
    private static MagicTarget target(OpenFile file) {
        if (!file.isOpen()) {
            return null;
        }
        if (file.file() != null) {
            return new MagicTarget.File(file.file());
        }
        return new MagicTarget.Foreign(file, file.stat());
    }

    private ProcessEntry entry(int pid) {
        ProcessEntry entry = source.entry(pid);
        if (entry == null) {
            throw new KernelException(Errno.ESRCH, "process " + pid + " is gone");
        }
        return entry;
    }

    private ProcessFiles files(int pid) {
        ProcessFiles files = source.files(pid);
        if (files == null) {
            throw new KernelException(Errno.ENOENT, "process " + pid + " has no files (exited)");
        }
        return files;
    }

    /** What Linux guards with {@code ptrace_may_access}: the owner and root only. */
    private static <T> T ownerOnly(Caller caller, ProcessEntry owner, java.util.function.Supplier<T> value) {
        if (!caller.isRoot() && caller.identity().euid() != owner.identity().euid()) {
            throw new KernelException(Errno.EACCES, "permission denied: /proc/" + owner.pid());
        }
        return value.get();
    }

    /** A decimal number without sign or leading zero, or -1. */
    private static int pidOf(String name) {
        if (name.isEmpty() || name.length() > 9 || (name.length() > 1 && name.charAt(0) == '0')) {
            return -1;
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(name);
    }

}
