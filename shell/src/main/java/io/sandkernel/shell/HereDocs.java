package io.sandkernel.shell;

import io.sandkernel.KernelException;
import io.sandkernel.api.MemoryReservation;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.OpenFlags;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The descriptor a here-document is read from. A body that fits in a pipe is written into one at
 * once. A longer one goes to an unlinked temporary file, as bash does: a pipe would need a writer
 * running beside the command, and dash forks one, but a writer thread of the shell's own would
 * get the command's SIGPIPE when it stops reading early ({@code head -n 1 <<EOF}), which would
 * end the shell itself.
 */
final class HereDocs {
    /** Less than a kernel pipe's 64 KiB, so writing cannot block. */
    private static final int WRITE_AT_ONCE = 32 * 1024;
    private static final AtomicLong COUNTER = new AtomicLong();

    private HereDocs() {}

    /**
     * A new descriptor, close-on-exec, reading {@code text} from its start; the caller moves it
     * where the redirection says.
     *
     * @throws KernelException when no pipe or temporary file could be made
     */
    static int open(Interpreter shell, String text) {
        // the expanded body and its bytes are held until written: charged, so a huge one is ENOMEM
        try (MemoryReservation held = new MemoryReservation(shell.api)) {
            ShellMemory.charge(held, text.length() * 2L);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            return bytes.length <= WRITE_AT_ONCE ? pipe(shell, bytes) : temporaryFile(shell, bytes);
        }
    }

    private static int pipe(Interpreter shell, byte[] bytes) {
        int[] pipe = shell.io.pipe();
        try {
            writeAll(shell.api, pipe[1], bytes);
        } catch (KernelException e) {
            shell.io.closeQuietly(pipe[0]);
            throw e;
        } finally {
            shell.io.closeQuietly(pipe[1]);
        }
        return pipe[0];
    }

    /** A file in $TMPDIR (or /tmp) holding {@code bytes}, removed at once: gone when the last descriptor closes. */
    private static int temporaryFile(Interpreter shell, byte[] bytes) {
        ProcessApi api = shell.api;
        String tmp = shell.state.get("TMPDIR");
        String dir = tmp != null && tmp.startsWith("/") ? tmp : "/tmp";
        while (true) {
            String path = dir + "/sh-thd-" + shell.state.shellPid + "-" + COUNTER.incrementAndGet();
            int fd;
            try {
                fd = api.open(path, OpenFlags.O_RDWR | OpenFlags.O_CREAT | OpenFlags.O_EXCL | OpenFlags.O_CLOEXEC, 0600);
            } catch (KernelException e) {
                if (e.errno() == io.sandkernel.Errno.EEXIST) {
                    continue; // another shell's; try the next name
                }
                throw e;
            }
            try {
                api.unlink(path);
                writeAll(api, fd, bytes);
                api.lseek(fd, 0, OpenFlags.SEEK_SET);
                return fd;
            } catch (KernelException e) {
                shell.io.closeQuietly(fd);
                try {
                    api.unlink(path);
                } catch (KernelException alreadyGone) {
                    // removed before the failure
                }
                throw e;
            }
        }
    }

    private static void writeAll(ProcessApi api, int fd, byte[] bytes) {
        int offset = 0;
        while (offset < bytes.length) {
            offset += api.write(fd, bytes, offset, bytes.length - offset);
        }
    }
}
