package io.sandkernel.kernel.vfs;

import io.sandkernel.api.fs.FileType;

/**
 * A file of a {@link FileSystemBackend}, as the path walker sees it: its type and what permission
 * checks need. Each backend has its own implementation and only ever receives nodes it made. Nodes
 * are handed back to their backend for every operation, like vnodes; the {@link Vfs} never looks
 * inside them beyond this interface.
 *
 * <p>The values may be a snapshot taken when the node was looked up (host directories) or live
 * (in-memory files); the walker reads them during the operation that looked the node up.
 */
public interface Node {
    /** The type of the file; a symbolic link is reported as {@link FileType#SYMLINK}, never followed. */
    FileType type();

    /** The inode number, unique within the backend, equal for hard links to the same file. */
    long ino();

    /** The permission bits, 07777 (set-user-id, set-group-id and sticky included). */
    int permissions();

    /** The owner's user id. */
    int uid();

    /** The owning group's id. */
    int gid();

    /**
     * Whether this is a "magic link" (like {@code /proc/PID/fd/N}): a {@link FileType#SYMLINK}
     * that the walker follows with {@link FileSystemBackend#followMagic} instead of re-walking the
     * text {@link FileSystemBackend#readlink} gives.
     */
    default boolean isMagicLink() {
        return false;
    }

    /** Whether this node is a directory. */
    default boolean isDirectory() {
        return type() == FileType.DIRECTORY;
    }
}
