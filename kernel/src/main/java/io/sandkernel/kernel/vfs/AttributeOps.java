package io.sandkernel.kernel.vfs;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.FileType;
import io.sandkernel.api.fs.OpenFlags;
import java.time.Clock;
import java.time.Instant;

/**
 * The operations on one resolved file's attributes: {@code chmod}, {@code chown},
 * {@code utimensat}, {@code truncate} and {@code access}, with Linux's ownership rules, and the
 * byte accounting of size changes. Callers hold the {@link Vfs} namespace lock shared.
 */
final class AttributeOps {
    private final SpaceAccount account;
    private final OpenFiles openFiles;
    private final Clock clock;

    AttributeOps(SpaceAccount account, OpenFiles openFiles, Clock clock) {
        this.account = account;
        this.openFiles = openFiles;
        this.clock = clock;
    }

    /**
     * {@code chmod(2)}: EROFS, EPERM unless owner or root, ENOTSUP on a symbolic link. A non-root
     * caller outside the file's group loses the set-group-id bit.
     */
    void chmod(Caller caller, Resolved file, int mode, String path) {
        if (file.type() == FileType.SYMLINK) {
            throw new KernelException(Errno.ENOTSUP, "cannot change the mode of a symbolic link: " + path);
        }
        requireWritable(file, path);
        Node node = file.node();
        if (!Permissions.ownerOrRoot(caller, node)) {
            throw new KernelException(Errno.EPERM, "only the owner can change the mode of " + path);
        }
        int permissions = mode & 07777;
        if (!caller.isRoot() && !Permissions.inGroup(caller.identity(), false, node.gid())) {
            permissions &= ~Permissions.S_ISGID;
        }
        file.mount().backend().chmod(node, permissions);
    }

    /**
     * {@code chown(2)} ({@code -1} leaves an id): EROFS; EPERM unless root, or the owner keeping
     * the owner and choosing one of its groups. Clears set-user-id, and set-group-id when group
     * execute is set, of a non-directory.
     */
    void chown(Caller caller, Resolved file, int uid, int gid, String path) {
        if (uid < -1 || gid < -1) {
            throw new KernelException(Errno.EINVAL, "invalid owner " + uid + ":" + gid + " for " + path);
        }
        requireWritable(file, path);
        Node node = file.node();
        boolean root = caller.isRoot();
        int euid = caller.identity().euid();
        if (uid != -1 && !root && !(euid == node.uid() && uid == node.uid())) {
            throw new KernelException(Errno.EPERM, "only root can change the owner of " + path);
        }
        if (gid != -1 && !root && !(euid == node.uid()
                && (gid == node.gid() || Permissions.inGroup(caller.identity(), false, gid)))) {
            throw new KernelException(Errno.EPERM, "cannot give " + path + " to group " + gid);
        }
        if (uid == -1 && gid == -1) {
            return;
        }
        FileSystemBackend backend = file.mount().backend();
        int before = node.permissions();
        backend.chown(caller, node, uid == -1 ? node.uid() : uid, gid == -1 ? node.gid() : gid);
        if (file.type() != FileType.DIRECTORY && file.type() != FileType.SYMLINK) {
            int after = before & ~Permissions.S_ISUID;
            if ((after & 0010) != 0) {
                after &= ~Permissions.S_ISGID;
            }
            if (after != before) {
                backend.chmod(node, after);
            }
        }
    }

    /**
     * {@code utimensat(2)}: EROFS; explicit times only by the owner or root (EPERM); "now" also by
     * anyone with write permission (EACCES otherwise).
     */
    void utimens(Caller caller, Resolved file, TimeUpdate atime, TimeUpdate mtime, String path) {
        if (atime.kind() == TimeUpdate.Kind.OMIT && mtime.kind() == TimeUpdate.Kind.OMIT) {
            return;
        }
        requireWritable(file, path);
        Node node = file.node();
        boolean explicit = atime.kind() == TimeUpdate.Kind.AT || mtime.kind() == TimeUpdate.Kind.AT;
        if (!Permissions.ownerOrRoot(caller, node)) {
            if (explicit) {
                throw new KernelException(Errno.EPERM, "only the owner can set the times of " + path);
            }
            Permissions.require(caller, node, Permissions.WRITE, path);
        }
        Instant now = clock.instant();
        file.mount().backend().setTimes(node, instant(atime, now), instant(mtime, now));
    }

    /** {@code truncate(2)}: EINVAL, EISDIR, EROFS, EACCES, ENOSPC. */
    void truncate(Caller caller, Resolved file, long size, String path) {
        if (size < 0) {
            throw new KernelException(Errno.EINVAL, "negative size " + size + " for " + path);
        }
        if (size > AccountedHandle.MAX_FILE_SIZE) {
            throw new KernelException(Errno.EFBIG, "size " + size + " exceeds the largest file size: " + path);
        }
        if (file.isDirectory()) {
            throw new KernelException(Errno.EISDIR, "is a directory: " + path);
        }
        if (file.type() != FileType.REGULAR) {
            throw new KernelException(Errno.EINVAL, "not a regular file: " + path);
        }
        requireWritable(file, path);
        Permissions.require(caller, file.node(), Permissions.WRITE, path);
        resize(file, size, path);
    }

    /** Sets the size of the regular file {@code file}, charging or giving back the difference. */
    void resize(Resolved file, long size, String path) {
        Mount mount = file.mount();
        FileSystemBackend backend = mount.backend();
        if (backend.accounting() == FileSystemBackend.Accounting.NONE) {
            backend.truncate(file.node(), size);
            return;
        }
        OpenFiles.State state = openFiles.acquire(mount, file.ino());
        try {
            synchronized (state) {
                long before = backend.stat(file.node(), mount.dev()).size();
                if (size > before) {
                    account.reserveBytesExactly(mount, size - before, path);
                    try {
                        backend.truncate(file.node(), size);
                    } catch (RuntimeException e) {
                        account.releaseBytes(mount, size - before);
                        throw e;
                    }
                } else if (size < before) {
                    backend.truncate(file.node(), size);
                    account.releaseBytes(mount, before - size);
                } else {
                    backend.truncate(file.node(), size);
                }
            }
        } finally {
            openFiles.release(state, () -> backend.stat(file.node(), mount.dev()).size());
        }
    }

    /**
     * {@code access(2)} / {@code faccessat(2)}: EINVAL for a bad mode, EROFS for {@code W_OK} on a
     * read-only mount, EACCES when denied.
     *
     * @param effectiveIds check with the effective ids ({@code AT_EACCESS}) instead of the real ones
     */
    void access(Caller caller, Resolved file, int mode, boolean effectiveIds, String path) {
        if ((mode & ~(OpenFlags.R_OK | OpenFlags.W_OK | OpenFlags.X_OK)) != 0) {
            throw new KernelException(Errno.EINVAL, "invalid access mode " + mode);
        }
        if (mode == OpenFlags.F_OK) {
            return;
        }
        Node node = file.node();
        if ((mode & OpenFlags.W_OK) != 0 && file.mount().readOnly() && isDataFile(node.type())) {
            throw new KernelException(Errno.EROFS, "read-only file system: " + path);
        }
        if (!Permissions.allowed(caller.identity(), !effectiveIds, node.type(), node.permissions(), node.uid(),
                node.gid(), mode)) {
            throw new KernelException(Errno.EACCES, "permission denied: " + path);
        }
    }

    /** Whether a read-only mount forbids writing a file of this type (devices stay writable). */
    static boolean isDataFile(FileType type) {
        return type == FileType.REGULAR || type == FileType.DIRECTORY || type == FileType.SYMLINK;
    }

    private static void requireWritable(Resolved file, String path) {
        if (file.mount().readOnly()) {
            throw new KernelException(Errno.EROFS, "read-only file system: " + path);
        }
    }

    private static Instant instant(TimeUpdate update, Instant now) {
        return switch (update.kind()) {
            case OMIT -> null;
            case NOW -> now;
            case AT -> update.time();
        };
    }
}
