package io.sandkernel.kernel.vfs;

import io.sandkernel.api.fs.FileType;
import io.sandkernel.api.fs.Stat;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A file of a {@link HostTree}: a snapshot of its host attributes, read with {@code NOFOLLOW}
 * during the operation that looked it up.
 *
 * @param path     the host path
 * @param relative the path below the mounted directory ({@code ""} for it), '/'-separated
 * @param fileKey  the host's identity of the file (device and inode), to notice it was replaced
 */
record HostNode(Path path, String relative, FileType type, long ino, int permissions, int uid, int gid,
                Object fileKey, int nlink, long size, long rdev, Instant atime, Instant mtime, Instant ctime)
        implements Node {

    Stat stat(long dev) {
        return new Stat(dev, ino, type.modeBits() | permissions, nlink, uid, gid, rdev, size, atime, mtime, ctime);
    }

    /** Whether {@code other} is the same host file as this one. */
    boolean sameFile(HostNode other) {
        return other != null && fileKey.equals(other.fileKey) && type == other.type;
    }
}
