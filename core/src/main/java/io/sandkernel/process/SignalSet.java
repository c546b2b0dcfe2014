package io.sandkernel.process;

import java.util.StringJoiner;

/**
 * An immutable set of signals 1..64, as {@code sigset_t}. Values compare by content.
 */
public final class SignalSet {
    private static final SignalSet EMPTY = new SignalSet(0L);

    private final long bits;

    private SignalSet(long bits) {
        this.bits = bits;
    }

    static SignalSet ofBits(long bits) {
        return bits == 0L ? EMPTY : new SignalSet(bits);
    }

    long bits() {
        return bits;
    }

    static long bit(int signal) {
        Signals.requireValid(signal);
        return 1L << (signal - 1);
    }

    /** The empty set. */
    public static SignalSet empty() {
        return EMPTY;
    }

    /**
     * A set holding the given signals.
     *
     * @throws io.sandkernel.KernelException EINVAL when a signal is outside 1..64 or the array is null
     */
    public static SignalSet of(int... signals) {
        if (signals == null) {
            throw new io.sandkernel.KernelException(io.sandkernel.Errno.EINVAL, "signal list must not be null");
        }
        long bits = 0L;
        for (int signal : signals) {
            bits |= bit(signal);
        }
        return ofBits(bits);
    }

    /** Whether the set is empty. */
    public boolean isEmpty() {
        return bits == 0L;
    }

    /** Whether the set holds {@code signal}; false for numbers outside 1..64. */
    public boolean contains(int signal) {
        return Signals.isValid(signal) && (bits & (1L << (signal - 1))) != 0L;
    }

    /** How many signals the set holds. */
    public int size() {
        return Long.bitCount(bits);
    }

    /**
     * This set plus {@code signal}.
     *
     * @throws io.sandkernel.KernelException EINVAL when {@code signal} is outside 1..64
     */
    public SignalSet with(int signal) {
        return ofBits(bits | bit(signal));
    }

    /**
     * This set less {@code signal}.
     *
     * @throws io.sandkernel.KernelException EINVAL when {@code signal} is outside 1..64
     */
    public SignalSet without(int signal) {
        return ofBits(bits & ~bit(signal));
    }

    /** Signals in this set or in {@code other}. */
    public SignalSet union(SignalSet other) {
        return ofBits(bits | other.bits);
    }

    /** Signals in this set and not in {@code other}. */
    public SignalSet difference(SignalSet other) {
        return ofBits(bits & ~other.bits);
    }

    /** The signals, ascending. */
    public int[] toArray() {
        int[] signals = new int[Long.bitCount(bits)];
        long rest = bits;
        for (int i = 0; rest != 0L; i++) {
            signals[i] = Long.numberOfTrailingZeros(rest) + 1;
            rest &= rest - 1;
        }
        return signals;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignalSet set && set.bits == bits;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(bits);
    }

    /** For example {@code [SIGINT, SIGTERM]}. */
    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(", ", "[", "]");
        for (int signal : toArray()) {
            joiner.add(Signals.name(signal));
        }
        return joiner.toString();
    }
}
