package io.sandkernel.api.fs;

/**
 * The flags of {@code open(2)}, {@code fcntl(2)}, {@code access(2)}, {@code lseek(2)} and the
 * {@code *at} calls, with Linux's values (x86-64), so that they pass unchanged to and from
 * programs compiled for Linux or WASI translators.
 */
public final class OpenFlags {
    private OpenFlags() {}

    /** Open for reading only. */
    public static final int O_RDONLY = 0;
    /** Open for writing only. */
    public static final int O_WRONLY = 01;
    /** Open for reading and writing. */
    public static final int O_RDWR = 02;
    /** The access-mode bits. */
    public static final int O_ACCMODE = 03;
    /** Create the file when it does not exist (with the mode given, less the umask). */
    public static final int O_CREAT = 0100;
    /** With {@link #O_CREAT}: fail with EEXIST when the file exists. */
    public static final int O_EXCL = 0200;
    /** Do not make a terminal the controlling terminal (accepted, no effect). */
    public static final int O_NOCTTY = 0400;
    /** Truncate a regular file opened for writing. */
    public static final int O_TRUNC = 01000;
    /** Every write goes to the end of the file. */
    public static final int O_APPEND = 02000;
    /** Reads and writes that would block fail with EAGAIN instead. */
    public static final int O_NONBLOCK = 04000;
    /** Fail with ENOTDIR unless the path names a directory. */
    public static final int O_DIRECTORY = 0200000;
    /** Fail with ELOOP when the last component is a symbolic link. */
    public static final int O_NOFOLLOW = 0400000;
    /** Close the descriptor when the process executes another program ({@link #FD_CLOEXEC}). */
    public static final int O_CLOEXEC = 02000000;
    /** Open a path only (no reading or writing), for {@code fstat}, {@code fchdir} and {@code *at}. */
    public static final int O_PATH = 010000000;

    /** {@code dirfd} meaning the working directory, for the {@code *at} calls. */
    public static final int AT_FDCWD = -100;
    /** {@code fstatat}, {@code utimensat}: do not follow a final symbolic link. */
    public static final int AT_SYMLINK_NOFOLLOW = 0x100;
    /** {@code unlinkat}: remove a directory, as {@code rmdir}. */
    public static final int AT_REMOVEDIR = 0x200;
    /** {@code linkat}: follow a final symbolic link of the source. */
    public static final int AT_SYMLINK_FOLLOW = 0x400;
    /** {@code fstatat} with an empty path: the descriptor itself. */
    public static final int AT_EMPTY_PATH = 0x1000;

    /** {@code fcntl}: duplicate to the lowest descriptor at least {@code arg}. */
    public static final int F_DUPFD = 0;
    /** {@code fcntl}: the descriptor flags ({@link #FD_CLOEXEC}). */
    public static final int F_GETFD = 1;
    /** {@code fcntl}: set the descriptor flags. */
    public static final int F_SETFD = 2;
    /** {@code fcntl}: the status flags (access mode, {@link #O_APPEND}, {@link #O_NONBLOCK}). */
    public static final int F_GETFL = 3;
    /** {@code fcntl}: set {@link #O_APPEND} and {@link #O_NONBLOCK}; other bits are ignored. */
    public static final int F_SETFL = 4;
    /** {@code fcntl}: as {@link #F_DUPFD}, with close-on-exec set on the new descriptor. */
    public static final int F_DUPFD_CLOEXEC = 1030;
    /** The close-on-exec descriptor flag. */
    public static final int FD_CLOEXEC = 1;

    /** {@code lseek}: from the start. */
    public static final int SEEK_SET = 0;
    /** {@code lseek}: from the current offset. */
    public static final int SEEK_CUR = 1;
    /** {@code lseek}: from the end. */
    public static final int SEEK_END = 2;

    /** {@code access}: the file exists. */
    public static final int F_OK = 0;
    /** {@code access}: execute (search, for a directory) permission. */
    public static final int X_OK = 1;
    /** {@code access}: write permission. */
    public static final int W_OK = 2;
    /** {@code access}: read permission. */
    public static final int R_OK = 4;

    /** {@code utimensat}: set the time to now. */
    public static final long UTIME_NOW = (1L << 30) - 1;
    /** {@code utimensat}: leave the time as it is. */
    public static final long UTIME_OMIT = (1L << 30) - 2;
}
