package io.sandkernel.kernel.vfs;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.StatFs;
import io.sandkernel.kernel.memory.MemoryAccount;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes and inodes the counted mounts of one {@link Vfs} use, against its {@link VfsLimits}.
 * Each method applies the mount's {@link FileSystemBackend.Accounting}: {@code COUNTED} mounts
 * count everything, {@code HOST} mounts only bytes they grew through the kernel (and get back at
 * most that), {@code NONE} mounts nothing. {@code COUNTED} data and inodes also take from the
 * kernel's memory (file data of an in-memory filesystem is memory, as tmpfs pages are): where the
 * memory is used up, a write is short or fails with ENOSPC even below the filesystem's size.
 * Lock-free.
 */
final class SpaceAccount {
    /** The block size {@code statfs} reports. */
    static final int BLOCK_SIZE = 4096;

    /** What an inode (its entry in a directory, its attributes) is charged of the kernel's memory. */
    static final int INODE_MEMORY = 256;

    private final VfsLimits limits;
    private final MemoryAccount memory;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong inodes = new AtomicLong();

    SpaceAccount(VfsLimits limits, MemoryAccount memory) {
        this.limits = limits;
        this.memory = memory;
    }

    long usedBytes() {
        return bytes.get();
    }

    long usedInodes() {
        return inodes.get();
    }

    /** Counts what a mounted filesystem already holds; may exceed the limits (then nothing more fits). */
    void addExisting(long existingBytes, long existingInodes) {
        bytes.addAndGet(existingBytes);
        inodes.addAndGet(existingInodes);
        memory.chargeAnyway(existingBytes + existingInodes * INODE_MEMORY);
    }

    /** Takes one inode for a new file of {@code mount}. @throws KernelException ENOSPC when none is left */
    void chargeInode(Mount mount, String path) {
        if (mount.backend().accounting() != FileSystemBackend.Accounting.COUNTED) {
            return;
        }
        long used;
        do {
            used = inodes.get();
            if (used >= limits.maxInodes()) {
                throw new KernelException(Errno.ENOSPC, "no inodes left (limit " + limits.maxInodes() + ") for " + path);
            }
        } while (!inodes.compareAndSet(used, used + 1));
        if (!memory.tryCharge(INODE_MEMORY)) {
            inodes.decrementAndGet();
            throw new KernelException(Errno.ENOSPC, "no memory left for a new inode: " + path);
        }
    }

    /** Gives back the inode of a file of {@code mount} that no longer exists. */
    void releaseInode(Mount mount) {
        if (mount.backend().accounting() == FileSystemBackend.Accounting.COUNTED) {
            inodes.updateAndGet(used -> Math.max(0, used - 1));
            memory.release(INODE_MEMORY);
        }
    }

    /**
     * Takes up to {@code wanted} bytes for growing a file of {@code mount}.
     *
     * @return the bytes granted, from 0 to {@code wanted}
     */
    long reserveBytes(Mount mount, long wanted) {
        if (wanted <= 0 || mount.backend().accounting() == FileSystemBackend.Accounting.NONE) {
            return Math.max(0, wanted);
        }
        boolean counted = mount.backend().accounting() == FileSystemBackend.Accounting.COUNTED;
        long inMemory = counted ? memory.reserveUpTo(wanted) : wanted;
        long used;
        long granted;
        do {
            used = bytes.get();
            granted = Math.max(0, Math.min(inMemory, limits.maxBytes() - used));
            if (granted == 0) {
                break;
            }
        } while (!bytes.compareAndSet(used, used + granted));
        if (counted) {
            memory.release(inMemory - granted);
        } else {
            mount.hostCharged().addAndGet(granted);
        }
        return granted;
    }

    /** Takes exactly {@code wanted} bytes. @throws KernelException ENOSPC when they do not fit */
    void reserveBytesExactly(Mount mount, long wanted, String path) {
        long granted = reserveBytes(mount, wanted);
        if (granted < wanted) {
            releaseBytes(mount, granted);
            throw new KernelException(Errno.ENOSPC, "no space left for " + wanted + " more bytes in " + path
                    + " (limit " + limits.maxBytes() + " bytes)");
        }
    }

    /** Gives back {@code freed} bytes of {@code mount}. */
    void releaseBytes(Mount mount, long freed) {
        if (freed <= 0) {
            return;
        }
        switch (mount.backend().accounting()) {
            case COUNTED -> {
                bytes.updateAndGet(used -> Math.max(0, used - freed));
                memory.release(freed);
            }
            case HOST -> {
                long charged;
                long taken;
                do {
                    charged = mount.hostCharged().get();
                    taken = Math.min(charged, freed);
                } while (!mount.hostCharged().compareAndSet(charged, charged - taken));
                long given = taken;
                bytes.updateAndGet(used -> Math.max(0, used - given));
            }
            case NONE -> { }
        }
    }

    /** What {@code statfs} reports for {@code mount}. */
    StatFs statfs(Mount mount) {
        if (mount.backend().accounting() == FileSystemBackend.Accounting.NONE) {
            return new StatFs(mount.typeName(), BLOCK_SIZE, 0, 0, 0, 0, mount.readOnly());
        }
        long totalBlocks = limits.maxBytes() / BLOCK_SIZE;
        long freeBlocks = Math.max(0, limits.maxBytes() - bytes.get()) / BLOCK_SIZE;
        long freeInodes = Math.max(0, limits.maxInodes() - inodes.get());
        return new StatFs(mount.typeName(), BLOCK_SIZE, totalBlocks, freeBlocks, limits.maxInodes(), freeInodes,
                mount.readOnly());
    }
}
