package io.sandkernel.kernel.vfs;

import static io.sandkernel.api.fs.OpenFlags.O_RDONLY;
import static io.sandkernel.api.fs.OpenFlags.O_RDWR;
import static io.sandkernel.api.fs.OpenFlags.O_WRONLY;
import static io.sandkernel.kernel.vfs.Fixture.ROOT;
import static io.sandkernel.kernel.vfs.Fixture.USER;
import static io.sandkernel.kernel.vfs.Fixture.assertErrno;
import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.Errno;
import io.sandkernel.api.fs.FileType;
import io.sandkernel.api.fs.Stat;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SyntheticBackendTest {
    private final Fixture fx = new Fixture();
    private final Vfs vfs = fx.vfs;
    private final AtomicInteger sourceCalls = new AtomicInteger();
    private final Object pipe = new Object();

    /** /dev/zero: reads zeros, swallows writes, has no position. */
    static final class ZeroHandle implements FileHandle {
        @Override
        public int read(ByteBuffer dst, long position) {
            int n = dst.remaining();
            dst.put(new byte[n]);
            return n;
        }

        @Override
        public int write(ByteBuffer src, long position) {
            int n = src.remaining();
            src.position(src.limit());
            return n;
        }

        @Override
        public long size() {
            return 0;
        }

        @Override
        public void truncate(long size) {
            throw new io.sandkernel.KernelException(Errno.EINVAL, "not truncatable");
        }

        @Override
        public void sync() {}

        @Override
        public boolean seekable() {
            return false;
        }

        @Override
        public void close() {}
    }

    @BeforeEach
    void mountDevAndProc() {
        vfs.mkdir(ROOT, null, "/dev", 0755);
        vfs.mkdir(ROOT, null, "/proc", 0555);
        Resolved home = fx.dir("/home/user");
        SyntheticDirectory dev = SyntheticDirectory.builder(0755)
                .add("zero", SyntheticDevice.of(0666, SyntheticDevice.makedev(1, 5), flags -> new ZeroHandle()))
                .symlink("fd", "/proc/self/fd")
                .add("stdin", SyntheticLink.to("/proc/self/fd/0"))
                .build();
        SyntheticDirectory.Source pids = new SyntheticDirectory.Source() {
            @Override
            public SyntheticEntry lookup(Caller caller, String name) {
                sourceCalls.incrementAndGet();
                if (!name.equals("100") && !name.equals("200")) {
                    return null;
                }
                SyntheticDirectory fds = SyntheticDirectory.builder(0500).owner(name.equals("100") ? 1000 : 1001, 0)
                        .add("0", SyntheticLink.magic(0, 0, c -> "pipe:[7]",
                                c -> new MagicTarget.Foreign(pipe, new Stat(9, 7, FileType.FIFO.modeBits() | 0600,
                                        1, 1000, 1000, 0, 0, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH))))
                        .build();
                return SyntheticDirectory.builder(0555)
                        .file("comm", c -> ("proc" + name + "\n").getBytes(StandardCharsets.UTF_8))
                        .add("cwd", SyntheticLink.magic(0, 0, c -> "/home/user", c -> new MagicTarget.File(home)))
                        .directory("fd", fds)
                        .build();
            }

            @Override
            public List<String> names(Caller caller) {
                sourceCalls.incrementAndGet();
                return List.of("100", "200");
            }
        };
        SyntheticDirectory proc = SyntheticDirectory.builder(0555)
                .add("self", SyntheticLink.of(caller -> Integer.toString(caller.pid())))
                .file("uptime", c -> "12.5 10.0\n".getBytes(StandardCharsets.UTF_8))
                .source(pids)
                .build();
        vfs.mount("/dev", new SyntheticBackend("devtmpfs", dev, fx.clock), false);
        vfs.mount("/proc", new SyntheticBackend("proc", proc, fx.clock), false);
    }

    @Test
    void zeroDeviceOpensItsOwnHandle() {
        OpenResult opened = vfs.open(USER, null, "/dev/zero", O_RDWR, 0);
        try (FileHandle h = opened.handle()) {
            assertThat(h).isInstanceOf(ZeroHandle.class);
            assertThat(h.seekable()).isFalse();
            ByteBuffer buffer = ByteBuffer.wrap(new byte[] {1, 2, 3});
            assertThat(h.read(buffer, 0)).isEqualTo(3);
            assertThat(buffer.array()).containsOnly(0);
            assertThat(h.write(ByteBuffer.allocate(10), 0)).isEqualTo(10);
        }
        Stat stat = vfs.stat(USER, null, "/dev/zero", true);
        assertThat(stat.type()).isEqualTo(FileType.CHARACTER_DEVICE);
        assertThat(stat.rdev()).isEqualTo(SyntheticDevice.makedev(1, 5));
        assertThat(stat.permissions()).isEqualTo(0666);
        vfs.utimens(USER, null, "/dev/zero", TimeUpdate.now(), TimeUpdate.now(), true);
    }

    @Test
    void selfLinkDependsOnTheCaller() {
        assertThat(vfs.readlink(USER, null, "/proc/self")).isEqualTo("100");
        assertThat(vfs.readlink(Fixture.OTHER, null, "/proc/self")).isEqualTo("200");
        assertThat(fx.read(USER, "/proc/self/comm")).isEqualTo("proc100\n");
        assertThat(fx.read(Fixture.OTHER, "/proc/self/comm")).isEqualTo("proc200\n");
        assertThat(vfs.resolve(USER, null, "/proc/self", true).path()).isEqualTo("/proc/100");
    }

    @Test
    void magicLinkToADirectoryContinuesThere() {
        assertThat(vfs.resolve(USER, null, "/proc/self/cwd", true).path()).isEqualTo("/home/user");
        fx.write(USER, "/home/user/notes", "n");
        assertThat(fx.read(USER, "/proc/self/cwd/notes")).isEqualTo("n");
        assertThat(vfs.readlink(USER, null, "/proc/self/cwd")).isEqualTo("/home/user");
        assertThat(vfs.stat(USER, null, "/proc/self/cwd", true).isDirectory()).isTrue();
    }

    @Test
    void magicLinkToAForeignObjectOpensThatObject() {
        OpenResult opened = vfs.open(USER, null, "/dev/stdin", O_RDONLY, 0);
        assertThat(opened.isForeign()).isTrue();
        assertThat(opened.foreign()).isSameAs(pipe);
        assertThat(opened.handle()).isNull();
        assertThat(vfs.stat(USER, null, "/proc/self/fd/0", true).type()).isEqualTo(FileType.FIFO);
        assertThat(vfs.stat(USER, null, "/proc/self/fd/0", false).type()).isEqualTo(FileType.SYMLINK);
        assertThat(vfs.readlink(USER, null, "/dev/fd/0")).isEqualTo("pipe:[7]");
        assertErrno(Errno.ENOTDIR, () -> vfs.stat(USER, null, "/proc/self/fd/0/x", true));
        assertErrno(Errno.EACCES, () -> vfs.open(Fixture.OTHER, null, "/proc/100/fd/0", O_WRONLY, 0));
    }

    @Test
    void generatedDirectoriesCostNothingUntilLookedInto() {
        vfs.stat(USER, null, "/proc/uptime", true);
        assertThat(sourceCalls.get()).isZero();
        vfs.stat(USER, null, "/proc/100", true);
        assertThat(sourceCalls.get()).isEqualTo(1);
        assertThat(vfs.readdir(USER, vfs.resolveDirectory(USER, null, "/proc"))).extracting(e -> e.name())
                .containsExactly(".", "..", "self", "uptime", "100", "200");
        assertErrno(Errno.ENOENT, () -> vfs.stat(USER, null, "/proc/300", true));
    }

    @Test
    void inodeNumbersAreStableForGeneratedEntries() {
        long first = vfs.stat(USER, null, "/proc/100/comm", true).ino();
        assertThat(vfs.stat(USER, null, "/proc/100/comm", true).ino()).isEqualTo(first);
        assertThat(vfs.stat(USER, null, "/proc/200/comm", true).ino()).isNotEqualTo(first);
    }

    @Test
    void generatedFilesAndTreesCannotBeChanged() {
        assertErrno(Errno.EACCES, () -> vfs.open(USER, null, "/proc/uptime", O_WRONLY, 0));
        assertErrno(Errno.EACCES, () -> vfs.open(ROOT, null, "/proc/uptime", O_WRONLY, 0));
        assertErrno(Errno.EACCES, () -> vfs.mkdir(USER, null, "/proc/x", 0755));
        assertErrno(Errno.EPERM, () -> vfs.mkdir(ROOT, null, "/proc/x", 0755));
        assertErrno(Errno.EPERM, () -> vfs.unlink(ROOT, null, "/dev/zero"));
        assertErrno(Errno.EPERM, () -> vfs.chmod(ROOT, null, "/dev/zero", 0600, true));
        assertThat(vfs.statfs(USER, null, "/proc").type()).isEqualTo("proc");
        assertThat(vfs.mounts()).extracting(MountInfo::type).containsExactly("tmpfs", "devtmpfs", "proc");
    }

    @Test
    void searchPermissionAppliesToGeneratedDirectories() {
        assertErrno(Errno.EACCES, () -> vfs.stat(USER, null, "/proc/200/fd/0", false));
        assertThat(vfs.stat(Fixture.OTHER, null, "/proc/200/fd/0", false).isSymbolicLink()).isTrue();
    }
}
