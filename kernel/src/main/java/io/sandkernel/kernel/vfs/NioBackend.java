package io.sandkernel.kernel.vfs;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.sandkernel.api.fs.DirEntry;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.Stat;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link FileSystemBackend} over a directory of a {@code java.nio} filesystem, in one of two
 * modes:
 * <ul>
 *   <li>{@link #inMemory} / {@link #exclusiveDirectory} ({@code "tmpfs"}, counted): a directory
 *       nobody else changes, normally a Jimfs filesystem. The kernel keeps every file's metadata
 *       (mode with set-id and sticky bits, owner, link count, size, times, symbolic link targets)
 *       in its own inode table and caches looked-up names, so {@code stat} and path walks do not
 *       call the NIO filesystem; contents stay in NIO.</li>
 *   <li>{@link #hostDirectory} ({@code "hostfs"}): a host directory, confined (see
 *       {@link HostTree}); nothing cached; files appear owned by the configured uid and gid.</li>
 * </ul>
 * Every NIO call uses {@link LinkOption#NOFOLLOW_LINKS}; errors map from exception types.
 */
public final class NioBackend implements FileSystemBackend {
    /** What an in-memory filesystem made here records as its own file times, which nobody reads. */
    private static final FileTime UNUSED_TIME = FileTime.fromMillis(0);

    private final FileSystemBackend tree;

    private NioBackend(FileSystemBackend tree) {
        this.tree = tree;
    }

    /**
     * A new, empty in-memory filesystem (Jimfs, Unix style, working directory "/"): the root is
     * a directory of mode 0755 owned by root. Closed with the backend.
     *
     * @param clock the time of file changes
     */
    public static NioBackend inMemory(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        Configuration configuration = Configuration.unix().toBuilder()
                .setWorkingDirectory("/")
                .setAttributeViews("basic", "owner", "posix", "unix")
                .setBlockSize(4096)
                .setMaxSize((long) Integer.MAX_VALUE * 4096)
                .setMaxCacheSize(0)
                // The kernel's inodes hold every time of this filesystem's files (MemoryTree), so
                // Jimfs's own times are never read: a constant spares a clock read per read and write.
                .setFileTimeSource(() -> UNUSED_TIME)
                .build();
        FileSystem fs = Jimfs.newFileSystem(configuration);
        return new NioBackend(new MemoryTree("tmpfs", fs.getPath("/"), fs, clock, 0755));
    }

    /**
     * The directory {@code directory} of any NIO filesystem that only this backend changes (for
     * example a Jimfs filesystem prepared by the host application). Files already there appear
     * owned by root with the modes of their POSIX view. The caller keeps ownership of the
     * filesystem. Changing the directory other than through this backend is not supported.
     */
    public static NioBackend exclusiveDirectory(Path directory, Clock clock) {
        return new NioBackend(new MemoryTree("tmpfs", directory, null, Objects.requireNonNull(clock, "clock"), 0755));
    }

    /**
     * A host directory, confined: no path, {@code ..} or symbolic link resolved through this
     * backend ever reaches outside {@code directory}. Files appear owned by {@code uid}:{@code gid}
     * (normally the guest user the directory is mounted for).
     *
     * @throws io.sandkernel.KernelException ENOENT, ENOTDIR when {@code directory} is not a directory
     */
    public static NioBackend hostDirectory(Path directory, int uid, int gid) {
        return new NioBackend(new HostTree(directory, uid, gid, Clock.systemUTC()));
    }

    private static final Set<OpenOption> READ_ONLY = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    private static final Set<OpenOption> WRITE_ONLY = Set.of(StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
    private static final Set<OpenOption> READ_WRITE = Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS);

    /**
     * The NIO options for the access mode of {@code open(2)} flags; never following a link.
     * Immutable and shared: an open makes no set of its own.
     */
    static Set<OpenOption> openOptions(int flags) {
        return switch (flags & OpenFlags.O_ACCMODE) {
            case OpenFlags.O_WRONLY -> WRITE_ONLY;
            case OpenFlags.O_RDWR -> READ_WRITE;
            default -> READ_ONLY;
        };
    }

    @Override
    public String typeName() {
        return tree.typeName();
    }

    @Override
    public Accounting accounting() {
        return tree.accounting();
    }

    @Override
    public Node root() {
        return tree.root();
    }

    @Override
    public Node lookup(Caller caller, Node dir, String name) {
        return tree.lookup(caller, dir, name);
    }

    @Override
    public Node parent(Node dir) {
        return tree.parent(dir);
    }

    @Override
    public Stat stat(Node node, long dev) {
        return tree.stat(node, dev);
    }

    @Override
    public List<DirEntry> readdir(Caller caller, Node dir) {
        return tree.readdir(caller, dir);
    }

    @Override
    public boolean isEmptyDirectory(Caller caller, Node dir) {
        return tree.isEmptyDirectory(caller, dir);
    }

    @Override
    public String readlink(Caller caller, Node link) {
        return tree.readlink(caller, link);
    }

    @Override
    public FileHandle open(Caller caller, Node node, int flags) {
        return tree.open(caller, node, flags);
    }

    @Override
    public String pathOf(Node node) {
        return tree.pathOf(node);
    }

    @Override
    public Node revalidate(Node node) {
        return tree.revalidate(node);
    }

    @Override
    public Node createFile(Node dir, String name, int permissions, int uid, int gid) {
        return tree.createFile(dir, name, permissions, uid, gid);
    }

    @Override
    public Node mkdir(Node dir, String name, int permissions, int uid, int gid) {
        return tree.mkdir(dir, name, permissions, uid, gid);
    }

    @Override
    public Node symlink(Node dir, String name, String target, int uid, int gid) {
        return tree.symlink(dir, name, target, uid, gid);
    }

    @Override
    public void link(Node file, Node dir, String name) {
        tree.link(file, dir, name);
    }

    @Override
    public void unlink(Node dir, String name, Node victim) {
        tree.unlink(dir, name, victim);
    }

    @Override
    public void rmdir(Node dir, String name, Node victim) {
        tree.rmdir(dir, name, victim);
    }

    @Override
    public void rename(Node fromDir, String fromName, Node node, Node toDir, String toName, Node replaced) {
        tree.rename(fromDir, fromName, node, toDir, toName, replaced);
    }

    @Override
    public void chmod(Node node, int permissions) {
        tree.chmod(node, permissions);
    }

    @Override
    public void chown(Caller caller, Node node, int uid, int gid) {
        tree.chown(caller, node, uid, gid);
    }

    @Override
    public void setTimes(Node node, Instant atime, Instant mtime) {
        tree.setTimes(node, atime, mtime);
    }

    @Override
    public void truncate(Node node, long size) {
        tree.truncate(node, size);
    }

    @Override
    public void close() {
        tree.close();
    }

    @Override
    public String toString() {
        return "NioBackend[" + tree.typeName() + "]";
    }
}
