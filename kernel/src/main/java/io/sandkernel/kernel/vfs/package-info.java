/**
 * The kernel's virtual filesystem (VFS).
 *
 * <p><b>Shape.</b> {@link io.sandkernel.kernel.vfs.Vfs} is the facade: a mount table of
 * {@link io.sandkernel.kernel.vfs.FileSystemBackend}s, a path walker, Linux permission checks and
 * the accounting of bytes and inodes against {@link io.sandkernel.kernel.vfs.VfsLimits}. The
 * system-call layer passes a {@link io.sandkernel.kernel.vfs.Caller} (pid, credentials, umask) and
 * keeps {@link io.sandkernel.kernel.vfs.Resolved} values for working directories, directory
 * descriptors and open files; {@link io.sandkernel.kernel.vfs.Vfs#open} returns an
 * {@link io.sandkernel.kernel.vfs.OpenResult} whose {@link io.sandkernel.kernel.vfs.FileHandle}
 * does positional I/O (the descriptor layer keeps offsets and implements {@code O_APPEND} with
 * {@link io.sandkernel.kernel.vfs.FileHandle#append}). Every failure is an
 * {@link io.sandkernel.KernelException} with the errno Linux would give.
 *
 * <p><b>Paths</b> are resolved by the kernel one component at a time, for every backend: a
 * backend only ever looks up one name in one directory and never follows a symbolic link; links
 * are read through the backend and resolved again in the guest namespace. That is what confines a
 * host directory ({@link io.sandkernel.kernel.vfs.NioBackend#hostDirectory}).
 *
 * <p><b>Backends.</b> {@link io.sandkernel.kernel.vfs.NioBackend}: an in-memory Jimfs filesystem
 * (the root, {@code tmpfs}) or a confined host directory ({@code hostfs}).
 * {@link io.sandkernel.kernel.vfs.SyntheticBackend}: generated trees such as {@code /dev} and
 * {@code /proc}, built from {@link io.sandkernel.kernel.vfs.SyntheticDirectory} (fixed entries and
 * an on-demand {@link io.sandkernel.kernel.vfs.SyntheticDirectory.Source}),
 * {@link io.sandkernel.kernel.vfs.SyntheticFile} (contents generated per open),
 * {@link io.sandkernel.kernel.vfs.SyntheticLink} (targets per caller, or magic links leading to a
 * {@link io.sandkernel.kernel.vfs.MagicTarget}) and
 * {@link io.sandkernel.kernel.vfs.SyntheticDevice} (opening returns the device's own handle).
 *
 * <p><b>Locking.</b> One namespace lock per {@code Vfs}: shared for resolution and use, exclusive
 * for name changes and mounts; handles do I/O without it. Backend callbacks must not call back into
 * the {@code Vfs} except {@link io.sandkernel.kernel.vfs.Vfs#mounts()},
 * {@link io.sandkernel.kernel.vfs.Vfs#stat(io.sandkernel.kernel.vfs.Resolved)},
 * {@link io.sandkernel.kernel.vfs.Vfs#statfs(io.sandkernel.kernel.vfs.Resolved)} and
 * {@link io.sandkernel.kernel.vfs.Resolved#path()}, which take no lock.
 */
package io.sandkernel.kernel.vfs;
