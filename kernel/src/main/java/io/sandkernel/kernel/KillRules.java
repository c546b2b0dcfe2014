package io.sandkernel.kernel;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.process.ProcessEntry;
import io.sandkernel.process.ProcessInfo;
import io.sandkernel.process.ProcessStatus;
import io.sandkernel.process.ProcessTable;
import io.sandkernel.process.Signals;
import io.sandkernel.user.ProcessIdentity;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kill(2)} from inside the kernel, with Linux's permission rules: the sender's real or
 * effective uid must match the target's real or effective uid, unless the sender is root; SIGCONT
 * may also go to any process of the sender's session. Group and broadcast kills signal the
 * permitted members and fail with EPERM only when none is permitted. Broadcast ({@code -1}) skips
 * the sender and init.
 */
final class KillRules {
    private KillRules() {}

    static void kill(ProcessTable table, int initPid, Task sender, int pid, int signal) {
        if (signal < 0 || signal > Signals.MAX_SIGNAL) {
            throw new KernelException(Errno.EINVAL, "invalid signal " + signal);
        }
        if (pid > 0) {
            ProcessEntry target = table.get(pid).orElseThrow(
                    () -> new KernelException(Errno.ESRCH, "no such process " + pid));
            if (!permitted(table, sender, target.identity(), target.sid(), signal)) {
                throw new KernelException(Errno.EPERM, "not permitted to signal process " + pid);
            }
            table.kill(pid, signal);
            return;
        }
        if (pid == Integer.MIN_VALUE) {
            throw new KernelException(Errno.ESRCH, "no such process group");
        }
        int pgid = pid == 0 ? table.getpgid(sender.pid) : -pid;
        List<ProcessInfo> targets;
        if (pid == -1) {
            targets = new ArrayList<>(); // a broadcast concerns the whole table
            for (ProcessInfo info : table.listProcesses().values()) {
                if (info.status() != ProcessStatus.EXITED && info.pid() != sender.pid && info.pid() != initPid) {
                    targets.add(info);
                }
            }
        } else {
            targets = table.processGroupMembers(pgid);
        }
        if (targets.isEmpty()) {
            throw new KernelException(Errno.ESRCH, pid == -1 ? "no process to signal" : "no such process group " + pgid);
        }
        List<ProcessInfo> allowed = targets.stream()
                .filter(info -> permitted(table, sender, info.identity(), info.sid(), signal)).toList();
        if (allowed.isEmpty()) {
            throw new KernelException(Errno.EPERM, "not permitted to signal any target");
        }
        if (pid != -1 && allowed.size() == targets.size()) {
            table.kill(-pgid, signal);
            return;
        }
        for (ProcessInfo info : allowed) {
            try {
                table.kill(info.pid(), signal);
            } catch (KernelException e) {
                // exited meanwhile
            }
        }
    }

    private static boolean permitted(ProcessTable table, Task sender, ProcessIdentity target, int targetSid,
                                     int signal) {
        ProcessIdentity me = sender.identity;
        if (me.isRoot()) {
            return true;
        }
        if (me.uid() == target.uid() || me.euid() == target.uid() || me.uid() == target.euid()
                || me.euid() == target.euid()) {
            return true;
        }
        if (signal == Signals.SIGCONT) {
            try {
                return table.getsid(sender.pid) == targetSid;
            } catch (KernelException e) {
                return false;
            }
        }
        return false;
    }
}
