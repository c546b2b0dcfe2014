package io.sandkernel.driver.wasm.wasi;

import io.sandkernel.Errno;

/**
 * WASI preview 1's {@code errno} values, and the translation of the kernel's Linux errors to them.
 * Every Linux error the kernel raises has a WASI counterpart of the same meaning; an error
 * unknown to WASI becomes {@link #IO}.
 */
final class WasiErrno {
    private WasiErrno() {}

    static final int SUCCESS = 0;
    static final int TOOBIG = 1;
    static final int ACCES = 2;
    static final int AGAIN = 6;
    static final int BADF = 8;
    static final int BUSY = 10;
    static final int CHILD = 12;
    static final int EXIST = 20;
    static final int FAULT = 21;
    static final int FBIG = 22;
    static final int INTR = 27;
    static final int INVAL = 28;
    static final int IO = 29;
    static final int ISDIR = 31;
    static final int LOOP = 32;
    static final int MFILE = 33;
    static final int MLINK = 34;
    static final int NAMETOOLONG = 37;
    static final int NFILE = 41;
    static final int NODEV = 43;
    static final int NOENT = 44;
    static final int NOEXEC = 45;
    static final int NOMEM = 48;
    static final int NOSPC = 51;
    static final int NOSYS = 52;
    static final int NOTDIR = 54;
    static final int NOTEMPTY = 55;
    static final int NOTSOCK = 57;
    static final int NOTSUP = 58;
    static final int NOTTY = 59;
    static final int PERM = 63;
    static final int PIPE = 64;
    static final int RANGE = 68;
    static final int ROFS = 69;
    static final int SPIPE = 70;
    static final int SRCH = 71;
    static final int TIMEDOUT = 73;
    static final int XDEV = 75;
    static final int NOTCAPABLE = 76;

    /** The WASI errno of the kernel's {@code errno}. */
    static int of(Errno errno) {
        return switch (errno) {
            case EPERM -> PERM;
            case ENOENT -> NOENT;
            case ESRCH -> SRCH;
            case EINTR -> INTR;
            case EIO -> IO;
            case E2BIG -> TOOBIG;
            case ENOEXEC -> NOEXEC;
            case EBADF -> BADF;
            case ECHILD -> CHILD;
            case EAGAIN -> AGAIN;
            case ENOMEM -> NOMEM;
            case EACCES -> ACCES;
            case EFAULT -> FAULT;
            case EBUSY -> BUSY;
            case EEXIST -> EXIST;
            case EXDEV -> XDEV;
            case ENODEV -> NODEV;
            case ENOTDIR -> NOTDIR;
            case EISDIR -> ISDIR;
            case EINVAL -> INVAL;
            case ENFILE -> NFILE;
            case EMFILE -> MFILE;
            case ENOTTY -> NOTTY;
            case EFBIG -> FBIG;
            case ENOSPC -> NOSPC;
            case ESPIPE -> SPIPE;
            case EROFS -> ROFS;
            case EMLINK -> MLINK;
            case EPIPE -> PIPE;
            case ERANGE -> RANGE;
            case ENAMETOOLONG -> NAMETOOLONG;
            case ENOSYS -> NOSYS;
            case ENOTEMPTY -> NOTEMPTY;
            case ELOOP -> LOOP;
            case ENOTSUP -> NOTSUP;
            case ETIMEDOUT -> TIMEDOUT;
            default -> IO;
        };
    }
}
