package io.sandkernel.coreutils;

/**
 * A sed script that cannot run, or a failure that ends sed, with GNU's message (already located:
 * {@code "-e expression #1, char 3: unterminated `s' command"}) and exit status: 1 for a bad
 * script, 4 for what GNU calls a panic (a missing label, an unreadable script file, an output
 * that cannot be opened).
 */
final class SedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    SedException(String message, int status) {
        super(message, null, false, false);
        this.status = status;
    }

    /** The exit status sed ends with. */
    int status() {
        return status;
    }
}
