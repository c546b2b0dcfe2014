package io.sandkernel.driver.wasm.wasi;

/** A WASI call's failure with a WASI errno that has no Linux counterpart (ENOTCAPABLE) or is decided here. */
final class WasiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int errno;

    WasiError(int errno, String message) {
        super(message, null, false, false);
        this.errno = errno;
    }

    /** The WASI errno. */
    int errno() {
        return errno;
    }
}
