package io.sandkernel.driver.wasm.wasi;

import static io.sandkernel.driver.wasm.wasi.WasiTypes.*;

import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.Stat;
import java.nio.charset.StandardCharsets;
import run.endive.runtime.Memory;

/**
 * The {@code path_*} calls of WASI preview 1: each path is confined beneath its directory
 * descriptor by {@link PathResolver}, then handed to the kernel's {@code *at} system call with
 * that directory's kernel descriptor, so the kernel's permissions, mounts and limits apply.
 */
final class WasiPathCalls {
    private final WasiContext ctx;

    WasiPathCalls(WasiContext ctx) {
        this.ctx = ctx;
    }

    /** The kernel descriptor of directory descriptor {@code fd}, which must still have {@code right}. */
    private int dir(long fd, long right) {
        return ctx.fds.get(fd).require(right).kernelFd();
    }

    private String path(Memory memory, int kernelFd, long address, long length, boolean followLast) {
        return ctx.paths.resolve(kernelFd, WasiContext.string(memory, address, length), followLast);
    }

    int createDirectory(Memory memory, long[] args) {
        int dir = dir(args[0], RIGHT_PATH_CREATE_DIRECTORY);
        ctx.api.mkdirat(dir, path(memory, dir, args[1], args[2], false), 0777);
        return WasiErrno.SUCCESS;
    }

    int filestatGet(Memory memory, long[] args) {
        int dir = dir(args[0], RIGHT_PATH_FILESTAT_GET);
        boolean follow = (args[1] & LOOKUP_SYMLINK_FOLLOW) != 0;
        String path = path(memory, dir, args[2], args[3], follow);
        Stat stat = ctx.api.fstatat(dir, path, follow ? 0 : OpenFlags.AT_SYMLINK_NOFOLLOW);
        writeFilestat(memory, (int) args[4], stat);
        return WasiErrno.SUCCESS;
    }

    int filestatSetTimes(Memory memory, long[] args) {
        int dir = dir(args[0], RIGHT_PATH_FILESTAT_SET_TIMES);
        boolean follow = (args[1] & LOOKUP_SYMLINK_FOLLOW) != 0;
        long[] times = times(args[4], args[5], (int) args[6]);
        String path = path(memory, dir, args[2], args[3], follow);
        ctx.api.utimensat(dir, path, times[0], times[1], follow ? 0 : OpenFlags.AT_SYMLINK_NOFOLLOW);
        return WasiErrno.SUCCESS;
    }

    int link(Memory memory, long[] args) {
        int oldDir = dir(args[0], RIGHT_PATH_LINK_SOURCE);
        boolean follow = (args[1] & LOOKUP_SYMLINK_FOLLOW) != 0;
        String oldPath = path(memory, oldDir, args[2], args[3], follow);
        int newDir = dir(args[4], RIGHT_PATH_LINK_TARGET);
        String newPath = path(memory, newDir, args[5], args[6], false);
        ctx.api.linkat(oldDir, oldPath, newDir, newPath, follow ? OpenFlags.AT_SYMLINK_FOLLOW : 0);
        return WasiErrno.SUCCESS;
    }

    /**
     * {@code path_open}: the access mode comes from the rights asked for (read, write or both);
     * the descriptor is close-on-exec, its guest number the lowest free.
     */
    int open(Memory memory, long[] args) {
        int oflags = (int) args[4];
        long needed = RIGHT_PATH_OPEN | ((oflags & OFLAGS_CREAT) != 0 ? RIGHT_PATH_CREATE_FILE : 0)
                | ((oflags & OFLAGS_TRUNC) != 0 ? RIGHT_PATH_FILESTAT_SET_SIZE : 0);
        int dir = dir(args[0], needed);
        boolean follow = (args[1] & LOOKUP_SYMLINK_FOLLOW) != 0;
        long rights = args[5];
        int fdflags = (int) args[7];
        if ((oflags & ~0xF) != 0 || (fdflags & ~0x1F) != 0) {
            return WasiErrno.INVAL;
        }
        if ((fdflags & (FDFLAGS_DSYNC | FDFLAGS_RSYNC | FDFLAGS_SYNC)) != 0) {
            return WasiErrno.NOTSUP; // the kernel has no synchronized I/O modes
        }
        boolean exclusive = (oflags & OFLAGS_CREAT) != 0 && (oflags & OFLAGS_EXCL) != 0;
        String path = path(memory, dir, args[2], args[3], follow && !exclusive);
        long writeRights = RIGHT_FD_WRITE | RIGHT_FD_ALLOCATE | RIGHT_FD_FILESTAT_SET_SIZE;
        boolean write = (rights & writeRights) != 0 || (oflags & OFLAGS_TRUNC) != 0;
        boolean read = (rights & (RIGHT_FD_READ | RIGHT_FD_READDIR)) != 0;
        int flags = write ? (read ? OpenFlags.O_RDWR : OpenFlags.O_WRONLY) : OpenFlags.O_RDONLY;
        if ((oflags & OFLAGS_DIRECTORY) != 0) {
            flags |= OpenFlags.O_DIRECTORY; // with write rights the kernel answers EISDIR
        }
        flags |= ((oflags & OFLAGS_CREAT) != 0 ? OpenFlags.O_CREAT : 0)
                | ((oflags & OFLAGS_EXCL) != 0 ? OpenFlags.O_EXCL : 0)
                | ((oflags & OFLAGS_TRUNC) != 0 ? OpenFlags.O_TRUNC : 0)
                | ((fdflags & FDFLAGS_APPEND) != 0 ? OpenFlags.O_APPEND : 0)
                | ((fdflags & FDFLAGS_NONBLOCK) != 0 ? OpenFlags.O_NONBLOCK : 0)
                | (follow ? 0 : OpenFlags.O_NOFOLLOW)
                | OpenFlags.O_CLOEXEC;
        int openFlags = flags;
        int kernelFd = ctx.blocking(() -> ctx.api.openat(dir, path, openFlags, 0666));
        int guestFd = ctx.fds.add(new GuestFds.Entry(kernelFd, null));
        memory.writeI32((int) args[8], guestFd);
        return WasiErrno.SUCCESS;
    }

    int readlink(Memory memory, long[] args) {
        int dir = dir(args[0], RIGHT_PATH_READLINK);
        String path = path(memory, dir, args[1], args[2], false);
        byte[] target = ctx.api.readlinkat(dir, path).getBytes(StandardCharsets.UTF_8);
        int n = (int) Math.min(target.length, Integer.toUnsignedLong((int) args[4]));
        memory.write((int) args[3], target, 0, n);
        memory.writeI32((int) args[5], n);
        return WasiErrno.SUCCESS;
    }

    int removeDirectory(Memory memory, long[] args) {
        int dir = dir(args[0], RIGHT_PATH_REMOVE_DIRECTORY);
        ctx.api.unlinkat(dir, path(memory, dir, args[1], args[2], false), OpenFlags.AT_REMOVEDIR);
        return WasiErrno.SUCCESS;
    }

    int rename(Memory memory, long[] args) {
        int oldDir = dir(args[0], RIGHT_PATH_RENAME_SOURCE);
        String oldPath = path(memory, oldDir, args[1], args[2], false);
        int newDir = dir(args[3], RIGHT_PATH_RENAME_TARGET);
        String newPath = path(memory, newDir, args[4], args[5], false);
        ctx.api.renameat(oldDir, oldPath, newDir, newPath);
        return WasiErrno.SUCCESS;
    }

    int symlink(Memory memory, long[] args) {
        String target = WasiContext.string(memory, args[0], args[1]);
        if (target.startsWith("/")) {
            // its target could only ever be refused (absolute paths escape every directory)
            throw new WasiError(WasiErrno.NOTCAPABLE, "symbolic link to an absolute path");
        }
        int dir = dir(args[2], RIGHT_PATH_SYMLINK);
        ctx.api.symlinkat(target, dir, path(memory, dir, args[3], args[4], false));
        return WasiErrno.SUCCESS;
    }

    int unlinkFile(Memory memory, long[] args) {
        int dir = dir(args[0], RIGHT_PATH_UNLINK_FILE);
        ctx.api.unlinkat(dir, path(memory, dir, args[1], args[2], false), 0);
        return WasiErrno.SUCCESS;
    }
}
