package io.sandkernel.driver.host;

import static io.sandkernel.driver.host.HostFixture.alive;
import static io.sandkernel.driver.host.HostFixture.await;
import static io.sandkernel.driver.host.HostFixture.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sandkernel.process.Signals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Closing the driver leaves no host process behind: not the processes, their trees, nor the signaller. */
@Timeout(60)
class HostCleanupTest {
    @Test
    void closeKillsEveryProcessTreeAndTheSignaller() throws Exception {
        HostDriver driver = HostFixture.unconfined().allow("sh", "sleep").build();
        try {
            closeKillsEveryProcessTreeAndTheSignaller(driver);
        } finally {
            driver.close();
        }
    }

    private void closeKillsEveryProcessTreeAndTheSignaller(HostDriver driver) throws Exception {
        HostFixture.Run tree = run(driver, HostFixture.silentStdin(), "sh", "-c", "sleep 100 & sleep 100 & wait");
        HostFixture.Run sleep = run(driver, HostFixture.silentStdin(), "sleep", "100");
        await("two sleeping children", () -> HostFixture.descendants(tree.pid()).size() == 2);
        sleep.process.kill(Signals.SIGSTOP); // a stopped process must die too; starts the signaller
        long signaller = driver.signallerPid().orElseThrow();
        List<Long> pids = new ArrayList<>(List.of(tree.pid(), sleep.pid(), signaller));
        HostFixture.descendants(tree.pid()).forEach(d -> pids.add(d.pid()));

        driver.close();

        for (long pid : pids) {
            await("pid " + pid + " to be gone", () -> !alive(pid));
        }
        assertThat(tree.exitCode()).isEqualTo(137);
        assertThat(sleep.exitCode()).isEqualTo(137);
        assertThat(driver.signallerPid()).isEmpty();
        assertThat(HostFixture.jvmChildren()).doesNotContainAnyElementsOf(pids);
    }

    @Test
    void closeKillsWhatAnEndedProcessLeftRunningInItsSession() throws Exception {
        HostDriver driver = HostFixture.unconfined().allow("sh").newSession(true).outputGrace(Duration.ofMillis(100)).build();
        assumeTrue(driver.newSessions(), "setsid is not installed");
        closeKillsWhatAnEndedProcessLeftRunning(driver);
    }

    @Test
    void closeFindsByItsEnvironmentTagWhatAnEndedProcessLeftRunning() throws Exception {
        HostDriver driver = HostFixture.unconfined().allow("sh").outputGrace(Duration.ofMillis(100)).build();
        assertThat(driver.newSessions()).isFalse();
        closeKillsWhatAnEndedProcessLeftRunning(driver);
    }

    private static void closeKillsWhatAnEndedProcessLeftRunning(HostDriver driver) throws Exception {
        long orphan;
        try {
            HostFixture.Run sh = run(driver, "sh", "-c", "sleep 100 > /dev/null 2>&1 & echo $!");
            assertThat(sh.exitCode()).isZero();
            orphan = Long.parseLong(sh.out().trim());
            assertThat(alive(orphan)).isTrue();
        } finally {
            driver.close();
        }

        await("orphan " + orphan + " to be gone", () -> !alive(orphan));
    }

    @Test
    void withoutNewSessionsSignalsAndCloseStillReachTheWholeTree() throws Exception {
        HostDriver driver = HostFixture.unconfined().allow("sh").newSession(false).build();
        try {
            assertThat(driver.newSessions()).isFalse();
            HostFixture.Run tree = run(driver, HostFixture.silentStdin(), "sh", "-c", "sleep 100 & sleep 100 & wait");
            await("two sleeping children", () -> HostFixture.descendants(tree.pid()).size() == 2);
            List<Long> pids = new ArrayList<>(List.of(tree.pid()));
            HostFixture.descendants(tree.pid()).forEach(d -> pids.add(d.pid()));
            assertThat(ProcFs.stat(tree.pid()).orElseThrow().session())
                    .isEqualTo(ProcFs.stat(ProcessHandle.current().pid()).orElseThrow().session());
            tree.process.kill(Signals.SIGSTOP);
            HostFixture.awaitState(tree.pid(), 'T');

            driver.close();

            for (long pid : pids) {
                await("pid " + pid + " to be gone", () -> !alive(pid));
            }
            assertThat(tree.exitCode()).isEqualTo(137);
        } finally {
            driver.close();
        }
    }

    @Test
    void closingTwiceIsHarmless() {
        HostDriver driver = HostFixture.unconfined().allow("sh").build();
        driver.close();
        driver.close();
        assertThat(driver.signallerPid()).isEmpty();
    }
}
