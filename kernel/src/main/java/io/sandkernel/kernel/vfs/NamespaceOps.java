package io.sandkernel.kernel.vfs;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.FileType;
import io.sandkernel.api.fs.Stat;

/**
 * The operations that add, remove or move names: {@code mkdir}, {@code symlink}, {@code link},
 * {@code unlink}, {@code rmdir}, {@code rename} and the creation of {@code open(O_CREAT)}, with
 * Linux's checks in Linux's order, and their inode and byte accounting. Callers hold the
 * {@link Vfs} namespace lock exclusively.
 */
final class NamespaceOps {
    private final PathWalker walker;
    private final SpaceAccount account;
    private final OpenFiles openFiles;

    NamespaceOps(PathWalker walker, SpaceAccount account, OpenFiles openFiles) {
        this.walker = walker;
        this.account = account;
        this.openFiles = openFiles;
    }

    /** {@code mkdir(2)}: EEXIST, EROFS, EACCES, ENOSPC. */
    void mkdir(Caller caller, Resolved base, String path, int mode) {
        PathWalker.Last last = walker.parent(new PathWalker.Walk(caller), base, path);
        Resolved dir = last.dir();
        if (!last.isNormal() || PathWalker.entry(caller, dir, checkedName(caller, last)) != null) {
            throw new KernelException(Errno.EEXIST, "file exists: " + path);
        }
        requireCreate(caller, dir, path);
        int gid = newGid(caller, dir);
        int permissions = mode & ~caller.umask() & 01777;
        if ((dir.node().permissions() & Permissions.S_ISGID) != 0) {
            permissions |= Permissions.S_ISGID;
        }
        Mount mount = dir.mount();
        account.chargeInode(mount, path);
        try {
            mount.backend().mkdir(dir.node(), last.name(), permissions, caller.identity().euid(), gid);
        } catch (RuntimeException e) {
            account.releaseInode(mount);
            throw e;
        }
    }

    /** {@code symlink(2)}: ENOENT for an empty target, EEXIST, EROFS, EACCES, ENOSPC. */
    void symlink(Caller caller, String target, Resolved base, String path) {
        if (target == null || target.isEmpty()) {
            throw new KernelException(Errno.ENOENT, "empty symbolic link target for " + path);
        }
        PathNames.checkPath(target);
        PathWalker.Last last = walker.parent(new PathWalker.Walk(caller), base, path);
        Resolved dir = last.dir();
        if (!last.isNormal() || PathWalker.entry(caller, dir, checkedName(caller, last)) != null) {
            throw new KernelException(Errno.EEXIST, "file exists: " + path);
        }
        if (last.trailingSlash()) {
            throw new KernelException(Errno.ENOENT, "a symbolic link name cannot end with '/': " + path);
        }
        requireCreate(caller, dir, path);
        Mount mount = dir.mount();
        account.chargeInode(mount, path);
        try {
            mount.backend().symlink(dir.node(), last.name(), target, caller.identity().euid(), newGid(caller, dir));
        } catch (RuntimeException e) {
            account.releaseInode(mount);
            throw e;
        }
    }

    /** {@code linkat(2)}: EEXIST, EROFS, EXDEV, EACCES, EPERM for a directory. */
    void link(Caller caller, Resolved oldBase, String oldPath, Resolved newBase, String newPath, boolean follow) {
        Resolved file = walker.resolveFile(new PathWalker.Walk(caller), oldBase, oldPath, follow, Errno.EXDEV);
        PathWalker.Last last = walker.parent(new PathWalker.Walk(caller), newBase, newPath);
        Resolved dir = last.dir();
        if (!last.isNormal() || PathWalker.entry(caller, dir, checkedName(caller, last)) != null) {
            throw new KernelException(Errno.EEXIST, "file exists: " + newPath);
        }
        if (last.trailingSlash()) {
            throw new KernelException(Errno.ENOENT, "a link name cannot end with '/': " + newPath);
        }
        if (dir.mount().readOnly()) {
            throw new KernelException(Errno.EROFS, "read-only file system: " + newPath);
        }
        if (file.mount() != dir.mount()) {
            throw new KernelException(Errno.EXDEV, "cannot link across mounts: " + oldPath + " to " + newPath);
        }
        Permissions.require(caller, dir.node(), Permissions.WRITE | Permissions.EXEC, newPath);
        if (file.isDirectory()) {
            throw new KernelException(Errno.EPERM, "cannot hard-link a directory: " + oldPath);
        }
        dir.mount().backend().link(file.node(), dir.node(), last.name());
    }

    /** {@code unlink(2)}: EISDIR, EROFS, ENOENT, ENOTDIR, EACCES, EPERM (sticky). */
    void unlink(Caller caller, Resolved base, String path) {
        PathWalker.Last last = walker.parent(new PathWalker.Walk(caller), base, path);
        if (!last.isNormal()) {
            throw new KernelException(Errno.EISDIR, "is a directory: " + path);
        }
        Resolved dir = last.dir();
        Resolved victim = existing(caller, dir, last, path);
        if (last.trailingSlash()) {
            throw new KernelException(victim.isDirectory() ? Errno.EISDIR : Errno.ENOTDIR, path);
        }
        requireDelete(caller, dir, victim, path);
        if (victim.isDirectory()) {
            throw new KernelException(Errno.EISDIR, "is a directory: " + path);
        }
        FileSystemBackend backend = dir.mount().backend();
        Stat before = backend.stat(victim.node(), dir.mount().dev());
        backend.unlink(dir.node(), last.name(), victim.node());
        released(victim, before);
    }

    /** {@code rmdir(2)}: EINVAL ("."), ENOTEMPTY (".."), EBUSY, EROFS, ENOENT, EACCES, EPERM, ENOTDIR. */
    void rmdir(Caller caller, Resolved base, String path) {
        PathWalker.Last last = walker.parent(new PathWalker.Walk(caller), base, path);
        switch (last.name()) {
            case "" -> throw new KernelException(Errno.EBUSY, "cannot remove the root directory");
            case "." -> throw new KernelException(Errno.EINVAL, "cannot remove '.': " + path);
            case ".." -> throw new KernelException(Errno.ENOTEMPTY, "directory not empty: " + path);
            default -> { }
        }
        Resolved dir = last.dir();
        Resolved victim = existing(caller, dir, last, path);
        requireDelete(caller, dir, victim, path);
        if (!victim.isDirectory()) {
            throw new KernelException(Errno.ENOTDIR, "not a directory: " + path);
        }
        if (MountTable.isMountPoint(dir.mount(), victim.node())) {
            throw new KernelException(Errno.EBUSY, "a filesystem is mounted on " + path);
        }
        FileSystemBackend backend = dir.mount().backend();
        if (!backend.isEmptyDirectory(caller, victim.node())) {
            throw new KernelException(Errno.ENOTEMPTY, "directory not empty: " + path);
        }
        backend.rmdir(dir.node(), last.name(), victim.node());
        account.releaseInode(dir.mount());
    }

    /**
     * {@code rename(2)}: EXDEV, EBUSY, EROFS, ENOENT, ENOTDIR, EINVAL (into itself), ENOTEMPTY,
     * EACCES, EPERM (sticky), EISDIR.
     */
    void rename(Caller caller, Resolved oldBase, String oldPath, Resolved newBase, String newPath) {
        PathWalker.Last from = walker.parent(new PathWalker.Walk(caller), oldBase, oldPath);
        PathWalker.Last to = walker.parent(new PathWalker.Walk(caller), newBase, newPath);
        Resolved fromDir = from.dir();
        Resolved toDir = to.dir();
        Permissions.requireSearch(caller, fromDir.node(), oldPath);
        Permissions.requireSearch(caller, toDir.node(), newPath);
        if (fromDir.mount() != toDir.mount()) {
            throw new KernelException(Errno.EXDEV, "cannot rename across mounts: " + oldPath + " to " + newPath);
        }
        if (!from.isNormal() || !to.isNormal()) {
            throw new KernelException(Errno.EBUSY, "cannot rename '.', '..' or '/': " + oldPath + " to " + newPath);
        }
        Mount mount = fromDir.mount();
        Resolved source = existing(caller, fromDir, from, oldPath);
        PathNames.checkName(to.name());
        Resolved target = PathWalker.entry(caller, toDir, to.name());
        boolean directory = source.isDirectory();
        if (!directory && (from.trailingSlash() || to.trailingSlash())) {
            throw new KernelException(Errno.ENOTDIR, "not a directory: " + (from.trailingSlash() ? oldPath : newPath));
        }
        if (directory && isSelfOrAncestor(source, toDir)) {
            throw new KernelException(Errno.EINVAL, "cannot move " + oldPath + " into itself: " + newPath);
        }
        if (target != null && target.isDirectory() && isSelfOrAncestor(target, fromDir)) {
            throw new KernelException(Errno.ENOTEMPTY, "directory not empty: " + newPath);
        }
        if (target != null && target.ino() == source.ino()) {
            return;
        }
        requireDelete(caller, fromDir, source, oldPath);
        if (target != null) {
            requireDelete(caller, toDir, target, newPath);
            if (directory && !target.isDirectory()) {
                throw new KernelException(Errno.ENOTDIR, "not a directory: " + newPath);
            }
            if (!directory && target.isDirectory()) {
                throw new KernelException(Errno.EISDIR, "is a directory: " + newPath);
            }
        } else {
            Permissions.require(caller, toDir.node(), Permissions.WRITE | Permissions.EXEC, newPath);
        }
        if (directory && !fromDir.sameFile(toDir)) {
            Permissions.require(caller, source.node(), Permissions.WRITE, oldPath);
        }
        if (directory && MountTable.holdsMountPoint(mount, source.node())) {
            throw new KernelException(Errno.EBUSY, "a filesystem is mounted on or under " + oldPath);
        }
        FileSystemBackend backend = mount.backend();
        Stat replaced = null;
        if (target != null) {
            if (target.isDirectory()) {
                if (MountTable.isMountPoint(mount, target.node())) {
                    throw new KernelException(Errno.EBUSY, "a filesystem is mounted on " + newPath);
                }
                if (!backend.isEmptyDirectory(caller, target.node())) {
                    throw new KernelException(Errno.ENOTEMPTY, "directory not empty: " + newPath);
                }
            }
            replaced = backend.stat(target.node(), mount.dev());
        }
        backend.rename(fromDir.node(), from.name(), source.node(), toDir.node(), to.name(),
                target == null ? null : target.node());
        if (target != null) {
            released(target, replaced);
        }
    }

    /**
     * Creates the regular file named by {@code last} for {@code open(O_CREAT)}: EROFS, EACCES,
     * ENOSPC; the caller checked that the name is free.
     */
    Resolved createFile(Caller caller, PathWalker.Last last, int mode, String path) {
        Resolved dir = last.dir();
        requireCreate(caller, dir, path);
        int gid = newGid(caller, dir);
        int permissions = mode & ~caller.umask() & 07777;
        if ((permissions & Permissions.S_ISGID) != 0 && !caller.isRoot()
                && !Permissions.inGroup(caller.identity(), false, gid)) {
            permissions &= ~Permissions.S_ISGID;
        }
        Mount mount = dir.mount();
        account.chargeInode(mount, path);
        try {
            Node node = mount.backend().createFile(dir.node(), last.name(), permissions, caller.identity().euid(), gid);
            return new Resolved(mount, node);
        } catch (RuntimeException e) {
            account.releaseInode(mount);
            throw e;
        }
    }

    /** The last name of {@code last}, checked for length, after the search check of its directory. */
    private static String checkedName(Caller caller, PathWalker.Last last) {
        Permissions.requireSearch(caller, last.dir().node(), last.name());
        PathNames.checkName(last.name());
        return last.name();
    }

    /** The existing entry named by {@code last}: EACCES (search), EROFS, ENOENT. */
    private static Resolved existing(Caller caller, Resolved dir, PathWalker.Last last, String path) {
        String name = checkedName(caller, last);
        if (dir.mount().readOnly()) {
            throw new KernelException(Errno.EROFS, "read-only file system: " + path);
        }
        Resolved victim = PathWalker.entry(caller, dir, name);
        if (victim == null) {
            throw new KernelException(Errno.ENOENT, "no such file or directory: " + path);
        }
        return victim;
    }

    /** Linux's {@code may_create}: EROFS, then write and search permission on the directory. */
    private static void requireCreate(Caller caller, Resolved dir, String path) {
        if (dir.mount().readOnly()) {
            throw new KernelException(Errno.EROFS, "read-only file system: " + path);
        }
        Permissions.require(caller, dir.node(), Permissions.WRITE | Permissions.EXEC, path);
    }

    /** Linux's {@code may_delete}: write and search permission on the directory, and the sticky rule. */
    private static void requireDelete(Caller caller, Resolved dir, Resolved victim, String path) {
        Permissions.require(caller, dir.node(), Permissions.WRITE | Permissions.EXEC, path);
        Permissions.requireStickyOwner(caller, dir.node(), victim.node(), path);
    }

    /** The group of a new file in {@code dir}: the directory's when it is set-group-id, else the caller's. */
    private static int newGid(Caller caller, Resolved dir) {
        return (dir.node().permissions() & Permissions.S_ISGID) != 0 ? dir.node().gid() : caller.identity().egid();
    }

    /** Whether {@code dir} is {@code ancestor} or lies under it (same mount). */
    private static boolean isSelfOrAncestor(Resolved ancestor, Resolved dir) {
        if (ancestor.mount() != dir.mount()) {
            return false;
        }
        Mount mount = dir.mount();
        Node node = dir.node();
        while (true) {
            if (node.ino() == ancestor.ino()) {
                return true;
            }
            if (node.ino() == mount.rootIno()) {
                return false;
            }
            node = mount.backend().parent(node);
        }
    }

    /** Accounts for {@code victim} having lost a name; {@code before} is its stat before. */
    private void released(Resolved victim, Stat before) {
        Mount mount = victim.mount();
        if (victim.isDirectory()) {
            account.releaseInode(mount);
        } else if (before.nlink() <= 1) {
            if (before.type() == FileType.REGULAR) {
                openFiles.lastLinkRemoved(mount, victim.ino(), before.size());
            } else {
                account.releaseInode(mount);
            }
        }
    }
}
