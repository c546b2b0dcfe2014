package io.sandkernel.shell;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.Stat;
import io.sandkernel.shell.Ast.RedirOp;
import io.sandkernel.shell.Ast.Redirection;
import java.util.List;

/**
 * Applies redirections ({@code < > >> >| <> <& >& << <<-}) to the shell's descriptors
 * ({@link Io}), with the {@code open} flags dash uses; here-documents become pipes or temporary files
 * holding the (expanded) body ({@link HereDocs}).
 */
final class Redirector {
    /** Mode of created files, before the umask. */
    private static final int CREATE_MODE = 0666;

    private final Interpreter shell;

    Redirector(Interpreter shell) {
        this.shell = shell;
    }

    /**
     * Applies redirections, recording what they change in {@code frame}.
     *
     * @return false after printing an error when one failed
     * @throws ShellError for a descriptor that is not a digit ({@code >&$x} with x=10), a syntax
     *         error in dash, which ends a non-interactive shell
     */
    boolean apply(List<Redirection> redirections, Io.Frame frame) {
        for (Redirection redirection : redirections) {
            try {
                applyRedirection(redirection, frame);
            } catch (RedirectionFailed e) {
                shell.error(e.getMessage());
                return false;
            } catch (KernelException e) {
                shell.error(e.getMessage());
                return false;
            }
        }
        return true;
    }

    private void applyRedirection(Redirection redirection, Io.Frame frame) {
        if (redirection.fdVariable() != null) {
            namedDescriptor(redirection);
            return;
        }
        int fd = redirection.fd();
        if (!shell.io.isUserFd(fd)) {
            throw new RedirectionFailed(fd + ": Bad file descriptor");
        }
        switch (redirection.op()) {
            case HEREDOC, HEREDOC_STRIP -> {
                String body = redirection.heredoc().quoted ? redirection.heredoc().text
                        : shell.expander.expandHeredoc(redirection.heredoc().body);
                hereDocument(frame, fd, body);
            }
            case HERESTRING -> hereDocument(frame, fd, shell.expander.expandString(redirection.target()) + "\n");
            case DUP_IN, DUP_OUT -> {
                String target = shell.expander.expandString(redirection.target());
                boolean bash = shell.state.bash;
                if (!(bash ? target.matches("[0-9]+-?|-") : Parser.isFdText(target))) {
                    if (bash && redirection.op() == RedirOp.DUP_OUT && fd == 1) {
                        outAndErr(frame, target, false);
                        return;
                    }
                    if (bash) {
                        throw new RedirectionFailed(target + ": ambiguous redirect");
                    }
                    throw new ShellError("Syntax error: Bad fd number", 2);
                }
                if (target.equals("-")) {
                    frame.close(fd);
                    return;
                }
                boolean move = target.endsWith("-");
                int source = Integer.parseInt(move ? target.substring(0, target.length() - 1) : target);
                if (!shell.io.isOpen(source)) {
                    throw new RedirectionFailed(target + ": Bad file descriptor");
                }
                frame.dup(source, fd);
                if (move && source != fd) {
                    frame.close(source);
                }
            }
            case OUT_ERR, APPEND_ERR -> outAndErr(frame, shell.expander.expandString(redirection.target()),
                    redirection.op() == RedirOp.APPEND_ERR);
            default -> {
                String target = shell.expander.expandString(redirection.target());
                switch (redirection.op()) {
                    case IN -> open(frame, fd, target, OpenFlags.O_RDONLY, "cannot open ");
                    case READ_WRITE -> open(frame, fd, target, OpenFlags.O_RDWR | OpenFlags.O_CREAT, "cannot create ");
                    case OUT -> {
                        if (shell.state.noclobber) {
                            noclobber(frame, fd, target);
                        } else {
                            open(frame, fd, target, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC,
                                    "cannot create ");
                        }
                    }
                    case CLOBBER -> open(frame, fd, target, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC,
                            "cannot create ");
                    case APPEND -> open(frame, fd, target, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_APPEND,
                            "cannot create ");
                    default -> throw new IllegalStateException(redirection.op().name());
                }
            }
        }
    }

    /**
     * bash's {@code {name}>file}, {@code {name}<&N}, {@code {name}>&-}: a new descriptor from 10 up
     * whose number goes into {@code name}; it stays open after the command, as in bash.
     */
    private void namedDescriptor(Redirection redirection) {
        String name = redirection.fdVariable();
        Io io = shell.io;
        String target = shell.expander.expandString(redirection.target());
        if ((redirection.op() == RedirOp.DUP_OUT || redirection.op() == RedirOp.DUP_IN) && target.equals("-")) {
            String value = variable(name);
            try {
                io.closeQuietly(Integer.parseInt(value == null ? "" : value.strip()));
            } catch (NumberFormatException e) {
                throw new RedirectionFailed(name + ": ambiguous redirect");
            }
            return;
        }
        int created;
        switch (redirection.op()) {
            case IN -> created = openFor(target, OpenFlags.O_RDONLY);
            case OUT, CLOBBER -> created = openFor(target, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC);
            case APPEND -> created = openFor(target, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_APPEND);
            case READ_WRITE -> created = openFor(target, OpenFlags.O_RDWR | OpenFlags.O_CREAT);
            case DUP_IN, DUP_OUT -> {
                try {
                    created = shell.api.dup(Integer.parseInt(target));
                } catch (NumberFormatException | KernelException e) {
                    throw new RedirectionFailed(target + ": Bad file descriptor");
                }
            }
            case HEREDOC, HEREDOC_STRIP, HERESTRING -> {
                String body = redirection.op() == RedirOp.HERESTRING ? target + "\n"
                        : redirection.heredoc().quoted ? redirection.heredoc().text
                        : shell.expander.expandHeredoc(redirection.heredoc().body);
                created = HereDocs.open(shell, body);
            }
            default -> throw new RedirectionFailed(name + ": ambiguous redirect");
        }
        int fd = shell.api.fcntl(created, OpenFlags.F_DUPFD, 10);
        io.closeQuietly(created);
        int bracket = name.indexOf('[');
        if (bracket > 0) {
            shell.values.assignElement(name.substring(0, bracket), name.substring(bracket + 1, name.length() - 1),
                    Integer.toString(fd), false);
        } else {
            shell.values.assign(name, Integer.toString(fd), false);
        }
    }

    /** The value of {@code name} or of an element {@code a[i]}. */
    private String variable(String name) {
        int bracket = name.indexOf('[');
        return bracket < 0 ? shell.state.get(name)
                : shell.values.element(name.substring(0, bracket), name.substring(bracket + 1, name.length() - 1));
    }

    private int openFor(String path, int flags) {
        try {
            return shell.api.open(path, flags | OpenFlags.O_CLOEXEC, CREATE_MODE);
        } catch (KernelException e) {
            throw new RedirectionFailed(path + ": " + Messages.strerror(e.errno()));
        }
    }

    private void hereDocument(Io.Frame frame, int fd, String body) {
        try {
            frame.install(fd, () -> HereDocs.open(shell, body));
        } catch (KernelException e) {
            throw new RedirectionFailed("cannot create temp file for here-document: " + Messages.strerror(e.errno()));
        }
    }

    /** bash's {@code &>file}, {@code &>>file} and {@code >&file}: standard output and error to the file. */
    private void outAndErr(Io.Frame frame, String target, boolean append) {
        if (!append && shell.state.noclobber) {
            noclobber(frame, 1, target);
        } else {
            open(frame, 1, target, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | (append ? OpenFlags.O_APPEND
                    : OpenFlags.O_TRUNC), "cannot create ");
        }
        frame.dup(1, 2);
    }

    /**
     * {@code >} under {@code set -C}: never replaces an existing regular file (O_EXCL), but still
     * writes to what is not one, such as {@code /dev/null} or a FIFO (opened without O_TRUNC).
     */
    private void noclobber(Io.Frame frame, int fd, String target) {
        Stat stat;
        try {
            stat = shell.api.stat(target);
        } catch (KernelException e) {
            stat = null;
        }
        if (stat == null) {
            open(frame, fd, target, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_EXCL, "cannot create ");
        } else if (stat.isRegularFile()) {
            throw new RedirectionFailed(shell.state.bash ? target + ": cannot overwrite existing file"
                    : "cannot create " + target + ": File exists");
        } else {
            open(frame, fd, target, OpenFlags.O_WRONLY, "cannot open ");
        }
    }

    private void open(Io.Frame frame, int fd, String path, int flags, String verb) {
        if (shell.state.bash && path.isEmpty()) {
            throw new RedirectionFailed(": No such file or directory");
        }
        try {
            frame.open(fd, path, flags, CREATE_MODE);
        } catch (KernelException e) {
            if (shell.state.bash) {
                throw new RedirectionFailed(path + ": " + Messages.strerror(e.errno()));
            }
            throw new RedirectionFailed(verb + path + ": " + reason(e.errno(), verb.equals("cannot open ")));
        }
    }

    /** dash's wording: ENOENT reads "No such file" on open and "Directory nonexistent" on create. */
    private static String reason(Errno errno, boolean opening) {
        if (errno == Errno.ENOENT) {
            return opening ? "No such file" : "Directory nonexistent";
        }
        return Messages.strerror(errno);
    }

    /** A redirection that failed; the command does not run, the shell goes on. */
    private static final class RedirectionFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RedirectionFailed(String message) {
            super(message, null, false, false);
        }
    }
}
