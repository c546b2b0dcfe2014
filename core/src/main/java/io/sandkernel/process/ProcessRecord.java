package io.sandkernel.process;

import io.sandkernel.user.ProcessIdentity;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** The table's mutable state of one process. Guarded by the table's lock. */
final class ProcessRecord {
    final int pid;
    int ppid;
    int pgid;
    int sid;
    final String driver;
    final String command;
    final List<String> args;
    final Map<String, String> env;
    final String cwd;
    final ProcessIdentity identity;
    final DriverProcess process;
    ProcessStatus status = ProcessStatus.RUNNING;
    int umask;
    int exitCode;
    long exitTimeMillis;
    long blocked;
    long pending;
    /** When the zombie reaper looks at this record next; valid while it is in the zombie queue. */
    long reapDeadlineMillis;
    boolean zombieQueued;
    /**
     * Whether this process keeps its group from being orphaned (POSIX): it is live and its parent
     * is a live process other than init in another group of the same session. Its group counts
     * these in {@link ProcessGroup#linkCount}; kept by {@link ProcessIndex}.
     */
    boolean link;
    /**
     * The thread announcing this process's exit (delivering the signals the exit causes and
     * running the exit callback), until it has finished; null otherwise. Until then the exit is
     * reported to waits on that thread only.
     */
    Thread exitAnnouncer;
    /** Stop and continue events not yet collected by waitpid, oldest first; null when none. */
    ArrayDeque<WaitResult> waitEvents;
    /** The group, session and parent's child list this record is linked into (siblings: null for roots). */
    ProcessGroup group;
    RecordList session;
    RecordList siblings;
    /** This process's children, created on first use. */
    RecordList children;
    /** prev/next links for each {@link RecordList} kind. */
    final ProcessRecord[] links = new ProcessRecord[RecordList.KINDS * 2];

    ProcessRecord(int pid, int ppid, int pgid, int sid, String driver, String command, List<String> args,
                  ProcessContext context, DriverProcess process) {
        this.pid = pid;
        this.ppid = ppid;
        this.pgid = pgid;
        this.sid = sid;
        this.driver = driver;
        this.command = command;
        this.args = args;
        this.env = context.env();
        this.cwd = context.cwd();
        this.identity = context.identity();
        this.umask = context.umask() & 0777;
        this.blocked = context.blockedSignals().bits();
        this.pending = context.pendingSignals().bits();
        this.process = process;
    }

    boolean isExited() {
        return status == ProcessStatus.EXITED;
    }

    /**
     * Whether a wait may report the exit now: the process exited and its exit has been announced,
     * or the calling thread is the one announcing it (so the exit callback may reap it).
     */
    boolean isExitReportable() {
        return status == ProcessStatus.EXITED && (exitAnnouncer == null || exitAnnouncer == Thread.currentThread());
    }

    ProcessEntry toEntry() {
        return new ProcessEntry(pid, ppid, pgid, sid, driver, command, args, status, exitCodeValue(),
                isExited() ? OptionalLong.of(exitTimeMillis) : OptionalLong.empty(), env, cwd, umask, identity);
    }

    ProcessInfo toInfo() {
        return new ProcessInfo(pid, ppid, pgid, sid, driver, command, status, exitCodeValue(), identity);
    }

    private OptionalInt exitCodeValue() {
        return isExited() ? OptionalInt.of(exitCode) : OptionalInt.empty();
    }

    RecordList childList() {
        if (children == null) {
            children = new RecordList(RecordList.CHILDREN);
        }
        return children;
    }

    void addWaitEvent(WaitResult event) {
        if (waitEvents == null) {
            waitEvents = new ArrayDeque<>(2);
        }
        waitEvents.addLast(event);
    }
}
