package io.sandkernel.process;

/**
 * The members of one process group, zombies included until reaped, with the counts the table's
 * hot paths ask for: live members (for {@code hasProcessGroup} and {@code setpgid}) and stopped
 * members (so the orphaned-group check runs only where a member is stopped). Every member shares
 * the group's session: the table refuses the moves that would mix sessions.
 */
final class ProcessGroup extends RecordList {
    final int pgid;
    final int sid;
    int liveCount;
    int stoppedCount;

    ProcessGroup(int pgid, int sid) {
        super(GROUP);
        this.pgid = pgid;
        this.sid = sid;
    }
}
