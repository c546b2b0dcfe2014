package io.sandkernel.coreutils;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.kernel.KernelProcess;
import io.sandkernel.process.Signals;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Text tools, digests and archivers that never end on endless input must still stop at SIGTERM:
 * their loops reach a checkpoint (a kernel read or write, or an explicit poll). Each test starts
 * one with its output drained, lets it run, sends SIGTERM and expects status 143 within a second.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TextToolsCancellationTest {
    private static final Duration PROMPT = Duration.ofSeconds(1);

    private static void assertStopsOnSigterm(String... argv) throws Exception {
        try (Sandbox sandbox = Sandbox.create()) {
            KernelProcess process = sandbox.start(argv);
            process.stdin().close();
            Thread drain = Thread.ofVirtual().start(() -> {
                try (InputStream out = process.stdout()) {
                    out.transferTo(java.io.OutputStream.nullOutputStream());
                } catch (IOException e) {
                    // the process ended
                }
            });
            Thread.sleep(300);
            assertThat(process.waitFor(Duration.ZERO)).as("%s still running", String.join(" ", argv)).isEmpty();
            process.kill(Signals.SIGTERM);
            OptionalInt status = process.waitFor(PROMPT);
            assertThat(status).as("%s ended within %s after SIGTERM", String.join(" ", argv), PROMPT).isPresent();
            assertThat(status.getAsInt()).isEqualTo(128 + Signals.SIGTERM);
            drain.join(PROMPT);
        }
    }

    @Test
    void shufRepeatingForeverStopsOnSigterm() throws Exception {
        assertStopsOnSigterm("shuf", "-r", "-e", "a", "b", "c");
    }

    @Test
    void odOfAnEndlessDeviceStopsOnSigterm() throws Exception {
        assertStopsOnSigterm("od", "-v", "-t", "x1", "/dev/zero");
    }

    @Test
    void base64OfAnEndlessDeviceStopsOnSigterm() throws Exception {
        assertStopsOnSigterm("base64", "/dev/zero");
    }

    @Test
    void digestOfAnEndlessDeviceStopsOnSigterm() throws Exception {
        assertStopsOnSigterm("sha256sum", "/dev/zero");
    }

    @Test
    void stringsOfAnEndlessDeviceStopsOnSigterm() throws Exception {
        assertStopsOnSigterm("strings", "-e", "S", "/dev/urandom");
    }
}
