/**
 * The Sandkernel kernel: {@link io.sandkernel.kernel.Kernel} owns a process table, a filesystem,
 * users, limits and mounted {@link io.sandkernel.api.spi.RuntimeDriver}s. The host starts processes
 * with {@link io.sandkernel.kernel.Kernel#spawn} and {@link io.sandkernel.kernel.Kernel#exec};
 * programs inside use {@link io.sandkernel.api.ProcessApi}. Failures are {@link
 * io.sandkernel.KernelException}s carrying Linux errno values.
 *
 * <p><b>Null arguments.</b> The operations of {@link io.sandkernel.kernel.Kernel}, {@link
 * io.sandkernel.kernel.KernelProcess} and the option records ({@link
 * io.sandkernel.kernel.ExecOptions}, {@link io.sandkernel.kernel.SpawnOptions}, {@link
 * io.sandkernel.kernel.ShellOptions}) answer a null where a value is required as a system call
 * answers a bad argument: {@link io.sandkernel.KernelException} EINVAL. Configuration ({@link
 * io.sandkernel.kernel.Kernel.Builder}, and the front door {@code io.sandkernel.userland.Sandkernel})
 * throws {@link java.lang.NullPointerException} whose message is the parameter's name. Parameters
 * documented as optional (a working directory, a timeout, an identity) accept null. No other
 * exception ever comes of a null (tested by reflection over every public method).
 */
package io.sandkernel.kernel;
