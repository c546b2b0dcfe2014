package io.sandkernel.api.spi;

import io.sandkernel.process.DriverProcess;

/**
 * A runtime driver that runs programs stored in files, as Linux's {@code binfmt} handlers do:
 * when a process executes a file of the kernel's filesystem (by path, or found on {@code PATH})
 * that is not a {@code #!} script, the kernel reads its first bytes and hands it to the first
 * mounted driver, latest first, that {@linkplain #claims claims} them. Drivers that run only
 * registered commands do not implement this.
 */
public interface ExecutableFormat {
    /** How many leading bytes of a file {@link #claims} is shown (fewer when the file is shorter). */
    int HEADER_LENGTH = 256;

    /**
     * Whether this driver runs files that begin with {@code header} (e.g. the wasm magic
     * {@code \0asm}). Must be cheap and must not keep {@code header}.
     */
    boolean claims(byte[] header);

    /**
     * Starts executing the program {@code image} (the whole file, read by the kernel with the
     * process's permissions) as {@link RuntimeDriver#start} does; {@code launch.command()} is the
     * path the program was executed as (its {@code argv[0]}).
     *
     * @throws io.sandkernel.KernelException ENOEXEC when the image is not a program this driver
     *         can run after all, ENOMEM when it needs more memory than the process may have,
     *         EAGAIN when out of resources
     */
    DriverProcess start(ProcessLaunch launch, byte[] image);
}
