package io.sandkernel.userland.kernel;

import io.sandkernel.api.Redirect;
import io.sandkernel.api.SpawnRequest;
import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.kernel.KernelProcess;
import io.sandkernel.kernel.SpawnOptions;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.KernelException;
import io.sandkernel.process.Signals;
import io.sandkernel.user.ProcessIdentity;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class PermissionTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private final Kernel kernel = TestPrograms.kernel();

    @AfterEach
    void close() {
        kernel.close();
    }

    private KernelProcess sleeper(ProcessIdentity identity) {
        return kernel.spawn("t-sleep", List.of("60000"), SpawnOptions.defaults().withIdentity(identity));
    }

    private String killAs(ProcessIdentity identity, int pid, int signal) {
        return kernel.exec(List.of("t-kill", String.valueOf(pid), String.valueOf(signal)),
                ExecOptions.defaults().withIdentity(identity)).stdout().strip();
    }

    @Test
    void killAcrossUidsFailsWithEperm() throws Exception {
        KernelProcess rootProcess = sleeper(ProcessIdentity.root());
        ProcessIdentity other = new ProcessIdentity(2000, 2000, 2000, 2000, List.of(2000));
        KernelProcess otherProcess = sleeper(other);
        assertThat(killAs(ProcessIdentity.defaults(), rootProcess.pid(), Signals.SIGTERM)).isEqualTo("EPERM");
        assertThat(killAs(ProcessIdentity.defaults(), otherProcess.pid(), Signals.SIGTERM)).isEqualTo("EPERM");
        assertThat(killAs(ProcessIdentity.defaults(), otherProcess.pid(), 0)).isEqualTo("EPERM");
        assertThat(rootProcess.isAlive()).isTrue();
        assertThat(otherProcess.isAlive()).isTrue();
        assertThat(killAs(other, otherProcess.pid(), Signals.SIGTERM)).isEqualTo("OK");
        assertThat(otherProcess.waitFor(WAIT)).hasValue(143);
    }

    @Test
    void rootMayKillAnyone() throws Exception {
        KernelProcess guestProcess = sleeper(ProcessIdentity.defaults());
        assertThat(killAs(ProcessIdentity.root(), guestProcess.pid(), Signals.SIGKILL)).isEqualTo("OK");
        assertThat(guestProcess.waitFor(WAIT)).hasValue(137);
    }

    @Test
    void killOfAMissingProcessFailsWithEsrchAndBadSignalWithEinval() {
        assertThat(killAs(ProcessIdentity.defaults(), 999_999, Signals.SIGTERM)).isEqualTo("ESRCH");
        assertThat(killAs(ProcessIdentity.defaults(), 1, 99)).isEqualTo("EINVAL");
    }

    @Test
    void groupKillSignalsOnlyPermittedMembersAndFailsWhenNoneIs() throws Exception {
        KernelProcess rootProcess = sleeper(ProcessIdentity.root());
        assertThat(killAs(ProcessIdentity.defaults(), -rootProcess.pid(), Signals.SIGTERM)).isEqualTo("EPERM");
        assertThat(killAs(ProcessIdentity.defaults(), -1, 0)).isIn("OK", "EPERM");
        assertThat(rootProcess.isAlive()).isTrue();
    }

    @Test
    void setpgidOnlyForItselfOrItsOwnChildrenInItsSession() throws Exception {
        TestPrograms.SCRIPTS.put("pgid", p -> {
            int child = p.spawn(new SpawnRequest(List.of("t-sleep", "60000"), p.env(), p.cwd(), new Redirect.Null(),
                    new Redirect.Null(), new Redirect.Null(), -1, false));
            int otherSession = p.spawn(new SpawnRequest(List.of("t-sleep", "60000"), p.env(), p.cwd(),
                    new Redirect.Null(), new Redirect.Null(), new Redirect.Null(), -1, true));
            StringBuilder out = new StringBuilder();
            p.setpgid(child, 0);
            out.append(p.getpgid(child) == child).append(' ');
            try {
                p.setpgid(otherSession, 0);
            } catch (KernelException e) {
                out.append(e.errno()).append(' ');
            }
            try {
                p.setpgid(Integer.parseInt(p.args().get(1)), 0); // not a child
            } catch (KernelException e) {
                out.append(e.errno()).append(' ');
            }
            out.append(p.getsid(otherSession) == otherSession);
            p.kill(child, Signals.SIGKILL);
            p.kill(otherSession, Signals.SIGKILL);
            p.stdout().println(out);
            return 0;
        });
        KernelProcess stranger = sleeper(ProcessIdentity.defaults());
        assertThat(kernel.exec("t-script", "pgid", String.valueOf(stranger.pid())).stdout()).isEqualTo("true EPERM ESRCH true\n");
    }

    @Test
    void aChildIsNeverSpawnedWithMoreRightsThanItsParent() {
        TestPrograms.SCRIPTS.put("whoami", p -> {
            p.stdout().println(p.identity().uid());
            return 0;
        });
        TestPrograms.SCRIPTS.put("spawn-whoami", p -> {
            int child = p.spawn(new SpawnRequest(List.of("t-script", "whoami"), p.env(), p.cwd(), Redirect.inherit(),
                    Redirect.inherit(), Redirect.inherit(), -1, false));
            p.waitpid(child);
            return 0;
        });
        assertThat(kernel.exec("t-script", "spawn-whoami").stdout()).isEqualTo("1000\n");
    }

    @Test
    void aProgramCannotReachProcessesOfAnotherKernel() throws Exception {
        try (Kernel other = TestPrograms.kernel()) {
            KernelProcess foreign = null;
            for (int i = 0; i < 5; i++) { // make the other kernel's pid higher than anything here
                foreign = other.spawn("t-sleep", List.of("60000"), SpawnOptions.defaults());
            }
            assertThat(killAs(ProcessIdentity.root(), foreign.pid() + 1000, Signals.SIGKILL)).isEqualTo("ESRCH");
            assertThat(killAs(ProcessIdentity.root(), foreign.pid(), 0)).isEqualTo("ESRCH");
            assertThat(foreign.isAlive()).isTrue();
        }
    }
}
