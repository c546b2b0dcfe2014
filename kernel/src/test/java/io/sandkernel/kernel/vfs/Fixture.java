package io.sandkernel.kernel.vfs;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.user.ProcessIdentity;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Shared test setup: a VFS with a standard layout, callers, and short helpers. */
final class Fixture {
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final Caller ROOT = new Caller(1, ProcessIdentity.root(), 022);
    static final Caller USER = new Caller(100, new ProcessIdentity(1000, 1000, 1000, 1000, List.of(1000)), 022);
    static final Caller OTHER = new Caller(200, new ProcessIdentity(1001, 1001, 1001, 1001, List.of(1001)), 022);

    final MutableClock clock = new MutableClock(START);
    final Vfs vfs;

    Fixture() {
        this(VfsLimits.defaults());
    }

    Fixture(VfsLimits limits) {
        vfs = Vfs.inMemory(limits, clock);
        vfs.mkdir(ROOT, null, "/tmp", 0777);
        vfs.chmod(ROOT, null, "/tmp", 01777, true);
        vfs.mkdir(ROOT, null, "/home", 0755);
        vfs.mkdir(ROOT, null, "/home/user", 0755);
        vfs.chown(ROOT, null, "/home/user", 1000, 1000, true);
        vfs.mkdir(ROOT, null, "/etc", 0755);
        write(ROOT, "/etc/passwd", "root:x:0:0::/root:/bin/sh\n");
    }

    Resolved dir(String path) {
        return vfs.resolveDirectory(ROOT, null, path);
    }

    void write(Caller caller, String path, String content) {
        OpenResult opened = vfs.open(caller, null, path, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, 0644);
        try (FileHandle handle = opened.handle()) {
            ByteBuffer data = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
            long position = 0;
            while (data.hasRemaining()) {
                position += handle.write(data, position);
            }
        }
    }

    String read(Caller caller, String path) {
        return read(vfs, caller, null, path);
    }

    static String read(Vfs vfs, Caller caller, Resolved base, String path) {
        OpenResult opened = vfs.open(caller, base, path, OpenFlags.O_RDONLY, 0);
        try (FileHandle handle = opened.handle()) {
            return read(handle);
        }
    }

    static String read(FileHandle handle) {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long position = 0;
        int n;
        while ((n = handle.read(buffer, position)) > 0) {
            position += n;
            if (!buffer.hasRemaining()) {
                buffer = ByteBuffer.allocate(buffer.capacity() * 2).put(buffer.flip());
            }
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }

    static void assertErrno(Errno errno, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(KernelException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((KernelException) e).errno())
                        .as("errno of %s", e.getMessage()).isEqualTo(errno));
    }
}
