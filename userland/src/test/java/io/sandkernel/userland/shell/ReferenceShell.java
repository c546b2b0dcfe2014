package io.sandkernel.userland.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the differential shell suites share: a script run by a real shell of the host as the
 * oracle, and the scripts of a resource directory.
 */
final class ReferenceShell {
    /** Standard output and exit status. */
    record Outcome(String stdout, int status) {}

    private ReferenceShell() {}

    /**
     * Runs {@code shell -c script} in a new temporary directory (its {@code HOME}), with only
     * {@code PATH} and {@code LC_ALL=locale} in the environment, standard input from
     * {@code /dev/null} and standard error discarded; fails when it outlives {@code timeout}.
     */
    static Outcome run(Path shell, String locale, Duration timeout, String script) throws Exception {
        Path dir = Files.createTempDirectory("reference-shell");
        try {
            ProcessBuilder builder = new ProcessBuilder(shell.toString(), "-c", script).directory(dir.toFile());
            builder.environment().clear();
            builder.environment().put("PATH", "/usr/bin:/bin");
            builder.environment().put("HOME", dir.toString());
            builder.environment().put("LC_ALL", locale);
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Path output = Files.createTempFile("reference-shell", ".out");
            builder.redirectOutput(output.toFile());
            Process process = builder.start();
            boolean finished = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly();
            }
            assertThat(finished).as("%s timed out", shell.getFileName()).isTrue();
            String out = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            return new Outcome(out, process.exitValue());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The {@code .sh} files of the test resource directory {@code name}, sorted. */
    static List<Path> scripts(String name) throws IOException, URISyntaxException {
        URL url = ReferenceShell.class.getClassLoader().getResource(name);
        assertThat(url).as("%s resources", name).isNotNull();
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.filter(p -> p.toString().endsWith(".sh")).sorted().toList();
        }
    }
}
