package io.sandkernel.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessIdentityTest {
    private static void assertEinval(Runnable construction) {
        assertThatThrownBy(construction::run)
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL));
    }

    @Test
    void defaultsAreTheGuestUser() {
        ProcessIdentity identity = ProcessIdentity.defaults();

        assertThat(identity).isEqualTo(new ProcessIdentity(1000, 1000, 1000, 1000, List.of(1000)));
        assertThat(identity.isRoot()).isFalse();
    }

    @Test
    void rootHasEveryIdZero() {
        ProcessIdentity root = ProcessIdentity.root();

        assertThat(root).isEqualTo(new ProcessIdentity(0, 0, 0, 0, List.of(0)));
        assertThat(root.isRoot()).isTrue();
    }

    @Test
    void rootnessFollowsTheEffectiveUid() {
        assertThat(new ProcessIdentity(1000, 1000, 0, 1000, List.of()).isRoot()).isTrue();
        assertThat(new ProcessIdentity(0, 0, 1000, 0, List.of()).isRoot()).isFalse();
    }

    @Test
    void supplementaryGroupsAreCopied() {
        List<Integer> groups = new ArrayList<>(List.of(5));
        ProcessIdentity identity = new ProcessIdentity(1, 1, 1, 1, groups);

        groups.add(6);

        assertThat(identity.supplementaryGids()).containsExactly(5);
        assertThatThrownBy(() -> identity.supplementaryGids().add(7)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void negativeIdsAndNullGroupsAreEinval() {
        assertEinval(() -> new ProcessIdentity(-1, 0, 0, 0, List.of()));
        assertEinval(() -> new ProcessIdentity(0, -1, 0, 0, List.of()));
        assertEinval(() -> new ProcessIdentity(0, 0, -1, 0, List.of()));
        assertEinval(() -> new ProcessIdentity(0, 0, 0, -1, List.of()));
        assertEinval(() -> new ProcessIdentity(0, 0, 0, 0, null));
        assertEinval(() -> new ProcessIdentity(0, 0, 0, 0, Arrays.asList(1, null)));
        assertEinval(() -> new ProcessIdentity(0, 0, 0, 0, List.of(-5)));
    }
}
