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

    /** Directory descriptor {@code fd}, which must still have {@code right}. */
    private GuestFds.Entry dir(long fd, long right) {
        return ctx.fds.get(fd).require(right);
    }

    /** The guest path at {@code address} as the kernel is to see it beneath {@code dir}. */
    private String path(Memory memory, GuestFds.Entry dir, long address, long length, boolean followLast) {
        return ctx.paths.resolve(dir.kernelFd(), WasiContext.string(memory, address, length), followLast,
                dir.confined());
    }

    int createDirectory(Memory memory, long[] args) {
        GuestFds.Entry dirEntry = dir(args[0], RIGHT_PATH_CREATE_DIRECTORY);
        ctx.api.mkdirat(dirEntry.kernelFd(), path(memory, dirEntry, args[1], args[2], false), 0777);
        return WasiErrno.SUCCESS;
    }

    int filestatGet(Memory memory, long[] args) {
        GuestFds.Entry dirEntry = dir(args[0], RIGHT_PATH_FILESTAT_GET);
        boolean follow = (args[1] & LOOKUP_SYMLINK_FOLLOW) != 0;
        String path = path(memory, dirEntry, args[2], args[3], follow);
        Stat stat = ctx.api.fstatat(dirEntry.kernelFd(), path, follow ? 0 : OpenFlags.AT_SYMLINK_NOFOLLOW);
        writeFilestat(memory, (int) args[4], stat);
        return WasiErrno.SUCCESS;
    }

    int filestatSetTimes(Memory memory, long[] args) {
        GuestFds.Entry dirEntry = dir(args[0], RIGHT_PATH_FILESTAT_SET_TIMES);
        boolean follow = (args[1] & LOOKUP_SYMLINK_FOLLOW) != 0;
        long[] times = times(args[4], args[5], (int) args[6]);
        String path = path(memory, dirEntry, args[2], args[3], follow);
        ctx.api.utimensat(dirEntry.kernelFd(), path, times[0], times[1],
                follow ? 0 : OpenFlags.AT_SYMLINK_NOFOLLOW);
        return WasiErrno.SUCCESS;
    }

    int link(Memory memory, long[] args) {
        GuestFds.Entry oldDirEntry = dir(args[0], RIGHT_PATH_LINK_SOURCE);
        boolean follow = (args[1] & LOOKUP_SYMLINK_FOLLOW) != 0;
        String oldPath = path(memory, oldDirEntry, args[2], args[3], follow);
        GuestFds.Entry newDirEntry = dir(args[4], RIGHT_PATH_LINK_TARGET);
        String newPath = path(memory, newDirEntry, args[5], args[6], false);
        ctx.api.linkat(oldDirEntry.kernelFd(), oldPath, newDirEntry.kernelFd(), newPath,
                follow ? OpenFlags.AT_SYMLINK_FOLLOW : 0);
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
        GuestFds.Entry dirEntry = dir(args[0], needed);
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
        String path = path(memory, dirEntry, args[2], args[3], follow && !exclusive);
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
        int kernelFd = ctx.blocking(() -> ctx.api.openat(dirEntry.kernelFd(), path, openFlags, 0666));
        int guestFd = ctx.fds.add(new GuestFds.Entry(kernelFd, null, dirEntry.confined()));
        memory.writeI32((int) args[8], guestFd);
        return WasiErrno.SUCCESS;
    }

    int readlink(Memory memory, long[] args) {
        GuestFds.Entry dirEntry = dir(args[0], RIGHT_PATH_READLINK);
        String path = path(memory, dirEntry, args[1], args[2], false);
        byte[] target = ctx.api.readlinkat(dirEntry.kernelFd(), path).getBytes(StandardCharsets.UTF_8);
        int n = (int) Math.min(target.length, Integer.toUnsignedLong((int) args[4]));
        memory.write((int) args[3], target, 0, n);
        memory.writeI32((int) args[5], n);
        return WasiErrno.SUCCESS;
    }

    int removeDirectory(Memory memory, long[] args) {
        GuestFds.Entry dirEntry = dir(args[0], RIGHT_PATH_REMOVE_DIRECTORY);
        ctx.api.unlinkat(dirEntry.kernelFd(), path(memory, dirEntry, args[1], args[2], false),
                OpenFlags.AT_REMOVEDIR);
        return WasiErrno.SUCCESS;
    }

    int rename(Memory memory, long[] args) {
        GuestFds.Entry oldDirEntry = dir(args[0], RIGHT_PATH_RENAME_SOURCE);
        String oldPath = path(memory, oldDirEntry, args[1], args[2], false);
        GuestFds.Entry newDirEntry = dir(args[3], RIGHT_PATH_RENAME_TARGET);
        String newPath = path(memory, newDirEntry, args[4], args[5], false);
        ctx.api.renameat(oldDirEntry.kernelFd(), oldPath, newDirEntry.kernelFd(), newPath);
        return WasiErrno.SUCCESS;
    }

    int symlink(Memory memory, long[] args) {
        String target = WasiContext.string(memory, args[0], args[1]);
        GuestFds.Entry dirEntry = dir(args[2], RIGHT_PATH_SYMLINK);
        if (target.startsWith("/") && dirEntry.confined()) {
            // beneath a confined directory its target could only ever be refused
            throw new WasiError(WasiErrno.NOTCAPABLE, "symbolic link to an absolute path");
        }
        ctx.api.symlinkat(target, dirEntry.kernelFd(), path(memory, dirEntry, args[3], args[4], false));
        return WasiErrno.SUCCESS;
    }

    int unlinkFile(Memory memory, long[] args) {
        GuestFds.Entry dirEntry = dir(args[0], RIGHT_PATH_UNLINK_FILE);
        ctx.api.unlinkat(dirEntry.kernelFd(), path(memory, dirEntry, args[1], args[2], false), 0);
        return WasiErrno.SUCCESS;
    }
}
