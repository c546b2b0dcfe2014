package io.sandkernel.userland.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.Program;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.kernel.KernelProcess;
import io.sandkernel.kernel.SpawnOptions;
import io.sandkernel.userland.Sandkernel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rename race against a mounted host directory: one kernel process swaps a directory of the
 * mount with symbolic links pointing out of it (and back) as fast as it can, while two others
 * read and write files through that directory by absolute and relative paths. No read may return
 * the content of a host file outside the mount and no write may reach one: canary files planted
 * beside the mounted directory stay as they were, and nothing new appears there.
 *
 * <p>Runs 30 seconds in the full suite; {@code -Dsandkernel.renameRace.seconds=N} shortens it.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class MountRenameRaceTest {
    private static final long SECONDS = Long.getLong("sandkernel.renameRace.seconds", 30);
    private static final String INSIDE = "INSIDE";
    private static final String CANARY = "CANARY";

    @TempDir
    Path base;

    @Test
    void swappingDirectoriesAndSymlinksNeverLetsAReadOrWriteOutOfTheMount() throws Exception {
        Path mounted = Files.createDirectories(base.resolve("mounted/d"));
        Path outside = Files.createDirectory(base.resolve("outside"));
        Files.writeString(mounted.resolve("data.txt"), INSIDE);
        Files.writeString(outside.resolve("data.txt"), CANARY);
        Files.writeString(outside.resolve("log"), CANARY);
        FileTime before = Files.getLastModifiedTime(outside.resolve("log"));
        List<String> targets = List.of(outside.toString(), "../outside", "../../../../../.." + outside, "/",
                "../../..");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        AtomicLong insideReads = new AtomicLong();
        Map<String, Program> programs = Map.of("swapper", api -> swap(api, targets, deadline, insideReads),
                "prober", api -> probe(api, deadline, insideReads));

        try (Kernel kernel = Sandkernel.builder(programs).mount("/m", base.resolve("mounted"), false)
                .grantHostAccess().build()) {
            List<KernelProcess> processes = List.of(
                    kernel.spawn("swapper", List.of(), SpawnOptions.defaults()),
                    kernel.spawn("prober", List.of(), SpawnOptions.defaults()),
                    kernel.spawn("prober", List.of(), SpawnOptions.defaults()));
            for (KernelProcess process : processes) {
                String out = new String(process.stdout().readAllBytes(), StandardCharsets.UTF_8);
                String err = new String(process.stderr().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(process.waitFor(Duration.ofSeconds(SECONDS + 30))).hasValue(0);
                assertThat(err).as("escapes reported by %s", process.command()).isEmpty();
                assertThat(out).as("work done by %s", process.command()).matches("[a-z]+=[1-9][0-9]*( [a-z]+=[0-9]+)*\n");
            }
        }

        assertThat(Files.readString(outside.resolve("data.txt"))).isEqualTo(CANARY);
        assertThat(Files.readString(outside.resolve("log"))).isEqualTo(CANARY);
        assertThat(Files.getLastModifiedTime(outside.resolve("log"))).isEqualTo(before);
        try (Stream<Path> files = Files.list(outside)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("data.txt", "log");
        }
        assertThat(Files.readString(base.resolve("mounted/d/log"))).as("the writes went inside").isNotEmpty();
    }

    /** Swaps /m/d with a symbolic link out of the mount and back, as fast as it can. */
    private static int swap(ProcessApi api, List<String> targets, long deadline, AtomicLong insideReads) {
        long swaps = 0;
        while (System.nanoTime() < deadline) {
            try {
                api.rename("/m/d", "/m/d-real");
                api.symlink(targets.get((int) (swaps % targets.size())), "/m/d");
                api.unlink("/m/d");
                api.rename("/m/d-real", "/m/d");
                swaps++;
                // path resolution takes a lock that is not fair: on a loaded machine the swapper
                // could win it back every time; the real directory stays until a prober got
                // through, or a millisecond at most
                long seen = insideReads.get();
                long until = System.nanoTime() + 1_000_000;
                while (insideReads.get() == seen && System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            } catch (KernelException e) {
                // a prober's file creation got in the way: put things back on the next round
                tryRestore(api);
            }
        }
        api.stdout().println("swaps=" + swaps);
        return 0;
    }

    private static void tryRestore(ProcessApi api) {
        try {
            api.unlink("/m/d");
        } catch (KernelException e) {
            // not a link
        }
        try {
            api.rename("/m/d-real", "/m/d");
        } catch (KernelException e) {
            // already in place
        }
    }

    /**
     * Reads /m/d/data.txt (absolute, and relative to a working directory inside) and appends to
     * /m/d/log; reports on stderr any read that returned something else than the inside file.
     */
    private static int probe(ProcessApi api, long deadline, AtomicLong insideReads) {
        long reads = 0;
        long writes = 0;
        byte[] buffer = new byte[64];
        byte[] mark = {'w'};
        while (System.nanoTime() < deadline) {
            for (String path : List.of("/m/d/data.txt", "data.txt")) {
                try {
                    if (path.equals("data.txt")) {
                        api.chdir("/m/d");
                    }
                    int fd = api.open(path, OpenFlags.O_RDONLY, 0);
                    try {
                        int n = api.read(fd, buffer, 0, buffer.length);
                        String content = new String(buffer, 0, Math.max(n, 0), StandardCharsets.UTF_8);
                        if (!content.equals(INSIDE)) {
                            api.stderr().println("read of " + path + " returned " + content);
                        }
                        reads++;
                        insideReads.incrementAndGet();
                    } finally {
                        api.close(fd);
                    }
                } catch (KernelException e) {
                    // swapped away at this moment: ENOENT, ELOOP, ENOTDIR are the fair answers
                }
            }
            try {
                int fd = api.open("/m/d/log", OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_APPEND, 0644);
                try {
                    api.write(fd, mark, 0, 1);
                    writes++;
                } finally {
                    api.close(fd);
                }
            } catch (KernelException e) {
                // swapped away
            }
        }
        api.stdout().println("reads=" + reads + " writes=" + writes);
        return 0;
    }
}
