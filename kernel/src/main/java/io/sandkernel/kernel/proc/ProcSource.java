package io.sandkernel.kernel.proc;

import io.sandkernel.kernel.fd.ProcessFiles;
import io.sandkernel.kernel.fd.TerminalDevice;
import io.sandkernel.kernel.vfs.MountInfo;
import io.sandkernel.process.ProcessEntry;
import io.sandkernel.process.SignalSet;
import java.util.List;
import java.util.SortedMap;

/** What {@code /proc} is generated from: the kernel's process table and state, read when asked. */
public interface ProcSource {
    /** The pids of the table, zombies included, ascending. */
    List<Integer> pids();

    /** Process {@code pid} as the table holds it, or null when there is none. */
    ProcessEntry entry(int pid);

    /** The files of live process {@code pid} (descriptors, working directory), or null (a zombie). */
    ProcessFiles files(int pid);

    /** The path of the job (cgroup) of live process {@code pid}, as "/exec-3", or null. */
    String cgroup(int pid);

    /**
     * The CPU nanoseconds of live process {@code pid} and of its exited children: {utime,
     * cutime}; zeros when unknown.
     */
    long[] cpuNanos(int pid);

    /** When process {@code pid} started, in {@link System#nanoTime()} terms; 0 when unknown. */
    long startNanos(int pid);

    /** The signals pending for {@code pid} (empty when unknown). */
    SignalSet pending(int pid);

    /** The signals {@code pid} blocks (empty when unknown). */
    SignalSet blocked(int pid);

    /** The controlling terminal of session {@code sid}, or null. */
    TerminalDevice terminal(int sid);

    /** The mounts, the root first. */
    List<MountInfo> mounts();

    /** When the kernel started, in {@link System#nanoTime()} terms. */
    long bootNanos();

    /** The kernel's memory limit ({@code KernelLimits.memoryBytes}), in bytes. */
    long memoryTotal();

    /** The bytes of that memory in use (programs' reservations, pipes, in-memory files). */
    long memoryUsed();

    /** The process limit, for {@code SigQ} and the like. */
    int maxProcesses();

    /** The descriptor limit per process. */
    int maxOpenFiles();

    /** A snapshot, for tests and listings. */
    default SortedMap<Integer, ProcessEntry> entries() {
        SortedMap<Integer, ProcessEntry> all = new java.util.TreeMap<>();
        for (int pid : pids()) {
            ProcessEntry entry = entry(pid);
            if (entry != null) {
                all.put(pid, entry);
            }
        }
        return all;
    }
}
