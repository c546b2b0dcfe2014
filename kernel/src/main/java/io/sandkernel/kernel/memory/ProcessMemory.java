package io.sandkernel.kernel.memory;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one process holds of its kernel's memory, against its own limit (as Linux's
 * {@code RLIMIT_AS}: {@link #UNLIMITED} by default, inherited by children, lowered by anyone and
 * raised only by root). Everything it still holds goes back to the kernel when it exits
 * ({@link #releaseAll}), so a program that never releases leaks nothing past its life.
 */
public final class ProcessMemory {
    /** No limit of the process's own ({@code RLIM_INFINITY}). */
    public static final long UNLIMITED = Long.MAX_VALUE;

    private final MemoryAccount kernel;
    private final AtomicLong charged = new AtomicLong();
    private volatile long limit;
    private volatile boolean released;

    /**
     * @param kernel the kernel's account every charge also takes from
     * @param limit  the process's own limit in bytes, {@link #UNLIMITED} for none
     */
    public ProcessMemory(MemoryAccount kernel, long limit) {
        this.kernel = kernel;
        this.limit = limit;
    }

    /** The process's own limit in bytes, {@link #UNLIMITED} when it has none. */
    public long limit() {
        return limit;
    }

    /**
     * Sets the process's own limit ({@code setrlimit(RLIMIT_AS)}).
     *
     * @param bytes     the new limit, {@link #UNLIMITED} for none
     * @param privileged whether the caller may raise it (root)
     * @throws KernelException EINVAL for a negative limit, EPERM when an unprivileged caller raises it
     */
    public void setLimit(long bytes, boolean privileged) {
        if (bytes < 0) {
            throw new KernelException(Errno.EINVAL, "invalid memory limit " + bytes);
        }
        if (bytes > limit && !privileged) {
            throw new KernelException(Errno.EPERM, "only root may raise the memory limit");
        }
        limit = bytes;
    }

    /** The bytes the process holds now. */
    public long charged() {
        return charged.get();
    }

    /**
     * Takes {@code bytes} for the process, from its own limit and the kernel's.
     *
     * @throws KernelException ENOMEM when either limit would be passed (nothing is taken), EINVAL
     *                         for a negative count
     */
    public void reserve(long bytes) {
        if (bytes < 0) {
            throw new KernelException(Errno.EINVAL, "cannot reserve " + bytes + " bytes");
        }
        if (bytes == 0) {
            return;
        }
        long own;
        do {
            own = charged.get();
            if (bytes > limit - own) {
                throw new KernelException(Errno.ENOMEM, "out of memory: the process's limit is " + limit + " bytes");
            }
        } while (!charged.compareAndSet(own, own + bytes));
        if (!kernel.tryCharge(bytes)) {
            charged.addAndGet(-bytes);
            throw new KernelException(Errno.ENOMEM, "out of memory: the kernel's limit is " + kernel.limit()
                    + " bytes");
        }
        if (released) {
            // the process exited while this charge raced its release: give it back at once
            releaseAll();
        }
    }

    /** Gives back up to {@code bytes} of what the process holds (never more than it holds). */
    public void release(long bytes) {
        if (bytes <= 0) {
            return;
        }
        long own;
        long given;
        do {
            own = charged.get();
            given = Math.min(own, bytes);
        } while (!charged.compareAndSet(own, own - given));
        kernel.release(given);
    }

    /** Gives back everything the process holds; called when it exits. */
    public void releaseAll() {
        released = true;
        kernel.release(charged.getAndSet(0));
    }
}
