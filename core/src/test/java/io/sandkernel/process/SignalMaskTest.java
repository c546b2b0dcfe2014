package io.sandkernel.process;

import static io.sandkernel.process.TableFixture.assertErrno;
import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.Errno;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** sigprocmask(2) and sigpending(2). */
@Timeout(30)
class SignalMaskTest {
    private final TableFixture f = new TableFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void blockAddsToTheMaskAndReturnsThePreviousMask() {
        int pid = f.spawn(0);

        SignalSet first = f.table.sigprocmask(pid, SigmaskHow.BLOCK, SignalSet.of(Signals.SIGINT));
        SignalSet second = f.table.sigprocmask(pid, SigmaskHow.BLOCK, SignalSet.of(Signals.SIGTERM));
        SignalSet third = f.table.sigprocmask(pid, SigmaskHow.BLOCK, SignalSet.empty());

        assertThat(first).isEqualTo(SignalSet.empty());
        assertThat(second).isEqualTo(SignalSet.of(Signals.SIGINT));
        assertThat(third).isEqualTo(SignalSet.of(Signals.SIGINT, Signals.SIGTERM));
    }

    @Test
    void unblockRemovesFromTheMaskAndReturnsThePreviousMask() {
        int pid = f.spawn(ProcessContext.defaults().withBlockedSignals(SignalSet.of(Signals.SIGINT, Signals.SIGTERM)));

        SignalSet previous = f.table.sigprocmask(pid, SigmaskHow.UNBLOCK, SignalSet.of(Signals.SIGINT, Signals.SIGHUP));

        assertThat(previous).isEqualTo(SignalSet.of(Signals.SIGINT, Signals.SIGTERM));
        assertThat(f.table.sigprocmask(pid, SigmaskHow.BLOCK, SignalSet.empty())).isEqualTo(SignalSet.of(Signals.SIGTERM));
    }

    @Test
    void setMaskReplacesTheMaskAndReturnsThePreviousMask() {
        int pid = f.spawn(0);
        f.table.sigprocmask(pid, SigmaskHow.BLOCK, SignalSet.of(Signals.SIGINT));

        SignalSet previous = f.table.sigprocmask(pid, SigmaskHow.SET_MASK, SignalSet.of(Signals.SIGUSR1, Signals.SIGUSR2));

        assertThat(previous).isEqualTo(SignalSet.of(Signals.SIGINT));
        assertThat(f.table.sigprocmask(pid, SigmaskHow.SET_MASK, SignalSet.empty()))
                .isEqualTo(SignalSet.of(Signals.SIGUSR1, Signals.SIGUSR2));
    }

    @Test
    void pendingSignalsAreDeliveredInAscendingOrderOnUnblock() {
        int pid = f.spawn(0);
        f.table.sigprocmask(pid, SigmaskHow.BLOCK, SignalSet.of(Signals.SIGTERM, Signals.SIGUSR1, Signals.SIGHUP));
        f.table.kill(pid, Signals.SIGTERM);
        f.table.kill(pid, Signals.SIGHUP);
        f.table.kill(pid, Signals.SIGUSR1);
        assertThat(f.table.sigpending(pid)).isEqualTo(SignalSet.of(Signals.SIGHUP, Signals.SIGUSR1, Signals.SIGTERM));

        f.table.sigprocmask(pid, SigmaskHow.SET_MASK, SignalSet.empty());

        assertThat(f.driver(pid).signals()).containsExactly(Signals.SIGHUP, Signals.SIGUSR1, Signals.SIGTERM);
        assertThat(f.table.sigpending(pid)).isEqualTo(SignalSet.empty());
    }

    @Test
    void onlyTheUnblockedPendingSignalsAreDelivered() {
        int pid = f.spawn(0);
        f.table.sigprocmask(pid, SigmaskHow.BLOCK, SignalSet.of(Signals.SIGTERM, Signals.SIGUSR1));
        f.table.kill(pid, Signals.SIGTERM);
        f.table.kill(pid, Signals.SIGUSR1);

        f.table.sigprocmask(pid, SigmaskHow.UNBLOCK, SignalSet.of(Signals.SIGUSR1));

        assertThat(f.driver(pid).signals()).containsExactly(Signals.SIGUSR1);
        assertThat(f.table.sigpending(pid)).isEqualTo(SignalSet.of(Signals.SIGTERM));
    }

    @Test
    void aPendingSignalIsDeliveredOnceHoweverOftenItWasSent() {
        int pid = f.spawn(0);
        f.table.sigprocmask(pid, SigmaskHow.BLOCK, SignalSet.of(Signals.SIGUSR1));
        for (int i = 0; i < 5; i++) {
            f.table.kill(pid, Signals.SIGUSR1);
        }

        f.table.sigprocmask(pid, SigmaskHow.UNBLOCK, SignalSet.of(Signals.SIGUSR1));
        f.table.sigprocmask(pid, SigmaskHow.UNBLOCK, SignalSet.of(Signals.SIGUSR1));

        assertThat(f.driver(pid).signals()).containsExactly(Signals.SIGUSR1);
    }

    @Test
    void unblockingWithNothingPendingDeliversNothing() {
        int pid = f.spawn(0);
        f.table.sigprocmask(pid, SigmaskHow.BLOCK, SignalSet.of(Signals.SIGUSR1));

        f.table.sigprocmask(pid, SigmaskHow.UNBLOCK, SignalSet.of(Signals.SIGUSR1));

        assertThat(f.driver(pid).signals()).isEmpty();
    }

    @Test
    void unblockablesMayBeInTheMaskButAreNeverHeldPending() {
        int pid = f.spawn(0);
        f.table.sigprocmask(pid, SigmaskHow.BLOCK, SignalSet.of(Signals.SIGKILL, Signals.SIGSTOP, Signals.SIGCONT));

        f.table.kill(pid, Signals.SIGKILL);

        assertThat(f.driver(pid).signals()).containsExactly(Signals.SIGKILL);
        assertThat(f.table.sigpending(pid)).isEqualTo(SignalSet.empty());
    }

    @Test
    void masksAreKeptPerProcess() {
        int a = f.spawn(0);
        int b = f.spawn(0);
        f.table.sigprocmask(a, SigmaskHow.BLOCK, SignalSet.of(Signals.SIGUSR1));

        f.table.kill(a, Signals.SIGUSR1);
        f.table.kill(b, Signals.SIGUSR1);

        assertThat(f.driver(a).signals()).isEmpty();
        assertThat(f.driver(b).signals()).containsExactly(Signals.SIGUSR1);
        assertThat(f.table.sigpending(b)).isEqualTo(SignalSet.empty());
    }

    @Test
    void sigprocmaskAndSigpendingOfAnUnknownPidFailWithEsrch() {
        f.spawn(0);

        assertErrno(() -> f.table.sigprocmask(9, SigmaskHow.BLOCK, SignalSet.empty()), Errno.ESRCH);
        assertErrno(() -> f.table.sigpending(9), Errno.ESRCH);
    }
}
