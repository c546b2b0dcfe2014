package io.sandkernel.shell;

import io.sandkernel.KernelException;
import io.sandkernel.shell.Ast.RedirOp;
import io.sandkernel.shell.Ast.Redirection;
import java.nio.file.Files;
import java.util.List;

/**
 * Applies redirections ({@code < > >> >| <> <& >& << <<-}) to the shell's descriptor table
 * ({@link Io}); here-documents become pipes holding the (expanded) body.
 */
final class Redirector {
    private final Interpreter shell;

    Redirector(Interpreter shell) {
        this.shell = shell;
    }

    /**
     * Applies redirections to the descriptor table, recording what it opens in {@code frame}.
     *
     * @return false after printing an error when one failed
     */
    boolean apply(List<Redirection> redirections, Io.Frame frame) {
        for (Redirection redirection : redirections) {
            try {
                applyRedirection(redirection, frame);
            } catch (KernelException e) {
                shell.error(redirectionError(redirection, e));
                return false;
            } catch (ShellError e) {
                shell.error(e.getMessage());
                return false;
            }
        }
        return true;
    }

    private String redirectionError(Redirection redirection, KernelException e) {
        String target = shell.expander.expandString(redirection.target());
        boolean input = redirection.op() == RedirOp.IN || redirection.op() == RedirOp.READ_WRITE;
        String reason = switch (e.errno()) {
            case ENOENT -> input ? "No such file" : "Directory nonexistent";
            case EACCES -> "Permission denied";
            case EISDIR -> "Is a directory";
            default -> e.errno().description();
        };
        return (input ? "cannot open " : "cannot create ") + target + ": " + reason;
    }

    private void applyRedirection(Redirection redirection, Io.Frame frame) {
        int fd = redirection.fd();
        switch (redirection.op()) {
            case HEREDOC, HEREDOC_STRIP -> {
                String body = redirection.heredoc().quoted ? redirection.heredoc().text
                        : shell.expander.expandHeredoc(redirection.heredoc().body);
                int kernel = shell.launcher.pipeWithContent(body);
                frame.opened(kernel);
                shell.io.map(fd, kernel);
            }
            case DUP_IN, DUP_OUT -> {
                String target = shell.expander.expandString(redirection.target());
                if (target.equals("-")) {
                    shell.io.unmap(fd);
                } else if (!target.isEmpty() && target.chars().allMatch(Character::isDigit)) {
                    int source = shell.io.kernelFd(Integer.parseInt(target));
                    if (source < 0) {
                        throw new ShellError(target + ": Bad file descriptor", 2);
                    }
                    shell.io.map(fd, source);
                } else if (redirection.op() == RedirOp.DUP_OUT) {
                    openFile(fd, target, true, false, frame);
                } else {
                    throw new ShellError("Syntax error: Bad fd number", 2);
                }
            }
            default -> {
                String target = shell.expander.expandString(redirection.target());
                switch (redirection.op()) {
                    case IN, READ_WRITE -> openFile(fd, target, false, false, frame);
                    case OUT -> {
                        if (shell.state.noclobber && Files.isRegularFile(shell.resolve(target))) {
                            throw new ShellError("cannot create " + target + ": File exists", 2);
                        }
                        openFile(fd, target, true, false, frame);
                    }
                    case CLOBBER -> openFile(fd, target, true, false, frame);
                    case APPEND -> openFile(fd, target, true, true, frame);
                    default -> throw new IllegalStateException(redirection.op().name());
                }
            }
        }
    }

    private void openFile(int fd, String path, boolean write, boolean append, Io.Frame frame) {
        int kernel = shell.api.open(path, write, append);
        frame.opened(kernel);
        shell.io.map(fd, kernel);
    }
}
