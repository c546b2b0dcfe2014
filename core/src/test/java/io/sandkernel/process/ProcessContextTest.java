package io.sandkernel.process;

import static io.sandkernel.process.TableFixture.assertErrno;
import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.Errno;
import io.sandkernel.user.ProcessIdentity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessContextTest {
    @Test
    void defaultsMatchTheSpec() {
        ProcessContext context = ProcessContext.defaults();

        assertThat(context.pid()).isZero();
        assertThat(context.ppid()).isZero();
        assertThat(context.env()).isEmpty();
        assertThat(context.cwd()).isEqualTo("/");
        assertThat(context.umask()).isEqualTo(0022);
        assertThat(context.fds()).isEqualTo(new ProcessFileDescriptors(0, 1, 2));
        assertThat(context.fds()).isEqualTo(ProcessFileDescriptors.standard());
        assertThat(context.identity()).isEqualTo(ProcessIdentity.defaults());
        assertThat(context.blockedSignals()).isEqualTo(SignalSet.empty());
        assertThat(context.pendingSignals()).isEqualTo(SignalSet.empty());
    }

    @Test
    void ofParentIsTheDefaultsWithThatParent() {
        assertThat(ProcessContext.ofParent(7)).isEqualTo(ProcessContext.defaults().withPpid(7));
        assertThat(ProcessContext.ofParent(7).ppid()).isEqualTo(7);
    }

    @Test
    void eachWitherChangesOnlyItsComponent() {
        ProcessContext base = ProcessContext.defaults();
        ProcessIdentity root = ProcessIdentity.root();
        SignalSet set = SignalSet.of(Signals.SIGINT);

        ProcessContext changed = base.withPpid(3).withEnv(Map.of("A", "1")).withCwd("/x").withUmask(0077)
                .withIdentity(root).withBlockedSignals(set).withPendingSignals(SignalSet.of(Signals.SIGHUP));

        assertThat(changed).isEqualTo(new ProcessContext(0, 3, Map.of("A", "1"), "/x", 0077,
                ProcessFileDescriptors.standard(), root, set, SignalSet.of(Signals.SIGHUP)));
        assertThat(base).isEqualTo(ProcessContext.defaults());
        assertThat(base.withCwd("/y").env()).isEmpty();
    }

    @Test
    void theEnvironmentIsCopiedAndImmutable() {
        Map<String, String> env = new HashMap<>(Map.of("A", "1"));
        ProcessContext context = ProcessContext.defaults().withEnv(env);

        env.put("B", "2");

        assertThat(context.env()).containsExactlyEntriesOf(Map.of("A", "1"));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> context.env().put("C", "3")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void negativePidsAndNullComponentsAreEinval() {
        ProcessContext base = ProcessContext.defaults();

        assertErrno(() -> base.withPpid(-1), Errno.EINVAL);
        assertErrno(() -> ProcessContext.ofParent(-2), Errno.EINVAL);
        assertErrno(() -> base.withEnv(null), Errno.EINVAL);
        assertErrno(() -> base.withCwd(null), Errno.EINVAL);
        assertErrno(() -> base.withIdentity(null), Errno.EINVAL);
        assertErrno(() -> base.withBlockedSignals(null), Errno.EINVAL);
        assertErrno(() -> base.withPendingSignals(null), Errno.EINVAL);
        Map<String, String> withNull = new HashMap<>();
        withNull.put("K", null);
        assertErrno(() -> base.withEnv(withNull), Errno.EINVAL);
        assertErrno(() -> new ProcessContext(-1, 0, Map.of(), "/", 0, ProcessFileDescriptors.standard(),
                ProcessIdentity.defaults(), SignalSet.empty(), SignalSet.empty()), Errno.EINVAL);
    }

    @Test
    void processEntryCopiesItsCollections() {
        java.util.ArrayList<String> args = new java.util.ArrayList<>(List.of("a"));
        ProcessEntry entry = new ProcessEntry(1, 0, 1, 1, "d", "c", args, ProcessStatus.RUNNING,
                java.util.OptionalInt.empty(), java.util.OptionalLong.empty(), Map.of(), "/", 0022,
                ProcessIdentity.defaults());

        args.add("b");

        assertThat(entry.args()).containsExactly("a");
    }
}
