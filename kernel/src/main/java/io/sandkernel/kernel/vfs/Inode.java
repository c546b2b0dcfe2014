package io.sandkernel.kernel.vfs;

import io.sandkernel.api.fs.FileType;
import io.sandkernel.api.fs.Stat;
import java.time.Instant;

/**
 * The metadata of one file of a {@link MemoryTree}, kept by the kernel rather than by the NIO
 * filesystem that stores the contents: inode number, full mode (set-id and sticky bits included,
 * which NIO's POSIX view cannot hold), owner, link count, size, times and a symbolic link's exact
 * target. Shared by the nodes of every name of the file. A stat reads it without touching the
 * filesystem. Fields are volatile for readers; read-modify-write changes synchronize on the inode.
 */
final class Inode {
    final long ino;
    final FileType type;
    /** The NIO file key, to find the inode from a looked-up path. */
    final Object key;
    volatile int permissions;
    volatile int uid;
    volatile int gid;
    volatile int nlink;
    volatile long size;
    volatile Instant atime;
    volatile Instant mtime;
    volatile Instant ctime;
    /** A symbolic link's target, exactly as created; null for other types. */
    final String target;
    /** A regular file's contents as its handles reach them; null for other types. */
    final ContentChannel content;

    Inode(long ino, FileType type, Object key, int permissions, int uid, int gid, int nlink, long size,
          Instant atime, Instant mtime, Instant ctime, String target) {
        this.ino = ino;
        this.type = type;
        this.key = key;
        this.permissions = permissions;
        this.uid = uid;
        this.gid = gid;
        this.nlink = nlink;
        this.size = size;
        this.atime = atime;
        this.mtime = mtime;
        this.ctime = ctime;
        this.target = target;
        this.content = type == FileType.REGULAR ? new ContentChannel() : null;
    }

    Stat stat(long dev) {
        long reported = switch (type) {
            case DIRECTORY -> 4096;
            case SYMLINK -> PathNames.utf8Length(target);
            default -> size;
        };
        return new Stat(dev, ino, type.modeBits() | permissions, nlink, uid, gid, 0, reported, atime, mtime, ctime);
    }

    synchronized void addLinks(int delta, Instant now) {
        nlink = Math.max(0, nlink + delta);
        ctime = now;
    }

    /** An entry was added to or removed from this directory. */
    synchronized void entriesChanged(int subdirectoryDelta, Instant now) {
        nlink = Math.max(0, nlink + subdirectoryDelta);
        mtime = now;
        ctime = now;
    }

    synchronized void changed(Instant now) {
        ctime = now;
    }

    /** The contents changed: the size is now {@code newSize}. */
    synchronized void written(long newSize, Instant now) {
        size = newSize;
        mtime = now;
        ctime = now;
    }

    /** Whether a read now moves the access time ({@link #read}): it is not newer than the last change. */
    boolean accessTimeStale() {
        Instant accessed = atime;
        return !accessed.isAfter(mtime) || !accessed.isAfter(ctime);
    }

    /** Linux's relatime: the access time moves when it is not newer than the last change. */
    void read(Instant now) {
        Instant accessed = atime;
        if (!accessed.isAfter(mtime) || !accessed.isAfter(ctime)) {
            atime = now;
        }
    }
}
