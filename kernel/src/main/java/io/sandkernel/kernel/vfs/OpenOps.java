package io.sandkernel.kernel.vfs;

import static io.sandkernel.api.fs.OpenFlags.O_ACCMODE;
import static io.sandkernel.api.fs.OpenFlags.O_CREAT;
import static io.sandkernel.api.fs.OpenFlags.O_DIRECTORY;
import static io.sandkernel.api.fs.OpenFlags.O_EXCL;
import static io.sandkernel.api.fs.OpenFlags.O_NOCTTY;
import static io.sandkernel.api.fs.OpenFlags.O_NOFOLLOW;
import static io.sandkernel.api.fs.OpenFlags.O_PATH;
import static io.sandkernel.api.fs.OpenFlags.O_RDONLY;
import static io.sandkernel.api.fs.OpenFlags.O_TRUNC;
import static io.sandkernel.api.fs.OpenFlags.O_WRONLY;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.FileType;
import io.sandkernel.api.fs.Stat;

/**
 * {@code open(2)}: resolution (creating the file for {@code O_CREAT}, through a dangling symbolic
 * link as Linux does), the checks of the flags and permissions, truncation, and wrapping the
 * backend's handle for accounting. The caller holds the {@link Vfs} namespace lock: exclusively
 * with {@code O_CREAT}, shared otherwise.
 */
final class OpenOps {
    private final PathWalker walker;
    private final NamespaceOps namespace;
    private final AttributeOps attributes;
    private final OpenFiles openFiles;
    private final SpaceAccount account;

    OpenOps(PathWalker walker, NamespaceOps namespace, AttributeOps attributes, OpenFiles openFiles,
           SpaceAccount account) {
        this.walker = walker;
        this.namespace = namespace;
        this.attributes = attributes;
        this.openFiles = openFiles;
        this.account = account;
    }

    /** See {@link Vfs#open}. */
    OpenResult open(Caller caller, Resolved base, String path, int flags, int mode) {
        int access = flags & O_ACCMODE;
        if (access == O_ACCMODE || ((flags & O_CREAT) != 0 && (flags & O_DIRECTORY) != 0)) {
            throw new KernelException(Errno.EINVAL, "invalid open flags 0" + Integer.toOctalString(flags) + " for " + path);
        }
        PathWalker.Walk walk = new PathWalker.Walk(caller);
        Resolved file;
        boolean created = false;
        if ((flags & O_CREAT) != 0 && (flags & O_PATH) == 0) {
            PathWalker.Last last = walker.parent(walk, base, path);
            while (true) {
                if (!last.isNormal()) {
                    throw new KernelException(Errno.EISDIR, "is a directory: " + path);
                }
                Resolved dir = last.dir();
                Permissions.requireSearch(caller, dir.node(), path);
                PathNames.checkName(last.name());
                Resolved found = PathWalker.entry(caller, dir, last.name());
                if (found == null) {
                    if (last.trailingSlash()) {
                        throw new KernelException(Errno.EISDIR, "cannot create a file named with a trailing '/': " + path);
                    }
                    file = namespace.createFile(caller, last, mode, path);
                    created = true;
                    break;
                }
                found = PathWalker.cross(found.mount(), found.node());
                if ((flags & O_EXCL) != 0) {
                    throw new KernelException(Errno.EEXIST, "file exists: " + path);
                }
                if (found.type() != FileType.SYMLINK) {
                    if (last.trailingSlash() && !found.isDirectory()) {
                        throw new KernelException(Errno.ENOTDIR, "not a directory: " + path);
                    }
                    file = found;
                    break;
                }
                if ((flags & O_NOFOLLOW) != 0) {
                    throw new KernelException(Errno.ELOOP, "is a symbolic link (O_NOFOLLOW): " + path);
                }
                if (found.node().isMagicLink()) {
                    file = walker.follow(walk, dir, found);
                    break;
                }
                last = walker.linkParent(walk, dir, found);
            }
        } else {
            file = walker.resolve(walk, base, path, (flags & O_NOFOLLOW) == 0);
        }
        if (file == null) {
            return foreign(caller, walk.foreign, access, flags, path);
        }
        int kept = flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC);
        if (!created) {
            if ((flags & O_PATH) != 0) {
                if ((flags & O_DIRECTORY) != 0 && !file.isDirectory()) {
                    throw new KernelException(Errno.ENOTDIR, "not a directory: " + path);
                }
                return new OpenResult(file, null, null, kept);
            }
            if (file.type() == FileType.SYMLINK) {
                throw new KernelException(Errno.ELOOP, "is a symbolic link (O_NOFOLLOW): " + path);
            }
            if ((flags & O_DIRECTORY) != 0 && !file.isDirectory()) {
                throw new KernelException(Errno.ENOTDIR, "not a directory: " + path);
            }
            if (file.isDirectory()) {
                if (access != O_RDONLY || (flags & O_CREAT) != 0) {
                    throw new KernelException(Errno.EISDIR, "is a directory: " + path);
                }
                Permissions.require(caller, file.node(), Permissions.READ, path);
                return new OpenResult(file, null, null, kept);
            }
            int want = wanted(access, flags, file.type());
            if ((want & Permissions.WRITE) != 0 && file.mount().readOnly() && AttributeOps.isDataFile(file.type())) {
                throw new KernelException(Errno.EROFS, "read-only file system: " + path);
            }
            Permissions.require(caller, file.node(), want, path);
        }
        return new OpenResult(file, handle(caller, file, flags, created, path), null, kept);
    }

    /** Opens the backend's handle, wrapped for accounting, truncated for {@code O_TRUNC}. */
    private FileHandle handle(Caller caller, Resolved file, int flags, boolean created, String path) {
        Mount mount = file.mount();
        FileHandle handle = mount.backend().open(caller, file.node(), flags);
        boolean regular = file.type() == FileType.REGULAR;
        try {
            if (regular && (flags & O_TRUNC) != 0 && !created) {
                attributes.resize(file, 0, path);
            }
            if (regular && mount.backend().accounting() != FileSystemBackend.Accounting.NONE) {
                OpenFiles.State state = openFiles.acquire(mount, file.ino());
                return new AccountedHandle(handle, state, openFiles, account, path);
            }
            return handle;
        } catch (RuntimeException e) {
            handle.close();
            throw e;
        }
    }

    private static int wanted(int access, int flags, FileType type) {
        int want = switch (access) {
            case O_RDONLY -> Permissions.READ;
            case O_WRONLY -> Permissions.WRITE;
            default -> Permissions.READ | Permissions.WRITE;
        };
        if ((flags & O_TRUNC) != 0 && type == FileType.REGULAR) {
            want |= Permissions.WRITE;
        }
        return want;
    }

    /** An open that a magic link led to an object outside the namespace, checked against its stat. */
    private static OpenResult foreign(Caller caller, MagicTarget.Foreign target, int access, int flags, String path) {
        if ((flags & O_DIRECTORY) != 0 && target.stat().type() != FileType.DIRECTORY) {
            throw new KernelException(Errno.ENOTDIR, "not a directory: " + path);
        }
        if ((flags & O_PATH) == 0) {
            Stat stat = target.stat();
            int want = wanted(access, flags & ~O_TRUNC, stat.type());
            if (!Permissions.allowed(caller.identity(), false, stat.type(), stat.permissions(), stat.uid(), stat.gid(),
                    want)) {
                throw new KernelException(Errno.EACCES, "permission denied: " + path);
            }
        }
        return new OpenResult(null, null, target.object(), flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC));
    }
}
