package io.sandkernel.process;

import java.util.HashMap;
import java.util.Map;

/**
 * Recomputes every index of a {@link ProcessTable} from a full scan of its entries and compares:
 * the consistency check that tests run after stress and random operation sequences.
 */
final class TableInvariants {
    private final PidMap<ProcessRecord> entries;
    private final PidMap<RecordList> strayChildren;
    private final PidMap<ProcessGroup> groups;
    private final PidMap<RecordList> sessions;
    private final RecordList zombies;
    private final int runningCount;

    TableInvariants(PidMap<ProcessRecord> entries, PidMap<RecordList> strayChildren,
                    PidMap<ProcessGroup> groups, PidMap<RecordList> sessions, RecordList zombies, int runningCount) {
        this.entries = entries;
        this.strayChildren = strayChildren;
        this.groups = groups;
        this.sessions = sessions;
        this.zombies = zombies;
        this.runningCount = runningCount;
    }

    void check() {
        Map<Integer, Integer> groupSizes = new HashMap<>();
        Map<Integer, Integer> groupLive = new HashMap<>();
        Map<Integer, Integer> groupStopped = new HashMap<>();
        Map<Integer, Integer> groupLinks = new HashMap<>();
        Map<Integer, Integer> sessionSizes = new HashMap<>();
        Map<Integer, Integer> childCounts = new HashMap<>();
        int[] running = {0};
        int[] queued = {0};
        entries.forEachValue(record -> {
            expect(entries.get(record.pid) == record, "entry " + record.pid + " is not found by its pid");
            expect(record.group == groups.get(record.pgid), "pid " + record.pid + " not linked to group " + record.pgid);
            expect(record.group.sid == record.sid, "group " + record.pgid + " mixes sessions");
            expect(record.session == sessions.get(record.sid), "pid " + record.pid + " not linked to session " + record.sid);
            ProcessRecord parent = entries.get(record.ppid);
            RecordList expected = record.ppid == 0 ? null : parent != null ? parent.children : strayChildren.get(record.ppid);
            expect(record.siblings == expected, "pid " + record.pid + " not linked to the children of " + record.ppid);
            expect(record.children == null || strayChildren.get(record.pid) == null, "pid " + record.pid + " has stray children too");
            groupSizes.merge(record.pgid, 1, Integer::sum);
            sessionSizes.merge(record.sid, 1, Integer::sum);
            if (record.ppid != 0) {
                childCounts.merge(record.ppid, 1, Integer::sum);
            }
            if (!record.isExited()) {
                groupLive.merge(record.pgid, 1, Integer::sum);
            }
            if (record.status == ProcessStatus.STOPPED) {
                groupStopped.merge(record.pgid, 1, Integer::sum);
            }
            boolean link = isLink(record);
            expect(record.link == link, "pid " + record.pid + (link ? " is" : " is not") + " a link but flagged otherwise");
            if (link) {
                groupLinks.merge(record.pgid, 1, Integer::sum);
            }
            expect(record.exitAnnouncer == null || record.isExited(), "running pid " + record.pid + " has an exit announcer");
            if (record.status == ProcessStatus.RUNNING) {
                running[0]++;
            }
            if (record.zombieQueued) {
                expect(record.isExited(), "running pid " + record.pid + " is in the zombie queue");
                queued[0]++;
            }
        });
        expect(running[0] == runningCount, "running count " + runningCount + " but " + running[0] + " running");
        expect(queued[0] == zombies.size(), "zombie queue holds " + zombies.size() + " but " + queued[0] + " flagged");
        expect(groups.size() == groupSizes.size(), "group index has " + groups.size() + " groups, scan finds " + groupSizes.size());
        groups.forEachValue(group -> {
            expect(group.size() == groupSizes.getOrDefault(group.pgid, 0), "group " + group.pgid + " size");
            expect(group.liveCount == groupLive.getOrDefault(group.pgid, 0), "group " + group.pgid + " live count");
            expect(group.stoppedCount == groupStopped.getOrDefault(group.pgid, 0), "group " + group.pgid + " stopped count");
            expect(group.linkCount == groupLinks.getOrDefault(group.pgid, 0), "group " + group.pgid + " link count");
        });
        expect(sessions.size() == sessionSizes.size(), "session index size");
        childCounts.forEach((ppid, count) -> {
            ProcessRecord parent = entries.get(ppid);
            RecordList list = parent != null ? parent.children : strayChildren.get(ppid);
            expect(list != null && list.size() == count, "children of " + ppid);
        });
        strayChildren.forEachValue(list -> expect(!list.isEmpty(), "empty stray child list"));
        sessionSizes.forEach((sid, count) -> expect(sessions.get(sid).size() == count, "session " + sid + " size"));
        long previous = Long.MIN_VALUE;
        for (ProcessRecord zombie = zombies.head(); zombie != null; zombie = zombies.next(zombie)) {
            expect(zombie.reapDeadlineMillis >= previous, "zombie deadlines out of order");
            previous = zombie.reapDeadlineMillis;
        }
    }

    /**
     * Recomputed from scratch, as POSIX defines it: a live member whose parent is a live process
     * other than init (pid 1) in another group of the same session.
     */
    private boolean isLink(ProcessRecord record) {
        if (record.isExited() || record.ppid == 0 || record.ppid == ProcessTable.INIT_PID) {
            return false;
        }
        ProcessRecord parent = entries.get(record.ppid);
        return parent != null && !parent.isExited() && parent.sid == record.sid && parent.pgid != record.pgid;
    }

    private static void expect(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError("process table index inconsistent: " + message);
        }
    }
}
