package io.sandkernel.kernel.vfs;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.user.ProcessIdentity;

/**
 * Who makes a filesystem call: the process, its credentials and its file mode creation mask.
 *
 * @param pid      the calling process's id (what {@code /proc/self} names); 0 for the kernel itself
 * @param identity the credentials permission checks use (effective ids, or real ids for
 *                 {@code access(2)}); root is {@code euid == 0}
 * @param umask    the bits (of 0777) removed from the mode of files and directories it creates
 */
public record Caller(int pid, ProcessIdentity identity, int umask) {
    /**
     * Validates the fields.
     *
     * @throws KernelException EINVAL when identity is null or the umask has bits outside 0777
     */
    public Caller {
        if (identity == null) {
            throw new KernelException(Errno.EINVAL, "caller identity must not be null");
        }
        if ((umask & ~0777) != 0) {
            throw new KernelException(Errno.EINVAL, "umask " + Integer.toOctalString(umask) + " has bits outside 0777");
        }
    }

    /** The kernel acting for itself: pid 0, root, umask 022 (for setting up the filesystem). */
    public static Caller kernel() {
        return new Caller(0, ProcessIdentity.root(), 022);
    }

    /** Whether permission checks let this caller act as the superuser. */
    public boolean isRoot() {
        return identity.euid() == 0;
    }
}
