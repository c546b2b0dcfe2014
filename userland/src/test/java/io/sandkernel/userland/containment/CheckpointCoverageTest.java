package io.sandkernel.userland.containment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every regular-expression match of the userland's programs runs on a text that reaches signal
 * checkpoints ({@code Checkpoints.text}, or a {@code CpuCheckpoint}'s {@code watch}), so no
 * backtracking pattern a user writes can outlive a kill: the rule is checked on the sources, so
 * a command added later is held to it too. A match of a fixed pattern of the program's own (a
 * constant, or a line saying "a fixed pattern") is linear and exempt.
 */
class CheckpointCoverageTest {
    /** {@code x.matcher(} where {@code x} is not a constant in capitals. */
    private static final Pattern MATCHER_CALL = Pattern.compile("(?<![A-Z0-9_])[a-z][A-Za-z0-9_]*(\\(\\))?\\.matcher\\(");
    private static final Pattern WATCHED = Pattern.compile("\\.matcher\\([^;]*(\\.watch\\(|Checkpoints\\.text\\()");

    @Test
    void everyMatchOfAUserPatternPollsTheCheckpoint() throws IOException {
        List<String> unwatched = new ArrayList<>();
        for (String module : List.of("coreutils", "shell")) {
            Path sources = Path.of("..", module, "src", "main", "java");
            assertThat(sources).isDirectory();
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        String line = lines.get(i);
                        if (MATCHER_CALL.matcher(line).find() && !WATCHED.matcher(line).find()
                                && !line.contains("// a fixed pattern") && !line.contains("// no text")
                                && !line.contains(": linear")) {
                            unwatched.add(file.getFileName() + ":" + (i + 1) + ": " + line.strip());
                        }
                    }
                }
            }
        }
        assertThat(unwatched).as("regex matches without a checkpoint").isEmpty();
    }
}
