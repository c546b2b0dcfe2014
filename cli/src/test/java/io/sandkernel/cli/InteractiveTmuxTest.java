package io.sandkernel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * End to end: the real command-line program in a pseudo-terminal made by tmux, driven with
 * send-keys and read back with capture-pane. Skipped without tmux.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class InteractiveTmuxTest {
    private static final Path TMUX = Path.of("/usr/bin/tmux");
    /** capture-pane drops trailing blanks: the prompt without its space. */
    private static final String PROMPT = "user@sandkernel:/home/user$";
    // A socket of our own (-S), not tmux's shared /tmp/tmux-UID directory, whose permissions
    // another program may have left unusable.
    private final String socket = tmuxSocket();
    private final String target = "cli";

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Files.isExecutable(TMUX), "tmux is not installed");
        // tests run on the module path: the program's jars are there, not on the class path
        String classPath = String.join(java.io.File.pathSeparator,
                System.getProperty("jdk.module.path", ""), System.getProperty("java.class.path", ""));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String command = "'" + java + "' --enable-native-access=ALL-UNNAMED -XX:TieredStopAtLevel=1 -cp '" + classPath
                + "' io.sandkernel.cli.Main; echo EXIT:$?; sleep 60";
        tmux("new-session", "-d", "-s", target, "-x", "100", "-y", "40", "sh", "-c", command);
    }

    @AfterEach
    void stop() throws Exception {
        if (Files.isExecutable(TMUX)) {
            tmux("kill-server");
        }
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(TMUX.toString(), "-S", socket));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (var in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("tmux " + args[0] + " hung");
        }
        return output;
    }

    private String screen() throws Exception {
        return tmux("capture-pane", "-p", "-t", target, "-S", "-100");
    }

    private void keys(String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", target));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    /** Waits until the screen, from the last occurrence of {@code after} on, contains {@code expected}. */
    private String await(String after, String expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String text = "";
        while (System.nanoTime() < deadline) {
            text = screen();
            int from = after == null ? 0 : text.lastIndexOf(after);
            if (from >= 0 && text.indexOf(expected, from) >= 0) {
                return text;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out waiting for \"" + expected + "\"; screen:\n" + text);
    }

    private String await(String after, String expected) throws Exception {
        return await(after, expected, Duration.ofSeconds(20));
    }

    @Test
    void controlZJobsBgKillAndExitInTheRealProgram() throws Exception {
        await(null, PROMPT, Duration.ofSeconds(60));
        keys("sleep 100", "Enter");
        await(PROMPT + " sleep 100", "sleep 100");
        Thread.sleep(500); // the shell hands the terminal to the job right after starting it
        String text = "";
        for (int attempt = 0; attempt < 10 && !text.contains("Stopped"); attempt++) {
            keys("C-z");
            long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (System.nanoTime() < deadline && !(text = screen()).contains("Stopped")) {
                Thread.sleep(50);
            }
        }
        text = await(PROMPT + " sleep 100", "[1]+  Stopped                 sleep 100\n" + PROMPT);
        assertThat(text).contains("^Z");

        keys("jobs", "Enter");
        await(PROMPT + " jobs", "[1]+  Stopped                 sleep 100\n" + PROMPT);
        keys("bg", "Enter");
        await(PROMPT + " bg", "[1] sleep 100 &\n" + PROMPT);
        keys("jobs", "Enter");
        await(PROMPT + " jobs", "[1]+  Running                 sleep 100 &\n" + PROMPT);
        keys("kill %1", "Enter");
        await(PROMPT + " kill %1", "\n" + PROMPT);
        // the shell reports the job's end before a later prompt
        keys("echo done $((6 * 7))", "Enter");
        await(PROMPT + " echo done", "done 42\n");
        await(PROMPT + " kill %1", "[1]+  Terminated              sleep 100\n");
        keys("exit", "Enter");
        await(null, "EXIT:0");
    }

    @Test
    void lineEditingHistoryControlCAndResize() throws Exception {
        await(null, PROMPT, Duration.ofSeconds(60));
        keys("echo hellp", "BSpace", "o", "Enter");
        await(PROMPT + " echo hello", "hello\n" + PROMPT);
        keys("Up", "Enter");
        await(PROMPT + " echo hello", "hello\n" + PROMPT);
        keys("half a line", "C-c");
        await(PROMPT + " half a line", "^C\n" + PROMPT);
        keys("stty size", "Enter");
        await(PROMPT + " stty size", "40 100\n" + PROMPT);
        tmux("resize-window", "-t", target, "-x", "120", "-y", "30");
        Thread.sleep(300);
        keys("stty size", "Enter");
        await(PROMPT + " stty size", "30 120\n" + PROMPT);
        keys("C-d");
        await(null, "EXIT:0");
    }

    private static String tmuxSocket() {
        try {
            Path dir = Files.createTempDirectory("sandkernel-tmux");
            dir.toFile().deleteOnExit();
            return dir.resolve("socket").toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
