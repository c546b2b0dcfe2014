package io.sandkernel.coreutils;

/**
 * A program awk cannot parse: the message and the source line it is on. {@link AwkCommand}
 * reports it as gawk does ({@code "awk: cmd. line:1: ...syntax error"}), with status 2.
 */
final class AwkSyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int line;

    AwkSyntaxError(String message, int line) {
        super(message, null, false, false);
        this.line = line;
    }

    /** The line of the program (1 for the first). */
    int line() {
        return line;
    }
}
