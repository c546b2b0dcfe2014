package io.sandkernel.kernel.vfs;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.DirEntry;
import io.sandkernel.api.fs.FileType;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.Stat;
import io.sandkernel.api.fs.StatFs;
import io.sandkernel.kernel.memory.MemoryAccount;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Supplier;

/**
 * The virtual filesystem of one kernel: a mount table, the path walker, Linux permission checks and
 * the accounting of bytes and inodes against {@link VfsLimits}. Thread-safe.
 *
 * <p>Paths: every method taking {@code (Resolved base, String path)} resolves {@code path} as the
 * {@code *at} system calls do: an absolute path from the guest root, a relative one from
 * {@code base} (the working directory or a directory descriptor; null means the root). To start
 * from a canonical path string instead, {@link #resolveDirectory} it first. Paths are resolved one
 * component at a time by the kernel (see {@link PathWalker}); backends never resolve paths, so a
 * host directory mounted here confines every path, symbolic link and {@code ..} to itself.
 *
 * <p>Errors: every method throws {@link KernelException} with Linux's errno; the most common are
 * listed per method. Resolution itself fails with ENOENT (a missing component, an empty path),
 * ENOTDIR (a non-directory used as a directory, or a trailing slash on a non-directory), EACCES
 * (no search permission on a directory of the path), ELOOP (more than 40 symbolic links),
 * ENAMETOOLONG (a component over 255 bytes, a path of 4096 bytes or more) and EINVAL (NUL in the
 * path).
 *
 * <p>Locking: one namespace lock per {@code Vfs} (a {@link StampedLock}) is held shared while a
 * path is resolved and the file used (stat, open, attribute changes) and exclusively by operations
 * that change names (create, mkdir, symlink, link, unlink, rmdir, rename, mount). So no rename made
 * through the kernel can ever swap a component between the moment the walker checked it and the
 * moment the backend acts on it. It is one lock for all mounts (stronger than one per mount)
 * because one resolution can cross several mounts. I/O on open handles takes no lock. The lock is
 * not reentrant: backend callbacks (a {@link SyntheticBackend}'s functions) may use
 * {@link #mounts()}, {@link #stat(Resolved)}, {@link #statfs(Resolved)} and
 * {@link Resolved#path()}, which take no lock, but no other method of this class.
 */
public final class Vfs implements AutoCloseable {
    private final VfsLimits limits;
    private final Clock clock;
    private final StampedLock lock = new StampedLock();
    private final LastResolution lastResolution = new LastResolution();
    private final MountTable mounts = new MountTable();
    private final SpaceAccount account;
    private final PathWalker walker;
    private final NamespaceOps namespace;
    private final AttributeOps attributes;
    private final OpenOps opener;

    /**
     * An empty VFS: mount a root with {@link #mount mount("/", ...)} before anything else.
     *
     * @param limits what counted mounts may hold together
     * @param clock  the time of file changes and of {@code UTIME_NOW}
     */
    public Vfs(VfsLimits limits, Clock clock) {
        this(limits, clock, new MemoryAccount(Long.MAX_VALUE));
    }

    /**
     * An empty VFS whose counted file data and inodes also take from {@code memory}, as tmpfs
     * pages do: a write that finds no memory is short or fails with ENOSPC.
     *
     * @param limits what counted mounts may hold together
     * @param clock  the time of file changes and of {@code UTIME_NOW}
     * @param memory the kernel's memory
     */
    public Vfs(VfsLimits limits, Clock clock, MemoryAccount memory) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.account = new SpaceAccount(limits, Objects.requireNonNull(memory, "memory"));
        OpenFiles openFiles = new OpenFiles(account);
        this.walker = new PathWalker(mounts, lastResolution);
        this.namespace = new NamespaceOps(walker, account, openFiles);
        this.attributes = new AttributeOps(account, openFiles, clock);
        this.opener = new OpenOps(walker, namespace, attributes, openFiles, account);
    }

    /** A VFS whose root is a new in-memory filesystem ({@link NioBackend#inMemory}), mode 0755, owned by root. */
    public static Vfs inMemory(VfsLimits limits, Clock clock) {
        Vfs vfs = new Vfs(limits, clock);
        vfs.mount("/", NioBackend.inMemory(clock), false);
        return vfs;
    }

    /** The limits. */
    public VfsLimits limits() {
        return limits;
    }

    /** The clock of file times. */
    public Clock clock() {
        return clock;
    }

    // ---------------------------------------------------------------- mounts

    /**
     * Mounts {@code backend} at {@code guestPath}: {@code "/"} first, then existing directories.
     * A {@link FileSystemBackend.Accounting#COUNTED} backend's existing files are counted.
     *
     * @return the new mount
     * @throws KernelException ENOENT (no such directory, or no root yet), ENOTDIR, EBUSY (something
     *                         is mounted there already)
     */
    public Mount mount(String guestPath, FileSystemBackend backend, boolean readOnly) {
        Objects.requireNonNull(backend, "backend");
        return write(() -> {
            Mount mount;
            if (!mounts.hasRoot() || isRootPath(guestPath)) {
                if (!isRootPath(guestPath)) {
                    throw new KernelException(Errno.ENOENT, "mount / first, then " + guestPath);
                }
                mount = mounts.mountRoot(backend, readOnly);
            } else {
                Resolved at = walker.resolveFile(new PathWalker.Walk(Caller.kernel()), null, guestPath, true,
                        Errno.ENOTDIR);
                mount = mounts.mountAt(at, at.path(), backend, readOnly);
            }
            if (backend.accounting() == FileSystemBackend.Accounting.COUNTED) {
                long[] usage = new long[2];
                measure(backend, backend.root(), usage, new java.util.HashSet<>());
                account.addExisting(usage[0], usage[1]);
            }
            return mount;
        });
    }

    /** The mounts, the root first, for {@code /proc/mounts}. Needs no lock. */
    public List<MountInfo> mounts() {
        return mounts.infos();
    }

    /** The guest root directory. @throws KernelException ENOENT before "/" is mounted */
    public Resolved root() {
        return mounts.root();
    }

    /** {@code statfs(2)} of the mount holding {@code path} (followed). */
    public StatFs statfs(Caller caller, Resolved base, String path) {
        return read(() -> account.statfs(resolveFile(caller, base, path, true, Errno.ENOSYS).mount()));
    }

    /** {@code fstatfs(2)}: the mount holding {@code file}. */
    public StatFs statfs(Resolved file) {
        return account.statfs(file.mount());
    }

    /** The bytes of regular files the counted mounts hold now. */
    public long usedBytes() {
        return account.usedBytes();
    }

    /** The inodes the counted mounts hold now. */
    public long usedInodes() {
        return account.usedInodes();
    }

    // ---------------------------------------------------------------- resolution

    /**
     * Resolves {@code path} to a file of the namespace.
     *
     * @param follow whether a symbolic link in the last component is followed
     * @throws KernelException ENOENT also when a magic link leads to an object outside the namespace
     */
    public Resolved resolve(Caller caller, Resolved base, String path, boolean follow) {
        return read(() -> resolveFile(caller, base, path, follow, Errno.ENOENT));
    }

    /**
     * Resolves {@code path} (followed) to a directory the caller may search: {@code chdir},
     * {@code fchdir} (with path {@code "."}), and turning a canonical path into a base.
     *
     * @throws KernelException ENOTDIR when it is not a directory, EACCES without search permission
     */
    public Resolved resolveDirectory(Caller caller, Resolved base, String path) {
        return read(() -> {
            Resolved dir = resolveFile(caller, base, path, true, Errno.ENOTDIR);
            if (!dir.isDirectory()) {
                throw new KernelException(Errno.ENOTDIR, "not a directory: " + path);
            }
            Permissions.requireSearch(caller, dir.node(), path);
            return dir;
        });
    }

    // ---------------------------------------------------------------- reading

    /**
     * {@code fstatat(2)}: the attributes of {@code path}; a magic link to an object outside the
     * namespace reports that object's stat.
     *
     * @param follow false for {@code lstat} ({@code AT_SYMLINK_NOFOLLOW})
     */
    public Stat stat(Caller caller, Resolved base, String path, boolean follow) {
        long stamp = lock.readLock();
        try {
            PathWalker.Walk walk = new PathWalker.Walk(caller);
            Resolved file = walker.resolve(walk, base, path, follow);
            if (file == null) {
                return walk.foreign.stat();
            }
            return file.mount().backend().stat(file.node(), file.mount().dev());
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /**
     * {@code fstat(2)}: the attributes of a file resolved earlier, also after it was renamed or
     * (in memory) unlinked, when {@code nlink} is 0. Takes no lock, so backends may call it.
     *
     * @throws KernelException ENOENT when a host file was moved or removed meanwhile
     */
    public Stat stat(Resolved file) {
        return file.mount().backend().stat(file.node(), file.mount().dev());
    }

    /**
     * {@code faccessat(2)}: whether the caller may access {@code path} with {@code mode}
     * ({@link OpenFlags#R_OK} | {@code W_OK} | {@code X_OK}, or {@code F_OK}).
     *
     * @param effectiveIds use the effective ids ({@code AT_EACCESS}); {@code access(2)} uses the real ones
     * @throws KernelException EACCES when denied, EROFS for {@code W_OK} on a read-only mount, EINVAL
     */
    public void access(Caller caller, Resolved base, String path, int mode, boolean effectiveIds, boolean follow) {
        read(() -> {
            PathWalker.Walk walk = new PathWalker.Walk(caller);
            Resolved file = walker.resolve(walk, base, path, follow);
            if (file != null) {
                attributes.access(caller, file, mode, effectiveIds, path);
            }
            return null;
        });
    }

    /**
     * {@code readlink(2)}: the target of the symbolic link {@code path} (its last component is not
     * followed).
     *
     * @throws KernelException EINVAL when it is not a symbolic link
     */
    public String readlink(Caller caller, Resolved base, String path) {
        return read(() -> {
            Resolved link = resolveFile(caller, base, path, false, Errno.EINVAL);
            if (link.type() != FileType.SYMLINK) {
                throw new KernelException(Errno.EINVAL, "not a symbolic link: " + path);
            }
            return link.mount().backend().readlink(caller, link.node());
        });
    }

    /**
     * The entries of the directory {@code dir}, {@code "."} and {@code ".."} first, as
     * {@code getdents} returns them; a mount point lists the inode of what is mounted there. Read
     * permission is checked when the directory is opened, not here.
     *
     * @throws KernelException ENOTDIR, ENOENT when it was removed
     */
    public List<DirEntry> readdir(Caller caller, Resolved dir) {
        return read(() -> {
            Resolved current = PathWalker.revalidate(dir);
            if (!current.isDirectory()) {
                throw new KernelException(Errno.ENOTDIR, "not a directory");
            }
            Mount mount = current.mount();
            List<DirEntry> entries = mount.backend().readdir(caller, current.node());
            List<DirEntry> listing = new ArrayList<>(entries.size() + 2);
            listing.add(new DirEntry(".", current.ino(), FileType.DIRECTORY));
            listing.add(new DirEntry("..", walker.up(current).ino(), FileType.DIRECTORY));
            for (DirEntry entry : entries) {
                Mount over = entry.type() == FileType.DIRECTORY ? mount.mountedOn(entry.ino()) : null;
                listing.add(over == null ? entry : new DirEntry(entry.name(),
                        PathWalker.cross(mount, over.covered()).ino(), FileType.DIRECTORY));
            }
            return listing;
        });
    }

    // ---------------------------------------------------------------- open

    /**
     * {@code openat(2)}. Flags are Linux's ({@link OpenFlags}); {@code mode} is used when
     * {@code O_CREAT} creates the file ({@code mode & ~umask}; owner the caller's euid, group its
     * egid or the directory's when that is set-group-id). A new file is opened whatever its mode.
     * {@code O_TRUNC} truncates an existing regular file (write permission needed).
     *
     * @return the opened file; see {@link OpenResult} for its shapes
     * @throws KernelException EEXIST ({@code O_CREAT|O_EXCL} on an existing name, even a dangling
     *                         symbolic link), ELOOP ({@code O_NOFOLLOW} on a symbolic link),
     *                         ENOTDIR ({@code O_DIRECTORY} on a non-directory), EISDIR (a directory
     *                         for writing or with {@code O_CREAT}), EACCES, EROFS, ENOSPC (no inode
     *                         left), EINVAL (access mode 3, {@code O_CREAT|O_DIRECTORY})
     */
    public OpenResult open(Caller caller, Resolved base, String path, int flags, int mode) {
        if ((flags & OpenFlags.O_CREAT) != 0 && (flags & OpenFlags.O_PATH) == 0) {
            return write(() -> opener.open(caller, base, path, flags, mode));
        }
        return read(() -> opener.open(caller, base, path, flags, mode));
    }

    // ---------------------------------------------------------------- names

    /**
     * {@code mkdirat(2)}: mode {@code mode & ~umask & 01777}, set-group-id inherited.
     *
     * @throws KernelException EEXIST, EROFS, EACCES, ENOSPC
     */
    public void mkdir(Caller caller, Resolved base, String path, int mode) {
        write(() -> {
            namespace.mkdir(caller, base, path, mode);
            return null;
        });
    }

    /**
     * {@code symlinkat(2)}: creates {@code linkPath} pointing to {@code target}, stored as given
     * and resolved only when followed (in the guest namespace).
     *
     * @throws KernelException ENOENT (empty target), EEXIST, EROFS, EACCES, ENOSPC, ENAMETOOLONG
     */
    public void symlink(Caller caller, String target, Resolved base, String linkPath) {
        write(() -> {
            namespace.symlink(caller, target, base, linkPath);
            return null;
        });
    }

    /**
     * {@code linkat(2)}.
     *
     * @param followOld whether to follow a symbolic link in {@code oldPath}'s last component
     *                  ({@code AT_SYMLINK_FOLLOW})
     * @throws KernelException EEXIST, EROFS, EXDEV (other mount), EACCES, EPERM (a directory)
     */
    public void link(Caller caller, Resolved oldBase, String oldPath, Resolved newBase, String newPath,
                     boolean followOld) {
        write(() -> {
            namespace.link(caller, oldBase, oldPath, newBase, newPath, followOld);
            return null;
        });
    }

    /**
     * {@code unlink(2)}; the space of the file's last name is freed when its last handle closes.
     *
     * @throws KernelException EISDIR, EROFS, ENOENT, EACCES, EPERM (sticky directory)
     */
    public void unlink(Caller caller, Resolved base, String path) {
        write(() -> {
            namespace.unlink(caller, base, path);
            return null;
        });
    }

    /**
     * {@code rmdir(2)}.
     *
     * @throws KernelException ENOTEMPTY, EBUSY (a mount point, "/"), EINVAL ("."), ENOTDIR, EROFS,
     *                         EACCES, EPERM (sticky directory)
     */
    public void rmdir(Caller caller, Resolved base, String path) {
        write(() -> {
            namespace.rmdir(caller, base, path);
            return null;
        });
    }

    /**
     * {@code renameat(2)}: atomically replaces an existing target of a compatible type.
     *
     * @throws KernelException EXDEV (across mounts), EINVAL (a directory into itself), ENOTEMPTY,
     *                         EISDIR (a file over a directory), ENOTDIR (a directory over a file),
     *                         EBUSY (a mount point, ".", ".."), EROFS, EACCES, EPERM (sticky)
     */
    public void rename(Caller caller, Resolved oldBase, String oldPath, Resolved newBase, String newPath) {
        write(() -> {
            namespace.rename(caller, oldBase, oldPath, newBase, newPath);
            return null;
        });
    }

    // ---------------------------------------------------------------- attributes

    /**
     * {@code fchmodat(2)}.
     *
     * @throws KernelException EPERM (not the owner), EROFS, ENOTSUP (a symbolic link, not followed)
     */
    public void chmod(Caller caller, Resolved base, String path, int mode, boolean follow) {
        read(() -> {
            attributes.chmod(caller, resolveFile(caller, base, path, follow, Errno.EPERM), mode, path);
            lastResolution.attributesChanged();
            return null;
        });
    }

    /** {@code fchmod(2)} on a file resolved earlier; errors as {@link #chmod(Caller, Resolved, String, int, boolean)}. */
    public void chmod(Caller caller, Resolved file, int mode) {
        read(() -> {
            attributes.chmod(caller, PathWalker.revalidate(file), mode, describe(file));
            lastResolution.attributesChanged();
            return null;
        });
    }

    /**
     * {@code fchownat(2)}; {@code -1} leaves an id unchanged.
     *
     * @throws KernelException EPERM (only root changes owners; an owner may change the group to one
     *                         of its groups), EROFS
     */
    public void chown(Caller caller, Resolved base, String path, int uid, int gid, boolean follow) {
        read(() -> {
            attributes.chown(caller, resolveFile(caller, base, path, follow, Errno.EPERM), uid, gid, path);
            lastResolution.attributesChanged();
            return null;
        });
    }

    /** {@code fchown(2)} on a file resolved earlier. */
    public void chown(Caller caller, Resolved file, int uid, int gid) {
        read(() -> {
            attributes.chown(caller, PathWalker.revalidate(file), uid, gid, describe(file));
            lastResolution.attributesChanged();
            return null;
        });
    }

    /**
     * {@code utimensat(2)}.
     *
     * @throws KernelException EPERM (explicit times by a non-owner), EACCES ("now" without write
     *                         permission), EROFS
     */
    public void utimens(Caller caller, Resolved base, String path, TimeUpdate atime, TimeUpdate mtime,
                        boolean follow) {
        read(() -> {
            attributes.utimens(caller, resolveFile(caller, base, path, follow, Errno.EPERM), atime, mtime, path);
            return null;
        });
    }

    /** {@code futimens(2)} on a file resolved earlier. */
    public void utimens(Caller caller, Resolved file, TimeUpdate atime, TimeUpdate mtime) {
        read(() -> {
            attributes.utimens(caller, PathWalker.revalidate(file), atime, mtime, describe(file));
            return null;
        });
    }

    /**
     * {@code truncate(2)} (followed). For {@code ftruncate} use {@link FileHandle#truncate}.
     *
     * @throws KernelException EISDIR, EINVAL (negative, not a regular file), EACCES, EROFS, ENOSPC
     */
    public void truncate(Caller caller, Resolved base, String path, long size) {
        read(() -> {
            attributes.truncate(caller, resolveFile(caller, base, path, true, Errno.EINVAL), size, path);
            return null;
        });
    }

    /** Closes every backend (an in-memory filesystem's memory is released). Open handles fail afterwards. */
    @Override
    public void close() {
        write(() -> {
            for (Mount mount : mounts.mounts()) {
                mount.backend().close();
            }
            return null;
        });
    }

    // ---------------------------------------------------------------- helpers

    private Resolved resolveFile(Caller caller, Resolved base, String path, boolean follow, Errno foreign) {
        return walker.resolveFile(new PathWalker.Walk(caller), base, path, follow, foreign);
    }

    private static String describe(Resolved file) {
        try {
            return file.path();
        } catch (KernelException e) {
            return "(deleted file)";
        }
    }

    private static boolean isRootPath(String path) {
        return path != null && !path.isEmpty() && path.chars().allMatch(c -> c == '/');
    }

    /** Adds the bytes of regular files and the inodes under {@code dir} (included) to {@code usage}. */
    private static void measure(FileSystemBackend backend, Node dir, long[] usage, java.util.Set<Long> seen) {
        usage[1]++;
        Caller kernel = Caller.kernel();
        for (DirEntry entry : backend.readdir(kernel, dir)) {
            Node node = backend.lookup(kernel, dir, entry.name());
            if (node == null) {
                continue;
            }
            if (node.isDirectory()) {
                measure(backend, node, usage, seen);
            } else if (seen.add(node.ino())) {
                usage[1]++;
                if (node.type() == FileType.REGULAR) {
                    usage[0] += backend.stat(node, 0).size();
                }
            }
        }
    }

    private <T> T read(Supplier<T> action) {
        long stamp = lock.readLock();
        try {
            return action.get();
        } finally {
            lock.unlockRead(stamp);
        }
    }

    private <T> T write(Supplier<T> action) {
        long stamp = lock.writeLock();
        lastResolution.changing();
        try {
            return action.get();
        } finally {
            lastResolution.changed();
            lock.unlockWrite(stamp);
        }
    }
}
