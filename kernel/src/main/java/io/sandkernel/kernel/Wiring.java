package io.sandkernel.kernel;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.FileAction;
import io.sandkernel.api.Redirect;
import io.sandkernel.api.SpawnRequest;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.kernel.fd.FdTable;
import io.sandkernel.kernel.fd.HostStreamDescription;
import io.sandkernel.kernel.fd.NullDescription;
import io.sandkernel.kernel.fd.OpenFile;
import io.sandkernel.kernel.fd.Pipe;
import io.sandkernel.kernel.fd.ProcessFiles;
import io.sandkernel.kernel.vfs.Caller;
import io.sandkernel.kernel.vfs.Resolved;
import io.sandkernel.kernel.vfs.Vfs;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Builds a new process's descriptor table: from the host ({@link SpawnOptions}), or from its
 * parent as {@code posix_spawn} does (every descriptor that is not close-on-exec inherited, then
 * the standard streams connected, then the file actions run).
 */
final class Wiring {
    private Wiring() {}

    /** Flags of a standard stream opened on a file. */
    private static int fileFlags(boolean input, boolean append) {
        if (input) {
            return OpenFlags.O_RDONLY;
        }
        return OpenFlags.O_WRONLY | OpenFlags.O_CREAT | (append ? OpenFlags.O_APPEND : OpenFlags.O_TRUNC);
    }

    /**
     * The descriptor table of a process the host spawns. The host's ends of the pipes made for
     * {@link Redirect.Pipe} go to {@code hostEnds} (null entries otherwise).
     *
     * @throws KernelException as opening the files or making the pipes; nothing is left open then
     */
    static FdTable host(Kernel kernel, SpawnOptions options, Caller caller, Resolved cwd, OpenFile[] hostEnds) {
        FdTable fds = new FdTable(kernel.limits().maxOpenFiles());
        Redirect[] redirects = {options.stdin(), options.stdout(), options.stderr()};
        try {
            for (int fd = 0; fd < 3; fd++) {
                boolean input = fd == 0;
                OpenFile file = switch (redirects[fd]) {
                    case Redirect.Pipe p -> {
                        Pipe pipe = kernel.newPipe(caller.identity().euid(), caller.identity().egid());
                        hostEnds[fd] = input ? pipe.newWriter() : pipe.newReader();
                        yield input ? pipe.newReader() : pipe.newWriter();
                    }
                    case Redirect.Null n -> new NullDescription();
                    case Redirect.File f -> ProcessFiles.open(kernel.vfs(), caller, cwd, f.path(),
                            fileFlags(input, f.append()), 0666);
                    case Redirect.Inherit i -> hostStream(fd, options);
                    case Redirect.Descriptor d -> throw new KernelException(Errno.EINVAL,
                            "the host has no descriptors: use Redirect.Pipe");
                };
                fds.installAt(fd, file, false);
            }
            return fds;
        } catch (RuntimeException e) {
            fds.closeAll();
            for (int i = 0; i < hostEnds.length; i++) {
                if (hostEnds[i] != null) {
                    hostEnds[i].release();
                    hostEnds[i] = null;
                }
            }
            throw e;
        }
    }

    private static OpenFile hostStream(int fd, SpawnOptions options) {
        if (fd == 0) {
            InputStream in = options.hostStdin();
            return in == null ? new NullDescription() : HostStreamDescription.reading(in);
        }
        OutputStream out = fd == 1 ? options.hostStdout() : options.hostStderr();
        return out == null ? new NullDescription() : HostStreamDescription.writing(out);
    }

    /**
     * The descriptor table of a child of {@code parent}: inherited descriptors, standard streams,
     * file actions, opened for the parent's credentials and umask relative to {@code cwd}.
     *
     * @throws KernelException EBADF (a redirect or action naming a closed descriptor), as opening
     *                         the files; nothing is left open then
     */
    static FdTable child(Vfs vfs, int limit, ProcessFiles parent, SpawnRequest request, Resolved cwd) {
        FdTable fds = parent.fds().inherit(limit);
        Caller caller = parent.caller();
        Redirect[] redirects = {request.stdin(), request.stdout(), request.stderr()};
        try {
            for (int fd = 0; fd < 3; fd++) {
                boolean input = fd == 0;
                switch (redirects[fd]) {
                    case Redirect.Inherit i -> {
                        OpenFile own = parent.fds().find(fd);
                        if (own != null) {
                            fds.installAt(fd, own.retain(), false);
                        }
                    }
                    case Redirect.Descriptor d -> fds.installAt(fd, parent.fds().acquire(d.fd()), false);
                    case Redirect.Null n -> fds.installAt(fd, new NullDescription(), false);
                    case Redirect.File f -> fds.installAt(fd, ProcessFiles.open(vfs, caller, cwd, f.path(),
                            fileFlags(input, f.append()), 0666), false);
                    case Redirect.Pipe p -> throw new KernelException(Errno.EINVAL,
                            "Redirect.Pipe is for the host; create a pipe with pipe2");
                }
            }
            for (FileAction action : request.fileActions()) {
                apply(vfs, caller, cwd, fds, action);
            }
            return fds;
        } catch (RuntimeException e) {
            fds.closeAll();
            throw e;
        }
    }

    /** One {@code posix_spawn} file action, in the child's table. */
    private static void apply(Vfs vfs, Caller caller, Resolved cwd, FdTable fds, FileAction action) {
        switch (action) {
            case FileAction.Dup2 dup -> {
                if (dup.from() == dup.to()) {
                    fds.closeOnExec(dup.to(), false); // as glibc: dup2 onto itself clears close-on-exec
                } else {
                    fds.dup2(dup.from(), dup.to(), false);
                }
            }
            case FileAction.Close close -> {
                if (fds.find(close.fd()) != null) {
                    fds.close(close.fd());
                }
            }
            case FileAction.Open open -> {
                if (open.fd() < 0 || open.fd() >= fds.limit()) {
                    throw new KernelException(Errno.EBADF, "bad file descriptor " + open.fd());
                }
                OpenFile file = ProcessFiles.open(vfs, caller, cwd, open.path(), open.flags(), open.mode());
                fds.installAt(open.fd(), file, (open.flags() & OpenFlags.O_CLOEXEC) != 0);
            }
        }
    }
}
