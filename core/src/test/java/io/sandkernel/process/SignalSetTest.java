package io.sandkernel.process;

import static io.sandkernel.process.TableFixture.assertErrno;
import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.Errno;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignalSetTest {
    @Test
    void emptySetHoldsNothing() {
        SignalSet empty = SignalSet.empty();

        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.toArray()).isEmpty();
        assertThat(SignalSet.of()).isEqualTo(empty);
        for (int signal = 1; signal <= 64; signal++) {
            assertThat(empty.contains(signal)).isFalse();
        }
    }

    @Test
    void ofHoldsExactlyTheGivenSignalsIncludingTheEdges() {
        SignalSet set = SignalSet.of(64, 1, 15, 15);

        assertThat(set.isEmpty()).isFalse();
        assertThat(set.contains(1)).isTrue();
        assertThat(set.contains(15)).isTrue();
        assertThat(set.contains(64)).isTrue();
        assertThat(set.contains(2)).isFalse();
        assertThat(set.contains(63)).isFalse();
    }

    @Test
    void toArrayIsAscendingWithoutDuplicates() {
        assertThat(SignalSet.of(40, 3, 64, 1, 3, 17).toArray()).containsExactly(1, 3, 17, 40, 64);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void signalsOutside1To64AreEinvalForConstruction(int signal) {
        assertErrno(() -> SignalSet.of(signal), Errno.EINVAL);
        assertErrno(() -> SignalSet.of(1, signal), Errno.EINVAL);
        assertErrno(() -> SignalSet.empty().with(signal), Errno.EINVAL);
        assertErrno(() -> SignalSet.of(2).without(signal), Errno.EINVAL);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void containsIsFalseOutside1To64(int signal) {
        SignalSet all = SignalSet.empty();
        for (int s = 1; s <= 64; s++) {
            all = all.with(s);
        }

        assertThat(all.contains(signal)).isFalse();
    }

    @Test
    void nullArrayIsEinval() {
        assertErrno(() -> SignalSet.of((int[]) null), Errno.EINVAL);
    }

    @Test
    void withAndWithoutReturnNewSetsAndLeaveTheOriginalAlone() {
        SignalSet original = SignalSet.of(2);

        SignalSet added = original.with(9);
        SignalSet removed = added.without(2);
        SignalSet removedAbsent = original.without(30);

        assertThat(original.toArray()).containsExactly(2);
        assertThat(added.toArray()).containsExactly(2, 9);
        assertThat(removed.toArray()).containsExactly(9);
        assertThat(removedAbsent).isEqualTo(original);
        assertThat(original.with(2)).isEqualTo(original);
    }

    @Test
    void unionAndDifference() {
        SignalSet a = SignalSet.of(1, 2, 3);
        SignalSet b = SignalSet.of(3, 4);

        assertThat(a.union(b).toArray()).containsExactly(1, 2, 3, 4);
        assertThat(a.difference(b).toArray()).containsExactly(1, 2);
        assertThat(b.difference(a).toArray()).containsExactly(4);
        assertThat(a.difference(a).isEmpty()).isTrue();
        assertThat(a.union(SignalSet.empty())).isEqualTo(a);
    }

    @Test
    void equalityAndHashCodeFollowContent() {
        SignalSet a = SignalSet.of(10, 12);
        SignalSet b = SignalSet.empty().with(12).with(10);

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(SignalSet.of(10));
        assertThat(a).isNotEqualTo("[SIGUSR1, SIGUSR2]");
        assertThat(SignalSet.of(64).without(64)).isEqualTo(SignalSet.empty());
    }

    @Test
    void toStringNamesTheSignalsInOrder() {
        assertThat(SignalSet.of(Signals.SIGTERM, Signals.SIGINT)).hasToString("[SIGINT, SIGTERM]");
        assertThat(SignalSet.empty()).hasToString("[]");
    }

    @Test
    void theHighestSignalBitRoundTrips() {
        SignalSet set = SignalSet.of(64, 63);

        assertThat(set.toArray()).containsExactly(63, 64);
        assertThat(set.without(63).toArray()).containsExactly(64);
    }
}
