package io.sandkernel.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The process-table example of README.md, compiled and run as written there. */
@Timeout(10)
class ReadmeExampleTest {

    // --- README: process table example (keep in sync) ---
    /** A driver that runs nothing: it only prints the signals the table sends. */
    static final class PrintingProcess implements DriverProcess {
        @Override public void kill(int signal) { System.out.println("got " + Signals.name(signal)); }
        @Override public OptionalInt waitFor(Duration timeout) { return OptionalInt.empty(); }
        @Override public void setOnExit(IntConsumer onExit) { }
    }

    static Optional<WaitResult> example() throws InterruptedException {
        try (ProcessTable table = new ProcessTable()) {
            int init = table.allocatePid();                                    // 1
            table.register(init, "demo", "init", List.of(), ProcessContext.ofParent(0), new PrintingProcess());
            int child = table.allocatePid();                                   // 2, in init's group
            table.register(child, "demo", "sleep", List.of("100"), ProcessContext.ofParent(init), new PrintingProcess());

            table.kill(child, Signals.SIGSTOP);                                // got SIGSTOP, got SIGCHLD (init)
            table.waitpid(init, child, WaitOption.WUNTRACED);                  // STOPPED, status 19
            table.markExited(child, 0);                                        // a zombie until reaped
            return table.waitpid(init, -1);                                    // EXITED, status 0
        }
    }
    // --- end of README example ---

    @Test
    void readmeExampleReapsTheChildAfterStoppingIt() throws InterruptedException {
        assertThat(example()).contains(new WaitResult(2, 0, WaitEvent.EXITED));
    }

    @Test
    void readmeShowsThisExampleAsWritten() throws java.io.IOException {
        String source = java.nio.file.Files.readString(java.nio.file.Path.of("src/test/java/io/sandkernel/process/ReadmeExampleTest.java"));
        String block = source.substring(source.indexOf('\n', source.indexOf("// --- README: ")) + 1,
                source.indexOf("    // --- end of README example ---"));
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("../README.md"));
        assertThat(readme).contains(block.replaceAll("(?m)^    ", ""));
    }
}
