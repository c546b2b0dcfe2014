package io.sandkernel.kernel;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.Stat;
import io.sandkernel.kernel.memory.MemoryAccount;
import io.sandkernel.kernel.vfs.Caller;
import io.sandkernel.kernel.vfs.FileHandle;
import io.sandkernel.kernel.vfs.FileSystemBackend;
import io.sandkernel.kernel.vfs.NioBackend;
import io.sandkernel.kernel.vfs.OpenResult;
import io.sandkernel.kernel.vfs.Vfs;
import io.sandkernel.kernel.vfs.VfsLimits;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Assembles a kernel's {@link Vfs}: the root filesystem, the Linux-like layout, {@code /dev},
 * {@code /proc} and the embedder's mounts; and the host's own access to files (as root).
 */
final class KernelFiles {
    /** A mount the embedder asked for: a host directory or a {@code java.nio} filesystem. */
    record MountRequest(String guestPath, Path hostDirectory, FileSystem fileSystem, boolean readOnly) {}

    /** Linux's top level and the PATH's directories, kept short: each is a good part of a cold start. */
    private static final String[] SYSTEM_DIRECTORIES = {"/bin", "/dev", "/etc", "/home", "/proc", "/root", "/tmp",
        "/usr", "/usr/bin", "/usr/local", "/usr/local/bin", "/var", "/var/tmp"};

    /** Root with no umask: the layout's modes are exact (1777 for /tmp) without a chmod each. */
    private static final Caller ROOT_NO_UMASK = new Caller(0, io.sandkernel.user.ProcessIdentity.root(), 0);

    private final Vfs vfs;
    /**
     * Directories known to exist (made here): asking the VFS again would cost an EEXIST exception
     * each, a good part of a cold start.
     */
    private final java.util.Set<String> made = new java.util.HashSet<>();

    private KernelFiles(Vfs vfs) {
        this.vfs = vfs;
        made.add("/");
    }

    /**
     * The root: a new in-memory filesystem, {@code fileSystem} (its first root) or the host
     * directory {@code hostDirectory}. A filesystem of the default provider is the host's: it needs
     * {@code hostAccess} like a host directory.
     *
     * @throws KernelException EACCES for host files without access granted, ENOENT/ENOTDIR for a
     *                         host directory that is not one
     */
    static KernelFiles create(KernelLimits limits, MemoryAccount memory, Clock clock, FileSystem fileSystem,
                              Path hostDirectory, boolean hostAccess, UserAccount guest) {
        Vfs vfs = new Vfs(new VfsLimits(limits.maxFilesystemBytes(), limits.maxInodes()), clock, memory);
        FileSystemBackend root;
        if (hostDirectory != null) {
            requireHostAccess(hostAccess, "host directory " + hostDirectory);
            root = NioBackend.hostDirectory(hostDirectory, guest.uid(), guest.gid());
        } else if (fileSystem != null) {
            if (isHosts(fileSystem)) {
                requireHostAccess(hostAccess, "the host's default file system");
            }
            root = NioBackend.exclusiveDirectory(fileSystem.getRootDirectories().iterator().next(), clock);
        } else {
            root = NioBackend.inMemory(clock);
        }
        vfs.mount("/", root, false);
        return new KernelFiles(vfs);
    }

    /**
     * Whether {@code fileSystem} shows the host's files: any file system of the default provider
     * (the default one, or one its provider returns for another {@code file:} URI), or of a
     * provider installed in its place that still serves the {@code file} scheme.
     */
    static boolean isHosts(FileSystem fileSystem) {
        return fileSystem.provider() == FileSystems.getDefault().provider()
                || "file".equalsIgnoreCase(fileSystem.provider().getScheme());
    }

    private static void requireHostAccess(boolean granted, String what) {
        if (!granted) {
            throw new KernelException(Errno.EACCES, what + ": host access is not granted");
        }
    }

    Vfs vfs() {
        return vfs;
    }

    /**
     * Creates what is missing of the layout: system directories owned by root (0755, {@code /root}
     * 0700, {@code /tmp} and {@code /var/tmp} 1777), the users' homes owned by them, and
     * {@code /etc/passwd}, {@code /etc/group} and {@code /etc/hostname} (0644). Existing files are
     * left alone.
     */
    void createLayout(List<UserAccount> users, String hostname) {
        for (String dir : SYSTEM_DIRECTORIES) {
            int mode = dir.equals("/root") ? 0700 : dir.endsWith("tmp") ? 01777 : 0755;
            directory(dir, mode, 0, 0);
        }
        StringBuilder passwd = new StringBuilder();
        StringBuilder group = new StringBuilder();
        for (UserAccount user : users) {
            if (user.uid() != 0) {
                parents(user.home());
                directory(user.home(), 0755, user.uid(), user.gid());
            }
            passwd.append(user.name()).append(":x:").append(user.uid()).append(':').append(user.gid())
                    .append("::").append(user.home()).append(':').append(user.shell()).append('\n');
            group.append(user.uid() == 0 ? "root" : user.name()).append(":x:").append(user.gid()).append(":\n");
        }
        newFile("/etc/passwd", passwd.toString());
        newFile("/etc/group", group.toString());
        newFile("/etc/hostname", hostname + "\n");
    }

    /** Creates the directories leading to {@code path} (root, 0755) that are missing. */
    void parents(String path) {
        int slash = path.indexOf('/', 1);
        while (slash > 0) {
            directory(path.substring(0, slash), 0755, 0, 0);
            slash = path.indexOf('/', slash + 1);
        }
    }

    /** Makes {@code path} a directory of mode {@code mode} owned by {@code uid}, when it is missing. */
    private void directory(String path, int mode, int uid, int gid) {
        if (!made.add(path)) {
            return;
        }
        try {
            vfs.mkdir(ROOT_NO_UMASK, null, path, mode);
        } catch (KernelException e) {
            if (e.errno() == Errno.EEXIST) {
                return;
            }
            made.remove(path);
            throw e;
        }
        if (uid != 0 || gid != 0) {
            Caller root = Caller.kernel();
            vfs.chown(root, null, path, uid, gid, false);
        }
    }

    private void newFile(String path, String content) {
        try {
            write(path, content.getBytes(StandardCharsets.UTF_8), OpenFlags.O_EXCL);
        } catch (KernelException e) {
            if (e.errno() != Errno.EEXIST) {
                throw e;
            }
        }
    }

    /**
     * Mounts what the embedder asked for, creating a missing mount point (root, 0755).
     *
     * @throws KernelException EACCES for a host directory or the host's file system without access granted
     */
    void mount(MountRequest request, boolean hostAccess, UserAccount guest, Clock clock) {
        FileSystemBackend backend;
        if (request.hostDirectory() != null) {
            requireHostAccess(hostAccess, "host directory " + request.hostDirectory());
            backend = NioBackend.hostDirectory(request.hostDirectory(), guest.uid(), guest.gid());
        } else {
            FileSystem fs = request.fileSystem();
            if (isHosts(fs)) {
                requireHostAccess(hostAccess, "the host's default file system");
            }
            backend = NioBackend.exclusiveDirectory(fs.getRootDirectories().iterator().next(), clock);
        }
        parents(request.guestPath() + "/");
        vfs.mount(request.guestPath(), backend, request.readOnly());
        if (request.fileSystem() != null && !request.readOnly()) {
            // the embedder mounts it for the guest, as a host directory's files appear the guest's
            vfs.chown(Caller.kernel(), null, request.guestPath(), guest.uid(), guest.gid(), true);
        }
    }

    /**
     * Mounts a generated filesystem at {@code path}, creating the mount point when it is missing
     * and the root allows it; skipped when it cannot be made (a read-only host directory).
     */
    void mountSynthetic(String path, FileSystemBackend backend) {
        try {
            directory(path, 0755, 0, 0);
            vfs.mount(path, backend, false);
        } catch (KernelException e) {
            System.getLogger(KernelFiles.class.getName()).log(System.Logger.Level.DEBUG,
                    "cannot mount " + path + ": " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------ the host's access

    /** {@code stat} as root. */
    Stat stat(String path) {
        return vfs.stat(Caller.kernel(), null, path, true);
    }

    /** The whole content of the file {@code path}, read as root. */
    byte[] read(String path) {
        OpenResult opened = vfs.open(Caller.kernel(), null, path, OpenFlags.O_RDONLY, 0);
        if (opened.handle() == null) {
            throw new KernelException(Errno.EISDIR, "not a file: " + path);
        }
        try (FileHandle handle = opened.handle()) {
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            long position = 0;
            int n;
            while ((n = handle.read(buffer.clear(), position)) > 0) {
                content.write(buffer.array(), 0, n);
                position += n;
            }
            return content.toByteArray();
        }
    }

    /** Writes {@code content} to {@code path} as root (created 0644, truncated; {@code extraFlags} e.g. O_EXCL). */
    void write(String path, byte[] content, int extraFlags) {
        OpenResult opened = vfs.open(Caller.kernel(), null, path,
                OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC | extraFlags, 0644);
        try (FileHandle handle = opened.handle()) {
            ByteBuffer data = ByteBuffer.wrap(content);
            long position = 0;
            while (data.hasRemaining()) {
                position += handle.write(data, position);
            }
        }
    }

    void close() {
        vfs.close();
    }
}
