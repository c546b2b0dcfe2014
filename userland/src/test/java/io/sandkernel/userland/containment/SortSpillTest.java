package io.sandkernel.userland.containment;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.userland.Sandkernel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * sort of input larger than its buffer spills sorted runs to the VFS and merges them, with the
 * same output as GNU sort; without room for its runs it fails as GNU sort does.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SortSpillTest {
    private static final Path GNU_SORT = Path.of("/usr/bin/sort");
    private static final ExecOptions WAIT = ExecOptions.defaults().withTimeout(Duration.ofSeconds(120));

    /** About 3 MB of lines with fields to sort by, duplicates and ties included. */
    private static byte[] input() {
        Random random = new Random(8);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            text.append("w").append(Integer.toString(random.nextInt(40_000), 36)).append(',')
                    .append(random.nextInt(1000) - 500).append(',').append(i % 7 == 0 ? "tie" : "x" + i).append('\n');
        }
        return text.toString().getBytes(UTF_8);
    }

    private static String gnuSort(Path file, List<String> options) throws Exception {
        List<String> command = new ArrayList<>(List.of(GNU_SORT.toString()));
        command.addAll(options);
        command.add(file.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(output, UTF_8);
    }

    @Test
    void runsSpilledToTheFilesystemMergeToWhatGnuSortPrints(@TempDir Path host) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(GNU_SORT), "GNU sort is needed as the reference");
        byte[] data = input();
        Path file = host.resolve("in.txt");
        Files.write(file, data);
        try (Kernel kernel = Sandkernel.newKernel()) {
            kernel.writeFile("/tmp/in.txt", data);
            assertThat(kernel.exec("mkdir /tmp/runs", WAIT).exitCode()).isZero();
            List<List<String>> cases = List.of(List.of(), List.of("-r"), List.of("-t,", "-k2,2n"),
                    List.of("-t,", "-k2,2n", "-s"), List.of("-t,", "-k3,3", "-u"), List.of("-t,", "-k2,2nr", "-k1,1"));
            for (List<String> options : cases) {
                String args = String.join(" ", options.stream().map(o -> "'" + o + "'").toList());
                ExecResult ours = kernel.exec("sort -S 200K -T /tmp/runs " + args + " /tmp/in.txt", WAIT);
                assertThat(ours.stderr()).isEmpty();
                assertThat(ours.exitCode()).isZero();
                assertThat(ours.stdout()).as("sort %s", options).isEqualTo(gnuSort(file, options));
            }
            assertThat(kernel.exec("ls -A /tmp/runs", WAIT).stdout()).as("runs removed").isEmpty();
        }
    }

    @Test
    void aBufferTooSmallForTheInputNeedsATemporaryDirectory() {
        try (Kernel kernel = Sandkernel.newKernel()) {
            kernel.writeFile("/tmp/in.txt", input());
            ExecResult spilling = kernel.exec("sort -S 100K -T /nonexistent /tmp/in.txt | wc -l", WAIT);
            assertThat(spilling.stderr())
                    .isEqualTo("sort: cannot create temporary file in '/nonexistent': No such file or directory\n");
            ExecResult fitting = kernel.exec("sort -T /nonexistent /tmp/in.txt | wc -l", WAIT);
            assertThat(fitting.stdout()).isEqualTo("100000\n");
            assertThat(fitting.stderr()).isEmpty();
            ExecResult bySize = kernel.exec("TMPDIR=/nonexistent sort -S 1M /tmp/in.txt >/dev/null; echo $?", WAIT);
            assertThat(bySize.stdout()).isEqualTo("2\n");
            assertThat(kernel.exec("sort -S abc /dev/null", WAIT).stderr()).isEqualTo("sort: invalid -S argument 'abc'\n");
            assertThat(kernel.exec("sort -S 10x /dev/null", WAIT).stderr())
                    .isEqualTo("sort: invalid suffix in -S argument '10x'\n");
        }
    }
}
