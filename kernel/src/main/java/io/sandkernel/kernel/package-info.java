/**
 * The Sandkernel kernel: {@link io.sandkernel.kernel.Kernel} owns a process table, a filesystem,
 * users, limits and mounted {@link io.sandkernel.api.spi.RuntimeDriver}s. The host starts processes
 * with {@link io.sandkernel.kernel.Kernel#spawn} and {@link io.sandkernel.kernel.Kernel#exec};
 * programs inside use {@link io.sandkernel.api.ProcessApi}. Failures are {@link
 * io.sandkernel.KernelException}s carrying Linux errno values.
 */
package io.sandkernel.kernel;
