package io.sandkernel.coreutils;

import java.util.regex.Pattern;

/**
 * One address of a sed command. As a first address: a line number, {@code $}, a regular
 * expression, {@code first~step}, or 0 (only before a regex, {@code 0,/re/}). As a second
 * address also {@code +N} and {@code ~N}. A null regex stands for the empty regex {@code //},
 * the last one used.
 */
final class SedAddress {
    /** The kinds of address. */
    enum Kind { LINE, LAST, REGEX, STEP, ZERO, PLUS, MULTIPLE }

    final Kind kind;
    final long number;
    final long step;
    final Pattern regex;

    private SedAddress(Kind kind, long number, long step, Pattern regex) {
        this.kind = kind;
        this.number = number;
        this.step = step;
        this.regex = regex;
    }

    static SedAddress line(long number) {
        return new SedAddress(number == 0 ? Kind.ZERO : Kind.LINE, number, 0, null);
    }

    static SedAddress last() {
        return new SedAddress(Kind.LAST, 0, 0, null);
    }

    /** @param regex null for the empty regex */
    static SedAddress regex(Pattern regex) {
        return new SedAddress(Kind.REGEX, 0, 0, regex);
    }

    static SedAddress step(long first, long step) {
        return new SedAddress(Kind.STEP, first, step, null);
    }

    static SedAddress plus(long count) {
        return new SedAddress(Kind.PLUS, count, 0, null);
    }

    static SedAddress multiple(long of) {
        return new SedAddress(Kind.MULTIPLE, of, 0, null);
    }
}
