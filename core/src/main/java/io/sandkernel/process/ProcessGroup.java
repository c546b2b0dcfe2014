package io.sandkernel.process;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The members of one process group, zombies included until reaped, with the counts the table's
 * hot paths ask for: live members (for {@code hasProcessGroup} and {@code setpgid}) and stopped
 * members (so the orphaned-group check runs only where a member is stopped), and links: live
 * members whose parent is a live process other than init in another group of the same session.
 * A group with live members and no link is orphaned (POSIX), so that check costs O(1). Every
 * member shares the group's session: the table refuses the moves that would mix sessions.
 */
final class ProcessGroup extends RecordList {
    final int pgid;
    final int sid;
    int liveCount;
    int stoppedCount;
    int linkCount;

    ProcessGroup(int pgid, int sid) {
        super(GROUP);
        this.pgid = pgid;
        this.sid = sid;
    }

    /** POSIX: live members, none of them with a parent in another group of the same session. */
    boolean isOrphaned() {
        return liveCount > 0 && linkCount == 0;
    }

    /**
     * The members by ascending pid, the order a group signal reaches them. Members usually join
     * in pid order, so the sort is skipped unless a {@code setpgid} moved a lower pid in late.
     */
    ProcessRecord[] byPid() {
        ProcessRecord[] members = new ProcessRecord[size()];
        boolean sorted = true;
        int i = 0;
        for (ProcessRecord member = head(); member != null; member = next(member)) {
            sorted &= i == 0 || members[i - 1].pid < member.pid;
            members[i++] = member;
        }
        if (!sorted) {
            Arrays.sort(members, Comparator.comparingInt(record -> record.pid));
        }
        return members;
    }
}
