package io.sandkernel.shell;

/**
 * An error that aborts the current command in a non-interactive shell (a failed expansion, an
 * unset variable under {@code set -u}, a bad arithmetic expression): the shell prints
 * {@code sh: LINE: message} and exits with {@link #status()}.
 */
final class ShellError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    ShellError(String message, int status) {
        super(message, null, false, false);
        this.status = status;
    }

    ShellError(String message) {
        this(message, 2);
    }

    int status() {
        return status;
    }
}
