package io.sandkernel.userland.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.userland.Sandkernel;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The host's own files are reachable only when the embedder grants it: every file system of the
 * default provider is the host's, however it was obtained, as a root or as a mount.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostFileSystemAccessTest {
    private static void assertRefused(Kernel.Builder builder) {
        assertThatThrownBy(builder::build).isInstanceOfSatisfying(KernelException.class,
                e -> assertThat(e.errno()).isEqualTo(Errno.EACCES)).hasMessageContaining("host access is not granted");
    }

    @Test
    void theDefaultFileSystemAsRootIsRefusedWithoutGrantedAccess() {
        assertRefused(Kernel.builder().fileSystem(FileSystems.getDefault()));
        assertRefused(Sandkernel.builder().fileSystem(FileSystems.getDefault()));
    }

    @Test
    void aFileSystemOfTheDefaultProviderIsRefusedHoweverItWasObtained() {
        FileSystem byProvider = FileSystems.getDefault().provider().getFileSystem(URI.create("file:///"));
        FileSystem byUri = FileSystems.getFileSystem(URI.create("file:///"));

        assertRefused(Kernel.builder().fileSystem(byProvider));
        assertRefused(Kernel.builder().fileSystem(byUri));
    }

    @Test
    void theDefaultFileSystemAsAMountIsRefusedWithoutGrantedAccess() {
        assertRefused(Kernel.builder().mount("/host", FileSystems.getDefault(), true));
        assertRefused(Kernel.builder().mount("/host", FileSystems.getDefault().provider()
                .getFileSystem(URI.create("file:///")), false));
    }

    @Test
    void theRootShowsTheLinuxLayoutAndNoInMemoryWorkingDirectory() {
        try (Kernel kernel = Sandkernel.newKernel()) {
            ExecResult ls = kernel.exec("ls", "-A", "/");

            assertThat(ls.exitCode()).isZero();
            assertThat(ls.stdout().lines()).containsExactly("bin", "dev", "etc", "home", "proc", "root", "tmp", "usr",
                    "var");
        }
    }
}
