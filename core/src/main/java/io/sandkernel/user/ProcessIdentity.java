package io.sandkernel.user;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import java.util.List;

/**
 * The credentials of a process, as {@code man 7 credentials} describes them: real and effective
 * user and group ids plus supplementary groups. Immutable; the list is copied on construction.
 *
 * @param uid               real user id, at least 0
 * @param gid               real group id, at least 0
 * @param euid              effective user id, at least 0; permission checks use it
 * @param egid              effective group id, at least 0
 * @param supplementaryGids supplementary group ids, each at least 0
 * @throws KernelException EINVAL when an id is negative or the list is null or holds null
 */
public record ProcessIdentity(int uid, int gid, int euid, int egid, List<Integer> supplementaryGids) {
    private static final ProcessIdentity DEFAULTS = new ProcessIdentity(1000, 1000, 1000, 1000, List.of(1000));

    /** Validates the ids and copies the group list. */
    public ProcessIdentity {
        if (uid < 0 || gid < 0 || euid < 0 || egid < 0) {
            throw new KernelException(Errno.EINVAL, "user and group ids must not be negative");
        }
        if (supplementaryGids == null) {
            throw new KernelException(Errno.EINVAL, "supplementary group list must not be null");
        }
        for (Integer group : supplementaryGids) {
            if (group == null || group < 0) {
                throw new KernelException(Errno.EINVAL, "supplementary group ids must be non-negative numbers");
            }
        }
        supplementaryGids = List.copyOf(supplementaryGids);
    }

    /** The guest identity: uid, gid, euid and egid 1000, supplementary groups [1000]. */
    public static ProcessIdentity defaults() {
        return DEFAULTS;
    }

    /** The superuser: every id 0, supplementary groups [0]. */
    public static ProcessIdentity root() {
        return new ProcessIdentity(0, 0, 0, 0, List.of(0));
    }

    /** Whether permission checks let this identity act as the superuser ({@code euid == 0}). */
    public boolean isRoot() {
        return euid == 0;
    }
}
