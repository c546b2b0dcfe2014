package io.sandkernel.shell;

/**
 * The shell could not get memory for something it holds (a variable, a command substitution's
 * output, a here-document): the command is abandoned and a non-interactive shell exits with 2,
 * printing "sh: out of memory" (bash: "bash: xmalloc: cannot allocate N bytes").
 */
final class OutOfMemory extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long bytes;

    /** @param bytes what was asked for */
    OutOfMemory(long bytes) {
        super("out of memory", null, false, false);
        this.bytes = bytes;
    }

    /** What was asked for. */
    long bytes() {
        return bytes;
    }

    /** The shell's message: dash's wording as the issue asks, bash's as bash prints it. */
    static String message(String name, boolean bash, long bytes) {
        return bash ? name + ": xmalloc: cannot allocate " + bytes + " bytes\n" : name + ": out of memory\n";
    }
}
