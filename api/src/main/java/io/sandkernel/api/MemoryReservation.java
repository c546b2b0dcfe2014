package io.sandkernel.api;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Memory a program holds for one growing thing (a buffer, a table of variables), charged to its
 * process through {@link ProcessApi#reserveMemory} in chunks: a reservation grows by doubling
 * (from 64 KiB), so a buffer growing byte by byte costs a system call only each time its size
 * doubles, and {@link #shrinkTo} gives memory back only when much less is used. {@link #close}
 * gives everything back. Not thread-safe: one holder, one thread.
 */
public final class MemoryReservation implements AutoCloseable {
    /** The smallest chunk charged at once. */
    static final long MIN_CHUNK = 64 * 1024;
    /** The largest array the JVM makes. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final ProcessApi process;
    private long charged;

    /** An empty reservation of {@code process}. */
    public MemoryReservation(ProcessApi process) {
        this.process = java.util.Objects.requireNonNull(process, "process");
    }

    /** The bytes charged now (at least what was asked for, often more). */
    public long charged() {
        return charged;
    }

    /**
     * Makes sure at least {@code bytes} are charged; when a doubled chunk does not fit, exactly
     * {@code bytes} are tried before failing.
     *
     * @throws KernelException ENOMEM when {@code bytes} do not fit; what was charged before stays
     */
    public void ensure(long bytes) {
        if (bytes <= charged) {
            return;
        }
        long doubled = charged > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : charged * 2;
        long target = Math.max(bytes, Math.max(MIN_CHUNK, doubled));
        try {
            process.reserveMemory(target - charged);
            charged = target;
        } catch (KernelException e) {
            if (e.errno() != Errno.ENOMEM || target == bytes) {
                throw e;
            }
            process.reserveMemory(bytes - charged);
            charged = bytes;
        }
    }

    /**
     * Says that only {@code bytes} are used now: when that is under a quarter of what is charged,
     * gives back all but twice {@code bytes} (so a size going up and down by little costs nothing).
     */
    public void shrinkTo(long bytes) {
        long keep = Math.max(MIN_CHUNK, Math.max(0, bytes) * 2);
        if (charged > keep && Math.max(0, bytes) < charged / 4) {
            process.releaseMemory(charged - keep);
            charged = keep;
        }
    }

    /**
     * Reads {@code in} to its end with the buffer charged to {@code process} as it doubles, and
     * given back once read: the array returned is the caller's to charge where it keeps it.
     *
     * @throws KernelException ENOMEM when the buffer cannot grow (past the kernel's or the
     *                         process's memory, or past the largest array)
     * @throws IOException     when reading fails
     */
    public static byte[] readAll(ProcessApi process, InputStream in) throws IOException {
        try (MemoryReservation reservation = new MemoryReservation(process)) {
            byte[] buffer = new byte[8192];
            int size = 0;
            while (true) {
                if (size == buffer.length) {
                    long grown = (long) buffer.length * 2;
                    if (grown > MAX_ARRAY) {
                        throw new KernelException(Errno.ENOMEM, "more than " + MAX_ARRAY + " bytes");
                    }
                    reservation.ensure(grown);
                    buffer = Arrays.copyOf(buffer, (int) grown);
                }
                int read = in.read(buffer, size, buffer.length - size);
                if (read < 0) {
                    return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
                }
                size += read;
            }
        }
    }

    /** Gives back everything charged. */
    @Override
    public void close() {
        if (charged > 0) {
            long given = charged;
            charged = 0;
            process.releaseMemory(given);
        }
    }
}
