package io.sandkernel.coreutils;

import java.util.function.IntPredicate;

/**
 * Shell wildcard matching as glibc's {@code fnmatch(3)} does it for find's {@code -name} and
 * {@code -path}, tree's {@code -I} and which: {@code *}, {@code ?}, bracket expressions with
 * ranges, negation ({@code [!...]}, {@code [^...]}) and POSIX classes ({@code [[:digit:]]}), and
 * backslash quoting. Without {@link #PATHNAME} a wildcard also matches {@code /}, as find wants.
 */
final class Fnmatch {
    /** {@code FNM_PATHNAME}: wildcards never match a slash. */
    static final int PATHNAME = 1;
    /** {@code FNM_CASEFOLD}: letters match either case ({@code -iname}). */
    static final int CASEFOLD = 2;
    /** {@code FNM_PERIOD}: a leading dot must be matched by a dot. */
    static final int PERIOD = 4;

    private final String pattern;
    private final int flags;

    private Fnmatch(String pattern, int flags) {
        this.pattern = pattern;
        this.flags = flags;
    }

    /** Whether {@code name} matches {@code pattern}. */
    static boolean matches(String pattern, String name, int flags) {
        return new Fnmatch(pattern, flags).match(0, name, 0);
    }

    private boolean match(int p, String text, int t) {
        // '*' is handled by trying each possible length, last star first: the classic
        // backtracking point, enough because a later star can absorb what an earlier one left
        int starP = -1;
        int starT = -1;
        while (true) {
            if (p < pattern.length()) {
                char c = pattern.charAt(p);
                if (c == '*') {
                    if (leadingPeriod(text, t)) {
                        return false;
                    }
                    while (p < pattern.length() && pattern.charAt(p) == '*') {
                        p++;
                    }
                    starP = p;
                    starT = t;
                    continue;
                }
                if (t < text.length()) {
                    char ch = text.charAt(t);
                    int next = single(p, text, t);
                    if (next >= 0) {
                        p = next;
                        t++;
                        continue;
                    }
                    if (ch == '/' && (flags & PATHNAME) != 0) {
                        return false; // a star cannot get past the slash either
                    }
                }
            } else if (t == text.length()) {
                return true;
            }
            if (starP < 0 || starT >= text.length()
                    || ((flags & PATHNAME) != 0 && text.charAt(starT) == '/')) {
                return false;
            }
            starT++;
            t = starT;
            p = starP;
        }
    }

    /** Matches one non-star pattern element at {@code p} against {@code text[t]}; -1 when it does not match. */
    private int single(int p, String text, int t) {
        char c = pattern.charAt(p);
        char ch = text.charAt(t);
        if ((flags & PATHNAME) != 0 && ch == '/' && c != '/') {
            return -1;
        }
        switch (c) {
            case '?' -> {
                return leadingPeriod(text, t) ? -1 : p + 1;
            }
            case '[' -> {
                if (leadingPeriod(text, t)) {
                    return -1;
                }
                int end = bracketEnd(p);
                if (end < 0) {
                    return ch == '[' ? p + 1 : -1; // an unclosed bracket is an ordinary character
                }
                return bracketMatches(p + 1, end, ch) ? end + 1 : -1;
            }
            case '\\' -> {
                if (p + 1 < pattern.length()) {
                    return same(pattern.charAt(p + 1), ch) ? p + 2 : -1;
                }
                return ch == '\\' ? p + 1 : -1;
            }
            default -> {
                return same(c, ch) ? p + 1 : -1;
            }
        }
    }

    private boolean leadingPeriod(String text, int t) {
        return (flags & PERIOD) != 0 && t < text.length() && text.charAt(t) == '.'
                && (t == 0 || ((flags & PATHNAME) != 0 && text.charAt(t - 1) == '/'));
    }

    private boolean same(char a, char b) {
        if (a == b) {
            return true;
        }
        return (flags & CASEFOLD) != 0 && Character.toLowerCase(a) == Character.toLowerCase(b);
    }

    /** The index of the {@code ]} closing the bracket expression opened at {@code open}, or -1. */
    private int bracketEnd(int open) {
        int i = open + 1;
        if (i < pattern.length() && (pattern.charAt(i) == '!' || pattern.charAt(i) == '^')) {
            i++;
        }
        if (i < pattern.length() && pattern.charAt(i) == ']') {
            i++; // a leading ']' is a member
        }
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '[' && i + 1 < pattern.length() && pattern.charAt(i + 1) == ':') {
                int close = pattern.indexOf(":]", i + 2);
                if (close > 0) {
                    i = close + 2;
                    continue;
                }
            }
            if (c == '\\' && i + 1 < pattern.length()) {
                i += 2;
                continue;
            }
            if (c == ']') {
                return i;
            }
            i++;
        }
        return -1;
    }

    private boolean bracketMatches(int from, int end, char ch) {
        boolean negated = pattern.charAt(from) == '!' || pattern.charAt(from) == '^';
        int i = negated ? from + 1 : from;
        boolean matched = false;
        while (i < end) {
            char c = pattern.charAt(i);
            if (c == '[' && i + 1 < end && pattern.charAt(i + 1) == ':') {
                int close = pattern.indexOf(":]", i + 2);
                IntPredicate named = close > 0 ? CharClasses.named(pattern.substring(i + 2, close)) : null;
                if (named != null) {
                    matched |= named.test(ch) || ((flags & CASEFOLD) != 0
                            && (named.test(Character.toLowerCase(ch)) || named.test(Character.toUpperCase(ch))));
                    i = close + 2;
                    continue;
                }
            }
            char low = c;
            if (c == '\\' && i + 1 < end) {
                low = pattern.charAt(++i);
            }
            i++;
            char high = low;
            if (i + 1 < end && pattern.charAt(i) == '-') {
                high = pattern.charAt(i + 1);
                if (high == '\\' && i + 2 < end) {
                    high = pattern.charAt(i + 2);
                    i++;
                }
                i += 2;
            }
            matched |= inRange(ch, low, high);
        }
        return matched != negated;
    }

    private boolean inRange(char ch, char low, char high) {
        if (ch >= low && ch <= high) {
            return true;
        }
        if ((flags & CASEFOLD) != 0) {
            char lower = Character.toLowerCase(ch);
            char upper = Character.toUpperCase(ch);
            return (lower >= low && lower <= high) || (upper >= low && upper <= high);
        }
        return false;
    }
}
