package io.sandkernel.shell;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.MemoryReservation;
import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The memory a shell holds on the kernel's behalf for its variables and arrays, charged to its
 * process as they grow ({@link ProcessApi#reserveMemory}, in doubling chunks). The count of
 * characters held is kept as assignments change it; paths that drop values without saying so
 * (restored locals, prefix assignments) leave it high, so before failing it is recounted from the
 * variables themselves: only a shell really holding too much runs out.
 */
final class ShellMemory {
    private final ProcessApi api;
    private final MemoryReservation reservation;
    private final ShellState state;
    private long held;

    /** @param held what the state's variables hold already (a subshell's copy of its parent's) */
    ShellMemory(ProcessApi api, ShellState state, long held) {
        this.api = api;
        this.reservation = new MemoryReservation(api);
        this.state = state;
        this.held = held;
    }

    /** The characters the variables hold, as counted. */
    long held() {
        return held;
    }

    /**
     * Charges what the copy of a parent's variables holds (a subshell's first act).
     *
     * @throws OutOfMemory when it does not fit
     */
    void chargeHeld() {
        charge(reservation, held);
    }

    /**
     * Counts a change of {@code delta} characters, before it is made.
     *
     * @throws OutOfMemory when the variables would hold more than the process may
     */
    void change(long delta) {
        try {
            grow(delta);
        } catch (KernelException e) {
            if (e.errno() == Errno.ENOMEM) {
                throw new OutOfMemory(delta);
            }
            throw e;
        }
    }

    private void grow(long delta) {
        if (delta <= 0) {
            held = Math.max(0, held + delta);
            reservation.shrinkTo(held);
            return;
        }
        try {
            reservation.ensure(held + delta);
            held += delta;
        } catch (KernelException e) {
            if (e.errno() != Errno.ENOMEM) {
                throw e;
            }
            long exact = recount();
            if (exact >= held) {
                throw e;
            }
            held = exact;
            reservation.shrinkTo(held);
            reservation.ensure(held + delta);
            held += delta;
        }
    }

    /** A new reservation of the shell's process, for a buffer held only while it is built. */
    MemoryReservation transientBuffer() {
        return new MemoryReservation(api);
    }

    /** Gives everything back (the shell's state is gone). */
    void release() {
        reservation.close();
        held = 0;
    }

    private long recount() {
        long total = 0;
        for (Map.Entry<String, ShellState.Var> entry : state.vars.entrySet()) {
            total += entry.getKey().length() + entry.getValue().size();
        }
        for (String word : state.positional) {
            total += word.length();
        }
        return total;
    }

    /**
     * Reads {@code in} to its end (a command substitution's output, a script), charging the
     * buffer to the process as it doubles and giving it back once read: what is returned is the
     * caller's to charge where it keeps it.
     *
     * @throws OutOfMemory when the buffer cannot grow
     */
    static byte[] readAll(ProcessApi api, InputStream in) throws IOException {
        try {
            return MemoryReservation.readAll(api, in);
        } catch (KernelException e) {
            if (e.errno() == Errno.ENOMEM) {
                throw new OutOfMemory(0);
            }
            throw e;
        }
    }

    /**
     * Holds {@code bytes} of a transient buffer in {@code reservation}.
     *
     * @throws OutOfMemory when they do not fit
     */
    static void charge(MemoryReservation reservation, long bytes) {
        try {
            reservation.ensure(bytes);
        } catch (KernelException e) {
            if (e.errno() == Errno.ENOMEM) {
                throw new OutOfMemory(bytes);
            }
            throw e;
        }
    }

    /** The length of {@code text}, 0 for null: what a value holds. */
    static long sizeOf(String text) {
        return text == null ? 0 : text.length();
    }
}
