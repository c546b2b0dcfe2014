package io.sandkernel.shell;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.Redirect;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The shell's descriptor table: shell descriptor numbers mapped to kernel descriptors of the
 * shell process. Redirections change this mapping only (the shell's real descriptors 0-2 are
 * never moved), so they are undone by restoring the map and closing what they opened, and a
 * child's streams are named with {@link Redirect.Descriptor}. Builtins write through
 * {@link ProcessApi#output(int)}; with a kernel that lacks descriptor calls, descriptors 0-2
 * fall back to the process's standard streams.
 */
final class Io {
    /**
     * A redirection scope: remembers what the descriptors it changes referred to, restores them
     * when it ends and closes what it opened. Changes made without an open frame are permanent.
     */
    final class Frame implements AutoCloseable {
        private final java.util.Map<Integer, Integer> saved = new java.util.HashMap<>();
        private final List<Integer> opened = new ArrayList<>();

        private Frame() {}

        /** Records a kernel descriptor opened in this scope, closed when it ends. */
        void opened(int kernelFd) {
            opened.add(kernelFd);
        }

        @Override
        public void close() {
            frames.remove(this);
            for (java.util.Map.Entry<Integer, Integer> entry : saved.entrySet()) {
                if (entry.getValue() < 0) {
                    fds.remove(entry.getKey());
                } else {
                    fds.put(entry.getKey(), entry.getValue());
                }
            }
            for (int fd : opened) {
                closeQuietly(fd);
            }
        }

        /** Makes this scope's changes permanent ({@code exec} with only redirections). */
        void keep() {
            frames.remove(this);
            saved.clear();
            opened.clear();
        }
    }

    private final ProcessApi api;
    private final TreeMap<Integer, Integer> fds = new TreeMap<>();
    private final java.util.ArrayDeque<Frame> frames = new java.util.ArrayDeque<>();

    Io(ProcessApi api) {
        this.api = api;
        fds.put(0, 0);
        fds.put(1, 1);
        fds.put(2, 2);
    }

    Frame push() {
        Frame frame = new Frame();
        frames.push(frame);
        return frame;
    }

    /** Lets the innermost scope remember what {@code fd} referred to before it changes. */
    private void remember(int fd) {
        Frame frame = frames.peek();
        if (frame != null && !frame.saved.containsKey(fd)) {
            Integer kernel = fds.get(fd);
            frame.saved.put(fd, kernel == null ? -1 : kernel);
        }
    }

    /** The kernel descriptor behind shell descriptor {@code fd}, or -1 when closed. */
    int kernelFd(int fd) {
        Integer kernel = fds.get(fd);
        return kernel == null ? -1 : kernel;
    }

    void map(int fd, int kernelFd) {
        remember(fd);
        fds.put(fd, kernelFd);
    }

    void unmap(int fd) {
        remember(fd);
        fds.remove(fd);
    }

    /** How a child's standard stream {@code fd} (0-2) is connected. */
    Redirect redirect(int fd) {
        Integer kernel = fds.get(fd);
        if (kernel == null) {
            return new Redirect.Null();
        }
        return kernel == fd ? Redirect.inherit() : new Redirect.Descriptor(kernel);
    }

    /** A stream writing shell descriptor {@code fd}. */
    OutputStream output(int fd) {
        int kernel = kernelFd(fd);
        if (kernel < 0) {
            throw new ShellError(fd + ": Bad file descriptor", 1);
        }
        try {
            return new NonClosing(api.output(kernel));
        } catch (KernelException e) {
            if (e.errno() != Errno.ENOSYS) {
                throw e;
            }
            if (kernel == 1) {
                return new NonClosing(api.stdout());
            }
            if (kernel == 2) {
                return new NonClosing(api.stderr());
            }
            throw e;
        }
    }

    /** A stream reading shell descriptor {@code fd}. */
    InputStream input(int fd) {
        int kernel = kernelFd(fd);
        if (kernel < 0) {
            throw new ShellError(fd + ": Bad file descriptor", 1);
        }
        try {
            return api.input(kernel);
        } catch (KernelException e) {
            if (e.errno() == Errno.ENOSYS && kernel == 0) {
                return api.stdin();
            }
            throw e;
        }
    }

    void closeQuietly(int kernelFd) {
        try {
            api.close(kernelFd);
        } catch (KernelException ignored) {
            // already closed
        }
    }

    /** An output stream whose close only flushes. */
    private static final class NonClosing extends OutputStream {
        private final OutputStream out;

        NonClosing(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
