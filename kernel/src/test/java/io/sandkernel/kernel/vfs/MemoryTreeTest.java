package io.sandkernel.kernel.vfs;

import static io.sandkernel.api.fs.OpenFlags.O_CREAT;
import static io.sandkernel.api.fs.OpenFlags.O_WRONLY;
import static io.sandkernel.kernel.vfs.Fixture.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.sandkernel.api.fs.DirEntry;
import io.sandkernel.api.fs.Stat;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The in-memory backend over a Jimfs filesystem the test can inspect directly. */
@Timeout(20)
class MemoryTreeTest {
    private final FileSystem jimfs = Jimfs.newFileSystem(Configuration.unix().toBuilder()
            .setWorkingDirectory("/").setAttributeViews("basic", "owner", "posix", "unix").build());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @AfterEach
    void closeJimfs() throws IOException {
        jimfs.close();
    }

    @Test
    void existingFilesAreAdoptedWithTheirModesAndCounted() throws IOException {
        Files.createDirectories(jimfs.getPath("/srv/bin"));
        Files.writeString(jimfs.getPath("/srv/bin/tool"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(jimfs.getPath("/srv/bin/tool"), PosixFilePermissions.fromString("rwxr-x---"));
        Files.createSymbolicLink(jimfs.getPath("/srv/link"), jimfs.getPath("bin/tool"));
        Vfs vfs = new Vfs(VfsLimits.defaults(), clock);
        vfs.mount("/", NioBackend.exclusiveDirectory(jimfs.getPath("/srv"), clock), false);
        Stat tool = vfs.stat(ROOT, null, "/bin/tool", true);
        assertThat(tool.permissions()).isEqualTo(0750);
        assertThat(tool.uid()).isZero();
        assertThat(tool.size()).isEqualTo(10);
        assertThat(vfs.readlink(ROOT, null, "/link")).isEqualTo("bin/tool");
        assertThat(vfs.stat(ROOT, null, "/link", true).ino()).isEqualTo(tool.ino());
        assertThat(vfs.usedBytes()).isEqualTo(10);
        assertThat(vfs.usedInodes()).isEqualTo(4);
    }

    @Test
    void linkCountsMatchTheStoredFilesystemAfterRandomOperations() throws IOException {
        Vfs vfs = new Vfs(VfsLimits.defaults(), clock);
        vfs.mount("/", NioBackend.exclusiveDirectory(jimfs.getPath("/"), clock), false);
        Random random = new Random(42);
        List<String> dirs = new ArrayList<>(List.of("/"));
        List<String> files = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            String dir = dirs.get(random.nextInt(dirs.size()));
            String name = (dir.equals("/") ? "/" : dir + "/") + "n" + i;
            try {
                switch (random.nextInt(6)) {
                    case 0 -> {
                        vfs.mkdir(ROOT, null, name, 0755);
                        dirs.add(name);
                    }
                    case 1 -> {
                        vfs.open(ROOT, null, name, O_CREAT | O_WRONLY, 0644).handle().close();
                        files.add(name);
                    }
                    case 2 -> {
                        if (!files.isEmpty()) {
                            vfs.link(ROOT, null, files.get(random.nextInt(files.size())), null, name, false);
                            files.add(name);
                        }
                    }
                    case 3 -> {
                        if (!files.isEmpty()) {
                            vfs.unlink(ROOT, null, files.remove(random.nextInt(files.size())));
                        }
                    }
                    case 4 -> {
                        if (dirs.size() > 1) {
                            String victim = dirs.get(1 + random.nextInt(dirs.size() - 1));
                            vfs.rename(ROOT, null, victim, null, name);
                            dirs.replaceAll(d -> d.equals(victim) || d.startsWith(victim + "/")
                                    ? name + d.substring(victim.length()) : d);
                            files.replaceAll(f -> f.startsWith(victim + "/") ? name + f.substring(victim.length()) : f);
                        }
                    }
                    default -> {
                        if (dirs.size() > 1) {
                            String victim = dirs.get(1 + random.nextInt(dirs.size() - 1));
                            vfs.rmdir(ROOT, null, victim);
                            dirs.remove(victim);
                        }
                    }
                }
            } catch (io.sandkernel.KernelException e) {
                // EINVAL, ENOTEMPTY and the like: the model keeps what happened
            }
        }
        int checked = check(vfs, vfs.root(), jimfs.getPath("/"));
        assertThat(checked).isGreaterThan(100);
    }

    private int check(Vfs vfs, Resolved dir, Path path) throws IOException {
        int checked = 0;
        for (DirEntry entry : vfs.readdir(ROOT, dir)) {
            if (entry.name().equals(".") || entry.name().equals("..")) {
                continue;
            }
            Path child = path.resolve(entry.name());
            Resolved resolved = vfs.resolve(ROOT, dir, entry.name(), false);
            Stat stat = vfs.stat(resolved);
            assertThat(stat.nlink()).as("nlink of %s", child)
                    .isEqualTo(Files.getAttribute(child, "unix:nlink", LinkOption.NOFOLLOW_LINKS));
            checked++;
            if (resolved.isDirectory()) {
                checked += check(vfs, resolved, child);
            }
        }
        assertThat(vfs.stat(dir).nlink()).isEqualTo(Files.getAttribute(path, "unix:nlink", LinkOption.NOFOLLOW_LINKS));
        return checked;
    }

    @Test
    void concurrentNameChangesKeepTheCacheAndLinkCountsConsistent() throws Exception {
        Vfs vfs = new Vfs(VfsLimits.defaults(), clock);
        vfs.mount("/", NioBackend.exclusiveDirectory(jimfs.getPath("/"), clock), false);
        vfs.mkdir(ROOT, null, "/shared", 0777);
        long deadline = System.nanoTime() + 1_000_000_000L;
        java.util.concurrent.ConcurrentLinkedQueue<Throwable> unexpected = new java.util.concurrent.ConcurrentLinkedQueue<>();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                Random random = new Random(id);
                while (System.nanoTime() < deadline) {
                    String a = "/shared/d" + random.nextInt(5);
                    String b = "/shared/d" + random.nextInt(5) + "/e" + random.nextInt(3);
                    try {
                        switch (random.nextInt(6)) {
                            case 0 -> vfs.mkdir(ROOT, null, a, 0755);
                            case 1 -> vfs.mkdir(ROOT, null, b, 0755);
                            case 2 -> vfs.rename(ROOT, null, a, null, b);
                            case 3 -> vfs.rmdir(ROOT, null, random.nextBoolean() ? a : b);
                            case 4 -> vfs.open(ROOT, null, b + "/f", O_CREAT | O_WRONLY, 0644).handle().close();
                            default -> vfs.stat(ROOT, null, b + "/f", true);
                        }
                    } catch (io.sandkernel.KernelException e) {
                        if (e.errno() == io.sandkernel.Errno.EIO) {
                            unexpected.add(e);
                        }
                    } catch (RuntimeException e) {
                        unexpected.add(e);
                    }
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join(10_000);
            assertThat(thread.isAlive()).isFalse();
        }
        assertThat(unexpected).isEmpty();
        check(vfs, vfs.root(), jimfs.getPath("/"));
    }

    @Test
    void inodeNumbersAreStableAndCachedLookupsSeeRenames() {
        Vfs vfs = new Vfs(VfsLimits.defaults(), clock);
        vfs.mount("/", NioBackend.exclusiveDirectory(jimfs.getPath("/"), clock), false);
        vfs.mkdir(ROOT, null, "/a", 0755);
        vfs.open(ROOT, null, "/a/f", O_CREAT | O_WRONLY, 0644).handle().close();
        long ino = vfs.stat(ROOT, null, "/a/f", true).ino();
        vfs.rename(ROOT, null, "/a", null, "/b");
        assertThat(vfs.stat(ROOT, null, "/b/f", true).ino()).isEqualTo(ino);
        assertThat(Files.exists(jimfs.getPath("/b/f"))).isTrue();
        vfs.mkdir(ROOT, null, "/a", 0755);
        assertThat(vfs.readdir(ROOT, vfs.resolve(ROOT, null, "/a", true))).hasSize(2);
        vfs.open(ROOT, null, "/a/f", O_CREAT | O_WRONLY, 0644).handle().close();
        assertThat(vfs.stat(ROOT, null, "/a/f", true).ino()).isNotEqualTo(ino);
    }

    @Test
    void closingTheVfsClosesAnInMemoryFilesystem() {
        Vfs vfs = Vfs.inMemory(VfsLimits.defaults(), clock);
        OpenResult open = vfs.open(ROOT, null, "/f", O_CREAT | O_WRONLY, 0644);
        vfs.close();
        Fixture.assertErrno(io.sandkernel.Errno.EBADF, () -> open.handle().write(java.nio.ByteBuffer.allocate(1), 0));
    }
}
