package io.sandkernel.coreutils;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The comparable forms of sort's {@code -g}, {@code -h}, {@code -M} and {@code -V} keys, each
 * ordered as GNU sort orders them.
 */
final class SortOrders {
    private SortOrders() {}

    private static final String MONTHS = "JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC";
    private static final String UNITS = "KMGTPEZYRQ";

    /**
     * A {@code -g} key as strtold reads its start: text that is no number first, then NaNs (a
     * positive NaN before a negative one, as their bit patterns compare), then numbers with -0
     * equal to 0, the infinities at either end.
     */
    record General(int rank, BigDecimal value) implements Comparable<General> {
        static final int ERROR = 0;
        static final int NAN = 1;
        static final int NEGATIVE_NAN = 2;
        static final int MINUS_INFINITY = 3;
        static final int FINITE = 4;
        static final int INFINITY = 5;

        @Override
        public int compareTo(General other) {
            if (rank != other.rank) {
                return Integer.compare(rank, other.rank);
            }
            return rank == FINITE ? value.compareTo(other.value) : 0;
        }

        static General parse(String text) {
            int i = 0;
            int n = text.length();
            while (i < n && (text.charAt(i) == ' ' || (text.charAt(i) >= '\t' && text.charAt(i) <= '\r'))) {
                i++;
            }
            boolean negative = false;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                negative = text.charAt(i) == '-';
                i++;
            }
            if (text.regionMatches(true, i, "inf", 0, 3)) {
                return new General(negative ? MINUS_INFINITY : INFINITY, null);
            }
            if (text.regionMatches(true, i, "nan", 0, 3)) {
                return new General(negative ? NEGATIVE_NAN : NAN, null);
            }
            BigDecimal value = text.regionMatches(true, i, "0x", 0, 2) ? hex(text, i + 2) : null;
            if (value == null) {
                value = decimal(text, i);
            }
            if (value == null) {
                return new General(ERROR, null);
            }
            return new General(FINITE, negative ? value.negate() : value);
        }

        /** The decimal number at {@code at} (digits, a point, an exponent), or null when there is none. */
        private static BigDecimal decimal(String text, int at) {
            int i = at;
            int n = text.length();
            int digits = 0;
            while (i < n && Character.isDigit(text.charAt(i)) && text.charAt(i) < 128) {
                i++;
                digits++;
            }
            if (i < n && text.charAt(i) == '.') {
                i++;
                while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                    i++;
                    digits++;
                }
            }
            if (digits == 0) {
                return null;
            }
            int mantissaEnd = i;
            if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
                int j = i + 1;
                if (j < n && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
                    j++;
                }
                int start = j;
                while (j < n && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
                    j++;
                }
                if (j > start) {
                    i = j;
                }
            }
            String mantissa = text.substring(at, mantissaEnd);
            if (mantissa.startsWith(".")) {
                mantissa = "0" + mantissa;
            }
            if (mantissa.endsWith(".")) {
                mantissa += "0";
            }
            BigDecimal value = new BigDecimal(mantissa);
            if (i > mantissaEnd) {
                String exponent = text.substring(mantissaEnd + 1, i);
                long power = Long.parseLong(exponent.startsWith("+") ? exponent.substring(1) : exponent);
                // beyond long double's range the value is an infinity or zero to strtold; clamp so BigDecimal copes
                value = value.scaleByPowerOfTen((int) Math.max(-100_000, Math.min(100_000, power)));
            }
            return value;
        }

        /** The hexadecimal number after {@code 0x} at {@code at}, or null when no hex digit follows. */
        private static BigDecimal hex(String text, int at) {
            int i = at;
            int n = text.length();
            StringBuilder digits = new StringBuilder();
            int fraction = 0;
            while (i < n && Character.digit(text.charAt(i), 16) >= 0 && text.charAt(i) < 128) {
                digits.append(text.charAt(i++));
            }
            if (i < n && text.charAt(i) == '.') {
                i++;
                while (i < n && Character.digit(text.charAt(i), 16) >= 0 && text.charAt(i) < 128) {
                    digits.append(text.charAt(i++));
                    fraction++;
                }
            }
            if (digits.isEmpty()) {
                return null;
            }
            long power = -4L * fraction;
            if (i < n && (text.charAt(i) == 'p' || text.charAt(i) == 'P')) {
                int j = i + 1;
                boolean minus = false;
                if (j < n && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
                    minus = text.charAt(j) == '-';
                    j++;
                }
                long exponent = 0;
                int start = j;
                while (j < n && text.charAt(j) >= '0' && text.charAt(j) <= '9' && exponent < 1_000_000) {
                    exponent = exponent * 10 + (text.charAt(j++) - '0');
                }
                if (j > start) {
                    power += minus ? -exponent : exponent;
                }
            }
            BigDecimal value = new BigDecimal(new BigInteger(digits.toString(), 16));
            int shift = (int) Math.max(-20_000, Math.min(20_000, power));
            BigDecimal factor = new BigDecimal(BigInteger.ONE.shiftLeft(Math.abs(shift)));
            return shift >= 0 ? value.multiply(factor) : value.divide(factor);
        }
    }

    /**
     * A {@code -h} key: first by the unit after the number (none, K, M, G... negated for negative
     * numbers, none for a zero), then by the number, as GNU's human_numeric_compare.
     */
    record Human(int unit, BigDecimal number) implements Comparable<Human> {
        @Override
        public int compareTo(Human other) {
            return unit != other.unit ? Integer.compare(unit, other.unit) : number.compareTo(other.number);
        }

        static Human of(String text, BigDecimal number) {
            int i = 0;
            while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            boolean negative = i < text.length() && text.charAt(i) == '-';
            if (negative) {
                i++;
            }
            boolean nonzero = false;
            while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                nonzero |= text.charAt(i++) != '0';
            }
            if (i < text.length() && text.charAt(i) == '.') {
                i++;
                while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                    nonzero |= text.charAt(i++) != '0';
                }
            }
            int unit = 0;
            if (nonzero && i < text.length()) {
                char suffix = text.charAt(i);
                unit = suffix == 'k' ? 1 : UNITS.indexOf(suffix) + 1;
            }
            return new Human(negative ? -unit : unit, number);
        }
    }

    /** A {@code -M} key: 0 for no month name, else 1 (JAN) to 12 (DEC), after leading blanks, any case. */
    static Integer month(String text) {
        int i = 0;
        while (i < text.length() && (text.charAt(i) == ' ' || (text.charAt(i) >= '\t' && text.charAt(i) <= '\r'))) {
            i++;
        }
        if (i + 3 > text.length()) {
            return 0;
        }
        String name = text.substring(i, i + 3).toUpperCase(java.util.Locale.ROOT);
        int at = MONTHS.indexOf(name);
        return at >= 0 && at % 3 == 0 ? at / 3 + 1 : 0;
    }

    /** A {@code -V} key: gnulib's filevercmp (Debian's version comparison, with file suffixes set aside first). */
    record Version(String text) implements Comparable<Version> {
        @Override
        public int compareTo(Version other) {
            return compareVersions(text, other.text);
        }
    }

    static int compareVersions(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() ? (b.isEmpty() ? 0 : -1) : 1;
        }
        if (a.charAt(0) == '.') {
            if (b.charAt(0) != '.') {
                return -1;
            }
            boolean aDot = a.equals(".");
            boolean bDot = b.equals(".");
            if (aDot || bDot) {
                return aDot ? (bDot ? 0 : -1) : 1;
            }
            boolean aDotDot = a.equals("..");
            boolean bDotDot = b.equals("..");
            if (aDotDot || bDotDot) {
                return aDotDot ? (bDotDot ? 0 : -1) : 1;
            }
        } else if (b.charAt(0) == '.') {
            return 1;
        }
        int aPrefix = prefixLength(a);
        int bPrefix = prefixLength(b);
        boolean onePass = aPrefix == a.length() && bPrefix == b.length();
        int result = versionCompare(a, aPrefix, b, bPrefix);
        return result != 0 || onePass ? result : versionCompare(a, a.length(), b, b.length());
    }

    /** The length of {@code s} without its longest suffix matching {@code (\.[A-Za-z~][A-Za-z0-9~]*)*$}. */
    private static int prefixLength(String s) {
        int n = s.length();
        int prefix = 0;
        int i = 0;
        while (i < n) {
            i++;
            prefix = i;
            while (i + 1 < n && s.charAt(i) == '.' && (isAlpha(s.charAt(i + 1)) || s.charAt(i + 1) == '~')) {
                for (i += 2; i < n && (isAlpha(s.charAt(i)) || isDigit(s.charAt(i)) || s.charAt(i) == '~'); i++) {
                    // skip the suffix's characters
                }
            }
        }
        return prefix;
    }

    private static int order(String s, int pos, int length) {
        if (pos == length) {
            return -1;
        }
        char c = s.charAt(pos);
        if (isDigit(c)) {
            return 0;
        } else if (isAlpha(c)) {
            return c;
        } else if (c == '~') {
            return -2;
        }
        return c + 256;
    }

    /** dpkg's verrevcmp over the first {@code aLength} and {@code bLength} characters. */
    private static int versionCompare(String a, int aLength, String b, int bLength) {
        int i = 0;
        int j = 0;
        while (i < aLength || j < bLength) {
            int firstDiff = 0;
            while ((i < aLength && !isDigit(a.charAt(i))) || (j < bLength && !isDigit(b.charAt(j)))) {
                int ac = order(a, i, aLength);
                int bc = order(b, j, bLength);
                if (ac != bc) {
                    return ac - bc;
                }
                i++;
                j++;
            }
            while (i < aLength && a.charAt(i) == '0') {
                i++;
            }
            while (j < bLength && b.charAt(j) == '0') {
                j++;
            }
            while (i < aLength && j < bLength && isDigit(a.charAt(i)) && isDigit(b.charAt(j))) {
                if (firstDiff == 0) {
                    firstDiff = a.charAt(i) - b.charAt(j);
                }
                i++;
                j++;
            }
            if (i < aLength && isDigit(a.charAt(i))) {
                return 1;
            }
            if (j < bLength && isDigit(b.charAt(j))) {
                return -1;
            }
            if (firstDiff != 0) {
                return firstDiff;
            }
        }
        return 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
