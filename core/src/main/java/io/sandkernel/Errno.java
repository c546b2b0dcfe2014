package io.sandkernel;

/**
 * Linux error numbers carried by {@link KernelException}. The numeric values are those of Linux
 * x86-64 ({@code errno.h}), so a value can be handed to a program that expects the real number.
 */
public enum Errno {
    EPERM(1, "operation not permitted"),
    ENOENT(2, "no such file or directory"),
    ESRCH(3, "no such process"),
    EINTR(4, "interrupted system call"),
    EIO(5, "input/output error"),
    E2BIG(7, "argument list too long"),
    ENOEXEC(8, "exec format error"),
    EBADF(9, "bad file descriptor"),
    ECHILD(10, "no child processes"),
    EAGAIN(11, "resource temporarily unavailable"),
    ENOMEM(12, "cannot allocate memory"),
    EACCES(13, "permission denied"),
    EFAULT(14, "bad address"),
    EBUSY(16, "device or resource busy"),
    EEXIST(17, "file exists"),
    EXDEV(18, "invalid cross-device link"),
    ENODEV(19, "no such device"),
    ENOTDIR(20, "not a directory"),
    EISDIR(21, "is a directory"),
    EINVAL(22, "invalid argument"),
    ENFILE(23, "too many open files in system"),
    EMFILE(24, "too many open files"),
    ENOTTY(25, "inappropriate ioctl for device"),
    EFBIG(27, "file too large"),
    ENOSPC(28, "no space left on device"),
    ESPIPE(29, "illegal seek"),
    EROFS(30, "read-only file system"),
    EMLINK(31, "too many links"),
    EPIPE(32, "broken pipe"),
    ERANGE(34, "numerical result out of range"),
    ENAMETOOLONG(36, "file name too long"),
    ENOSYS(38, "function not implemented"),
    ENOTEMPTY(39, "directory not empty"),
    ELOOP(40, "too many levels of symbolic links"),
    ENOTSUP(95, "operation not supported"),
    ETIMEDOUT(110, "connection timed out");

    private final int number;
    private final String description;

    Errno(int number, String description) {
        this.number = number;
        this.description = description;
    }

    /** The Linux x86-64 number of this error, e.g. 3 for {@link #ESRCH}. */
    public int number() {
        return number;
    }

    /** The text {@code strerror(3)} gives for this error, in lower case. */
    public String description() {
        return description;
    }
}
