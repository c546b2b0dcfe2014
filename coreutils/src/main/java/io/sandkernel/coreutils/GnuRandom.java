package io.sandkernel.coreutils;

import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;

/**
 * gnulib's randint over a byte source, so that {@code shuf --random-source=FILE} draws the same
 * numbers from the same bytes as GNU's: each choice takes just enough bytes (big-endian) to cover
 * its range, rejects the biased top of it and keeps the unused randomness for the next choice
 * ({@code randint_genmax}); permutations are gnulib's {@code randperm_new} (Fisher-Yates over the
 * first H positions). Without a file the bytes come from {@link SecureRandom}.
 */
final class GnuRandom {
    /** A source that ran dry: GNU's "end of file" (no cause) or the read failure. */
    static final class Exhausted extends Exception {
        private static final long serialVersionUID = 1L;

        Exhausted(Throwable cause) {
            super(cause == null ? null : cause.getMessage(), cause, false, false);
        }
    }

    private final InputStream file;
    private final SecureRandom random;
    private long randnum;
    private long randmax;

    private GnuRandom(InputStream file) {
        this.file = file;
        this.random = file == null ? new SecureRandom() : null;
    }

    /** Bytes read from {@code in}. */
    static GnuRandom from(InputStream in) {
        return new GnuRandom(in);
    }

    /** Bytes from the JDK's secure generator. */
    static GnuRandom secure() {
        return new GnuRandom(null);
    }

    private void read(byte[] buffer, int length) throws Exhausted {
        if (file == null) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            System.arraycopy(bytes, 0, buffer, 0, length);
            return;
        }
        try {
            int done = 0;
            while (done < length) {
                int n = file.read(buffer, done, length - done);
                if (n < 0) {
                    throw new Exhausted(null);
                }
                done += n;
            }
        } catch (IOException | RuntimeException e) {
            throw new Exhausted(e);
        }
    }

    /** randint_genmax: a number in 0..genmax (unsigned). */
    long genmax(long genmax) throws Exhausted {
        long num = randnum;
        long max = randmax;
        long choices = genmax + 1;
        while (true) {
            if (Long.compareUnsigned(max, genmax) < 0) {
                int count = 0;
                long rmax = max;
                do {
                    rmax = (rmax << 8) + 0xFF;
                    count++;
                } while (Long.compareUnsigned(rmax, genmax) < 0);
                byte[] buffer = new byte[8];
                read(buffer, count);
                int i = 0;
                do {
                    num = (num << 8) + (buffer[i] & 0xFF);
                    max = (max << 8) + 0xFF;
                    i++;
                } while (Long.compareUnsigned(max, genmax) < 0);
            }
            if (max == genmax) {
                randnum = 0;
                randmax = 0;
                return num;
            }
            long excess = max - genmax;
            long unusable = Long.remainderUnsigned(excess, choices);
            long lastUsable = max - unusable;
            long reduced = Long.remainderUnsigned(num, choices);
            if (Long.compareUnsigned(num, lastUsable) <= 0) {
                randnum = Long.divideUnsigned(num, choices);
                randmax = Long.divideUnsigned(excess, choices);
                return reduced;
            }
            num = reduced;
            max = unusable - 1;
        }
    }

    /** randint_choose: a number in 0..choices-1. */
    long choose(long choices) throws Exhausted {
        return genmax(choices - 1);
    }

    /**
     * randperm_new: the first {@code h} elements of a random permutation of 0..n-1; a map holds
     * the swapped positions when the permutation is sparse (as gnulib's, same numbers drawn).
     */
    long[] permutation(long h, long n) throws Exhausted {
        if (h == 0) {
            return new long[0];
        }
        if (h == 1) {
            return new long[] {choose(n)};
        }
        long[] v = new long[(int) h];
        boolean sparse = n >= 128 * 1024 && n / h >= 32;
        if (!sparse) {
            long[] all = new long[(int) n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            for (int i = 0; i < h; i++) {
                int j = i + (int) choose(n - i);
                long t = all[i];
                all[i] = all[j];
                all[j] = t;
                v[i] = all[i];
            }
            return v;
        }
        java.util.Map<Long, Long> swapped = new java.util.HashMap<>();
        for (long i = 0; i < h; i++) {
            long j = i + choose(n - i);
            long vi = swapped.getOrDefault(i, i);
            long vj = swapped.getOrDefault(j, j);
            swapped.put(i, vj);
            swapped.put(j, vi);
            v[(int) i] = vj;
        }
        return v;
    }
}
