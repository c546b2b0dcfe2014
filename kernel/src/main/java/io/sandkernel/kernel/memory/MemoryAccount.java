package io.sandkernel.kernel.memory;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The memory of one kernel: what every charge holds together, against the kernel's limit. A
 * charge that does not fit fails with ENOMEM and takes nothing. Lock-free: one compare-and-set per
 * charge, so callers charge in chunks rather than per byte.
 */
public final class MemoryAccount {
    private final long limit;
    private final AtomicLong used = new AtomicLong();

    /** @param limit the bytes all charges may hold together, at least 1 */
    public MemoryAccount(long limit) {
        if (limit < 1) {
            throw new KernelException(Errno.EINVAL, "memory limit must be positive, not " + limit);
        }
        this.limit = limit;
    }

    /** The limit in bytes. */
    public long limit() {
        return limit;
    }

    /** The bytes charged now. */
    public long used() {
        return used.get();
    }

    /**
     * Takes {@code bytes}.
     *
     * @throws KernelException ENOMEM when they do not fit under the limit
     */
    public void charge(long bytes) {
        if (!tryCharge(bytes)) {
            throw new KernelException(Errno.ENOMEM, "out of memory: " + bytes + " more bytes do not fit (limit "
                    + limit + " bytes)");
        }
    }

    /** Takes all of {@code bytes}, or nothing when they do not fit; whether they were taken. */
    public boolean tryCharge(long bytes) {
        if (bytes <= 0) {
            return true;
        }
        long current;
        do {
            current = used.get();
            if (bytes > limit - current) {
                return false;
            }
        } while (!used.compareAndSet(current, current + bytes));
        return true;
    }

    /**
     * Takes up to {@code wanted} bytes, as much as fits (a write that fills the memory is short).
     *
     * @return the bytes taken, from 0 to {@code wanted}
     */
    public long reserveUpTo(long wanted) {
        if (wanted <= 0) {
            return 0;
        }
        long current;
        long granted;
        do {
            current = used.get();
            granted = Math.max(0, Math.min(wanted, limit - current));
            if (granted == 0) {
                return 0;
            }
        } while (!used.compareAndSet(current, current + granted));
        return granted;
    }

    /** Takes {@code bytes} even past the limit (what a mounted filesystem already holds). */
    public void chargeAnyway(long bytes) {
        if (bytes > 0) {
            used.addAndGet(bytes);
        }
    }

    /** Gives back {@code bytes}. */
    public void release(long bytes) {
        if (bytes > 0) {
            used.updateAndGet(current -> Math.max(0, current - bytes));
        }
    }
}
