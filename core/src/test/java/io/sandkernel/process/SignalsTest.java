package io.sandkernel.process;

import static io.sandkernel.process.TableFixture.assertErrno;
import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.Errno;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SignalsTest {
    @Test
    void constantsUseLinuxX8664Numbering() {
        assertThat(new int[] {Signals.SIGHUP, Signals.SIGINT, Signals.SIGQUIT, Signals.SIGKILL, Signals.SIGUSR1,
                Signals.SIGUSR2, Signals.SIGPIPE, Signals.SIGALRM, Signals.SIGTERM, Signals.SIGCHLD, Signals.SIGCONT,
                Signals.SIGSTOP, Signals.SIGTSTP, Signals.SIGTTIN, Signals.SIGTTOU, Signals.SIGWINCH})
                .containsExactly(1, 2, 3, 9, 10, 12, 13, 14, 15, 17, 18, 19, 20, 21, 22, 28);
        assertThat(Signals.MAX_SIGNAL).isEqualTo(64);
    }

    @ParameterizedTest
    @CsvSource({"1,SIGHUP", "9,SIGKILL", "15,SIGTERM", "17,SIGCHLD", "19,SIGSTOP", "28,SIGWINCH", "31,SIGSYS",
            "40,SIGRT40", "64,SIGRT64"})
    void nameGivesTheConventionalName(int signal, String name) {
        assertThat(Signals.name(signal)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65, Integer.MIN_VALUE})
    void nameOfANonSignalIsEinval(int signal) {
        assertErrno(() -> Signals.name(signal), Errno.EINVAL);
    }

    @ParameterizedTest
    @CsvSource({"TERM,15", "SIGTERM,15", "sigterm,15", "term,15", "15,15", "' 15 ',15", "KILL,9", "SIGRT40,40",
            "rt40,40", "64,64", "1,1", "CHLD,17"})
    void parseAcceptsNamesWithOrWithoutSigAndNumbers(String text, int signal) {
        assertThat(Signals.parse(text)).isEqualTo(signal);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"0", "65", "-1", "-15", "SIGFOO", "SIG", "TERMX", "1.5", "SIGRT31", "SIGRT65", "99999999999", "  "})
    void parseRejectsWhatIsNoSignalWithEinval(String text) {
        assertErrno(() -> Signals.parse(text), Errno.EINVAL);
    }

    @Test
    void parseOrProbeAlsoAcceptsTheProbeSignalZero() {
        assertThat(Signals.parseOrProbe("0")).isZero();
        assertThat(Signals.parseOrProbe("TERM")).isEqualTo(15);
        assertErrno(() -> Signals.parseOrProbe("65"), Errno.EINVAL);
        assertErrno(() -> Signals.parseOrProbe(null), Errno.EINVAL);
    }

    @Test
    void everyNameParsesBackToItsSignal() {
        for (int signal = 1; signal <= Signals.MAX_SIGNAL; signal++) {
            assertThat(Signals.parse(Signals.name(signal))).as("signal %d", signal).isEqualTo(signal);
            assertThat(Signals.parse(Integer.toString(signal))).isEqualTo(signal);
        }
    }

    @Test
    void isValidCoversOneTo64() {
        assertThat(Signals.isValid(0)).isFalse();
        assertThat(Signals.isValid(1)).isTrue();
        assertThat(Signals.isValid(64)).isTrue();
        assertThat(Signals.isValid(65)).isFalse();
        assertThat(Signals.isValid(-3)).isFalse();
    }
}
