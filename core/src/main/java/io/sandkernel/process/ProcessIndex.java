package io.sandkernel.process;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The table's entries and the indexes that keep every hot path proportional to the processes it
 * concerns: each record links into its parent's child list, its process group and its session.
 * Groups also count their links (see {@link ProcessRecord#link}); a record's link can only change
 * when it or its parent changes group, session, liveness or parent, so each change re-evaluates
 * just the record and its children. Guarded by the table's lock.
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
        refreshLink(record);
        refreshChildLinks(record); // children registered earlier under this pid now have a parent
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
        RecordList children = record.children;
        record.children = null;
        if (children != null && !children.isEmpty()) {
            strayChildren.putNew(record.pid, children);
            refreshLinks(children); // their parent is gone
        }
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
        if (next == ProcessStatus.EXITED) {
            refreshLink(record); // the children's links go with the reparenting that follows
        }
    }

    /**
     * Hands the children of an exiting process to {@code newParent} (0: to no one; the new parent
     * is init or no one, so no child is a link afterwards). Returns the pgids of the children's
     * groups that lost a link: the only groups, besides the exiting process's own, that the exit
     * can orphan. Costs O(children).
     */
    int[] reparentChildren(ProcessRecord exiting, int newParent) {
        RecordList children = exiting.children;
        exiting.children = null;
        if (children == null || children.isEmpty()) {
            return EMPTY;
        }
        RecordList adoptive = newParent == 0 ? null : entries.get(newParent).childList();
        int[] losing = EMPTY;
        int count = 0;
        for (ProcessRecord child = children.head(); child != null; ) {
            ProcessRecord next = children.next(child);
            if (child.link) {
                if (count == losing.length) {
                    losing = Arrays.copyOf(losing, Math.max(4, count * 2));
                }
                losing[count++] = child.pgid;
            }
            child.ppid = newParent;
            child.siblings = adoptive;
            if (adoptive != null) {
                adoptive.append(child);
            }
            refreshLink(child);
            child = next;
        }
        return count == losing.length ? losing : Arrays.copyOf(losing, count);
    }

    private static final int[] EMPTY = new int[0];

    /**
     * Whether {@code record} keeps its group from being orphaned: it is live and its parent is a
     * live process other than init in another group of the same session. Like Linux's
     * {@code will_become_orphaned_pgrp}, a parent that is init never keeps a group attached.
     */
    boolean isLink(ProcessRecord record) {
        if (record.isExited() || record.ppid == 0 || record.ppid == ProcessTable.INIT_PID) {
            return false;
        }
        ProcessRecord parent = entries.get(record.ppid);
        return parent != null && !parent.isExited() && parent.sid == record.sid && parent.pgid != record.pgid;
    }

    /** Re-evaluates whether {@code record} is a link, keeping its group's count. */
    private void refreshLink(ProcessRecord record) {
        boolean link = isLink(record);
        if (link != record.link) {
            record.link = link;
            record.group.linkCount += link ? 1 : -1;
        }
    }

    /** Re-evaluates the children of {@code parent}: their parent changed group, session or liveness. */
    private void refreshChildLinks(ProcessRecord parent) {
        if (parent.children != null) {
            refreshLinks(parent.children);
        }
    }

    private void refreshLinks(RecordList list) {
        for (ProcessRecord record = list.head(); record != null; record = list.next(record)) {
            refreshLink(record);
        }
    }

    /** Moves a record into process group {@code pgid}, creating the group in its session. */
    void moveToGroup(ProcessRecord record, int pgid) {
        leaveGroup(record);
        joinGroup(record, pgid);
        refreshLink(record);
        refreshChildLinks(record);
    }

    /** Makes a record the leader of a new session and process group, both numbered by its pid. */
    void moveToNewSession(ProcessRecord record) {
        leaveGroup(record);
        leaveSession(record);
        joinSession(record, record.pid);
        joinGroup(record, record.pid);
        refreshLink(record);
        refreshChildLinks(record);
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
        if (record.link) {
            group.linkCount--;
            record.link = false;
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
