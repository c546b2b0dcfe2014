package io.sandkernel.kernel.vfs;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.DirEntry;
import io.sandkernel.api.fs.FileType;
import io.sandkernel.api.fs.Stat;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link NioBackend} over a host directory, confined to it. Nothing is cached: every lookup reads
 * one name of one directory whose every ancestor below the mount was checked (not a symbolic link)
 * during the same operation, with {@code NOFOLLOW_LINKS}; the {@link Vfs} namespace lock keeps
 * renames made through the kernel out of that window; a node kept across operations (a working
 * directory) is checked again component by component ({@link #revalidate}); a file opened is
 * checked to still be the file looked up (same host file key, before and after the open), else
 * ELOOP. Files appear owned by the configured uid and gid; modes are the host's; chmod sets only
 * the 0777 bits (set-id bits are never set on the host); chown records nothing: it succeeds for
 * root (and for anyone when the owner and group stay the configured ones) and fails with EPERM
 * otherwise. Host FIFOs, sockets and devices are listed but cannot be opened (EACCES).
 *
 * <p>Not covered: host processes changing the directory concurrently (outside the kernel's lock)
 * can race with a resolution, as with any path-based confinement.
 */
final class HostTree implements FileSystemBackend {
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
    private static final String UNIX_ATTRIBUTES = "unix:mode,dev,ino,nlink,size,rdev,lastAccessTime,lastModifiedTime,ctime,fileKey";

    private final Path root;
    private final int uid;
    private final int gid;
    private final Clock clock;
    private final boolean unix;
    private final boolean posix;
    /** The host device of the mounted directory; files of other host devices get mixed inode numbers. */
    private final long rootDev;

    HostTree(Path directory, int uid, int gid, Clock clock) {
        try {
            this.root = directory.toRealPath();
        } catch (IOException e) {
            throw NioErrors.of(e, directory.toString());
        }
        if (!Files.isDirectory(root, NOFOLLOW)) {
            throw new KernelException(Errno.ENOTDIR, "not a directory: " + directory);
        }
        this.uid = uid;
        this.gid = gid;
        this.clock = clock;
        Set<String> views = root.getFileSystem().supportedFileAttributeViews();
        this.unix = views.contains("unix");
        this.posix = views.contains("posix");
        try {
            this.rootDev = unix ? ((Number) Files.getAttribute(root, "unix:dev", NOFOLLOW)).longValue() : -1;
        } catch (IOException e) {
            throw NioErrors.of(e, directory.toString());
        }
    }

    @Override
    public String typeName() {
        return "hostfs";
    }

    @Override
    public Accounting accounting() {
        return Accounting.HOST;
    }

    @Override
    public Node root() {
        HostNode node = read(root, "");
        if (node == null || node.type() != FileType.DIRECTORY) {
            throw new KernelException(Errno.ENOENT, "host directory " + root + " is gone");
        }
        return node;
    }

    @Override
    public Node lookup(Caller caller, Node dir, String name) {
        HostNode parent = (HostNode) dir;
        return read(parent.path().resolve(name), child(parent.relative(), name));
    }

    @Override
    public Node parent(Node dir) {
        HostNode node = (HostNode) dir;
        int slash = node.relative().lastIndexOf('/');
        HostNode parent = read(node.path().getParent(), slash < 0 ? "" : node.relative().substring(0, slash));
        if (parent == null) {
            throw new KernelException(Errno.ENOENT, "parent of " + describe(node) + " is gone");
        }
        return parent;
    }

    @Override
    public Node revalidate(Node node) {
        HostNode kept = (HostNode) node;
        HostNode current = (HostNode) root();
        if (!kept.relative().isEmpty()) {
            for (String name : kept.relative().split("/")) {
                if (current.type() != FileType.DIRECTORY) {
                    current = null;
                    break;
                }
                current = read(current.path().resolve(name), child(current.relative(), name));
                if (current == null) {
                    break;
                }
            }
        }
        if (!kept.sameFile(current)) {
            throw new KernelException(Errno.ENOENT, describe(kept) + " was moved or removed");
        }
        return current;
    }

    @Override
    public Stat stat(Node node, long dev) {
        HostNode kept = (HostNode) node;
        HostNode current = read(kept.path(), kept.relative());
        if (!kept.sameFile(current)) {
            throw new KernelException(Errno.ENOENT, describe(kept) + " was moved or removed");
        }
        return current.stat(dev);
    }

    @Override
    public List<DirEntry> readdir(Caller caller, Node dir) {
        HostNode parent = (HostNode) dir;
        List<DirEntry> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(parent.path())) {
            for (Path entry : stream) {
                String name = entry.getFileName().toString();
                HostNode node = read(parent.path().resolve(name), child(parent.relative(), name));
                if (node != null) {
                    entries.add(new DirEntry(name, node.ino(), node.type()));
                }
            }
        } catch (IOException e) {
            throw NioErrors.of(e, describe(parent));
        }
        return entries;
    }

    @Override
    public boolean isEmptyDirectory(Caller caller, Node dir) {
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(((HostNode) dir).path())) {
            return !stream.iterator().hasNext();
        } catch (IOException e) {
            throw NioErrors.of(e, describe((HostNode) dir));
        }
    }

    @Override
    public String readlink(Caller caller, Node link) {
        try {
            return Files.readSymbolicLink(((HostNode) link).path()).toString();
        } catch (IOException e) {
            throw NioErrors.of(e, describe((HostNode) link));
        }
    }

    @Override
    public FileHandle open(Caller caller, Node node, int flags) {
        HostNode file = (HostNode) node;
        if (file.type() != FileType.REGULAR) {
            throw new KernelException(Errno.EACCES, "cannot open host file " + describe(file) + ": not a regular file");
        }
        Set<OpenOption> options = NioBackend.openOptions(flags);
        try {
            FileChannel channel = openChecked(file, options);
            return new NioHandle(() -> describe(file), channel, NioHandle.ownChannel(() -> openChecked(file, options)),
                    flags, null, clock);
        } catch (IOException e) {
            throw NioErrors.of(e, describe(file));
        }
    }

    /** Opens {@code file} without following links and checks the opened path still is that file. */
    private FileChannel openChecked(HostNode file, Set<OpenOption> options) throws IOException {
        FileChannel channel = FileChannel.open(file.path(), options);
        HostNode after = read(file.path(), file.relative());
        if (!file.sameFile(after)) {
            channel.close();
            throw new KernelException(Errno.ELOOP, describe(file) + " was replaced while being opened");
        }
        return channel;
    }

    @Override
    public String pathOf(Node node) {
        return ((HostNode) node).relative();
    }

    @Override
    public Node createFile(Node dir, String name, int permissions, int uid, int gid) {
        Path path = ((HostNode) dir).path().resolve(name);
        try {
            Files.newByteChannel(path, Set.of(java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE, NOFOLLOW)).close();
        } catch (IOException e) {
            throw NioErrors.of(e, name);
        }
        return created(dir, name, permissions);
    }

    @Override
    public Node mkdir(Node dir, String name, int permissions, int uid, int gid) {
        Path path = ((HostNode) dir).path().resolve(name);
        try {
            Files.createDirectory(path);
        } catch (IOException e) {
            throw NioErrors.of(e, name);
        }
        return created(dir, name, permissions);
    }

    private Node created(Node dir, String name, int permissions) {
        HostNode node = (HostNode) lookup(null, dir, name);
        if (node == null) {
            throw new KernelException(Errno.ENOENT, name + " vanished after being created");
        }
        chmod(node, permissions);
        return node;
    }

    @Override
    public Node symlink(Node dir, String name, String target, int uid, int gid) {
        Path path = ((HostNode) dir).path().resolve(name);
        try {
            Files.createSymbolicLink(path, path.getFileSystem().getPath(target));
        } catch (IOException | RuntimeException e) {
            throw e instanceof RuntimeException r && !NioErrors.isNioRuntime(r) ? r : NioErrors.of(e, name);
        }
        return lookup(null, dir, name);
    }

    @Override
    public void link(Node file, Node dir, String name) {
        try {
            Files.createLink(((HostNode) dir).path().resolve(name), ((HostNode) file).path());
        } catch (IOException e) {
            throw NioErrors.of(e, name);
        }
    }

    @Override
    public void unlink(Node dir, String name, Node victim) {
        delete((HostNode) dir, name, (HostNode) victim);
    }

    @Override
    public void rmdir(Node dir, String name, Node victim) {
        delete((HostNode) dir, name, (HostNode) victim);
    }

    private void delete(HostNode dir, String name, HostNode victim) {
        Path path = dir.path().resolve(name);
        if (!victim.sameFile(read(path, victim.relative()))) {
            throw new KernelException(Errno.ENOENT, describe(victim) + " was replaced");
        }
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw NioErrors.of(e, describe(victim));
        }
    }

    @Override
    public void rename(Node fromDir, String fromName, Node node, Node toDir, String toName, Node replaced) {
        Path source = ((HostNode) fromDir).path().resolve(fromName);
        Path target = ((HostNode) toDir).path().resolve(toName);
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw NioErrors.of(e, fromName + " to " + toName);
        }
    }

    @Override
    public void chmod(Node node, int permissions) {
        HostNode file = (HostNode) node;
        if (!posix) {
            throw new KernelException(Errno.EPERM, "the host filesystem has no permissions: " + describe(file));
        }
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission permission : PosixFilePermission.values()) {
            if ((permissions & (0400 >> permission.ordinal())) != 0) {
                set.add(permission);
            }
        }
        try {
            Files.getFileAttributeView(file.path(), PosixFileAttributeView.class, NOFOLLOW).setPermissions(set);
        } catch (IOException e) {
            throw NioErrors.of(e, describe(file));
        }
    }

    @Override
    public void chown(Caller caller, Node node, int uid, int gid) {
        boolean unchanged = uid == this.uid && gid == this.gid;
        if (!unchanged && (caller == null || !caller.isRoot())) {
            throw new KernelException(Errno.EPERM, "cannot change owners in host directory: " + describe((HostNode) node));
        }
    }

    @Override
    public void setTimes(Node node, Instant atime, Instant mtime) {
        HostNode file = (HostNode) node;
        try {
            Files.getFileAttributeView(file.path(), BasicFileAttributeView.class, NOFOLLOW).setTimes(
                    mtime == null ? null : FileTime.from(mtime), atime == null ? null : FileTime.from(atime), null);
        } catch (IOException e) {
            throw NioErrors.of(e, describe(file));
        }
    }

    @Override
    public void truncate(Node node, long size) {
        try (FileHandle handle = open(Caller.kernel(), node, io.sandkernel.api.fs.OpenFlags.O_WRONLY)) {
            handle.truncate(size);
        }
    }

    /** The host file at {@code path} (the entry itself, never followed), or null when there is none. */
    private HostNode read(Path path, String relative) {
        try {
            if (unix) {
                Map<String, Object> a = Files.readAttributes(path, UNIX_ATTRIBUTES, NOFOLLOW);
                int mode = (Integer) a.get("mode");
                long dev = ((Number) a.get("dev")).longValue();
                long ino = ((Number) a.get("ino")).longValue();
                if (dev != rootDev) {
                    ino = SyntheticNode.inoOf(dev, Long.toString(ino));
                }
                return new HostNode(path, relative, FileType.ofMode(mode), ino,
                        mode & 07777, uid, gid, a.get("fileKey"), ((Number) a.get("nlink")).intValue(),
                        ((Number) a.get("size")).longValue(), ((Number) a.get("rdev")).longValue(),
                        ((FileTime) a.get("lastAccessTime")).toInstant(),
                        ((FileTime) a.get("lastModifiedTime")).toInstant(), ((FileTime) a.get("ctime")).toInstant());
            }
            BasicFileAttributes a = posix
                    ? Files.readAttributes(path, PosixFileAttributes.class, NOFOLLOW)
                    : Files.readAttributes(path, BasicFileAttributes.class, NOFOLLOW);
            FileType type = a.isDirectory() ? FileType.DIRECTORY : a.isSymbolicLink() ? FileType.SYMLINK
                    : a.isRegularFile() ? FileType.REGULAR : FileType.UNKNOWN;
            int permissions = a instanceof PosixFileAttributes p ? modeOf(p.permissions())
                    : type == FileType.DIRECTORY ? 0755 : 0644;
            Object key = a.fileKey() != null ? a.fileKey() : path.toAbsolutePath().toString();
            return new HostNode(path, relative, type, key.hashCode() & 0xffffffffL, permissions, uid, gid, key,
                    type == FileType.DIRECTORY ? 2 : 1, a.size(), 0, a.lastAccessTime().toInstant(),
                    a.lastModifiedTime().toInstant(), a.lastModifiedTime().toInstant());
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw NioErrors.of(e, relative.isEmpty() ? "/" : relative);
        }
    }

    private static int modeOf(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            mode |= 0400 >> permission.ordinal();
        }
        return mode;
    }

    private static String child(String relative, String name) {
        return relative.isEmpty() ? name : relative + "/" + name;
    }

    private static String describe(HostNode node) {
        return node.relative().isEmpty() ? "(host directory root)" : node.relative();
    }
}
