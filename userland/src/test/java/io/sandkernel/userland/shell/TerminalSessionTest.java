package io.sandkernel.userland.shell;

import io.sandkernel.userland.Sandkernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.kernel.Kernel;
import io.sandkernel.kernel.ShellOptions;
import io.sandkernel.kernel.ShellSession;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The shell as the interactive session on the kernel's pseudo terminal: ^Z, fg, ^C. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TerminalSessionTest {
    private final StringBuffer screen = new StringBuffer();

    private void awaitScreen(String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!screen.toString().contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("screen never showed " + text + ":\n" + screen);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void suspendResumeAndInterruptAForegroundJob() throws Exception {
        try (Kernel kernel = Kernel.builder().driver(Sandkernel.jvmDriver(Map.of())).build();
             ShellSession session = kernel.openShell(ShellOptions.defaults().withEnv(Map.of("PS1", "$ ")))) {
            Thread reader = Thread.ofVirtual().start(() -> {
                try (InputStream out = session.output()) {
                    byte[] buffer = new byte[1024];
                    int n;
                    while ((n = out.read(buffer)) > 0) {
                        screen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                } catch (Exception ignored) {
                    // session closed
                }
            });
            awaitScreen("$ ");
            session.write("echo ready\n");
            awaitScreen("ready");
            session.write("sleep 30\n");
            Thread.sleep(300);
            session.write("\u001a");
            awaitScreen("Stopped                 sleep 30");
            session.write("jobs\n");
            awaitScreen("[1]+  Stopped                 sleep 30\r\n$ ");
            session.write("fg\n");
            Thread.sleep(300);
            session.write("\u0003");
            session.write("echo status $?\n");
            awaitScreen("status 130");
            session.write("exit 7\n");
            assertThat(session.waitFor(Duration.ofSeconds(10))).hasValue(7);
            reader.join(5000);
        }
    }
}
