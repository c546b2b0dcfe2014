package io.sandkernel.api.fs;

/**
 * What {@code statfs(2)} reports of a mounted filesystem.
 *
 * @param type        the filesystem's type name, as {@code /proc/mounts} shows it ({@code "tmpfs"},
 *                    {@code "proc"}, {@code "devtmpfs"}, {@code "hostfs"})
 * @param blockSize   the block size in bytes
 * @param totalBlocks the size of the filesystem in blocks
 * @param freeBlocks  the free blocks
 * @param totalInodes the inode limit
 * @param freeInodes  the inodes still free
 * @param readOnly    whether the mount is read-only
 */
public record StatFs(String type, int blockSize, long totalBlocks, long freeBlocks, long totalInodes,
                     long freeInodes, boolean readOnly) {}
