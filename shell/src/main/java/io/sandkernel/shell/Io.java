package io.sandkernel.shell;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.FileAction;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.Redirect;
import io.sandkernel.api.SpawnRequest;
import io.sandkernel.api.fs.OpenFlags;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * The shell's descriptors, which are the shell process's own kernel descriptors, as in dash: a
 * redirection changes them with {@code dup2}/{@code close}, and every process the shell starts
 * afterwards inherits them (with the kernel's fork+exec rule), so {@code 3>file} or
 * {@code exec 4<&0} reaches commands, child shells and pipelines alike.
 *
 * <p>A redirection that must be undone runs in a {@link Frame}, which first saves what it changes
 * in a close-on-exec copy at descriptor 10 or above and puts it back when it ends. Descriptors
 * the shell holds for itself (saved copies, the pipes of pipelines and command substitutions,
 * the terminal) live at 10 and above with close-on-exec, out of reach of scripts: like dash, the
 * shell only accepts descriptors 0 to 9 in redirections ({@link #isUserFd}), so none of its own
 * descriptors can be named, replaced or inherited.
 */
final class Io {
    /** The lowest descriptor the shell uses for itself, as dash (whose scripts name 0 to 9 only). */
    static final int FIRST_PRIVATE = 10;
    /** bash lets scripts name descriptors above 9 ({@code exec 10>file}): its own start higher up. */
    static final int BASH_FIRST_PRIVATE = 64;

    /**
     * A redirection scope: remembers what the descriptors it changes referred to and restores
     * them when it ends. {@link #keep()} makes its changes permanent ({@code exec} without a
     * command).
     */
    final class Frame implements AutoCloseable {
        /** Changed descriptors, in order, and their saved copies ({@link #CLOSED}: it was not open). */
        private final Deque<int[]> saved = new ArrayDeque<>();
        private boolean ended;

        private Frame() {}

        /** Makes {@code fd} refer to what {@code source} refers to ({@code fd>&source}). */
        void dup(int source, int fd) {
            if (source == fd) {
                return; // dup2 would do nothing; the descriptor stays as it is
            }
            save(fd);
            api.dup2(source, fd);
        }

        /** Opens {@code path} at {@code fd} ({@code fd<path}, {@code fd>path}...). */
        void open(int fd, String path, int flags, int mode) {
            install(fd, () -> api.open(path, flags & ~OpenFlags.O_CLOEXEC, mode));
        }

        /**
         * Puts the descriptor {@code creator} makes (a file opened, a pipe's end) at {@code fd}.
         * {@code fd} is saved first: the new descriptor may well get its number.
         */
        void install(int fd, IntSupplier creator) {
            save(fd);
            int kernelFd = creator.getAsInt();
            if (kernelFd == fd) {
                api.fcntl(fd, OpenFlags.F_SETFD, 0); // inherited by children, as dup2 would leave it
                return;
            }
            try {
                api.dup2(kernelFd, fd);
            } finally {
                closeQuietly(kernelFd);
            }
        }

        /** Closes {@code fd} ({@code fd>&-}). */
        void close(int fd) {
            save(fd);
            closeQuietly(fd);
        }

        private void save(int fd) {
            if (ended) {
                return; // a kept frame: changes are permanent
            }
            for (int[] entry : saved) {
                if (entry[0] == fd) {
                    return; // the first change saved the original
                }
            }
            saved.push(new int[] {fd, privateCopy(fd)});
        }

        @Override
        public void close() {
            if (ended) {
                return;
            }
            ended = true;
            while (!saved.isEmpty()) {
                int[] entry = saved.pop();
                if (entry[1] == CLOSED) {
                    closeQuietly(entry[0]);
                    continue;
                }
                try {
                    api.dup2(entry[1], entry[0]);
                } catch (KernelException e) {
                    // cannot happen for two open descriptors; restore the others all the same
                } finally {
                    closeQuietly(entry[1]);
                }
            }
        }

        /** Makes this scope's changes permanent: the saved copies are dropped. */
        void keep() {
            ended = true;
            while (!saved.isEmpty()) {
                int[] entry = saved.pop();
                if (entry[1] != CLOSED) {
                    closeQuietly(entry[1]);
                }
            }
        }
    }

    private static final int CLOSED = -1;

    private final ProcessApi api;
    private final int firstPrivate;

    Io(ProcessApi api) {
        this(api, FIRST_PRIVATE);
    }

    Io(ProcessApi api, int firstPrivate) {
        this.api = api;
        this.firstPrivate = firstPrivate;
    }

    Frame push() {
        return new Frame();
    }

    /** Whether {@code fd} can be named in a redirection: 0 to 9 in dash, below the shell's own in bash. */
    boolean isUserFd(int fd) {
        return fd >= 0 && fd < firstPrivate;
    }

    /**
     * Moves a descriptor the shell created to one that children inherit but that no redirection
     * names (a process substitution's pipe end, {@code /dev/fd/N}).
     */
    int inheritable(int fd) {
        int copy = api.fcntl(fd, OpenFlags.F_DUPFD, firstPrivate);
        closeQuietly(fd);
        return copy;
    }

    /**
     * Moves a descriptor the shell created to the highest free one below {@code below} (and below
     * the shell's own), close-on-exec: where bash puts a coprocess's pipe ends.
     */
    int moveHighBelow(int fd, int below) {
        for (int target = Math.min(below, firstPrivate) - 1; target >= 3; target--) {
            try {
                api.fcntl(target, OpenFlags.F_GETFD, 0);
            } catch (KernelException e) {
                if (e.errno() != Errno.EBADF) {
                    throw e;
                }
                api.dup3(fd, target, OpenFlags.O_CLOEXEC);
                closeQuietly(fd);
                return target;
            }
        }
        return fd;
    }

    /** Whether shell descriptor {@code fd} is open. */
    boolean isOpen(int fd) {
        if (!isUserFd(fd)) {
            return false;
        }
        try {
            api.fcntl(fd, OpenFlags.F_GETFD, 0);
            return true;
        } catch (KernelException e) {
            if (e.errno() == Errno.EBADF) {
                return false;
            }
            throw e;
        }
    }

    /**
     * A close-on-exec copy of {@code fd} at 10 or above, for the shell's own use;
     * {@link #CLOSED} when {@code fd} is not open.
     */
    int privateCopy(int fd) {
        try {
            return api.fcntl(fd, OpenFlags.F_DUPFD_CLOEXEC, firstPrivate);
        } catch (KernelException e) {
            if (e.errno() == Errno.EBADF) {
                return CLOSED;
            }
            throw e;
        }
    }

    /** Moves a descriptor the shell just created to 10 or above, close-on-exec. */
    int makePrivate(int fd) {
        if (fd >= firstPrivate) {
            return fd;
        }
        int copy = api.fcntl(fd, OpenFlags.F_DUPFD_CLOEXEC, firstPrivate);
        closeQuietly(fd);
        return copy;
    }

    /**
     * A pipe for the shell's own use, both ends private: no child inherits them (only what a
     * redirection moves to 0-9), and no descriptor a script names in a redirection is one of them.
     */
    int[] pipe() {
        int[] pipe = api.pipe2(OpenFlags.O_CLOEXEC);
        try {
            pipe[0] = makePrivate(pipe[0]);
            pipe[1] = makePrivate(pipe[1]);
            return pipe;
        } catch (KernelException e) {
            closeQuietly(pipe[0]);
            closeQuietly(pipe[1]);
            throw e;
        }
    }

    /**
     * A spawn request for {@code argv} with the shell's descriptors: children inherit them all;
     * a closed standard descriptor is closed in the child too.
     */
    SpawnRequest request(List<String> argv, Map<String, String> env, int pgid) {
        Redirect[] std = new Redirect[3];
        List<FileAction> actions = new ArrayList<>(0);
        for (int fd = 0; fd < 3; fd++) {
            if (isOpen(fd)) {
                std[fd] = Redirect.inherit();
            } else {
                std[fd] = new Redirect.Null();
                actions.add(FileAction.close(fd));
            }
        }
        return new SpawnRequest(argv, env, api.cwd(), std[0], std[1], std[2], pgid, false, false, actions);
    }

    /** A stream writing shell descriptor {@code fd}; closing it does not close the descriptor. */
    OutputStream output(int fd) {
        if (!isUserFd(fd)) {
            throw new ShellError(fd + ": Bad file descriptor", 1);
        }
        try {
            return api.output(fd);
        } catch (KernelException e) {
            if (e.errno() == Errno.EBADF) {
                throw new ShellError(fd + ": Bad file descriptor", 1);
            }
            throw e;
        }
    }

    /** A stream reading shell descriptor {@code fd}; closing it does not close the descriptor. */
    InputStream input(int fd) {
        if (!isUserFd(fd)) {
            throw new ShellError(fd + ": Bad file descriptor", 1);
        }
        try {
            return api.input(fd);
        } catch (KernelException e) {
            if (e.errno() == Errno.EBADF) {
                throw new ShellError(fd + ": Bad file descriptor", 1);
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
}
