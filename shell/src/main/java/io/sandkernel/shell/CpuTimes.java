package io.sandkernel.shell;

import io.sandkernel.api.ProcessApi;
import java.util.Locale;

/**
 * The CPU times the shell reports ({@code times}, the {@code time} keyword): the shell's own and
 * its exited children's, as the kernel measures them ({@link ProcessApi#cpuNanos},
 * {@link ProcessApi#childrenCpuNanos}). The kernel counts all CPU as user time: system times are
 * 0.
 *
 * @param self     the shell's own CPU, in nanoseconds
 * @param children its exited children's (and their descendants'), in nanoseconds
 */
record CpuTimes(long self, long children) {

    /** The times now. */
    static CpuTimes of(ProcessApi api) {
        return new CpuTimes(api.cpuNanos(), api.childrenCpuNanos());
    }

    /** What was used since {@code earlier}, the shell and its children together. */
    long since(CpuTimes earlier) {
        return Math.max(0, self - earlier.self) + Math.max(0, children - earlier.children);
    }

    /** {@code 1m2.345s}: bash's form with 3 decimals, dash's with 6. */
    static String minutes(long nanos, int decimals) {
        double seconds = nanos / 1e9;
        long whole = (long) seconds;
        return String.format(Locale.ROOT, "%dm%." + decimals + "fs", whole / 60, seconds - (whole / 60) * 60);
    }
}
