package io.sandkernel;

import java.util.Objects;

/**
 * A failed kernel operation: the Java form of a system call returning {@code -1} with
 * {@code errno} set. {@link #getMessage()} reads {@code "<ERRNO>: <detail>"}, for example
 * {@code "ESRCH: no such process 42"}.
 */
public class KernelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Errno errno;

    /**
     * @param errno   the error number; never null
     * @param message what went wrong, for a person, without the errno prefix
     */
    public KernelException(Errno errno, String message) {
        super(Objects.requireNonNull(errno, "errno").name() + ": " + message);
        this.errno = errno;
    }

    /**
     * @param errno   the error number; never null
     * @param message what went wrong, for a person, without the errno prefix
     * @param cause   the underlying failure
     */
    public KernelException(Errno errno, String message, Throwable cause) {
        super(Objects.requireNonNull(errno, "errno").name() + ": " + message, cause);
        this.errno = errno;
    }

    /** The error number that classifies this failure. */
    public Errno errno() {
        return errno;
    }
}
