package io.sandkernel.kernel;

import io.sandkernel.KernelException;
import io.sandkernel.kernel.dev.TerminalTable;
import io.sandkernel.kernel.fd.ProcessFiles;
import io.sandkernel.kernel.fd.TerminalDevice;
import io.sandkernel.kernel.memory.MemoryAccount;
import io.sandkernel.kernel.proc.ProcSource;
import io.sandkernel.kernel.vfs.MountInfo;
import io.sandkernel.kernel.vfs.Vfs;
import io.sandkernel.process.ProcessEntry;
import io.sandkernel.process.ProcessTable;
import io.sandkernel.process.SigmaskHow;
import io.sandkernel.process.SignalSet;
import java.util.List;
import java.util.Map;

/** {@code /proc}'s view of a kernel: its table, tasks, terminals, mounts and limits. */
final class KernelProcSource implements ProcSource {
    private final ProcessTable table;
    private final Map<Integer, Task> tasks;
    private final TerminalTable terminals;
    private final Vfs vfs;
    private final KernelLimits limits;
    private final long bootNanos;
    private final MemoryAccount memory;

    KernelProcSource(ProcessTable table, Map<Integer, Task> tasks, TerminalTable terminals, Vfs vfs,
                     KernelLimits limits, long bootNanos, MemoryAccount memory) {
        this.table = table;
        this.tasks = tasks;
        this.terminals = terminals;
        this.vfs = vfs;
        this.limits = limits;
        this.bootNanos = bootNanos;
        this.memory = memory;
    }

    @Override
    public List<Integer> pids() {
        return List.copyOf(table.listProcesses().keySet());
    }

    @Override
    public ProcessEntry entry(int pid) {
        return table.get(pid).orElse(null);
    }

    @Override
    public ProcessFiles files(int pid) {
        Task task = tasks.get(pid);
        return task == null ? null : task.files;
    }

    @Override
    public long[] cpuNanos(int pid) {
        Task task = tasks.get(pid);
        return task == null ? new long[2] : new long[] {Math.max(0, task.cpuNanos()), task.childrenCpu.get()};
    }

    @Override
    public String cgroup(int pid) {
        Task task = tasks.get(pid);
        return task == null ? null : task.group.path();
    }

    @Override
    public long startNanos(int pid) {
        Task task = tasks.get(pid);
        return task == null ? bootNanos : task.startNanos;
    }

    @Override
    public SignalSet pending(int pid) {
        try {
            return table.sigpending(pid);
        } catch (KernelException e) {
            return SignalSet.empty();
        }
    }

    @Override
    public SignalSet blocked(int pid) {
        try {
            return table.sigprocmask(pid, SigmaskHow.BLOCK, SignalSet.empty());
        } catch (KernelException e) {
            return SignalSet.empty();
        }
    }

    @Override
    public TerminalDevice terminal(int sid) {
        return terminals.ofSession(sid);
    }

    @Override
    public List<MountInfo> mounts() {
        return vfs.mounts();
    }

    @Override
    public long bootNanos() {
        return bootNanos;
    }

    @Override
    public long memoryTotal() {
        return memory.limit();
    }

    @Override
    public long memoryUsed() {
        return memory.used();
    }

    @Override
    public int maxProcesses() {
        return limits.maxProcesses();
    }

    @Override
    public int maxOpenFiles() {
        return limits.maxOpenFiles();
    }
}
