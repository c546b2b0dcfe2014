package io.sandkernel.coreutils;

import java.math.BigInteger;

/**
 * Numeric arguments as gnulib's {@code xstrtoumax} and {@code xdectoumax} read them: optional
 * leading blanks, no sign, decimal (or, with base 0, {@code 0x} hexadecimal and {@code 0} octal)
 * digits and a multiplier suffix among those a command allows ({@code b} 512, {@code c} 1,
 * {@code w} 2, {@code kKMGTPEZY} powers of 1024, of 1000 with a following {@code B} when the
 * suffixes include {@code '0'}, {@code KiB} explicit). Errors are worded as GNU's:
 * {@code "invalid number of columns: '0': Numerical result out of range"}.
 */
final class NumberArgs {
    private NumberArgs() {}

    /** How a parse ended. */
    enum Status { OK, INVALID, INVALID_SUFFIX, OVERFLOW }

    /** A parse's outcome; {@code value} is meaningful for OK (and saturated for OVERFLOW). */
    record Parsed(Status status, long value) {}

    private static final BigInteger LIMIT = BigInteger.valueOf(Long.MAX_VALUE);

    /** Parses {@code text} in {@code base} (10, 8, 16 or 0 for C's prefixes) with {@code suffixes}. */
    static Parsed parse(String text, int base, String suffixes) {
        int at = 0;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        if (at < text.length() && text.charAt(at) == '-') {
            return new Parsed(Status.INVALID, 0);
        }
        if (at < text.length() && text.charAt(at) == '+') {
            at++;
        }
        int radix = base;
        if (base == 0 || base == 16) {
            if (text.startsWith("0x", at) || text.startsWith("0X", at)) {
                if (at + 2 < text.length() && Character.digit(text.charAt(at + 2), 16) >= 0) {
                    at += 2;
                    radix = 16;
                }
            }
            if (radix == 0) {
                radix = text.startsWith("0", at) ? 8 : 10;
            }
        }
        int start = at;
        while (at < text.length() && Character.digit(text.charAt(at), radix) >= 0 && text.charAt(at) < 128) {
            at++;
        }
        BigInteger value;
        if (at == start) {
            if (suffixes != null && at < text.length() && suffixes.indexOf(text.charAt(at)) >= 0) {
                value = BigInteger.ONE;
            } else {
                return new Parsed(Status.INVALID, 0);
            }
        } else {
            value = new BigInteger(text.substring(start, at), radix);
        }
        boolean overflow = false;
        if (at < text.length()) {
            char suffix = text.charAt(at);
            if (suffixes == null || suffixes.indexOf(suffix) < 0) {
                return new Parsed(Status.INVALID_SUFFIX, saturate(value));
            }
            int power1000 = 1024;
            int length = 1;
            if ("EGgkKMmPQRTtYZ".indexOf(suffix) >= 0 && suffixes.indexOf('0') >= 0 && at + 1 < text.length()) {
                char next = text.charAt(at + 1);
                if (next == 'i' && text.startsWith("B", at + 2)) {
                    length += 2;
                } else if (next == 'B' || next == 'D') {
                    power1000 = 1000;
                    length++;
                }
            }
            BigInteger multiplier = switch (suffix) {
                case 'b' -> BigInteger.valueOf(512);
                case 'B' -> BigInteger.valueOf(1024);
                case 'c' -> BigInteger.ONE;
                case 'w' -> BigInteger.TWO;
                case 'k', 'K' -> BigInteger.valueOf(power1000);
                case 'M', 'm' -> BigInteger.valueOf(power1000).pow(2);
                case 'G', 'g' -> BigInteger.valueOf(power1000).pow(3);
                case 'T', 't' -> BigInteger.valueOf(power1000).pow(4);
                case 'P' -> BigInteger.valueOf(power1000).pow(5);
                case 'E' -> BigInteger.valueOf(power1000).pow(6);
                case 'Z' -> BigInteger.valueOf(power1000).pow(7);
                case 'Y' -> BigInteger.valueOf(power1000).pow(8);
                case 'R' -> BigInteger.valueOf(power1000).pow(9);
                case 'Q' -> BigInteger.valueOf(power1000).pow(10);
                default -> null;
            };
            if (multiplier == null) {
                return new Parsed(Status.INVALID_SUFFIX, saturate(value));
            }
            value = value.multiply(multiplier);
            at += length;
            if (at < text.length()) {
                return new Parsed(Status.INVALID_SUFFIX, saturate(value));
            }
        }
        overflow = value.compareTo(LIMIT) > 0;
        return new Parsed(overflow ? Status.OVERFLOW : Status.OK, saturate(value));
    }

    private static long saturate(BigInteger value) {
        return value.compareTo(LIMIT) > 0 ? Long.MAX_VALUE : value.longValue();
    }

    /**
     * gnulib's {@code xdectoumax}: the value of {@code text}, which must lie in [min, max], else a
     * usage error {@code "err: 'text'[: reason]"} without the help hint.
     */
    static long decimal(String text, long min, long max, String suffixes, String err) {
        return number(text, 10, min, max, suffixes, err);
    }

    /** {@link #decimal} in another base (0 for C's prefixes). */
    static long number(String text, int base, long min, long max, String suffixes, String err) {
        Parsed parsed = parse(text, base, suffixes);
        String reason = null;
        switch (parsed.status()) {
            case OK -> {
                if (parsed.value() >= min && parsed.value() <= max) {
                    return parsed.value();
                }
                // gnulib's heuristic: far beyond int range reads as a type overflow
                reason = parsed.value() > Integer.MAX_VALUE / 2 ? "Value too large for defined data type"
                        : "Numerical result out of range";
            }
            case OVERFLOW -> reason = "Value too large for defined data type";
            default -> { }
        }
        throw UsageException.withoutHint(err + ": " + Quoting.quote(text) + (reason == null ? "" : ": " + reason));
    }

    /**
     * gnulib's {@code xdectoimax}: a signed decimal in [min, max], else a usage error worded as
     * {@link #decimal}'s.
     */
    static long signedDecimal(String text, long min, long max, String err) {
        String body = text.stripLeading();
        boolean negative = body.startsWith("-");
        Parsed parsed = parse(negative ? body.substring(1) : body, 10, "");
        if (negative && !body.substring(1).isEmpty() && !Character.isDigit(body.charAt(1))) {
            parsed = new Parsed(Status.INVALID, 0);
        }
        String reason = null;
        if (parsed.status() == Status.OK) {
            long value = negative ? -parsed.value() : parsed.value();
            if (value >= min && value <= max) {
                return value;
            }
            reason = Math.abs(value) > Integer.MAX_VALUE / 2 ? "Value too large for defined data type"
                    : "Numerical result out of range";
        } else if (parsed.status() == Status.OVERFLOW) {
            reason = "Value too large for defined data type";
        }
        throw UsageException.withoutHint(err + ": " + Quoting.quote(text) + (reason == null ? "" : ": " + reason));
    }
}
