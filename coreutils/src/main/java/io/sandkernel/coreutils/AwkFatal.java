package io.sandkernel.coreutils;

/** A run-time error that ends awk with status 2 ({@code "awk: message"}), as gawk's fatal errors. */
final class AwkFatal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AwkFatal(String message) {
        super(message, null, false, false);
    }
}
