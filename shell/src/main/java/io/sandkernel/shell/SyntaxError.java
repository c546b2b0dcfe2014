package io.sandkernel.shell;

/** A syntax error: {@code Syntax error: <message>} at a line; the shell's status is 2. */
final class SyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final boolean endOfFile;

    SyntaxError(int line, String message, boolean endOfFile) {
        super(message, null, false, false);
        this.line = line;
        this.endOfFile = endOfFile;
    }

    /** The line the error was found on. */
    int line() {
        return line;
    }

    /** Whether the input ended too early (an interactive shell then reads more lines). */
    boolean endOfFile() {
        return endOfFile;
    }

    /** The text dash prints after {@code sh: LINE: }. */
    String text() {
        return "Syntax error: " + getMessage();
    }
}
