package io.sandkernel.kernel;

import io.sandkernel.KernelException;
import io.sandkernel.kernel.fd.WaitQueue;
import io.sandkernel.kernel.tty.PseudoTerminal;
import io.sandkernel.process.ProcessInfo;
import io.sandkernel.process.ProcessStatus;
import io.sandkernel.process.ProcessTable;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** How a terminal of a kernel reaches the process table, and wakes its pollers. */
final class TerminalControl implements PseudoTerminal.Control {
    private final ProcessTable table;
    private final WaitQueue pollers;

    TerminalControl(ProcessTable table, WaitQueue pollers) {
        this.table = table;
        this.pollers = pollers;
    }

    @Override
    public void signalGroup(int pgid, int signal) {
        try {
            table.kill(-pgid, signal);
        } catch (KernelException e) {
            // the group is gone
        }
    }

    @Override
    public int pgidOf(int pid) {
        try {
            return table.getpgid(pid);
        } catch (KernelException e) {
            return -1;
        }
    }

    @Override
    public int sidOf(int pid) {
        try {
            return table.getsid(pid);
        } catch (KernelException e) {
            return -1;
        }
    }

    @Override
    public boolean groupInSession(int pgid, int sid) {
        // every member of a group shares its session: the first live member tells
        List<ProcessInfo> members = pgid > 0 ? table.processGroupMembers(pgid) : List.of();
        return !members.isEmpty() && members.get(0).sid() == sid;
    }

    @Override
    public List<Integer> groupsOfSession(int sid) {
        SortedSet<Integer> groups = new TreeSet<>();
        for (ProcessInfo info : table.listProcesses().values()) {
            if (info.sid() == sid && info.status() != ProcessStatus.EXITED) {
                groups.add(info.pgid());
            }
        }
        return List.copyOf(groups);
    }

    @Override
    public void changed() {
        pollers.wakeAll();
    }
}
