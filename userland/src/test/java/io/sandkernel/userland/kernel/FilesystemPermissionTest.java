package io.sandkernel.userland.kernel;

import static io.sandkernel.api.fs.OpenFlags.O_CREAT;
import static io.sandkernel.api.fs.OpenFlags.O_RDONLY;
import static io.sandkernel.api.fs.OpenFlags.O_WRONLY;
import static io.sandkernel.userland.kernel.InProcess.errno;
import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.Errno;
import io.sandkernel.api.fs.Stat;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.user.ProcessIdentity;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Linux layout's owners and modes, and Linux permission rules for users other than root. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FilesystemPermissionTest {
    private static final ProcessIdentity OTHER = new ProcessIdentity(2000, 2000, 2000, 2000, List.of(2000));
    private final Kernel kernel = TestPrograms.kernel();

    @AfterEach
    void close() {
        kernel.close();
    }

    private void assertMode(String path, int mode, int uid) {
        Stat stat = kernel.stat(path);
        assertThat(stat.permissions()).as(path + " mode").isEqualTo(mode);
        assertThat(stat.uid()).as(path + " owner").isEqualTo(uid);
    }

    @Test
    void theLayoutBelongsToRootWithLinuxModes() {
        assertMode("/", 0755, 0);
        for (String dir : List.of("/bin", "/etc", "/home", "/usr", "/usr/bin", "/var")) {
            assertMode(dir, 0755, 0);
        }
        assertMode("/root", 0700, 0);
        assertMode("/tmp", 01777, 0);
        assertMode("/home/user", 0755, 1000);
        assertThat(kernel.stat("/home/user").gid()).isEqualTo(1000);
        for (String file : List.of("/etc/passwd", "/etc/group", "/etc/hostname")) {
            assertMode(file, 0644, 0);
        }
        InProcess.run(kernel, p -> assertThat(p.listDirectory("/")).extracting(e -> e.name())
                .doesNotContain("work"));
    }

    @Test
    void aUserCannotWriteSystemFilesOrEnterRootsHome() {
        InProcess.run(kernel, p -> {
            assertThat(p.identity().euid()).isEqualTo(1000);
            assertThat(errno(() -> p.open("/etc/passwd", O_WRONLY, 0))).isEqualTo(Errno.EACCES);
            assertThat(errno(() -> p.open("/bin/tool", O_WRONLY | O_CREAT, 0755))).isEqualTo(Errno.EACCES);
            assertThat(errno(() -> p.open("/root/.profile", O_RDONLY, 0))).isEqualTo(Errno.EACCES);
            assertThat(errno(() -> p.listDirectory("/root"))).isEqualTo(Errno.EACCES);
            assertThat(errno(() -> p.rename("/etc/hostname", "/tmp/h"))).isEqualTo(Errno.EACCES);
            p.close(p.open("/home/user/mine", O_WRONLY | O_CREAT, 0644));
        });
    }

    @Test
    void rootBypassesPermissionChecks() {
        InProcess.runAs(kernel, ProcessIdentity.root(), p -> {
            p.close(p.open("/root/.profile", O_WRONLY | O_CREAT, 0600));
            p.chmod("/root/.profile", 0);
            p.close(p.open("/root/.profile", O_RDONLY, 0));
            p.chown("/tmp", 1000, 1000);
            p.chown("/tmp", 0, 0);
            assertThat(p.stat("/root/.profile").uid()).isZero();
        });
    }

    @Test
    void filesAreCheckedAgainstOwnerGroupAndOthers() {
        InProcess.run(kernel, p -> {
            p.close(p.open("/tmp/private", O_WRONLY | O_CREAT, 0600));
            p.close(p.open("/tmp/readable", O_WRONLY | O_CREAT, 0644));
            p.mkdir("/tmp/closed", 0700);
            p.close(p.open("/tmp/closed/inner", O_WRONLY | O_CREAT, 0666));
        });
        InProcess.runAs(kernel, OTHER, p -> {
            assertThat(errno(() -> p.open("/tmp/private", O_RDONLY, 0))).isEqualTo(Errno.EACCES);
            p.close(p.open("/tmp/readable", O_RDONLY, 0));
            assertThat(errno(() -> p.open("/tmp/readable", O_WRONLY, 0))).isEqualTo(Errno.EACCES);
            assertThat(errno(() -> p.stat("/tmp/closed/inner"))).as("no search permission on the directory")
                    .isEqualTo(Errno.EACCES);
            assertThat(errno(() -> p.chmod("/tmp/readable", 0777))).isEqualTo(Errno.EPERM);
            assertThat(errno(() -> p.access("/tmp/private", io.sandkernel.api.fs.OpenFlags.R_OK)))
                    .isEqualTo(Errno.EACCES);
        });
    }

    @Test
    void theStickyTmpKeepsOthersFromRemovingMyFiles() {
        InProcess.run(kernel, p -> p.close(p.open("/tmp/mine", O_WRONLY | O_CREAT, 0666)));
        InProcess.runAs(kernel, OTHER, p -> {
            assertThat(errno(() -> p.unlink("/tmp/mine"))).isEqualTo(Errno.EPERM);
            assertThat(errno(() -> p.rename("/tmp/mine", "/tmp/theirs"))).isEqualTo(Errno.EPERM);
            p.close(p.open("/tmp/theirs", O_WRONLY | O_CREAT, 0644));
            p.unlink("/tmp/theirs");
        });
        InProcess.run(kernel, p -> p.unlink("/tmp/mine"));
    }
}
