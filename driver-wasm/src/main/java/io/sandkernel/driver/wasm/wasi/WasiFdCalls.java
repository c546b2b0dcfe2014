package io.sandkernel.driver.wasm.wasi;

import static io.sandkernel.driver.wasm.wasi.WasiTypes.*;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.DirEntry;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.Stat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import run.endive.runtime.Memory;

/**
 * The {@code fd_*} calls of WASI preview 1, each a kernel system call on the descriptor the guest
 * names: reads and writes block as the kernel's do (pipes, terminals) and are restarted after a
 * stop; errors are the kernel's, translated. Rights are not a separate mechanism here: the kernel's
 * permissions and access modes decide. WASI rights are what a descriptor's type and access mode
 * allow; a guest may drop some ({@code fd_fdstat_set_rights}) and is then refused (ENOTCAPABLE)
 * the calls that need them.
 */
final class WasiFdCalls {
    private final WasiContext ctx;

    WasiFdCalls(WasiContext ctx) {
        this.ctx = ctx;
    }

    /** The kernel descriptor of guest descriptor {@code fd}, which must still have {@code right}. */
    private int kernel(long fd, long right) {
        return ctx.fds.get(fd).require(right).kernelFd();
    }

    /** The kernel descriptor of a guest descriptor that must not be a directory (EBADF, as wasmtime). */
    private int nonDirectory(long fd, long right) {
        int kernelFd = kernel(fd, right);
        if (ctx.api.fstat(kernelFd).isDirectory()) {
            throw new KernelException(Errno.EBADF, "a directory");
        }
        return kernelFd;
    }

    int advise(Memory memory, long[] args) {
        nonDirectory(args[0], RIGHT_FD_ADVISE);
        if (args[1] < 0 || args[2] < 0 || args[3] < 0 || args[3] > 5) {
            return WasiErrno.INVAL;
        }
        return WasiErrno.SUCCESS;
    }

    int allocate(Memory memory, long[] args) {
        int kernelFd = nonDirectory(args[0], RIGHT_FD_ALLOCATE);
        long offset = args[1];
        long length = args[2];
        if (offset < 0 || length <= 0 || offset + length < 0) {
            return WasiErrno.INVAL;
        }
        Stat stat = ctx.api.fstat(kernelFd);
        if (stat.size() < offset + length) {
            ctx.api.ftruncate(kernelFd, offset + length);
        }
        return WasiErrno.SUCCESS;
    }

    int close(Memory memory, long[] args) {
        GuestFds.Entry entry = ctx.fds.remove(args[0]);
        ctx.api.close(entry.kernelFd());
        return WasiErrno.SUCCESS;
    }

    int sync(Memory memory, long[] args) {
        ctx.api.fsync(ctx.fds.kernel(args[0]));
        return WasiErrno.SUCCESS;
    }

    /** The rights of {@code entry}: what its file type and access mode allow, less what the guest dropped. */
    private long[] rights(GuestFds.Entry entry, Stat stat, int status) {
        int kernelFd = entry.kernelFd();
        long base;
        long inheriting = 0;
        switch (stat.type()) {
            case DIRECTORY -> {
                base = RIGHTS_DIRECTORY;
                inheriting = RIGHTS_DIRECTORY | RIGHTS_FILE;
            }
            case REGULAR -> base = RIGHTS_FILE;
            case CHARACTER_DEVICE -> base = ctx.api.isatty(kernelFd) ? RIGHTS_STREAM : RIGHTS_FILE;
            default -> base = RIGHTS_STREAM;
        }
        int access = status & OpenFlags.O_ACCMODE;
        if (access == OpenFlags.O_RDONLY) {
            base &= ~(RIGHT_FD_WRITE | RIGHT_FD_ALLOCATE | RIGHT_FD_FILESTAT_SET_SIZE | RIGHT_FD_DATASYNC);
        } else if (access == OpenFlags.O_WRONLY) {
            base &= ~(RIGHT_FD_READ | RIGHT_FD_READDIR);
        }
        return new long[] {base & entry.baseMask, inheriting & entry.inheritingMask};
    }

    int fdstatGet(Memory memory, long[] args) {
        GuestFds.Entry entry = ctx.fds.get(args[0]);
        Stat stat = ctx.api.fstat(entry.kernelFd());
        int status = ctx.api.fcntl(entry.kernelFd(), OpenFlags.F_GETFL, 0);
        int flags = ((status & OpenFlags.O_APPEND) != 0 ? FDFLAGS_APPEND : 0)
                | ((status & OpenFlags.O_NONBLOCK) != 0 ? FDFLAGS_NONBLOCK : 0);
        long[] rights = rights(entry, stat, status);
        long base = rights[0];
        long inheriting = rights[1];
        int address = (int) args[1];
        memory.writeLong(address, 0L);
        memory.writeByte(address, (byte) filetype(stat.type()));
        memory.writeShort(address + 2, (short) flags);
        memory.writeLong(address + 8, base);
        memory.writeLong(address + 16, inheriting);
        return WasiErrno.SUCCESS;
    }

    int fdstatSetFlags(Memory memory, long[] args) {
        int kernelFd = ctx.fds.kernel(args[0]);
        int flags = (int) args[1];
        if ((flags & ~0x1F) != 0) {
            return WasiErrno.INVAL;
        }
        if ((flags & (FDFLAGS_DSYNC | FDFLAGS_RSYNC | FDFLAGS_SYNC)) != 0) {
            return WasiErrno.NOTSUP;
        }
        int status = ctx.api.fcntl(kernelFd, OpenFlags.F_GETFL, 0) & ~(OpenFlags.O_APPEND | OpenFlags.O_NONBLOCK);
        status |= ((flags & FDFLAGS_APPEND) != 0 ? OpenFlags.O_APPEND : 0)
                | ((flags & FDFLAGS_NONBLOCK) != 0 ? OpenFlags.O_NONBLOCK : 0);
        ctx.api.fcntl(kernelFd, OpenFlags.F_SETFL, status);
        return WasiErrno.SUCCESS;
    }

    /** {@code fd_fdstat_set_rights}: rights can be dropped, never added (ENOTCAPABLE). */
    int fdstatSetRights(Memory memory, long[] args) {
        GuestFds.Entry entry = ctx.fds.get(args[0]);
        Stat stat = ctx.api.fstat(entry.kernelFd());
        long[] current = rights(entry, stat, ctx.api.fcntl(entry.kernelFd(), OpenFlags.F_GETFL, 0));
        long base = args[1];
        long inheriting = args[2];
        if ((base & ~current[0]) != 0 || (inheriting & ~current[1]) != 0) {
            return WasiErrno.NOTCAPABLE;
        }
        entry.baseMask = base;
        entry.inheritingMask = inheriting;
        return WasiErrno.SUCCESS;
    }

    int filestatGet(Memory memory, long[] args) {
        Stat stat = ctx.api.fstat(kernel(args[0], RIGHT_FD_FILESTAT_GET));
        writeFilestat(memory, (int) args[1], stat);
        return WasiErrno.SUCCESS;
    }

    int filestatSetSize(Memory memory, long[] args) {
        int kernelFd = nonDirectory(args[0], RIGHT_FD_FILESTAT_SET_SIZE);
        if (args[1] < 0) {
            return WasiErrno.INVAL;
        }
        ctx.api.ftruncate(kernelFd, args[1]);
        return WasiErrno.SUCCESS;
    }

    int filestatSetTimes(Memory memory, long[] args) {
        int kernelFd = kernel(args[0], RIGHT_FD_FILESTAT_SET_TIMES);
        long[] times = times(args[1], args[2], (int) args[3]);
        ctx.api.futimens(kernelFd, times[0], times[1]);
        return WasiErrno.SUCCESS;
    }

    int pread(Memory memory, long[] args) {
        int kernelFd = nonDirectory(args[0], RIGHT_FD_READ | RIGHT_FD_SEEK);
        int iovs = (int) args[1];
        int count = (int) args[2];
        long offset = args[3];
        if (offset < 0) {
            return WasiErrno.INVAL;
        }
        int total = WasiContext.iovecTotal(memory, iovs, count);
        byte[] buffer = ctx.scratch(total);
        int n = total == 0 ? 0 : ctx.blocking(() -> ctx.api.pread(kernelFd, buffer, 0, total, offset));
        WasiContext.scatter(memory, iovs, count, buffer, n);
        memory.writeI32((int) args[4], n);
        return WasiErrno.SUCCESS;
    }

    int pwrite(Memory memory, long[] args) {
        int kernelFd = nonDirectory(args[0], RIGHT_FD_WRITE | RIGHT_FD_SEEK);
        int iovs = (int) args[1];
        int count = (int) args[2];
        long offset = args[3];
        if (offset < 0) {
            return WasiErrno.INVAL;
        }
        int total = WasiContext.iovecTotal(memory, iovs, count);
        byte[] buffer = ctx.scratch(total);
        WasiContext.gather(memory, iovs, count, buffer, total);
        int n = total == 0 ? 0 : ctx.blocking(() -> ctx.api.pwrite(kernelFd, buffer, 0, total, offset));
        memory.writeI32((int) args[4], n);
        return WasiErrno.SUCCESS;
    }

    int read(Memory memory, long[] args) {
        int kernelFd = kernel(args[0], RIGHT_FD_READ);
        int iovs = (int) args[1];
        int count = (int) args[2];
        int total = WasiContext.iovecTotal(memory, iovs, count);
        byte[] buffer = ctx.scratch(total);
        int n = total == 0 ? 0 : ctx.blocking(() -> ctx.api.read(kernelFd, buffer, 0, total));
        WasiContext.scatter(memory, iovs, count, buffer, n);
        memory.writeI32((int) args[3], n);
        return WasiErrno.SUCCESS;
    }

    int write(Memory memory, long[] args) {
        int kernelFd = kernel(args[0], RIGHT_FD_WRITE);
        int iovs = (int) args[1];
        int count = (int) args[2];
        int total = WasiContext.iovecTotal(memory, iovs, count);
        byte[] buffer = ctx.scratch(total);
        WasiContext.gather(memory, iovs, count, buffer, total);
        int n = total == 0 ? 0 : ctx.blocking(() -> ctx.api.write(kernelFd, buffer, 0, total));
        memory.writeI32((int) args[3], n);
        return WasiErrno.SUCCESS;
    }

    int prestatGet(Memory memory, long[] args) {
        GuestFds.Entry entry = ctx.fds.get(args[0]);
        if (entry.preopen() == null) {
            return WasiErrno.BADF;
        }
        int address = (int) args[1];
        memory.writeI32(address, 0);
        memory.writeI32(address + 4, entry.preopen().getBytes(StandardCharsets.UTF_8).length);
        return WasiErrno.SUCCESS;
    }

    int prestatDirName(Memory memory, long[] args) {
        GuestFds.Entry entry = ctx.fds.get(args[0]);
        if (entry.preopen() == null) {
            return WasiErrno.BADF;
        }
        byte[] name = entry.preopen().getBytes(StandardCharsets.UTF_8);
        if (Integer.toUnsignedLong((int) args[2]) < name.length) {
            return WasiErrno.NAMETOOLONG;
        }
        memory.write((int) args[1], name);
        return WasiErrno.SUCCESS;
    }

    /**
     * {@code fd_readdir}: the entries from index {@code cookie} on, each a 24-byte dirent and its
     * name, as many as fit (the last one cut short tells the guest to come back with a bigger
     * buffer). {@code d_next} is the next entry's index; {@code d_ino} is the kernel's inode.
     */
    int readdir(Memory memory, long[] args) {
        int kernelFd = kernel(args[0], RIGHT_FD_READDIR);
        int buffer = (int) args[1];
        int length = (int) args[2];
        long cookie = args[3];
        List<DirEntry> entries = ctx.api.readdir(kernelFd);
        byte[] out = new byte[Math.max(0, length)];
        int used = 0;
        for (long index = Math.max(0, cookie); index < entries.size() && used < length; index++) {
            DirEntry entry = entries.get((int) index);
            byte[] name = entry.name().getBytes(StandardCharsets.UTF_8);
            byte[] record = new byte[24 + name.length];
            java.nio.ByteBuffer view = java.nio.ByteBuffer.wrap(record).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            view.putLong(0, index + 1);
            view.putLong(8, entry.ino());
            view.putInt(16, name.length);
            record[20] = (byte) filetype(entry.type());
            System.arraycopy(name, 0, record, 24, name.length);
            int n = Math.min(record.length, length - used);
            System.arraycopy(record, 0, out, used, n);
            used += n;
        }
        memory.write(buffer, out, 0, used);
        memory.writeI32((int) args[4], used);
        return WasiErrno.SUCCESS;
    }

    int renumber(Memory memory, long[] args) {
        GuestFds.Entry replaced = ctx.fds.renumber(args[0], args[1]);
        if (replaced != null) {
            ctx.api.close(replaced.kernelFd());
        }
        return WasiErrno.SUCCESS;
    }

    int seek(Memory memory, long[] args) {
        int kernelFd = nonDirectory(args[0], args[1] == 0 && args[2] == 1 ? RIGHT_FD_TELL : RIGHT_FD_SEEK);
        int whence = (int) args[2];
        if (whence < 0 || whence > 2) {
            return WasiErrno.INVAL;
        }
        long position = ctx.api.lseek(kernelFd, args[1], whence);
        memory.writeLong((int) args[3], position);
        return WasiErrno.SUCCESS;
    }

    int tell(Memory memory, long[] args) {
        int kernelFd = nonDirectory(args[0], RIGHT_FD_TELL);
        memory.writeLong((int) args[1], ctx.api.lseek(kernelFd, 0, OpenFlags.SEEK_CUR));
        return WasiErrno.SUCCESS;
    }
}
