package io.sandkernel.shell;

import io.sandkernel.KernelException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Here-documents as pipes, as dash makes them: a body that fits in the pipe is written at once;
 * a longer one is written by a helper thread (dash forks a child for it) while the command
 * reads, through a private, close-on-exec copy of the write end, so that no child keeps the pipe
 * open and the reader sees its end.
 */
final class HereDocs {
    /** Less than a kernel pipe's 64 KiB, so writing cannot block. */
    private static final int WRITE_AT_ONCE = 32 * 1024;

    private HereDocs() {}

    /** A new pipe holding {@code text}; returns its read end (close-on-exec, for the caller to move). */
    static int open(Interpreter shell, String text) {
        Io io = shell.io;
        int[] pipe = io.pipe();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= WRITE_AT_ONCE) {
            try {
                write(shell, pipe[1], bytes);
            } finally {
                io.closeQuietly(pipe[1]);
            }
            return pipe[0];
        }
        int writeEnd;
        try {
            writeEnd = io.makePrivate(pipe[1]);
        } catch (KernelException e) {
            io.closeQuietly(pipe[0]);
            io.closeQuietly(pipe[1]);
            throw e;
        }
        Thread.ofVirtual().name("sh-heredoc").start(() -> {
            try {
                write(shell, writeEnd, bytes);
            } finally {
                io.closeQuietly(writeEnd);
            }
        });
        return pipe[0];
    }

    private static void write(Interpreter shell, int fd, byte[] bytes) {
        try {
            OutputStream out = shell.api.output(fd);
            out.write(bytes);
        } catch (IOException | KernelException e) {
            // the reader went away without reading it all, as with a command that ignores its input
        }
    }
}
