package io.sandkernel.coreutils;

import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.OpenFlags;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A tree of files, directories, symbolic and hard links with modes and modification times,
 * made identically in a host directory (for the GNU binaries) and in a sandbox's working
 * directory (through the kernel's system calls), so that a differential case sees the same
 * files on both sides. Times are set last, deepest first, so that creating entries does not
 * change a directory's time afterwards.
 */
final class FileTreeFixture {
    private enum Kind { FILE, DIRECTORY, SYMLINK, HARDLINK }

    private record Entry(Kind kind, String path, byte[] content, String target, int mode, Instant mtime) {}

    private final List<Entry> entries = new ArrayList<>();

    /** A regular file (mode 0644 less nothing: the mode is set exactly). */
    FileTreeFixture file(String path, String content) {
        return file(path, content.getBytes(StandardCharsets.UTF_8), 0644, null);
    }

    FileTreeFixture file(String path, String content, int mode, Instant mtime) {
        return file(path, content.getBytes(StandardCharsets.UTF_8), mode, mtime);
    }

    FileTreeFixture file(String path, byte[] content, int mode, Instant mtime) {
        entries.add(new Entry(Kind.FILE, path, content, null, mode, mtime));
        return this;
    }

    FileTreeFixture directory(String path) {
        return directory(path, 0755, null);
    }

    FileTreeFixture directory(String path, int mode, Instant mtime) {
        entries.add(new Entry(Kind.DIRECTORY, path, null, null, mode, mtime));
        return this;
    }

    FileTreeFixture symlink(String target, String path) {
        entries.add(new Entry(Kind.SYMLINK, path, null, target, 0, null));
        return this;
    }

    FileTreeFixture hardLink(String existing, String path) {
        entries.add(new Entry(Kind.HARDLINK, path, null, existing, 0, null));
        return this;
    }

    /** Makes the tree under {@code root} on the host. */
    void writeTo(Path root) {
        try {
            Files.createDirectories(root);
            for (Entry entry : entries) {
                Path target = root.resolve(entry.path);
                Files.createDirectories(target.getParent());
                switch (entry.kind) {
                    case FILE -> Files.write(target, entry.content);
                    case DIRECTORY -> Files.createDirectories(target);
                    case SYMLINK -> Files.createSymbolicLink(target, Path.of(entry.target));
                    case HARDLINK -> Files.createLink(target, root.resolve(entry.target));
                }
            }
            for (Entry entry : entries) {
                if (entry.kind == Kind.FILE) {
                    Files.setPosixFilePermissions(root.resolve(entry.path), permissions(entry.mode));
                }
            }
            for (Entry entry : byDepth()) {
                if (entry.mtime != null) {
                    Files.setLastModifiedTime(root.resolve(entry.path), FileTime.from(entry.mtime));
                    Files.getFileAttributeView(root.resolve(entry.path), java.nio.file.attribute.BasicFileAttributeView.class,
                            LinkOption.NOFOLLOW_LINKS).setTimes(FileTime.from(entry.mtime), FileTime.from(entry.mtime), null);
                }
            }
            for (Entry entry : byDepth()) {
                if (entry.kind == Kind.DIRECTORY) {
                    Files.setPosixFilePermissions(root.resolve(entry.path), permissions(entry.mode));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the tree in the sandbox's working directory, in one process. */
    void writeTo(Sandbox sandbox) {
        sandbox.call(this::writeThrough);
    }

    private Void writeThrough(ProcessApi p) throws IOException {
        for (Entry entry : entries) {
            makeParents(p, entry.path);
            switch (entry.kind) {
                case FILE -> {
                    try (OutputStream out = p.openWrite(entry.path, false)) {
                        out.write(entry.content);
                    }
                }
                case DIRECTORY -> {
                    if (FileOps.lstatOrNull(p, entry.path) == null) {
                        p.mkdir(entry.path, 0755);
                    }
                }
                case SYMLINK -> p.symlink(entry.target, entry.path);
                case HARDLINK -> p.link(entry.target, entry.path);
            }
        }
        for (Entry entry : entries) {
            if (entry.kind == Kind.FILE) {
                p.chmod(entry.path, entry.mode);
            }
        }
        for (Entry entry : byDepth()) {
            if (entry.mtime != null) {
                long nanos = entry.mtime.getEpochSecond() * 1_000_000_000L + entry.mtime.getNano();
                p.utimensat(OpenFlags.AT_FDCWD, entry.path, nanos, nanos, OpenFlags.AT_SYMLINK_NOFOLLOW);
            }
        }
        for (Entry entry : byDepth()) {
            if (entry.kind == Kind.DIRECTORY) {
                p.chmod(entry.path, entry.mode);
            }
        }
        return null;
    }

    private static void makeParents(ProcessApi p, String path) {
        String parent = FileOps.parent(path);
        if (parent.equals(".") || FileOps.lstatOrNull(p, parent) != null) {
            return;
        }
        makeParents(p, parent);
        p.mkdir(parent, 0755);
    }

    /** Entries deepest first, so that a directory's time is set after its children's. */
    private List<Entry> byDepth() {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingInt((Entry e) -> e.path.split("/").length).reversed());
        return sorted;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < 9; bit++) {
            if ((mode & (1 << bit)) != 0) {
                set.add(order[bit]);
            }
        }
        return set;
    }
}
