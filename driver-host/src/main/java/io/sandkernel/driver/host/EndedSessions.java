package io.sandkernel.driver.host;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sessions of a driver's ended processes ({@code newSession(true)}, unconfined), which may
 * still hold descendants that outlived them: {@link HostDriver#close()} kills what is left in
 * them. The kept ids are pruned with one scan of {@code /proc} whenever they have doubled.
 */
final class EndedSessions {
    private static final int PRUNE_MINIMUM = 256;

    private final Object lock = new Object();
    private final Set<Long> sessions = new LinkedHashSet<>();
    private int pruneAt = PRUNE_MINIMUM;

    /**
     * Keeps {@code session}; returns the ids to prune (outside any lock, with {@link #prune})
     * when they have doubled since the last pruning, else null.
     */
    List<Long> add(long session) {
        synchronized (lock) {
            sessions.add(session);
            if (sessions.size() <= pruneAt) {
                return null;
            }
            pruneAt = Integer.MAX_VALUE; // one pruning at a time
            return List.copyOf(sessions);
        }
    }

    /** Forgets those of {@code candidates} that have no member left. */
    void prune(List<Long> candidates) {
        Set<Long> owned = owned(candidates, ProcFs.sessions()).keySet();
        synchronized (lock) {
            for (long session : candidates) {
                if (!owned.contains(session)) {
                    sessions.remove(session);
                }
            }
            pruneAt = Math.max(PRUNE_MINIMUM, 2 * sessions.size());
        }
    }

    /** Every kept id, forgetting them. */
    List<Long> takeAll() {
        synchronized (lock) {
            List<Long> all = List.copyOf(sessions);
            sessions.clear();
            return all;
        }
    }

    /** Kills with SIGKILL the members left in sessions of ended processes. */
    static void kill(List<Long> ended) {
        if (ended.isEmpty()) {
            return;
        }
        owned(ended, ProcFs.sessions()).values().forEach(members -> members.forEach(
                pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly)));
    }

    /**
     * The sessions among {@code ended} that still have members and are still ours. The leader of
     * an ended session is dead, and Linux does not reuse a pid while it names a live session, so a
     * live process with the session's number as its pid means the number was reused by someone else.
     */
    private static Map<Long, List<Long>> owned(List<Long> ended, Map<Long, List<Long>> live) {
        Map<Long, List<Long>> owned = new LinkedHashMap<>();
        for (long session : ended) {
            List<Long> members = live.get(session);
            if (members != null && !members.isEmpty() && !ProcFs.isLive(session)) {
                owned.put(session, members);
            }
        }
        return owned;
    }
}
