package io.sandkernel.driver.wasm.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.kernel.ShellOptions;
import io.sandkernel.kernel.ShellSession;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Wasm programs on the kernel's pseudo-terminal under an interactive shell: the standard
 * descriptors are terminals, a line typed reaches a program reading it, ^Z stops it and {@code fg}
 * continues it, and ^C typed ends a computing program with SIGINT while the shell lives on.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TerminalTest {
    private final WasmKernel box = new WasmKernel();

    @AfterEach
    void close() {
        box.close();
    }

    /** Reads the screen until it contains {@code text}; returns everything read. */
    private static String awaitScreen(InputStream screen, StringBuilder seen, String text) throws Exception {
        byte[] buffer = new byte[4096];
        while (!seen.toString().contains(text)) {
            int n = screen.read(buffer);
            if (n < 0) {
                throw new AssertionError("terminal closed before \"" + text + "\"; screen: " + seen);
            }
            seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        return seen.toString();
    }

    @Test
    void standardDescriptorsAreTheTerminalAndCtrlCEndsABusyLoop() throws Exception {
        try (ShellSession shell = box.kernel().openShell(ShellOptions.defaults().withCwd(WasmKernel.HOME))) {
            InputStream screen = shell.output();
            StringBuilder seen = new StringBuilder();
            shell.write("isatty\n");
            awaitScreen(screen, seen, "0:1 1:1 2:1");

            shell.write("upper\n");
            shell.write("typed line\n");
            awaitScreen(screen, seen, "TYPED LINE");
            shell.write("\u0004"); // ^D: end of file for upper
            shell.write("echo upper=$?\n");
            awaitScreen(screen, seen, "upper=0");

            shell.write("upper\n");
            shell.write("one\n");
            awaitScreen(screen, seen, "ONE");
            shell.write("\u001a"); // ^Z: SIGTSTP stops the program blocked reading the terminal
            awaitScreen(screen, seen, "Stopped");
            shell.write("fg\n");
            shell.write("two\n");
            awaitScreen(screen, seen, "TWO");
            shell.write("\u0004");
            shell.write("echo fg=$?\n");
            awaitScreen(screen, seen, "fg=0");

            shell.write("busy; echo not reached\n");
            awaitScreen(screen, seen, "ready");
            shell.write("\u0003"); // ^C: SIGINT to the foreground job
            // as dash and bash, a job's death by SIGINT abandons the rest of the command line
            shell.write("echo busy=$?\n");
            awaitScreen(screen, seen, "busy=130");
            assertThat(seen.toString()).doesNotContain("\nnot reached");
            shell.write("exit\n");
            assertThat(shell.waitFor()).isZero();
        }
    }
}
