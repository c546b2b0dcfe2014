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
 * @param confined   whether paths are confined beneath it as WASI prescribes (absolute paths,
 *                   {@code ..} past it and symbolic links leading out refused with ENOTCAPABLE),
 *                   for a directory that stands for a root of its own; false hands paths to the
 *                   kernel as a POSIX process's, the kernel's filesystem being the boundary
 *                   (descriptors opened beneath inherit this)
 */
public record Preopen(String guestName, String kernelPath, boolean confined) {
    /** A confined preopen, as WASI runtimes give them. */
    public Preopen(String guestName, String kernelPath) {
        this(guestName, kernelPath, true);
    }

    /** Validates. */
    public Preopen {
        Objects.requireNonNull(guestName, "guestName");
        Objects.requireNonNull(kernelPath, "kernelPath");
        if (guestName.isEmpty() || kernelPath.isEmpty()) {
            throw new IllegalArgumentException("empty preopen name or path");
        }
    }
}
