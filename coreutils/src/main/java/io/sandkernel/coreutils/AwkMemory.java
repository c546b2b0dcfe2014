package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.MemoryReservation;
import io.sandkernel.api.ProcessApi;

/**
 * What an awk program holds in its arrays, charged to its process as the arrays grow (through a
 * {@link MemoryReservation}, so a system call only when the total doubles), and the room a long
 * string being built needs: past the kernel's or the process's memory the program ends with
 * gawk's fatal error instead of taking the JVM's heap.
 */
final class AwkMemory {
    /** Strings shorter than this are built without asking: the array charge covers the common case. */
    private static final int LARGE_STRING = 64 * 1024;
    /** What a map entry and its boxes cost besides the characters. */
    private static final long ENTRY = 64;

    private final MemoryReservation reservation;
    private long used;

    AwkMemory(ProcessApi process) {
        this.reservation = new MemoryReservation(process);
    }

    /** The bytes one element holds: its entry, subscript and value. */
    static long element(String key, Object value) {
        return ENTRY + 2L * key.length() + value(value);
    }

    private static long value(Object value) {
        return value instanceof CharSequence text ? 2L * text.length() : value instanceof AwkValue.Strnum s
                ? 2L * s.text.length() : 16;
    }

    /** Charges {@code bytes} more (or gives back, when negative). */
    void change(long bytes) {
        used += bytes;
        if (bytes > 0) {
            charge(used);
        } else {
            reservation.shrinkTo(used);
        }
    }

    /** Makes sure a string of {@code length} characters may be built now besides the arrays. */
    void building(int length) {
        if (length >= LARGE_STRING) {
            charge(used + 2L * length);
            reservation.shrinkTo(used);
        }
    }

    private void charge(long total) {
        try {
            reservation.ensure(total);
        } catch (KernelException e) {
            if (e.errno() != Errno.ENOMEM) {
                throw e;
            }
            used = reservation.charged();
            throw new AwkFatal("memory exhausted");
        }
    }
}
