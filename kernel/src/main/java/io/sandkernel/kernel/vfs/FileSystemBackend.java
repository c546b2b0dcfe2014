package io.sandkernel.kernel.vfs;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.DirEntry;
import io.sandkernel.api.fs.Stat;
import java.time.Instant;
import java.util.List;

/**
 * A mounted filesystem, as the {@link Vfs} drives it: operations on one directory and one name at a
 * time, like a vnode interface. The {@code Vfs} walks paths itself, checks permissions, read-only
 * mounts and limits, and validates arguments before calling; so a backend
 * <ul>
 *   <li>never resolves more than one name, and never follows a symbolic link;</li>
 *   <li>gets names that are non-empty, at most 255 bytes, without {@code '/'} or NUL, and never
 *       {@code "."} or {@code ".."};</li>
 *   <li>only receives {@link Node}s it returned itself, of the right type for the operation
 *       (a directory for {@code dir}, and so on);</li>
 *   <li>does not check permissions (except what it cannot do at all: EPERM, EACCES) and does not
 *       count space.</li>
 * </ul>
 *
 * <p>Concurrency: the {@code Vfs} calls lookups, reads and attribute changes with its namespace
 * lock held shared, and {@link #createFile}, {@link #mkdir}, {@link #symlink}, {@link #link},
 * {@link #unlink}, {@link #rmdir} and {@link #rename} with it held exclusively; so no name changes
 * while a path is being resolved. A backend must not call back into the {@code Vfs} path
 * operations from these methods. {@link FileHandle}s are used without the lock.
 *
 * <p>Every method reports failure with a {@link KernelException} carrying Linux's errno and a
 * message naming the path. The modifying methods have defaults failing with EPERM, for read-only
 * or generated filesystems.
 */
public interface FileSystemBackend {
    /** How the {@link Vfs} counts a backend against its {@link VfsLimits}. */
    enum Accounting {
        /** Every inode and every byte of regular files counts (in-memory filesystems). */
        COUNTED,
        /**
         * Only growth of regular files made through the kernel counts; space freed through the
         * kernel is given back up to what this mount was charged; inodes do not count (host
         * directories, limited by the host disk).
         */
        HOST,
        /** Nothing counts (generated filesystems: {@code /dev}, {@code /proc}). */
        NONE
    }

    /** The type name {@code /proc/mounts} and {@code statfs} show: {@code "tmpfs"}, {@code "hostfs"}... */
    String typeName();

    /** How this backend counts against the limits. */
    Accounting accounting();

    /** The root directory (possibly a fresh snapshot on each call). */
    Node root();

    /**
     * The entry {@code name} of {@code dir}, not followed when it is a symbolic link.
     *
     * @return the node, or null when {@code dir} has no such entry (the {@code Vfs} reports ENOENT)
     */
    Node lookup(Caller caller, Node dir, String name);

    /** The directory containing {@code dir}; never called for {@link #root()}. */
    Node parent(Node dir);

    /**
     * What {@code stat} reports for {@code node}, with {@code dev} as its device id.
     *
     * @throws KernelException ENOENT when the file no longer exists (a backend may instead report
     *                         a removed file with {@code nlink} 0)
     */
    Stat stat(Node node, long dev);

    /** The entries of {@code dir}, without {@code "."} and {@code ".."}, generated when called. */
    List<DirEntry> readdir(Caller caller, Node dir);

    /** Whether {@code dir} has no entries besides {@code "."} and {@code ".."}. */
    default boolean isEmptyDirectory(Caller caller, Node dir) {
        return readdir(caller, dir).isEmpty();
    }

    /**
     * The target of the symbolic link {@code link}, exactly as stored, or as generated for
     * {@code caller} ({@code /proc/self} reads as the caller's pid).
     */
    String readlink(Caller caller, Node link);

    /**
     * Where the magic link {@code link} leads for {@code caller}; only called for nodes whose
     * {@link Node#isMagicLink()} is true.
     *
     * @throws KernelException ENOENT when it leads nowhere (the descriptor was closed)
     */
    default MagicTarget followMagic(Caller caller, Node link) {
        throw new KernelException(Errno.EINVAL, "not a magic link");
    }

    /**
     * Opens the non-directory {@code node} for I/O.
     *
     * @param flags the {@code open(2)} flags; the backend looks at the access mode
     *              ({@code O_ACCMODE}) and may look at {@code O_APPEND}, {@code O_NONBLOCK};
     *              creation and truncation are done by the {@code Vfs}
     * @throws KernelException EACCES when files of this kind cannot be opened here
     */
    FileHandle open(Caller caller, Node node, int flags);

    /**
     * The path of {@code node} relative to this backend's root, without a leading slash,
     * {@code ""} for the root, following renames where the backend can.
     *
     * @throws KernelException ENOENT when the node was removed
     */
    String pathOf(Node node);

    /**
     * Checks that a node the caller kept from an earlier operation (a working directory, a
     * directory descriptor) still is what it was, and returns the node to use now.
     *
     * @throws KernelException ENOENT when it was removed or moved and cannot be found again
     */
    default Node revalidate(Node node) {
        return node;
    }

    /**
     * Creates an empty regular file {@code name} in {@code dir}.
     *
     * @param permissions the permission bits (07777), the umask already applied
     * @throws KernelException EEXIST when the name exists
     */
    default Node createFile(Node dir, String name, int permissions, int uid, int gid) {
        throw readOnly(name);
    }

    /** Creates the directory {@code name} in {@code dir}; EEXIST when the name exists. */
    default Node mkdir(Node dir, String name, int permissions, int uid, int gid) {
        throw readOnly(name);
    }

    /** Creates the symbolic link {@code name} to {@code target} in {@code dir}; EEXIST when it exists. */
    default Node symlink(Node dir, String name, String target, int uid, int gid) {
        throw readOnly(name);
    }

    /** Adds the name {@code name} in {@code dir} for the non-directory {@code file}; EEXIST when it exists. */
    default void link(Node file, Node dir, String name) {
        throw readOnly(name);
    }

    /** Removes the name {@code name} (the non-directory {@code victim}) from {@code dir}. */
    default void unlink(Node dir, String name, Node victim) {
        throw readOnly(name);
    }

    /** Removes the empty directory {@code victim}, named {@code name} in {@code dir}. */
    default void rmdir(Node dir, String name, Node victim) {
        throw readOnly(name);
    }

    /**
     * Renames {@code fromName} of {@code fromDir} (the file {@code node}) to {@code toName} of
     * {@code toDir}, atomically replacing {@code replaced} (null when the name is free). The
     * {@code Vfs} has checked the types (a directory only replaces an empty directory, a
     * non-directory only a non-directory) and that a directory does not move into itself.
     */
    default void rename(Node fromDir, String fromName, Node node, Node toDir, String toName, Node replaced) {
        throw readOnly(fromName);
    }

    /** Sets the permission bits (07777). */
    default void chmod(Node node, int permissions) {
        throw readOnly("file");
    }

    /**
     * Sets the owner and group (the {@code Vfs} already checked that {@code caller} may). A
     * backend that cannot store owners may ignore the change for root and fail with EPERM
     * otherwise.
     */
    default void chown(Caller caller, Node node, int uid, int gid) {
        throw readOnly("file");
    }

    /** Sets the access and modification times; a null time is left as it is. */
    default void setTimes(Node node, Instant atime, Instant mtime) {
        throw readOnly("file");
    }

    /** Sets the size of the regular file {@code node}. */
    default void truncate(Node node, long size) {
        throw readOnly("file");
    }

    /** Releases what the backend holds (an in-memory filesystem's memory). */
    default void close() {}

    private static KernelException readOnly(String name) {
        return new KernelException(Errno.EPERM, "cannot modify " + name + ": the filesystem does not support it");
    }
}
