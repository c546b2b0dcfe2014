package io.sandkernel.api.fs;

import java.time.Instant;

/**
 * What {@code stat(2)} reports of a file.
 *
 * @param dev   the id of the filesystem (mount) holding the file
 * @param ino   the inode number, unique within {@code dev}; equal for hard links
 * @param mode  the file type ({@link FileType#modeBits()}) and permission bits, including
 *              set-user-id (04000), set-group-id (02000) and sticky (01000)
 * @param nlink the number of hard links
 * @param uid   the owner's user id
 * @param gid   the owning group's id
 * @param rdev  the device id, for character and block devices; else 0
 * @param size  the size in bytes (for a symbolic link, the length of its target)
 * @param atime the last access time
 * @param mtime the last modification time
 * @param ctime the last status change time
 */
public record Stat(long dev, long ino, int mode, int nlink, int uid, int gid, long rdev, long size,
                   Instant atime, Instant mtime, Instant ctime) {
    /** The file's type, from {@link #mode}. */
    public FileType type() {
        return FileType.ofMode(mode);
    }

    /** The permission bits of {@link #mode} (07777). */
    public int permissions() {
        return mode & 07777;
    }

    /** Whether this is a directory. */
    public boolean isDirectory() {
        return type() == FileType.DIRECTORY;
    }

    /** Whether this is a regular file. */
    public boolean isRegularFile() {
        return type() == FileType.REGULAR;
    }

    /** Whether this is a symbolic link. */
    public boolean isSymbolicLink() {
        return type() == FileType.SYMLINK;
    }

    /** The number of 512-byte blocks, as {@code st_blocks} would report for a file of this size. */
    public long blocks() {
        return (size + 4095) / 4096 * 8;
    }
}
