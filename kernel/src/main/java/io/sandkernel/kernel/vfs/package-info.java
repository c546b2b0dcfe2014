/**
 * The kernel's virtual filesystem: a mount table of {@link io.sandkernel.kernel.vfs.FileSystemBackend}s,
 * a path walker that resolves every guest path component by component (so symbolic links, {@code ..}
 * and mount points are handled by the kernel and never by a host filesystem), Linux permission
 * checks, and accounting of bytes and inodes against {@link io.sandkernel.kernel.vfs.VfsLimits}.
 *
 * <p>{@link io.sandkernel.kernel.vfs.Vfs} is the facade the system-call layer uses. Backends:
 * {@link io.sandkernel.kernel.vfs.NioBackend} (an in-memory Jimfs filesystem, or a confined host
 * directory) and {@link io.sandkernel.kernel.vfs.SyntheticBackend} (generated trees such as
 * {@code /dev} and {@code /proc}). Every failure is an {@link io.sandkernel.KernelException} with
 * the errno Linux would give.
 */
package io.sandkernel.kernel.vfs;
