package io.sandkernel.kernel.vfs;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.DirEntry;
import io.sandkernel.api.fs.FileType;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.Stat;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link NioBackend} over a directory that only it changes (a Jimfs filesystem it created, or one
 * handed to it): contents and names live in the NIO filesystem; metadata (full mode, owner, link
 * count, size, times) in {@link Inode}s, so {@code stat} never touches NIO; nodes
 * ({@link MemNode}) are cached per directory; the handles of a file share one channel on its
 * contents ({@link ContentChannel}), so opening a file neither walks the NIO path again nor makes
 * a channel. The {@link Vfs} namespace lock keeps the cache, the
 * inodes and the filesystem consistent. Files found there that this tree did not create are
 * adopted on first lookup: owner root, mode from the POSIX view (else 0755/0644).
 */
final class MemoryTree implements FileSystemBackend {
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private final String typeName;
    private final FileSystem owned;
    private final Clock clock;
    private final boolean posix;
    private final ConcurrentHashMap<Object, Inode> inodes = new ConcurrentHashMap<>();
    private final AtomicLong nextIno = new AtomicLong(1);
    private final MemNode root;
    /**
     * Whether handles share their file's {@link ContentChannel}; false once the filesystem refused
     * to open a file for reading and writing (a read-only one).
     */
    private volatile boolean sharedChannels = true;

    /**
     * @param rootPath the root directory
     * @param owned    the filesystem to close with this tree, or null
     */
    MemoryTree(String typeName, Path rootPath, FileSystem owned, Clock clock, int rootPermissions) {
        this.typeName = typeName;
        this.owned = owned;
        this.clock = clock;
        this.posix = rootPath.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            BasicFileAttributes attributes = Files.readAttributes(rootPath, BasicFileAttributes.class, NOFOLLOW);
            if (!attributes.isDirectory()) {
                throw new KernelException(Errno.ENOTDIR, "not a directory: " + rootPath);
            }
            Inode inode = adopt(rootPath, attributes);
            if (owned != null) {
                inode.permissions = rootPermissions;
                // a filesystem made here keeps no times of its own (NioBackend#inMemory)
                Instant now = clock.instant();
                inode.atime = now;
                inode.mtime = now;
                inode.ctime = now;
            }
            this.root = new MemNode(inode, rootPath, null, "");
            root.complete = owned != null; // a filesystem made here starts empty
        } catch (IOException e) {
            throw NioErrors.of(e, rootPath.toString());
        }
    }

    @Override
    public String typeName() {
        return typeName;
    }

    @Override
    public Accounting accounting() {
        return Accounting.COUNTED;
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node lookup(Caller caller, Node dir, String name) {
        MemNode parent = (MemNode) dir;
        MemNode cached = parent.children.get(name);
        if (cached != null || parent.removed || parent.complete) {
            return cached;
        }
        Path path = parent.path.resolve(name);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, NOFOLLOW);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw NioErrors.of(e, name);
        }
        Inode inode = inodes.get(attributes.fileKey());
        if (inode == null) {
            inode = adopt(path, attributes);
        }
        MemNode node = new MemNode(inode, path, parent, name);
        MemNode raced = parent.children.putIfAbsent(name, node);
        return raced != null ? raced : node;
    }

    @Override
    public Node parent(Node dir) {
        MemNode parent = ((MemNode) dir).parent;
        return parent == null ? root : parent;
    }

    @Override
    public Stat stat(Node node, long dev) {
        return ((MemNode) node).inode.stat(dev);
    }

    @Override
    public List<DirEntry> readdir(Caller caller, Node dir) {
        MemNode parent = (MemNode) dir;
        if (parent.removed) {
            return List.of();
        }
        List<DirEntry> entries = new ArrayList<>();
        if (parent.complete) {
            for (var entry : parent.children.entrySet()) {
                entries.add(new DirEntry(entry.getKey(), entry.getValue().ino(), entry.getValue().type()));
            }
            return entries;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(parent.path)) {
            for (Path entry : stream) {
                String name = entry.getFileName().toString();
                Node node = lookup(caller, dir, name);
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
        MemNode node = (MemNode) dir;
        if (!node.children.isEmpty() || node.complete) {
            return node.children.isEmpty();
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(node.path)) {
            return !stream.iterator().hasNext();
        } catch (IOException e) {
            throw NioErrors.of(e, describe(node));
        }
    }

    @Override
    public String readlink(Caller caller, Node link) {
        return ((MemNode) link).inode.target;
    }

    @Override
    public FileHandle open(Caller caller, Node node, int flags) {
        MemNode file = (MemNode) node;
        if (file.type() != FileType.REGULAR) {
            throw new KernelException(Errno.EACCES, "cannot open " + describe(file) + ": not a regular file");
        }
        ContentChannel content = file.inode.content;
        if (sharedChannels) {
            try {
                FileChannel channel = content.acquire(livePath(file));
                return new NioHandle(() -> describe(file), channel, new NioHandle.ChannelSource() {
                    @Override
                    public FileChannel reopen(FileChannel stale) throws IOException {
                        return content.reopen(stale, livePath(file));
                    }

                    @Override
                    public void release(FileChannel current) {
                        content.release();
                    }
                }, flags, file.inode, clock);
            } catch (NoSuchFileException | ClosedChannelException e) {
                throw NioErrors.of(e, describe(file));
            } catch (IOException | RuntimeException e) {
                if (e instanceof RuntimeException r && !NioErrors.isNioRuntime(r)) {
                    throw r;
                }
                // a filesystem that cannot open the file for both reading and writing (read-only):
                // every handle opens a channel of its own, with its own access mode
                sharedChannels = false;
            }
        }
        Set<OpenOption> options = NioBackend.openOptions(flags);
        try {
            FileChannel channel = FileChannel.open(livePath(file), options);
            return new NioHandle(() -> describe(file), channel,
                    NioHandle.ownChannel(() -> FileChannel.open(livePath(file), options)), flags, file.inode, clock);
        } catch (IOException e) {
            throw NioErrors.of(e, describe(file));
        }
    }

    /** The NIO path of {@code file}. @throws NoSuchFileException when that name was removed */
    private static Path livePath(MemNode file) throws NoSuchFileException {
        if (file.removed) {
            throw new NoSuchFileException(file.path.toString());
        }
        return file.path;
    }

    @Override
    public String pathOf(Node node) {
        MemNode file = (MemNode) node;
        if (file.removed) {
            throw new KernelException(Errno.ENOENT, "the file was removed");
        }
        return root.path.relativize(file.path).toString();
    }

    @Override
    public Node createFile(Node dir, String name, int permissions, int uid, int gid) {
        MemNode parent = live(dir, name);
        Path path = parent.path.resolve(name);
        try {
            Files.createFile(path);
        } catch (IOException e) {
            throw NioErrors.of(e, name);
        }
        return created(parent, path, name, FileType.REGULAR, permissions, uid, gid, 1, null);
    }

    @Override
    public Node mkdir(Node dir, String name, int permissions, int uid, int gid) {
        MemNode parent = live(dir, name);
        Path path = parent.path.resolve(name);
        try {
            Files.createDirectory(path);
        } catch (IOException e) {
            throw NioErrors.of(e, name);
        }
        return created(parent, path, name, FileType.DIRECTORY, permissions, uid, gid, 2, null);
    }

    @Override
    public Node symlink(Node dir, String name, String target, int uid, int gid) {
        MemNode parent = live(dir, name);
        Path path = parent.path.resolve(name);
        try {
            Files.createSymbolicLink(path, path.getFileSystem().getPath(target));
        } catch (IOException | RuntimeException e) {
            throw e instanceof RuntimeException r && !NioErrors.isNioRuntime(r) ? r : NioErrors.of(e, name);
        }
        return created(parent, path, name, FileType.SYMLINK, 0777, uid, gid, 1, target);
    }

    private MemNode created(MemNode parent, Path path, String name, FileType type, int permissions, int uid, int gid,
                            int nlink, String target) {
        Instant now = clock.instant();
        Object key;
        try {
            key = Files.readAttributes(path, BasicFileAttributes.class, NOFOLLOW).fileKey();
        } catch (IOException e) {
            throw NioErrors.of(e, name);
        }
        Inode inode = new Inode(nextIno.getAndIncrement(), type, key == null ? new Object() : key, permissions, uid,
                gid, nlink, 0, now, now, now, target);
        inodes.put(inode.key, inode);
        MemNode node = new MemNode(inode, path, parent, name);
        node.complete = type == FileType.DIRECTORY; // made empty here
        parent.children.put(name, node);
        parent.inode.entriesChanged(type == FileType.DIRECTORY ? 1 : 0, now);
        return node;
    }

    @Override
    public void link(Node file, Node dir, String name) {
        MemNode existing = (MemNode) file;
        MemNode parent = live(dir, name);
        Path path = parent.path.resolve(name);
        try {
            if (existing.inode.type == FileType.SYMLINK) {
                // Linux links the symbolic link itself; NIO (Jimfs) links only regular files and
                // follows links. A link's only content is its target: a second NIO link to the same
                // target under this name, sharing the kernel's inode, is the same file.
                Files.createSymbolicLink(path, path.getFileSystem().getPath(existing.inode.target));
            } else {
                Files.createLink(path, existing.path);
            }
        } catch (IOException e) {
            throw NioErrors.of(e, name);
        }
        Instant now = clock.instant();
        existing.inode.addLinks(1, now);
        parent.children.put(name, new MemNode(existing.inode, path, parent, name));
        parent.inode.entriesChanged(0, now);
    }

    @Override
    public void unlink(Node dir, String name, Node victim) {
        remove((MemNode) dir, name, (MemNode) victim);
    }

    @Override
    public void rmdir(Node dir, String name, Node victim) {
        remove((MemNode) dir, name, (MemNode) victim);
    }

    private void remove(MemNode parent, String name, MemNode victim) {
        try {
            Files.delete(victim.path);
        } catch (IOException e) {
            throw NioErrors.of(e, name);
        }
        forget(parent, name, victim, clock.instant());
    }

    /** Bookkeeping after {@code victim}, named {@code name} in {@code parent}, lost that name. */
    private void forget(MemNode parent, String name, MemNode victim, Instant now) {
        parent.children.remove(name, victim);
        victim.removed = true;
        Inode inode = victim.inode;
        boolean directory = inode.type == FileType.DIRECTORY;
        inode.addLinks(directory ? -inode.nlink : -1, now);
        if (inode.nlink == 0) {
            inodes.remove(inode.key, inode);
            if (inode.content != null) {
                inode.content.unlinked();
            }
        }
        parent.inode.entriesChanged(directory ? -1 : 0, now);
    }

    @Override
    public void rename(Node fromDir, String fromName, Node node, Node toDir, String toName, Node replaced) {
        MemNode from = live(fromDir, fromName);
        MemNode to = live(toDir, toName);
        MemNode moving = (MemNode) node;
        Path target = to.path.resolve(toName);
        try {
            Files.move(moving.path, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw NioErrors.of(e, fromName + " to " + toName);
        }
        Instant now = clock.instant();
        if (replaced != null) {
            forget(to, toName, (MemNode) replaced, now);
        }
        from.children.remove(fromName, moving);
        boolean directory = moving.type() == FileType.DIRECTORY;
        from.inode.entriesChanged(directory ? -1 : 0, now);
        moving.name = toName;
        moving.parent = to;
        moving.path = target;
        moving.moved();
        moving.inode.changed(now);
        to.children.put(toName, moving);
        to.inode.entriesChanged(directory ? 1 : 0, now);
    }

    @Override
    public void chmod(Node node, int permissions) {
        Inode inode = ((MemNode) node).inode;
        synchronized (inode) {
            inode.permissions = permissions;
            inode.changed(clock.instant());
        }
    }

    @Override
    public void chown(Caller caller, Node node, int uid, int gid) {
        Inode inode = ((MemNode) node).inode;
        synchronized (inode) {
            inode.uid = uid;
            inode.gid = gid;
            inode.changed(clock.instant());
        }
    }

    @Override
    public void setTimes(Node node, Instant atime, Instant mtime) {
        Inode inode = ((MemNode) node).inode;
        synchronized (inode) {
            if (atime != null) {
                inode.atime = atime;
            }
            if (mtime != null) {
                inode.mtime = mtime;
            }
            inode.changed(clock.instant());
        }
    }

    @Override
    public void truncate(Node node, long size) {
        MemNode file = (MemNode) node;
        try (FileHandle handle = open(Caller.kernel(), file, OpenFlags.O_WRONLY)) {
            handle.truncate(size);
        }
    }

    @Override
    public void close() {
        for (Inode inode : inodes.values()) {
            if (inode.content != null) {
                inode.content.close();
            }
        }
        if (owned != null) {
            try {
                owned.close();
            } catch (IOException e) {
                // an in-memory filesystem has nothing to flush
            }
        }
    }

    /** {@code dir}, which must not have been removed (its old path may name another directory now). */
    private static MemNode live(Node dir, String name) {
        MemNode node = (MemNode) dir;
        if (node.removed) {
            throw new KernelException(Errno.ENOENT, "cannot use " + name + ": its directory was removed");
        }
        return node;
    }

    /** An inode for a file this tree did not create. */
    private Inode adopt(Path path, BasicFileAttributes attributes) {
        FileType type = attributes.isDirectory() ? FileType.DIRECTORY
                : attributes.isSymbolicLink() ? FileType.SYMLINK
                : attributes.isRegularFile() ? FileType.REGULAR : FileType.UNKNOWN;
        int permissions = type == FileType.DIRECTORY ? 0755 : type == FileType.SYMLINK ? 0777 : 0644;
        int nlink = type == FileType.DIRECTORY ? 2 : 1;
        String target = null;
        try {
            if (posix && type != FileType.SYMLINK) {
                permissions = mode(Files.readAttributes(path, PosixFileAttributes.class, NOFOLLOW).permissions());
            }
            if (path.getFileSystem().supportedFileAttributeViews().contains("unix")) {
                nlink = ((Number) Files.getAttribute(path, "unix:nlink", NOFOLLOW)).intValue();
            } else if (type == FileType.DIRECTORY) {
                nlink = 2 + countSubdirectories(path);
            }
            if (type == FileType.SYMLINK) {
                target = Files.readSymbolicLink(path).toString();
            }
        } catch (IOException e) {
            throw NioErrors.of(e, path.toString());
        }
        Object key = attributes.fileKey() == null ? new Object() : attributes.fileKey();
        Inode inode = new Inode(nextIno.getAndIncrement(), type, key, permissions, 0, 0, nlink,
                type == FileType.REGULAR ? attributes.size() : 0, attributes.lastAccessTime().toInstant(),
                attributes.lastModifiedTime().toInstant(), attributes.lastModifiedTime().toInstant(), target);
        Inode raced = inodes.putIfAbsent(key, inode);
        return raced != null ? raced : inode;
    }

    private static int countSubdirectories(Path dir) throws IOException {
        int count = 0;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Iterator<Path> it = stream.iterator(); it.hasNext(); ) {
                if (Files.isDirectory(it.next(), NOFOLLOW)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static int mode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            mode |= 0400 >> permission.ordinal();
        }
        return mode;
    }

    private String describe(MemNode node) {
        return node.removed ? node.name + " (deleted)" : "/" + root.path.relativize(node.path);
    }
}
