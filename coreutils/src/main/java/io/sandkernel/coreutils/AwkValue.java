package io.sandkernel.coreutils;

/**
 * The values of awk and their conversions. A value is a {@link Double} (a number), a
 * {@link String} (a string constant or the result of a string operation, a byte string), a
 * {@link Strnum} (a string that came from input: fields, getline, ARGV, ENVIRON, -v, split; it
 * compares as a number when it looks like one), or {@link #UNINIT}, the value of a variable
 * never assigned (both "" and 0).
 */
final class AwkValue {
    private AwkValue() {}

    /** The uninitialized value. */
    static final Strnum UNINIT = new Strnum("");

    /** A string from input, with its numeric value worked out once, when first needed. */
    static final class Strnum {
        final String text;
        private byte state; // 0 unknown, 1 looks numeric, 2 does not
        private double number;

        Strnum(String text) {
            this.text = text;
        }

        /** Whether the whole string (blanks aside) is a number, as POSIX's "numeric string". */
        boolean looksNumeric() {
            if (state == 0) {
                analyse();
            }
            return state == 1;
        }

        double number() {
            if (state == 0) {
                analyse();
            }
            return number;
        }

        private void analyse() {
            if (this == UNINIT) {
                state = 1;
                number = 0;
                return;
            }
            int end = numberEnd(text, 0);
            number = end < 0 ? 0 : parse(text, end);
            int rest = end < 0 ? 0 : end;
            while (rest < text.length() && isBlank(text.charAt(rest))) {
                rest++;
            }
            state = (byte) (end >= 0 && rest == text.length() ? 1 : 2);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** A string whose numeric value is its leading number, as strtod reads it (0 when none). */
    static double toNumber(String s) {
        int end = numberEnd(s, 0);
        return end < 0 ? 0 : parse(s, end);
    }

    /** The numeric value of any value. */
    static double num(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Strnum s) {
            return s.number();
        }
        return toNumber((String) v);
    }

    /** Whether a value counts as numeric for comparisons. */
    static boolean isNumeric(Object v) {
        return v instanceof Double || (v instanceof Strnum s && s.looksNumeric());
    }

    /** The truth of a value: a number is true when not zero, a string when not empty. */
    static boolean bool(Object v) {
        if (v instanceof Double d) {
            return d != 0;
        }
        if (v instanceof Strnum s) {
            return s.looksNumeric() ? s.number() != 0 : !s.text.isEmpty();
        }
        return !((String) v).isEmpty();
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 11;
    }

    /**
     * The end of the number at the start of {@code s} (after blanks and a sign), or -1 when
     * there is none: digits with an optional fraction and exponent, or inf/nan words with a sign.
     */
    private static int numberEnd(String s, int from) {
        int i = from;
        int n = s.length();
        while (i < n && isBlank(s.charAt(i))) {
            i++;
        }
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
            if (i + 3 <= n && (s.regionMatches(true, i, "inf", 0, 3) || s.regionMatches(true, i, "nan", 0, 3))) {
                return s.regionMatches(true, i, "infinity", 0, 8) ? i + 8 : i + 3;
            }
        }
        int digits = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return -1;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
                j++;
            }
            if (j < n && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                while (j < n && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                    j++;
                }
                i = j;
            }
        }
        return i;
    }

    private static double parse(String s, int end) {
        int start = 0;
        while (isBlank(s.charAt(start))) {
            start++;
        }
        // fast path: a plain integer
        long value = 0;
        int i = start;
        boolean negative = false;
        if (s.charAt(i) == '-' || s.charAt(i) == '+') {
            negative = s.charAt(i) == '-';
            i++;
        }
        int digitsStart = i;
        while (i < end && i - digitsStart < 18 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            value = value * 10 + (s.charAt(i) - '0');
            i++;
        }
        if (i == end && i > digitsStart) {
            return negative ? -value : value;
        }
        String text = s.substring(start, end);
        char last = text.charAt(text.length() - 1);
        if (Character.isLetter(last) && last != 'e' && last != 'E') {
            boolean minus = text.charAt(0) == '-';
            if (Character.toLowerCase(text.charAt(1)) == 'n') {
                return Double.NaN;
            }
            return minus ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(text);
    }
}
