package io.sandkernel.userland.kernel;

import static io.sandkernel.api.fs.OpenFlags.O_CREAT;
import static io.sandkernel.api.fs.OpenFlags.O_RDONLY;
import static io.sandkernel.api.fs.OpenFlags.O_WRONLY;
import static io.sandkernel.userland.kernel.InProcess.errno;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.userland.Sandkernel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Host directories and other file systems mounted into the kernel, through the system calls. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MountsTest {
    static {
        // the tests run on the module path, where this module does not otherwise read Jimfs
        ModuleLayer.boot().findModule("com.google.common.jimfs").ifPresent(MountsTest.class.getModule()::addReads);
    }

    @TempDir
    Path host;

    private static String content(ProcessApi p, String path) throws Exception {
        try (var in = p.openRead(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Kernel kernelWith(String guest, boolean readOnly) {
        return Kernel.builder().mount(guest, host, readOnly).grantHostAccess()
                .driver(Sandkernel.jvmDriver(TestPrograms.commands())).build();
    }

    @Test
    void hostFilesNeedAccessGranted() {
        assertThatThrownBy(() -> Kernel.builder().mount("/data", host, false).build())
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EACCES));
        assertThatThrownBy(() -> Kernel.builder().fileSystem(FileSystems.getDefault()).build())
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EACCES));
        assertThatThrownBy(() -> Kernel.builder().mount("/host", FileSystems.getDefault(), true).build())
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EACCES));
    }

    @Test
    void aHostMountIsConfinedWhateverTheLinksAndDotDots() throws Exception {
        Files.writeString(host.resolve("f"), "host file\n");
        Files.createSymbolicLink(host.resolve("abs"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(host.resolve("rel"), Path.of("../../../../../../etc/passwd"));
        Files.createDirectories(host.resolve("sub"));
        try (Kernel kernel = kernelWith("/data", false)) {
            InProcess.run(kernel, p -> {
                assertThat(content(p, "/data/f")).isEqualTo("host file\n");
                assertThat(content(p, "/data/abs")).as("an absolute link resolves in the guest")
                        .contains("user:x:1000:1000");
                assertThat(content(p, "/data/rel")).as("a relative link cannot climb out of the guest root")
                        .contains("user:x:1000:1000");
                assertThat(p.stat("/data/sub/../..").ino()).isEqualTo(p.stat("/").ino());
                p.symlink("/", "/data/root-link");
                assertThat(p.listDirectory("/data/root-link/etc")).extracting(e -> e.name()).contains("hostname");
                p.chdir("/data/sub");
                assertThat(p.cwd()).isEqualTo("/data/sub");
                p.chdir("../../..");
                assertThat(p.cwd()).isEqualTo("/");
                try (var out = p.openWrite("/data/written", false)) {
                    out.write("from the guest".getBytes(StandardCharsets.UTF_8));
                }
                assertThat(content(p, "/proc/mounts")).contains("/data hostfs rw 0 0");
            });
            assertThat(Files.readString(host.resolve("written"))).isEqualTo("from the guest");
            assertThat(Files.readSymbolicLink(host.resolve("root-link"))).isEqualTo(Path.of("/"));
        }
    }

    @Test
    void aHostDirectoryAsRootKeepsEveryPathInside() throws Exception {
        Files.writeString(host.resolve("inside"), "in\n");
        Files.createSymbolicLink(host.resolve("passwd"), Path.of("/etc/passwd"));
        try (Kernel kernel = Kernel.builder().hostDirectory(host).grantHostAccess()
                .driver(Sandkernel.jvmDriver(TestPrograms.commands())).build()) {
            InProcess.run(kernel, p -> {
                assertThat(p.cwd()).isEqualTo("/");
                assertThat(content(p, "/../../inside")).isEqualTo("in\n");
                assertThat(errno(() -> p.open("/passwd", O_RDONLY, 0))).as("/etc/passwd of the host directory")
                        .isEqualTo(Errno.ENOENT);
                assertThat(p.stat("/dev/null").type()).isEqualTo(io.sandkernel.api.fs.FileType.CHARACTER_DEVICE);
            });
        }
    }

    @Test
    void aReadOnlyMountRefusesEveryChangeWithErofs() throws Exception {
        Files.writeString(host.resolve("f"), "x");
        Files.createDirectories(host.resolve("d"));
        try (Kernel kernel = kernelWith("/ro", true)) {
            InProcess.run(kernel, p -> {
                assertThat(content(p, "/ro/f")).isEqualTo("x");
                assertThat(errno(() -> p.open("/ro/f", O_WRONLY, 0))).isEqualTo(Errno.EROFS);
                assertThat(errno(() -> p.open("/ro/new", O_WRONLY | O_CREAT, 0644))).isEqualTo(Errno.EROFS);
                assertThat(errno(() -> p.mkdir("/ro/d2", 0755))).isEqualTo(Errno.EROFS);
                assertThat(errno(() -> p.unlink("/ro/f"))).isEqualTo(Errno.EROFS);
                assertThat(errno(() -> p.rmdir("/ro/d"))).isEqualTo(Errno.EROFS);
                assertThat(errno(() -> p.chmod("/ro/f", 0600))).isEqualTo(Errno.EROFS);
                assertThat(errno(() -> p.truncate("/ro/f", 0))).isEqualTo(Errno.EROFS);
                assertThat(errno(() -> p.symlink("f", "/ro/l"))).isEqualTo(Errno.EROFS);
                assertThat(errno(() -> p.access("/ro/f", io.sandkernel.api.fs.OpenFlags.W_OK))).isEqualTo(Errno.EROFS);
                assertThat(p.statfs("/ro").readOnly()).isTrue();
                assertThat(content(p, "/proc/mounts")).contains("/ro hostfs ro 0 0");
            });
        }
        assertThat(Files.readString(host.resolve("f"))).isEqualTo("x");
    }

    @Test
    void renamesAndLinksAcrossMountsFailWithExdev() throws Exception {
        Files.writeString(host.resolve("f"), "x");
        try (Kernel kernel = kernelWith("/data", false)) {
            InProcess.run(kernel, p -> {
                p.close(p.open("/tmp/t", O_WRONLY | O_CREAT, 0644));
                assertThat(errno(() -> p.rename("/tmp/t", "/data/t"))).isEqualTo(Errno.EXDEV);
                assertThat(errno(() -> p.rename("/data/f", "/tmp/f"))).isEqualTo(Errno.EXDEV);
                assertThat(errno(() -> p.link("/data/f", "/tmp/f"))).isEqualTo(Errno.EXDEV);
                assertThat(p.stat("/data/f").dev()).isNotEqualTo(p.stat("/tmp/t").dev());
                p.rename("/data/f", "/data/g");
            });
        }
        assertThat(Files.exists(host.resolve("g"))).isTrue();
    }

    @Test
    void anotherFileSystemMountsAndCountsAgainstTheLimits() throws Exception {
        try (FileSystem jimfs = Jimfs.newFileSystem(Configuration.unix())) {
            Files.writeString(jimfs.getPath("/prepared"), "ready\n");
            try (Kernel kernel = Kernel.builder().mount("/mnt/extra", jimfs, false)
                    .driver(Sandkernel.jvmDriver(TestPrograms.commands())).build()) {
                InProcess.run(kernel, p -> {
                    assertThat(content(p, "/mnt/extra/prepared")).isEqualTo("ready\n");
                    p.mkdir("/mnt/extra/made", 0755);
                    assertThat(p.statfs("/mnt/extra").type()).isEqualTo("tmpfs");
                });
            }
            assertThat(Files.isDirectory(jimfs.getPath("/made"))).isTrue();
        }
    }
}
