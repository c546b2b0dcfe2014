package io.sandkernel.process;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The table's entries and the indexes that keep every hot path proportional to the processes it
 * concerns: each record links into its parent's child list, its process group and its session.
 * Guarded by the table's lock.
 */
final class ProcessIndex {
    private final PidMap<ProcessRecord> entries = new PidMap<>();
    /** Child lists whose parent pid has no entry: children registered under an unknown pid. */
    private final PidMap<RecordList> strayChildren = new PidMap<>();
    private final PidMap<ProcessGroup> groups = new PidMap<>();
    private final PidMap<RecordList> sessions = new PidMap<>();
    private int runningCount;

    ProcessRecord get(int pid) {
        return entries.get(pid);
    }

    ProcessGroup group(int pgid) {
        return groups.get(pgid);
    }

    boolean hasSession(int sid) {
        return sessions.get(sid) != null;
    }

    int size() {
        return entries.size();
    }

    int runningCount() {
        return runningCount;
    }

    void forEach(Consumer<ProcessRecord> action) {
        entries.forEachValue(action);
    }

    /** Whether a process, zombie, process group or session uses {@code pid}. */
    boolean isPidInUse(int pid) {
        return entries.get(pid) != null || groups.get(pid) != null || sessions.get(pid) != null;
    }

    /** Enters a new record into the table and links it into every index. */
    void add(ProcessRecord record) {
        entries.putNew(record.pid, record);
        if (record.ppid != 0) {
            ProcessRecord parent = entries.get(record.ppid);
            RecordList siblings = parent != null ? parent.childList() : strayList(record.ppid);
            siblings.append(record);
            record.siblings = siblings;
        }
        if (strayChildren.size() > 0) {
            record.children = strayChildren.remove(record.pid);
        }
        joinGroup(record, record.pgid);
        joinSession(record, record.sid);
        if (record.status == ProcessStatus.RUNNING) {
            runningCount++;
        }
    }

    /** Takes a record out of the table and every index. */
    void remove(ProcessRecord record) {
        entries.remove(record.pid);
        RecordList siblings = record.siblings;
        if (siblings != null) {
            siblings.unlink(record);
            record.siblings = null;
            if (siblings.isEmpty() && strayChildren.size() > 0 && strayChildren.get(record.ppid) == siblings) {
                strayChildren.remove(record.ppid);
            }
        }
        if (record.children != null && !record.children.isEmpty()) {
            strayChildren.putNew(record.pid, record.children);
        }
        record.children = null;
        leaveGroup(record);
        leaveSession(record);
        if (record.status == ProcessStatus.RUNNING) {
            runningCount--;
        }
    }

    private RecordList strayList(int ppid) {
        RecordList list = strayChildren.get(ppid);
        if (list == null) {
            list = new RecordList(RecordList.CHILDREN);
            strayChildren.putNew(ppid, list);
        }
        return list;
    }

    /** Changes the run state, keeping the running and per-group counts. */
    void setStatus(ProcessRecord record, ProcessStatus next) {
        ProcessStatus previous = record.status;
        ProcessGroup group = record.group;
        if (previous == ProcessStatus.RUNNING) {
            runningCount--;
        } else if (previous == ProcessStatus.STOPPED) {
            group.stoppedCount--;
        }
        if (next == ProcessStatus.RUNNING) {
            runningCount++;
        } else if (next == ProcessStatus.STOPPED) {
            group.stoppedCount++;
        } else {
            group.liveCount--;
        }
        record.status = next;
    }

    /**
     * Hands the children of an exiting process to {@code newParent} (0: to no one). Returns the
     * process groups whose orphan status may change: the exiting process's own and its children's.
     */
    int[] reparentChildren(ProcessRecord exiting, int newParent) {
        RecordList children = exiting.children;
        exiting.children = null;
        if (children == null || children.isEmpty()) {
            return new int[] {exiting.pgid};
        }
        RecordList adoptive = newParent == 0 ? null : entries.get(newParent).childList();
        int[] affected = new int[children.size() + 1];
        affected[0] = exiting.pgid;
        int count = 1;
        for (ProcessRecord child = children.head(); child != null; ) {
            ProcessRecord next = children.next(child);
            child.ppid = newParent;
            child.siblings = adoptive;
            if (adoptive != null) {
                adoptive.append(child);
            }
            affected[count++] = child.pgid;
            child = next;
        }
        return Arrays.stream(affected).distinct().toArray();
    }

    /** Moves a record into process group {@code pgid}, creating the group in its session. */
    void moveToGroup(ProcessRecord record, int pgid) {
        leaveGroup(record);
        joinGroup(record, pgid);
    }

    /** Makes a record the leader of a new session and process group, both numbered by its pid. */
    void moveToNewSession(ProcessRecord record) {
        leaveGroup(record);
        leaveSession(record);
        joinSession(record, record.pid);
        joinGroup(record, record.pid);
    }

    private void joinGroup(ProcessRecord record, int pgid) {
        ProcessGroup group = groups.get(pgid);
        if (group == null) {
            group = new ProcessGroup(pgid, record.sid);
            groups.putNew(pgid, group);
        }
        group.append(record);
        if (!record.isExited()) {
            group.liveCount++;
        }
        if (record.status == ProcessStatus.STOPPED) {
            group.stoppedCount++;
        }
        record.pgid = pgid;
        record.group = group;
    }

    private void leaveGroup(ProcessRecord record) {
        ProcessGroup group = record.group;
        group.unlink(record);
        if (!record.isExited()) {
            group.liveCount--;
        }
        if (record.status == ProcessStatus.STOPPED) {
            group.stoppedCount--;
        }
        if (group.isEmpty()) {
            groups.remove(group.pgid);
        }
        record.group = null;
    }

    private void joinSession(ProcessRecord record, int sid) {
        RecordList session = sessions.get(sid);
        if (session == null) {
            session = new RecordList(RecordList.SESSION);
            sessions.putNew(sid, session);
        }
        session.append(record);
        record.sid = sid;
        record.session = session;
    }

    private void leaveSession(ProcessRecord record) {
        RecordList session = record.session;
        session.unlink(record);
        if (session.isEmpty()) {
            sessions.remove(record.sid);
        }
        record.session = null;
    }

    /** Checks every index against a full scan; throws {@link AssertionError} on a mismatch. */
    void check(RecordList zombies) {
        new TableInvariants(entries, strayChildren, groups, sessions, zombies, runningCount).check();
    }
}
