package io.sandkernel.driver.wasm.wasi;

import io.sandkernel.api.fs.FileType;
import io.sandkernel.api.fs.Stat;
import java.time.Instant;
import run.endive.runtime.Memory;

/** WASI preview 1's constants and the layouts of the structures it exchanges with the guest. */
final class WasiTypes {
    private WasiTypes() {}

    // filetype
    static final int FILETYPE_UNKNOWN = 0;
    static final int FILETYPE_BLOCK_DEVICE = 1;
    static final int FILETYPE_CHARACTER_DEVICE = 2;
    static final int FILETYPE_DIRECTORY = 3;
    static final int FILETYPE_REGULAR_FILE = 4;
    static final int FILETYPE_SOCKET_STREAM = 6;
    static final int FILETYPE_SYMBOLIC_LINK = 7;

    // fdflags
    static final int FDFLAGS_APPEND = 1;
    static final int FDFLAGS_DSYNC = 2;
    static final int FDFLAGS_NONBLOCK = 4;
    static final int FDFLAGS_RSYNC = 8;
    static final int FDFLAGS_SYNC = 16;

    // oflags
    static final int OFLAGS_CREAT = 1;
    static final int OFLAGS_DIRECTORY = 2;
    static final int OFLAGS_EXCL = 4;
    static final int OFLAGS_TRUNC = 8;

    // lookupflags
    static final int LOOKUP_SYMLINK_FOLLOW = 1;

    // fstflags
    static final int FSTFLAGS_ATIM = 1;
    static final int FSTFLAGS_ATIM_NOW = 2;
    static final int FSTFLAGS_MTIM = 4;
    static final int FSTFLAGS_MTIM_NOW = 8;

    // rights
    static final long RIGHT_FD_DATASYNC = 1L;
    static final long RIGHT_FD_READ = 1L << 1;
    static final long RIGHT_FD_SEEK = 1L << 2;
    static final long RIGHT_FD_FDSTAT_SET_FLAGS = 1L << 3;
    static final long RIGHT_FD_SYNC = 1L << 4;
    static final long RIGHT_FD_TELL = 1L << 5;
    static final long RIGHT_FD_WRITE = 1L << 6;
    static final long RIGHT_FD_ADVISE = 1L << 7;
    static final long RIGHT_FD_ALLOCATE = 1L << 8;
    static final long RIGHT_PATH_CREATE_DIRECTORY = 1L << 9;
    static final long RIGHT_PATH_CREATE_FILE = 1L << 10;
    static final long RIGHT_PATH_LINK_SOURCE = 1L << 11;
    static final long RIGHT_PATH_LINK_TARGET = 1L << 12;
    static final long RIGHT_PATH_OPEN = 1L << 13;
    static final long RIGHT_FD_READDIR = 1L << 14;
    static final long RIGHT_PATH_READLINK = 1L << 15;
    static final long RIGHT_PATH_RENAME_SOURCE = 1L << 16;
    static final long RIGHT_PATH_RENAME_TARGET = 1L << 17;
    static final long RIGHT_PATH_FILESTAT_GET = 1L << 18;
    static final long RIGHT_PATH_FILESTAT_SET_SIZE = 1L << 19;
    static final long RIGHT_PATH_FILESTAT_SET_TIMES = 1L << 20;
    static final long RIGHT_PATH_SYMLINK = 1L << 24;
    static final long RIGHT_PATH_REMOVE_DIRECTORY = 1L << 25;
    static final long RIGHT_PATH_UNLINK_FILE = 1L << 26;
    static final long RIGHT_FD_FILESTAT_GET = 1L << 21;
    static final long RIGHT_FD_FILESTAT_SET_SIZE = 1L << 22;
    static final long RIGHT_FD_FILESTAT_SET_TIMES = 1L << 23;
    static final long RIGHT_POLL_FD_READWRITE = 1L << 27;
    /** Every path_* right (bits 9–13, 15–20, 24–26). */
    static final long RIGHTS_PATH = (0x1FL << 9) | (0x3FL << 15) | (0x7L << 24);
    /** What a regular file allows. */
    static final long RIGHTS_FILE = RIGHT_FD_DATASYNC | RIGHT_FD_READ | RIGHT_FD_SEEK | RIGHT_FD_FDSTAT_SET_FLAGS
            | RIGHT_FD_SYNC | RIGHT_FD_TELL | RIGHT_FD_WRITE | RIGHT_FD_ADVISE | RIGHT_FD_ALLOCATE
            | RIGHT_FD_FILESTAT_GET | RIGHT_FD_FILESTAT_SET_SIZE | RIGHT_FD_FILESTAT_SET_TIMES | RIGHT_POLL_FD_READWRITE;
    /** What a directory allows. */
    static final long RIGHTS_DIRECTORY = RIGHT_FD_FDSTAT_SET_FLAGS | RIGHT_FD_SYNC | RIGHT_FD_ADVISE | RIGHT_FD_READDIR
            | RIGHT_FD_FILESTAT_GET | RIGHT_FD_FILESTAT_SET_TIMES | RIGHTS_PATH | RIGHT_POLL_FD_READWRITE;
    /** What a terminal, pipe or other stream allows: no seeking (wasi-libc's isatty looks for that). */
    static final long RIGHTS_STREAM = RIGHT_FD_READ | RIGHT_FD_WRITE | RIGHT_FD_FDSTAT_SET_FLAGS
            | RIGHT_FD_FILESTAT_GET | RIGHT_POLL_FD_READWRITE;

    // events
    static final int EVENTTYPE_CLOCK = 0;
    static final int EVENTTYPE_FD_READ = 1;
    static final int EVENTTYPE_FD_WRITE = 2;
    static final int SUBCLOCKFLAGS_ABSTIME = 1;
    static final int EVENTRWFLAGS_HANGUP = 1;

    /** The WASI filetype of a kernel file type. */
    static int filetype(FileType type) {
        return switch (type) {
            case REGULAR -> FILETYPE_REGULAR_FILE;
            case DIRECTORY -> FILETYPE_DIRECTORY;
            case SYMLINK -> FILETYPE_SYMBOLIC_LINK;
            case CHARACTER_DEVICE -> FILETYPE_CHARACTER_DEVICE;
            case BLOCK_DEVICE -> FILETYPE_BLOCK_DEVICE;
            case SOCKET -> FILETYPE_SOCKET_STREAM;
            default -> FILETYPE_UNKNOWN;
        };
    }

    /** Writes a {@code filestat} (64 bytes) at {@code address}. */
    static void writeFilestat(Memory memory, int address, Stat stat) {
        memory.writeLong(address, stat.dev());
        memory.writeLong(address + 8, stat.ino());
        memory.writeLong(address + 16, 0L);
        memory.writeByte(address + 16, (byte) filetype(stat.type()));
        memory.writeLong(address + 24, stat.nlink());
        memory.writeLong(address + 32, stat.size());
        memory.writeLong(address + 40, nanos(stat.atime()));
        memory.writeLong(address + 48, nanos(stat.mtime()));
        memory.writeLong(address + 56, nanos(stat.ctime()));
    }

    private static long nanos(Instant instant) {
        return instant == null ? 0 : instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /**
     * The (access, modification) times for the kernel's {@code utimensat} from WASI's
     * {@code fstflags}: a time, now, or unchanged.
     *
     * @throws WasiError EINVAL when a time and "now" are both asked, or an unknown flag is set
     */
    static long[] times(long atim, long mtim, int flags) {
        if ((flags & ~0xF) != 0 || (flags & (FSTFLAGS_ATIM | FSTFLAGS_ATIM_NOW)) == (FSTFLAGS_ATIM | FSTFLAGS_ATIM_NOW)
                || (flags & (FSTFLAGS_MTIM | FSTFLAGS_MTIM_NOW)) == (FSTFLAGS_MTIM | FSTFLAGS_MTIM_NOW)) {
            throw new WasiError(WasiErrno.INVAL, "bad fstflags " + flags);
        }
        long access = (flags & FSTFLAGS_ATIM_NOW) != 0 ? io.sandkernel.api.fs.OpenFlags.UTIME_NOW
                : (flags & FSTFLAGS_ATIM) != 0 ? atim : io.sandkernel.api.fs.OpenFlags.UTIME_OMIT;
        long modify = (flags & FSTFLAGS_MTIM_NOW) != 0 ? io.sandkernel.api.fs.OpenFlags.UTIME_NOW
                : (flags & FSTFLAGS_MTIM) != 0 ? mtim : io.sandkernel.api.fs.OpenFlags.UTIME_OMIT;
        return new long[] {access, modify};
    }
}
