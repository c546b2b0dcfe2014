package io.sandkernel.driver.wasm;

import java.util.Objects;

/**
 * A directory a WASI program finds open when it starts, as {@code wasmtime --dir DIR::NAME}
 * gives it: the guest sees descriptor 3, 4... with {@code fd_prestat_dir_name} {@code guestName},
 * and wasi-libc resolves paths that start with that name against it.
 *
 * @param guestName  the name the guest sees, e.g. {@code "/"} or {@code "."}
 * @param kernelPath the directory in the kernel's filesystem, relative paths against the
 *                   process's working directory ({@code "."} is the working directory)
 */
public record Preopen(String guestName, String kernelPath) {
    /** Validates. */
    public Preopen {
        Objects.requireNonNull(guestName, "guestName");
        Objects.requireNonNull(kernelPath, "kernelPath");
        if (guestName.isEmpty() || kernelPath.isEmpty()) {
            throw new IllegalArgumentException("empty preopen name or path");
        }
    }
}
