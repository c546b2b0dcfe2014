package io.sandkernel.api.fs;

/**
 * The type of a file, as the {@code S_IFMT} bits of {@code st_mode} and {@code d_type} encode it.
 */
public enum FileType {
    /** A regular file ({@code S_IFREG}, {@code DT_REG}). */
    REGULAR(0100000, 8),
    /** A directory ({@code S_IFDIR}, {@code DT_DIR}). */
    DIRECTORY(0040000, 4),
    /** A symbolic link ({@code S_IFLNK}, {@code DT_LNK}). */
    SYMLINK(0120000, 10),
    /** A character device ({@code S_IFCHR}, {@code DT_CHR}): /dev/null, terminals. */
    CHARACTER_DEVICE(0020000, 2),
    /** A block device ({@code S_IFBLK}, {@code DT_BLK}). */
    BLOCK_DEVICE(0060000, 6),
    /** A FIFO or pipe ({@code S_IFIFO}, {@code DT_FIFO}). */
    FIFO(0010000, 1),
    /** A socket ({@code S_IFSOCK}, {@code DT_SOCK}). */
    SOCKET(0140000, 12),
    /** Unknown ({@code DT_UNKNOWN}). */
    UNKNOWN(0, 0);

    /** The {@code S_IFMT} mask of {@code st_mode}. */
    public static final int S_IFMT = 0170000;

    private final int modeBits;
    private final int direntType;

    FileType(int modeBits, int direntType) {
        this.modeBits = modeBits;
        this.direntType = direntType;
    }

    /** The {@code S_IF*} bits of this type in {@code st_mode}. */
    public int modeBits() {
        return modeBits;
    }

    /** The {@code DT_*} value of this type in a directory entry. */
    public int direntType() {
        return direntType;
    }

    /** The type that {@code mode}'s {@code S_IFMT} bits encode, {@link #UNKNOWN} when none. */
    public static FileType ofMode(int mode) {
        int bits = mode & S_IFMT;
        for (FileType type : values()) {
            if (type.modeBits == bits && type != UNKNOWN) {
                return type;
            }
        }
        return UNKNOWN;
    }
}
