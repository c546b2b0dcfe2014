package io.sandkernel.kernel.vfs;

/**
 * What {@link Vfs#open} opened. Exactly one of these shapes:
 * <ul>
 *   <li>a regular file or device: {@code file} and {@code handle} set; the caller owns the handle
 *       and must close it;</li>
 *   <li>a directory, or anything opened with {@code O_PATH}: {@code file} set, {@code handle} null
 *       (list a directory with {@link Vfs#readdir});</li>
 *   <li>an object behind a magic link ({@code /proc/self/fd/N} naming a pipe): {@code foreign} set
 *       (the object the backend supplied in {@link MagicTarget.Foreign}), {@code file} and
 *       {@code handle} null.</li>
 * </ul>
 *
 * @param file    the opened file, for {@code fstat}, {@code fchdir}, {@code *at} and
 *                {@code /proc/PID/fd}; null for a foreign object
 * @param handle  the I/O handle, or null
 * @param foreign the foreign object, or null
 * @param flags   the {@code open(2)} flags, without {@code O_CREAT}, {@code O_EXCL},
 *                {@code O_NOCTTY} and {@code O_TRUNC}
 */
public record OpenResult(Resolved file, FileHandle handle, Object foreign, int flags) {
    /** Whether a directory was opened (to be read with {@link Vfs#readdir}). */
    public boolean isDirectory() {
        return file != null && handle == null && file.isDirectory();
    }

    /** Whether a magic link led to an object outside the namespace. */
    public boolean isForeign() {
        return foreign != null;
    }
}
