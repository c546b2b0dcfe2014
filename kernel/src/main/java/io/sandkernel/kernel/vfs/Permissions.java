package io.sandkernel.kernel.vfs;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.FileType;
import io.sandkernel.user.ProcessIdentity;

/**
 * Linux's discretionary access rules ({@code generic_permission}): the owner, group or other bits
 * chosen by the caller's user id and groups; root (euid 0) may read and write anything and execute
 * a file with any execute bit, or search any directory.
 */
final class Permissions {
    /** Read permission. */
    static final int READ = 4;
    /** Write permission. */
    static final int WRITE = 2;
    /** Execute permission, or search for a directory. */
    static final int EXEC = 1;

    static final int S_ISUID = 04000;
    static final int S_ISGID = 02000;
    static final int S_ISVTX = 01000;

    private Permissions() {}

    /**
     * Whether {@code identity} may access a file with {@code want} (a mix of {@link #READ},
     * {@link #WRITE}, {@link #EXEC}).
     *
     * @param realIds use the real user and group ids ({@code access(2)}) instead of the effective
     */
    static boolean allowed(ProcessIdentity identity, boolean realIds, FileType type, int permissions,
                           int uid, int gid, int want) {
        int everyone = want * 0111;
        if ((permissions & everyone) == everyone) {
            return true;
        }
        int user = realIds ? identity.uid() : identity.euid();
        if (user == 0) {
            return (want & EXEC) == 0 || type == FileType.DIRECTORY || (permissions & 0111) != 0;
        }
        int bits;
        if (user == uid) {
            bits = permissions >> 6;
        } else if (inGroup(identity, realIds, gid)) {
            bits = permissions >> 3;
        } else {
            bits = permissions;
        }
        return (want & ~bits & 7) == 0;
    }

    /** Whether {@code node} allows {@code want} to {@code caller}'s effective ids. */
    static boolean allowed(Caller caller, Node node, int want) {
        int permissions = node.permissions();
        int everyone = want * 0111;
        if ((permissions & everyone) == everyone) {
            return true;
        }
        return allowed(caller.identity(), false, node.type(), permissions, node.uid(), node.gid(), want);
    }

    /** @throws KernelException EACCES unless {@code node} allows {@code want} */
    static void require(Caller caller, Node node, int want, String path) {
        if (!allowed(caller, node, want)) {
            throw new KernelException(Errno.EACCES, "permission denied: " + path);
        }
    }

    /**
     * @param name what is being looked up in {@code dir}, for the message
     * @throws KernelException EACCES unless {@code caller} may search the directory {@code dir}
     */
    static void requireSearch(Caller caller, Node dir, String name) {
        if (caller.identity().euid() != 0 && !allowed(caller, dir, EXEC)) {
            throw new KernelException(Errno.EACCES, "permission denied: no search permission on the directory of " + name);
        }
    }

    /** Whether {@code gid} is the caller's (effective or real) group or one of its supplementary groups. */
    static boolean inGroup(ProcessIdentity identity, boolean realIds, int gid) {
        return (realIds ? identity.gid() : identity.egid()) == gid || identity.supplementaryGids().contains(gid);
    }

    /** Whether {@code caller} owns {@code node} or is root. */
    static boolean ownerOrRoot(Caller caller, Node node) {
        int euid = caller.identity().euid();
        return euid == 0 || euid == node.uid();
    }

    /**
     * The sticky-directory rule: in a directory with the sticky bit, only the entry's owner, the
     * directory's owner or root may remove or rename it.
     *
     * @throws KernelException EPERM when the rule forbids it
     */
    static void requireStickyOwner(Caller caller, Node dir, Node victim, String path) {
        if ((dir.permissions() & S_ISVTX) == 0) {
            return;
        }
        int euid = caller.identity().euid();
        if (euid != 0 && euid != victim.uid() && euid != dir.uid()) {
            throw new KernelException(Errno.EPERM, "operation not permitted in sticky directory: " + path);
        }
    }
}
