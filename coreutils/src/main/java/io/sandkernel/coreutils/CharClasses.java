package io.sandkernel.coreutils;

import java.util.function.IntPredicate;

/**
 * The POSIX character classes ({@code [:alpha:]}, {@code [:digit:]}...) of the C locale, over
 * bytes, as tr and the regular expressions of grep use them.
 */
final class CharClasses {
    private CharClasses() {}

    /** The class called {@code name}, or null when there is none. */
    static IntPredicate named(String name) {
        return switch (name) {
            case "alpha" -> c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            case "digit" -> c -> c >= '0' && c <= '9';
            case "alnum" -> c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            case "upper" -> c -> c >= 'A' && c <= 'Z';
            case "lower" -> c -> c >= 'a' && c <= 'z';
            case "space" -> c -> c == ' ' || (c >= 9 && c <= 13);
            case "blank" -> c -> c == ' ' || c == '\t';
            case "punct" -> c -> c > 32 && c < 127 && !Character.isLetterOrDigit(c);
            case "print" -> c -> c >= 32 && c < 127;
            case "graph" -> c -> c > 32 && c < 127;
            case "cntrl" -> c -> c < 32 || c == 127;
            case "xdigit" -> c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            default -> null;
        };
    }

    /** The bytes of a class as the inside of a Java regex character class: ranges of escapes. */
    static String asJavaRanges(IntPredicate member) {
        StringBuilder ranges = new StringBuilder();
        int c = 0;
        while (c < 256) {
            if (!member.test(c)) {
                c++;
                continue;
            }
            int end = c;
            while (end + 1 < 256 && member.test(end + 1)) {
                end++;
            }
            ranges.append(String.format("\\x{%x}", c));
            if (end > c) {
                ranges.append('-').append(String.format("\\x{%x}", end));
            }
            c = end + 1;
        }
        return ranges.toString();
    }
}
