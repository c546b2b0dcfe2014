package io.sandkernel.kernel.vfs;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;

/**
 * How much the counted filesystems of one {@link Vfs} may hold together: file data in bytes and
 * inodes (files, directories and symbolic links). See {@link FileSystemBackend.Accounting} for
 * which mounts count.
 *
 * @param maxBytes  the total size of regular files, at least 0
 * @param maxInodes the number of inodes, at least 1 (the root directory is one)
 */
public record VfsLimits(long maxBytes, long maxInodes) {
    /**
     * Validates the limits.
     *
     * @throws KernelException EINVAL when a limit is out of range
     */
    public VfsLimits {
        if (maxBytes < 0 || maxInodes < 1) {
            throw new KernelException(Errno.EINVAL, "limits must be maxBytes >= 0 and maxInodes >= 1, not "
                    + maxBytes + " and " + maxInodes);
        }
    }

    /** 256 MiB and 16,384 inodes. */
    public static VfsLimits defaults() {
        return new VfsLimits(256L << 20, 16_384);
    }
}
