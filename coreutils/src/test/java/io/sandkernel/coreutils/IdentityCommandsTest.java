package io.sandkernel.coreutils;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.user.ProcessIdentity;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** env, id and whoami. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IdentityCommandsTest {
    private final Sandbox process = Sandbox.create();

    @BeforeEach
    void staffGroup() {
        process.identity(ProcessIdentity.root())
                .file("/etc/group", process.read("/etc/group") + "staff:x:50:user\n")
                .identity(ProcessIdentity.defaults());
    }

    @AfterEach
    void closeKernel() {
        process.close();
    }

    @Test
    void envPrintsTheEnvironment() {
        assertThat(process.run("env").out()).contains("HOME=/home/user\n").contains("LC_ALL=C\n");
    }

    @Test
    void envDashIAndAssignmentsBuildANewEnvironment() {
        assertThat(process.run("env", "-i", "A=1", "B=x=y").out()).isEqualTo("A=1\nB=x=y\n");
    }

    @Test
    void envDashUUnsetsAVariable() {
        assertThat(process.run("env", "-u", "HOME").out()).doesNotContain("HOME=").contains("LC_ALL=C\n");
    }

    @Test
    void envDashCRunsTheCommandInAnotherDirectory() {
        process.directory("sub");
        assertThat(process.run("env", "-C", "sub", "pwd").out()).isEqualTo("/home/user/work/sub\n");
        Sandbox.Result missing = process.run("env", "-C", "nowhere", "pwd");
        assertThat(missing.status()).isEqualTo(125);
        assertThat(missing.err()).isEqualTo("env: cannot change directory to 'nowhere': No such file or directory\n");
    }

    @Test
    void envRunsACommandWithTheModifiedEnvironmentAndItsStatus() {
        Sandbox.Result result = process.run("env", "-i", "GREETING=hi", "env");
        assertThat(result.out()).isEqualTo("GREETING=hi\n");
        assertThat(process.run("env", "false").status()).isEqualTo(1);
    }

    @Test
    void envReportsAMissingCommandWithStatus127() {
        Sandbox.Result result = process.run("env", "no-such-command");
        assertThat(result.status()).isEqualTo(127);
        assertThat(result.err()).isEqualTo("env: 'no-such-command': No such file or directory\n");
    }

    @Test
    void envUsageErrorsExit125() {
        assertThat(process.run("env", "--bogus").status()).isEqualTo(125);
    }

    @Test
    void idPrintsIdsWithNamesFromEtcPasswdAndGroup() {
        assertThat(process.run("id").out()).isEqualTo("uid=1000(user) gid=1000(user) groups=1000(user)\n");
    }

    @Test
    void idShowsEffectiveIdsAndSupplementaryGroups() {
        process.identity(new ProcessIdentity(1000, 1000, 0, 1000, List.of(1000, 50, 7)));
        assertThat(process.run("id").out())
                .isEqualTo("uid=1000(user) gid=1000(user) euid=0(root) groups=1000(user),50(staff),7\n");
    }

    @Test
    void idSingleFields() {
        assertThat(process.run("id", "-u").out()).isEqualTo("1000\n");
        assertThat(process.run("id", "-un").out()).isEqualTo("user\n");
        assertThat(process.run("id", "-gn").out()).isEqualTo("user\n");
        assertThat(process.run("id", "-G").out()).isEqualTo("1000\n");
    }

    @Test
    void idOfANamedUserIncludesGroupMemberships() {
        assertThat(process.run("id", "user").out()).isEqualTo("uid=1000(user) gid=1000(user) groups=1000(user),50(staff)\n");
        Sandbox.Result result = process.run("id", "ghost");
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("id: 'ghost': no such user\n");
    }

    @Test
    void whoamiPrintsTheEffectiveUserName() {
        assertThat(process.run("whoami").out()).isEqualTo("user\n");
        process.identity(ProcessIdentity.root());
        assertThat(process.run("whoami").out()).isEqualTo("root\n");
    }

    @Test
    void whoamiFailsForAnUnknownUid() {
        process.identity(new ProcessIdentity(4242, 4242, 4242, 4242, List.of()));
        Sandbox.Result result = process.run("whoami");
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("whoami: cannot find name for user ID 4242\n");
    }
}
