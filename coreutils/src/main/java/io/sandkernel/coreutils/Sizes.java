package io.sandkernel.coreutils;

/**
 * GNU's {@code xstrtoumax} for sizes with multiplier suffixes, as truncate, dd and du take them:
 * {@code K M G T P E Z Y} (and lower-case {@code k g m t}) are powers of 1024, or of 1000 when
 * followed by {@code B} ({@code KB}, {@code MB}); {@code KiB} is explicit binary; {@code b} is
 * 512 bytes, {@code c} one and {@code w} two. Which suffixes a command accepts is its choice.
 */
final class Sizes {
    /** Returned by {@link #parse} for text that is not a size. */
    static final long INVALID = -1;
    /** Returned by {@link #parse} when the value does not fit in a long. */
    static final long OVERFLOW = -2;

    private Sizes() {}

    /**
     * Parses {@code DIGITS[SUFFIX]} with a suffix among {@code suffixes}; the {@code B} and
     * {@code iB} forms are allowed when {@code suffixes} contains {@code '0'}, as in GNU.
     *
     * @return the value, {@link #INVALID} or {@link #OVERFLOW}
     */
    static long parse(String text, String suffixes) {
        int digits = 0;
        while (digits < text.length() && Character.isDigit(text.charAt(digits))) {
            digits++;
        }
        if (digits == 0) {
            return INVALID;
        }
        long value;
        boolean overflow = false;
        try {
            value = Long.parseLong(text.substring(0, digits));
        } catch (NumberFormatException e) {
            value = Long.MAX_VALUE;
            overflow = true;
        }
        String suffix = text.substring(digits);
        if (suffix.isEmpty()) {
            return overflow ? OVERFLOW : value;
        }
        char letter = suffix.charAt(0);
        if (suffixes.indexOf(letter) < 0) {
            return INVALID;
        }
        String rest = suffix.substring(1);
        int base = 1024;
        if (!rest.isEmpty()) {
            if (suffixes.indexOf('0') < 0) {
                return INVALID;
            }
            switch (rest) {
                case "B", "D" -> base = 1000;
                case "iB" -> base = 1024;
                default -> {
                    return INVALID;
                }
            }
        }
        long multiplier = switch (letter) {
            case 'b' -> rest.isEmpty() ? 512 : -1;
            case 'B' -> rest.isEmpty() ? 1024 : -1;
            case 'c' -> rest.isEmpty() ? 1 : -1;
            case 'w' -> rest.isEmpty() ? 2 : -1;
            case 'k', 'K' -> power(base, 1);
            case 'm', 'M' -> power(base, 2);
            case 'g', 'G' -> power(base, 3);
            case 't', 'T' -> power(base, 4);
            case 'P' -> power(base, 5);
            case 'E' -> power(base, 6);
            case 'Z', 'Y', 'R', 'Q' -> 0; // beyond a long: any non-zero count overflows
            default -> -1;
        };
        if (multiplier < 0) {
            return INVALID;
        }
        if (multiplier == 0) {
            return value == 0 ? 0 : OVERFLOW;
        }
        try {
            long result = Math.multiplyExact(value, multiplier);
            return overflow ? OVERFLOW : result;
        } catch (ArithmeticException e) {
            return OVERFLOW;
        }
    }

    private static long power(int base, int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= base;
        }
        return result;
    }
}
