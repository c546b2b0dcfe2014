package io.sandkernel.kernel;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The kernel's filesystem: a root directory in some {@link FileSystem}, kernel paths ({@code /a/b})
 * resolved inside it and never outside, {@code /dev/null} handled by the kernel, and the inode
 * limit for files created through the kernel.
 */
final class KernelFiles implements AutoCloseable {
    static final String DEV_NULL = "/dev/null";

    private final FileSystem owned;
    private final Path root;
    private final boolean confine;
    private final int maxInodes;
    private final AtomicInteger inodes = new AtomicInteger(-1);

    private KernelFiles(FileSystem owned, Path root, boolean confine, int maxInodes) {
        this.owned = owned;
        this.root = root;
        this.confine = confine;
        this.maxInodes = maxInodes;
    }

    /** A new in-memory Linux-like filesystem of {@code maxBytes}. */
    static KernelFiles inMemory(long maxBytes, int maxInodes) {
        Configuration config = Configuration.unix().toBuilder()
                .setAttributeViews("basic", "owner", "posix", "unix")
                .setMaxSize(maxBytes)
                .setMaxCacheSize(0)
                .build();
        FileSystem fs = Jimfs.newFileSystem(config);
        return new KernelFiles(fs, fs.getPath("/"), false, maxInodes);
    }

    /** The root of {@code fs}; the caller keeps ownership. */
    static KernelFiles of(FileSystem fs, int maxInodes) {
        return new KernelFiles(null, fs.getRootDirectories().iterator().next(), false, maxInodes);
    }

    /** A host directory as root: paths are confined to it, symbolic links included. */
    static KernelFiles hostDirectory(Path directory, int maxInodes) {
        try {
            return new KernelFiles(null, directory.toRealPath(), true, maxInodes);
        } catch (IOException e) {
            throw new KernelException(Errno.ENOENT, "host directory " + directory + " not found", e);
        }
    }

    /** Creates the standard directories and files; existing ones are left alone. */
    void createLayout(List<UserAccount> users, String hostname) {
        try {
            for (String dir : List.of("/bin", "/dev", "/etc", "/home", "/root", "/tmp", "/usr", "/usr/bin", "/var", "/var/tmp")) {
                Files.createDirectories(path(dir));
                // Jimfs gives every new node rw-r--r--; directories need x to be entered, /tmp is for everyone.
                setMode(path(dir), dir.endsWith("tmp") ? 0777 : 0755);
            }
            StringBuilder passwd = new StringBuilder();
            StringBuilder group = new StringBuilder();
            for (UserAccount user : users) {
                Files.createDirectories(path(user.home()));
                setMode(path(user.home()), 0755);
                passwd.append(user.name()).append(":x:").append(user.uid()).append(':').append(user.gid())
                        .append("::").append(user.home()).append(':').append(user.shell()).append('\n');
                group.append(user.uid() == 0 ? "root" : user.name()).append(":x:").append(user.gid()).append(":\n");
            }
            Files.writeString(path("/etc/passwd"), passwd, StandardCharsets.UTF_8);
            Files.writeString(path("/etc/group"), group, StandardCharsets.UTF_8);
            Files.writeString(path("/etc/hostname"), hostname + "\n", StandardCharsets.UTF_8);
            if (!Files.exists(path(DEV_NULL))) {
                Files.createFile(path(DEV_NULL));
            }
        } catch (IOException e) {
            throw new KernelException(Errno.EIO, "cannot create the filesystem layout: " + e.getMessage(), e);
        }
    }

    /** Normalises {@code path} against {@code cwd} into an absolute kernel path without . or .. */
    static String normalize(String cwd, String path) {
        if (path == null || path.isEmpty()) {
            throw new KernelException(Errno.ENOENT, "empty path");
        }
        if (path.indexOf('\0') >= 0) {
            throw new KernelException(Errno.EINVAL, "path contains NUL");
        }
        String full = path.startsWith("/") ? path : cwd + "/" + path;
        Deque<String> parts = new ArrayDeque<>();
        for (String part : full.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    /** The path of the absolute kernel path {@code absolute}. */
    Path path(String absolute) {
        String relative = normalize("/", absolute).substring(1);
        Path resolved = relative.isEmpty() ? root : root.resolve(relative);
        if (confine) {
            checkConfined(resolved);
        }
        return resolved;
    }

    /** Resolves {@code path} against {@code cwd} to a path inside the root. */
    Path resolve(String cwd, String path) {
        return path(normalize(cwd, path));
    }

    private void checkConfined(Path resolved) {
        // Follow symbolic links on the longest existing prefix: it must stay under the root.
        Path probe = resolved;
        while (probe != null && !Files.exists(probe, LinkOption.NOFOLLOW_LINKS)) {
            probe = probe.getParent();
        }
        if (probe == null) {
            return;
        }
        try {
            if (!probe.toRealPath().startsWith(root)) {
                throw new KernelException(Errno.EACCES, "path leads outside the kernel filesystem");
            }
        } catch (IOException e) {
            throw new KernelException(Errno.EACCES, "path leads outside the kernel filesystem", e);
        }
    }

    /** Opens {@code path} for reading. */
    OpenFile openRead(String cwd, String path) {
        String absolute = normalize(cwd, path);
        if (absolute.equals(DEV_NULL)) {
            return new OpenFile.NullFile();
        }
        Path file = path(absolute);
        if (Files.isDirectory(file)) {
            throw new KernelException(Errno.EISDIR, absolute + " is a directory");
        }
        try {
            return new OpenFile.StreamInput(Files.newInputStream(file), true);
        } catch (IOException e) {
            throw errno(e, absolute);
        }
    }

    /** Opens {@code path} for writing, creating it with {@code 0666 & ~umask}. */
    OpenFile openWrite(String cwd, String path, boolean append, int umask) {
        String absolute = normalize(cwd, path);
        if (absolute.equals(DEV_NULL)) {
            return new OpenFile.NullFile();
        }
        Path file = path(absolute);
        if (Files.isDirectory(file)) {
            throw new KernelException(Errno.EISDIR, absolute + " is a directory");
        }
        boolean creating = !Files.exists(file, LinkOption.NOFOLLOW_LINKS);
        if (creating) {
            reserveInode();
        }
        OpenOption[] options = append
                ? new OpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND}
                : new OpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING};
        try {
            OpenFile opened = new OpenFile.StreamOutput(Files.newOutputStream(file, options), true);
            if (creating) {
                applyUmask(file, umask);
            }
            return opened;
        } catch (IOException e) {
            if (creating) {
                inodes.decrementAndGet();
            }
            throw errno(e, absolute);
        }
    }

    private static void applyUmask(Path file, int umask) {
        setMode(file, 0666 & ~umask);
    }

    private static void setMode(Path file, int mode) {
        try {
            Files.setPosixFilePermissions(file,
                    java.nio.file.attribute.PosixFilePermissions.fromString(rwx(mode >> 6) + rwx(mode >> 3) + rwx(mode)));
        } catch (IOException | UnsupportedOperationException e) {
            // filesystems without POSIX permissions keep their defaults
        }
    }

    private static String rwx(int bits) {
        return ((bits & 4) != 0 ? "r" : "-") + ((bits & 2) != 0 ? "w" : "-") + ((bits & 1) != 0 ? "x" : "-");
    }

    /** Counts a new inode; ENOSPC once the limit is reached (recounting to notice deletions). */
    void reserveInode() {
        if (inodes.get() < 0) {
            inodes.compareAndSet(-1, countInodes());
        }
        if (inodes.incrementAndGet() > maxInodes) {
            inodes.set(countInodes());
            if (inodes.incrementAndGet() > maxInodes) {
                inodes.decrementAndGet();
                throw new KernelException(Errno.ENOSPC, "no inodes left (limit " + maxInodes + ")");
            }
        }
    }

    private int countInodes() {
        try (Stream<Path> walk = Files.walk(root)) {
            return (int) Math.min(Integer.MAX_VALUE, walk.count());
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Maps an I/O failure to its errno. */
    static KernelException errno(IOException e, String path) {
        Errno errno;
        if (e instanceof NoSuchFileException) {
            errno = Errno.ENOENT;
        } else if (e instanceof FileAlreadyExistsException) {
            errno = Errno.EEXIST;
        } else if (e instanceof NotDirectoryException) {
            errno = Errno.ENOTDIR;
        } else if (e instanceof DirectoryNotEmptyException) {
            errno = Errno.ENOTEMPTY;
        } else if (e instanceof AccessDeniedException) {
            errno = Errno.EACCES;
        } else if (e instanceof FileSystemException && String.valueOf(e.getMessage()).contains("directory")) {
            errno = Errno.EISDIR;
        } else if (String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("space")) {
            errno = Errno.ENOSPC;
        } else {
            errno = Errno.EIO;
        }
        return new KernelException(errno, path + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (IOException e) {
                System.getLogger(KernelFiles.class.getName()).log(System.Logger.Level.DEBUG, "close failed", e);
            }
        }
    }
}
