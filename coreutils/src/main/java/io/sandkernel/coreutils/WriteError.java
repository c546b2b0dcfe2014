package io.sandkernel.coreutils;

import io.sandkernel.KernelException;

/**
 * An output could not be written (ENOSPC, EIO, EPIPE with SIGPIPE ignored...). It is neither an
 * {@link java.io.IOException} nor a {@link KernelException}, so that the handlers of input errors
 * ("cat: x: Permission denied") never mistake it for one of theirs; {@link CommandGuard} reports
 * it as GNU's {@code close_stdout} does, {@code "cmd: write error: reason"}, with the command's
 * failure status.
 */
final class WriteError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String name;

    /** @param name the file written, or null for standard output */
    WriteError(KernelException cause, String name) {
        super(cause.getMessage(), cause, false, false);
        this.name = name;
    }

    /** The kernel's failure. */
    KernelException failure() {
        return (KernelException) getCause();
    }

    /** The file written, or null for standard output. */
    String name() {
        return name;
    }

    /** The output as GNU names it in messages: the file name, or {@code 'standard output'}. */
    String shownName() {
        return name == null ? "'standard output'" : Diagnostics.quoteIfNeeded(name);
    }
}
