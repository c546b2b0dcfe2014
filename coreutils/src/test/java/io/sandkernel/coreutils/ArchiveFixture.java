package io.sandkernel.coreutils;

import io.sandkernel.api.fs.DirEntry;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.Stat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The tree the archive cases start from, built once on the host: text files, a directory with
 * subdirectories, an empty directory, a symbolic and a hard link, and archives made by the GNU
 * tools themselves (tar, gzip, zip), every time set to a fixed instant. It is copied as is (bytes,
 * modes, times, links) into a host directory per GNU run and into each sandbox; afterwards both
 * trees are described the same way, archives being read with the GNU tools on the host so that
 * what Sandkernel creates is judged by what GNU makes of it.
 */
final class ArchiveFixture {
    static final long TIME = 1_700_000_000L;

    private ArchiveFixture() {}

    /** Builds the fixture under {@code root}. */
    static void build(Path root) throws IOException, InterruptedException {
        Files.createDirectories(root);
        for (Map.Entry<String, String> file : TextToolFixtures.FILES.entrySet()) {
            if (!file.getKey().contains("/")) {
                write(root.resolve(file.getKey()), file.getValue());
            }
        }
        write(root.resolve("tree/x.txt"), "hello from x\n");
        write(root.resolve("tree/sub/y.txt"), "y here\nsecond line\n");
        write(root.resolve("tree/sub/deep/z.txt"), "zzz\n".repeat(200));
        write(root.resolve("tree/exec.sh"), "#!/bin/sh\necho hi\n");
        Files.setPosixFilePermissions(root.resolve("tree/exec.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(root.resolve("tree/empty"));
        Files.createSymbolicLink(root.resolve("tree/link"), Path.of("x.txt"));
        Files.createLink(root.resolve("tree/hard"), root.resolve("tree/x.txt"));
        write(root.resolve("other/one.txt"), "one\n");
        write(root.resolve("other/two.txt"), "two\n".repeat(50));
        String longName = "l".repeat(60) + "/" + "m".repeat(60) + ".txt";
        write(root.resolve("longnames/" + longName), "long name\n");
        touchAll(root);
        String[] tarArgs = {"--sort=name", "--owner=alice:1001", "--group=staff:50", "--mtime=@" + TIME};
        gnu(root, concat(new String[] {"tar", "-cf", "g.tar"}, tarArgs, new String[] {"tree", "a.txt"}));
        gnu(root, concat(new String[] {"tar", "-czf", "g.tgz"}, tarArgs, new String[] {"tree", "b.txt"}));
        gnu(root, concat(new String[] {"tar", "-cjf", "g.tar.bz2"}, tarArgs, new String[] {"other"}));
        gnu(root, concat(new String[] {"tar", "-cf", "long.tar"}, tarArgs, new String[] {"longnames"}));
        gnu(root, concat(new String[] {"tar", "-cPf", "abs.tar"}, tarArgs, new String[] {"/etc/hostname"}));
        gnu(root, "sh", "-c", "gzip -k a.txt && gzip -c b.txt > nameless.gz && gzip -n -c long.txt > long.txt.gz"
                + " && cat a.txt.gz a.txt.gz > multi.gz && (cat a.txt.gz; printf junk) > junk.gz"
                + " && (cat a.txt.gz; printf '\\0\\0\\0') > zeros.gz && head -c 20 a.txt.gz > trunc.gz"
                + " && cp a.txt.gz crc.gz && printf '\\377' | dd of=crc.gz bs=1 seek=30 conv=notrunc 2>/dev/null"
                + " && : > empty.gz && gzip -9 -c long.txt > best.gz && cp a.txt.gz A.TXT.GZ && cp g.tgz copy.tgz");
        gnu(root, "sh", "-c", "zip -q -r -y g.zip tree a.txt && zip -q -9 g9.zip long.txt b.txt && zip -q -0 g0.zip"
                + " a.txt && zip -q -r other.zip other && printf 'not a zip\\n' > fake.zip");
        touchAll(root);
    }

    private static String[] concat(String[]... parts) {
        return Stream.of(parts).flatMap(Stream::of).toArray(String[]::new);
    }

    private static void write(Path path, String content) throws IOException {
        Files.createDirectories(path.getParent());
        Files.write(path, content.getBytes(StandardCharsets.UTF_8));
    }

    private static void touchAll(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                if (!Files.isSymbolicLink(path)) {
                    Files.setLastModifiedTime(path, FileTime.fromMillis(TIME * 1000));
                }
            }
        }
    }

    private static void gnu(Path dir, String... argv) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("TZ", "UTC");
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", argv) + ": " + new String(out, StandardCharsets.UTF_8));
        }
    }

    /** Copies the fixture to a fresh host directory (links and times kept). */
    static void copyTo(Path from, Path to) throws IOException {
        Map<Object, Path> inodes = new java.util.HashMap<>();
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.sorted().toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isSymbolicLink(path)) {
                    Files.createSymbolicLink(target, Files.readSymbolicLink(path));
                } else if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Object key = Files.getAttribute(path, "unix:ino");
                    if (inodes.containsKey(key)) {
                        Files.createLink(target, inodes.get(key));
                    } else {
                        Files.copy(path, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                        inodes.put(key, target);
                    }
                }
            }
        }
        touchAllDirectories(to);
    }

    private static void touchAllDirectories(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    Files.setLastModifiedTime(path, FileTime.fromMillis(TIME * 1000));
                }
            }
        }
    }

    /** Copies the fixture into the sandbox's working directory, through its system calls. */
    static void copyTo(Path from, Sandbox sandbox) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(from)) {
            paths = walk.sorted().toList();
        }
        sandbox.call(p -> {
            Map<Object, String> inodes = new java.util.HashMap<>();
            List<String> directories = new ArrayList<>();
            for (Path path : paths) {
                String name = from.relativize(path).toString();
                if (name.isEmpty()) {
                    continue;
                }
                int mode = permissions(path);
                if (Files.isSymbolicLink(path)) {
                    p.symlink(Files.readSymbolicLink(path).toString(), name);
                    continue;
                }
                if (Files.isDirectory(path)) {
                    p.mkdir(name, 0700);
                    p.chmod(name, mode);
                    directories.add(name);
                    continue;
                }
                Object key = Files.getAttribute(path, "unix:ino");
                if (inodes.containsKey(key)) {
                    p.link(inodes.get(key), name);
                    continue;
                }
                try (OutputStream out = p.openWrite(name, false)) {
                    out.write(Files.readAllBytes(path));
                }
                p.chmod(name, mode);
                long nanos = Files.getLastModifiedTime(path).toMillis() * 1_000_000L;
                p.utimensat(OpenFlags.AT_FDCWD, name, nanos, nanos, 0);
                inodes.put(key, name);
            }
            for (String directory : directories) {
                p.utimensat(OpenFlags.AT_FDCWD, directory, TIME * 1_000_000_000L, TIME * 1_000_000_000L, 0);
            }
            return null;
        });
    }

    private static int permissions(Path path) throws IOException {
        Set<PosixFilePermission> set = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        int mode = 0;
        for (PosixFilePermission permission : set) {
            mode |= 1 << (8 - permission.ordinal());
        }
        return mode;
    }

    // ------------------------------------------------------------------ descriptions

    /** The host tree: one line per path, archives described by GNU's tools. */
    static Map<String, String> describe(Path root, Path scratch) throws IOException, InterruptedException {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                String name = root.relativize(path).toString();
                if (name.isEmpty()) {
                    continue;
                }
                if (Files.isSymbolicLink(path)) {
                    tree.put(name, "link -> " + Files.readSymbolicLink(path));
                } else if (Files.isDirectory(path)) {
                    tree.put(name, "dir " + Integer.toOctalString(permissions(path)));
                } else {
                    tree.put(name, file(name, Files.readAllBytes(path), permissions(path), scratch));
                }
            }
        }
        return tree;
    }

    /** The sandbox tree, described the same way. */
    static Map<String, String> describe(Sandbox sandbox, Path scratch) throws IOException, InterruptedException {
        Map<String, Object[]> raw = sandbox.call(p -> {
            Map<String, Object[]> found = new TreeMap<>();
            walk(p, ".", "", found);
            return found;
        });
        Map<String, String> tree = new TreeMap<>();
        for (Map.Entry<String, Object[]> entry : raw.entrySet()) {
            Object[] value = entry.getValue();
            tree.put(entry.getKey(), value[0] instanceof String text ? text
                    : file(entry.getKey(), (byte[]) value[0], (Integer) value[1], scratch));
        }
        return tree;
    }

    private static void walk(io.sandkernel.api.ProcessApi p, String path, String name, Map<String, Object[]> found)
            throws IOException {
        for (DirEntry entry : p.listDirectory(path)) {
            if (entry.name().equals(".") || entry.name().equals("..")) {
                continue;
            }
            String child = path + "/" + entry.name();
            String childName = name.isEmpty() ? entry.name() : name + "/" + entry.name();
            Stat stat = p.lstat(child);
            if (stat.isSymbolicLink()) {
                found.put(childName, new Object[] {"link -> " + p.readlink(child)});
            } else if (stat.isDirectory()) {
                found.put(childName, new Object[] {"dir " + Integer.toOctalString(stat.permissions())});
                walk(p, child, childName, found);
            } else {
                try (InputStream in = p.openRead(child)) {
                    found.put(childName, new Object[] {in.readAllBytes(), stat.permissions()});
                }
            }
        }
    }

    private static String file(String name, byte[] content, int mode, Path scratch)
            throws IOException, InterruptedException {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        String kind = lower.endsWith(".zip") ? "zip" : lower.endsWith(".tar") || lower.endsWith(".tgz")
                || lower.endsWith(".tar.gz") || lower.endsWith(".tar.bz2") ? "tar" : lower.endsWith(".gz") ? "gz" : null;
        String header = "file " + Integer.toOctalString(mode) + " ";
        if (kind == null) {
            return header + content.length + " " + sha(content);
        }
        String cacheKey = kind + ":" + sha(content) + ":" + content.length;
        String cached = DESCRIPTIONS.get(cacheKey);
        if (cached != null) {
            return header + cached;
        }
        Path dir = Files.createTempDirectory(scratch, "read");
        Path archive = dir.resolve("archive." + (kind.equals("tar") ? "tar.any" : kind));
        Files.write(archive, content);
        String description = kind + ": " + switch (kind) {
            case "gz" -> run(dir, "sh", "-c", "gzip -dc archive.gz | sha256sum; gzip -lN archive.gz | tail -n 1"
                    + " | awk '{print $2, $4}'");
            case "tar" -> run(dir, "sh", "-c", "mkdir x && tar -xf archive.tar.any -C x && tar -tf archive.tar.any"
                    + " | sort && cd x && find . | sort | while read f; do if [ -L \"$f\" ]; then echo \"$f -> $(readlink"
                    + " \"$f\")\"; elif [ -f \"$f\" ]; then echo \"$f $(stat -c %a \"$f\") $(sha256sum < \"$f\")\"; else echo"
                    + " \"$f/\"; fi; done");
            default -> run(dir, "sh", "-c", "mkdir x && unzip -q archive.zip -d x && unzip -Z1 archive.zip | sort && cd"
                    + " x && find . | sort | while read f; do if [ -L \"$f\" ]; then echo \"$f -> $(readlink \"$f\")\";"
                    + " elif [ -f \"$f\" ]; then echo \"$f $(sha256sum < \"$f\")\"; else echo \"$f/\"; fi; done");
        };
        DESCRIPTIONS.put(cacheKey, description);
        return header + description;
    }

    /** Archives already read with GNU's tools, by content: most cases leave the fixture's as they were. */
    private static final Map<String, String> DESCRIPTIONS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String run(Path dir, String... argv) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("TZ", "UTC");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        return out.replace("\n", "; ");
    }

    private static String sha(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
