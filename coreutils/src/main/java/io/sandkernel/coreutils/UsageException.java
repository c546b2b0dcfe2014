package io.sandkernel.coreutils;

/**
 * A command line a command cannot run with, or a request for {@code --help} / {@code --version}.
 * {@link CommandGuard} turns it into GNU's two-line usage diagnostic and the command's usage status.
 */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What the exception asks for. */
    enum Kind { ERROR, HELP, VERSION }

    private final Kind kind;
    private final boolean suggestHelp;

    UsageException(String message) {
        this(Kind.ERROR, message, true);
    }

    private UsageException(Kind kind, String message, boolean suggestHelp) {
        super(message, null, false, false);
        this.kind = kind;
        this.suggestHelp = suggestHelp;
    }

    /** A usage error without the "Try '--help'" line, for messages GNU prints alone. */
    static UsageException withoutHint(String message) {
        return new UsageException(Kind.ERROR, message, false);
    }

    /** A usage error that prints only the usage hint, as grep without a pattern does. */
    static UsageException hintOnly() {
        return new UsageException(Kind.ERROR, null, true);
    }

    static UsageException help() {
        return new UsageException(Kind.HELP, "help", false);
    }

    static UsageException version() {
        return new UsageException(Kind.VERSION, "version", false);
    }

    Kind kind() {
        return kind;
    }

    boolean suggestHelp() {
        return suggestHelp;
    }
}
