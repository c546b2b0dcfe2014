package io.sandkernel.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shell pattern matching ({@code * ? [...]}, {@code [!...]}, ranges, {@code [:class:]}, and
 * bash's extended patterns {@code ?(..) *(..) +(..) @(..) !(..)}) on patterns in which quoted
 * characters are escaped with a backslash. Patterns are compiled once and kept in a small cache,
 * as loops match the same few patterns over and over.
 */
final class Patterns {
    private static final int CACHE_LIMIT = 512;
    private static final Map<String, Compiled> CACHE = new HashMap<>();

    /**
     * In pattern form, a backslash that came from an unquoted expansion: it quotes the next
     * character when the word is matched (dash and bash: {@code v='a\*b'} matches the file
     * {@code a*b}), but is kept when the word is left as it is (no match, no pattern character).
     */
    static final char EXPANDED_BACKSLASH = '\uFDD0';

    private Patterns() {}

    /** Escapes the characters that are special in patterns. */
    static String escape(String text) {
        int n = text.length();
        int i = 0;
        while (i < n && !isSpecialChar(text.charAt(i))) {
            i++;
        }
        if (i == n) {
            return text;
        }
        StringBuilder out = new StringBuilder(n + 8);
        out.append(text, 0, i);
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (isSpecialChar(c)) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isSpecialChar(char c) {
        return c == '\\' || c == EXPANDED_BACKSLASH || c == '*' || c == '?' || c == '[' || c == ']' || c == '(' || c == ')' || c == '|'
                || c == '+' || c == '@' || c == '!';
    }

    /** Removes the escaping backslashes; a backslash from an expansion stays. */
    static String unescape(String pattern) {
        if (pattern.indexOf('\\') < 0 && pattern.indexOf(EXPANDED_BACKSLASH) < 0) {
            return pattern;
        }
        StringBuilder out = new StringBuilder(pattern.length());
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                c = pattern.charAt(++i);
            } else if (c == EXPANDED_BACKSLASH) {
                c = '\\';
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * Whether the pattern has an unescaped {@code *}, {@code ?}, a {@code [} with a {@code ]}
     * after it (a lone {@code [}, as in the command {@code [}, matches only itself), or an
     * extended pattern.
     */
    static boolean hasGlob(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' || c == EXPANDED_BACKSLASH) {
                i++;
            } else if (c == '*' || c == '?' || (c == '[' && pattern.indexOf(']', i + 1) > 0)) {
                return true;
            } else if ((c == '+' || c == '@' || c == '!') && i + 1 < pattern.length() && pattern.charAt(i + 1) == '(') {
                return true;
            }
        }
        return false;
    }

    /**
     * The pattern with the openings of extended patterns quoted, for where extglob is off (dash
     * always, bash without {@code shopt -s extglob}): {@code +(a)} is then the three characters.
     */
    static String withoutExtended(String pattern) {
        StringBuilder quoted = new StringBuilder(pattern.length() + 4);
        boolean changed = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            quoted.append(c);
            if ((c == '\\' || c == EXPANDED_BACKSLASH) && i + 1 < pattern.length()) {
                quoted.append(pattern.charAt(++i));
            } else if ("?*+@!".indexOf(c) >= 0 && i + 1 < pattern.length() && pattern.charAt(i + 1) == '(') {
                quoted.append('\\');
                changed = true;
            }
        }
        return changed ? quoted.toString() : pattern;
    }

    /** Whether {@code text} matches the whole {@code pattern} (extended patterns on). */
    static boolean matches(String pattern, String text) {
        return compile(pattern, false).matches(text, 0, text.length());
    }

    /** Whether {@code text} matches the whole {@code pattern}, ignoring case when {@code nocase}. */
    static boolean matches(String pattern, String text, boolean nocase) {
        return compile(pattern, nocase).matches(text, 0, text.length());
    }

    /** The compiled form of {@code pattern}, cached. */
    static Compiled compile(String pattern, boolean nocase) {
        String key = nocase ? "\u0001" + pattern : pattern;
        synchronized (CACHE) {
            Compiled compiled = CACHE.get(key);
            if (compiled == null) {
                if (CACHE.size() >= CACHE_LIMIT) {
                    CACHE.clear();
                }
                compiled = new Parser(pattern, nocase).parse(pattern.length());
                CACHE.put(key, compiled);
            }
            return compiled;
        }
    }

    // ---------------------------------------------------------------- compiled patterns

    private static final int CHAR = 0;
    private static final int ANY = 1;
    private static final int STAR = 2;
    private static final int BRACKET = 3;
    private static final int GROUP = 4;

    /** One element of a compiled pattern. */
    private record Node(int kind, char c, Bracket bracket, char groupKind, Compiled[] alternatives) {}

    /** A bracket expression {@code [...]}. */
    private record Bracket(boolean negate, String singles, String lows, String highs, String[] classes) {
        boolean matches(char t, boolean nocase) {
            boolean hit = test(t) || (nocase && (test(Character.toLowerCase(t)) || test(Character.toUpperCase(t))));
            return hit != negate;
        }

        private boolean test(char t) {
            if (singles.indexOf(t) >= 0) {
                return true;
            }
            for (int i = 0; i < lows.length(); i++) {
                if (t >= lows.charAt(i) && t <= highs.charAt(i)) {
                    return true;
                }
            }
            for (String name : classes) {
                if (inClass(name, t)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A compiled pattern: a sequence of elements. */
    static final class Compiled {
        private final Node[] nodes;
        private final boolean nocase;
        /** The text when the pattern has no special element, else null. */
        final String literal;

        private Compiled(Node[] nodes, boolean nocase) {
            this.nodes = nodes;
            this.nocase = nocase;
            StringBuilder text = new StringBuilder();
            for (Node node : nodes) {
                if (node.kind != CHAR) {
                    text = null;
                    break;
                }
                text.append(node.c);
            }
            this.literal = text == null || nocase ? null : text.toString();
        }

        /** Whether {@code text[start, end)} matches the whole pattern. */
        boolean matches(String text, int start, int end) {
            if (literal != null) {
                return end - start == literal.length() && text.startsWith(literal, start);
            }
            return match(0, text, start, end);
        }

        private boolean same(char a, char b) {
            return a == b || (nocase && Character.toLowerCase(a) == Character.toLowerCase(b));
        }

        private boolean match(int ni, String text, int ti, int end) {
            while (ni < nodes.length) {
                Node node = nodes[ni];
                switch (node.kind) {
                    case CHAR -> {
                        if (ti >= end || !same(text.charAt(ti), node.c)) {
                            return false;
                        }
                        ni++;
                        ti++;
                    }
                    case ANY -> {
                        if (ti >= end) {
                            return false;
                        }
                        ni++;
                        ti++;
                    }
                    case BRACKET -> {
                        if (ti >= end || !node.bracket.matches(text.charAt(ti), nocase)) {
                            return false;
                        }
                        ni++;
                        ti++;
                    }
                    case STAR -> {
                        while (ni < nodes.length && nodes[ni].kind == STAR) {
                            ni++;
                        }
                        if (ni == nodes.length) {
                            return true;
                        }
                        Node next = nodes[ni];
                        for (int k = ti; k <= end; k++) {
                            if (next.kind == CHAR && (k >= end || !same(text.charAt(k), next.c))) {
                                continue;
                            }
                            if (match(ni, text, k, end)) {
                                return true;
                            }
                        }
                        return false;
                    }
                    default -> {
                        return matchGroup(node, ni, text, ti, end);
                    }
                }
            }
            return ti == end;
        }

        private boolean anyAlternative(Node group, String text, int from, int to) {
            for (Compiled alternative : group.alternatives) {
                if (alternative.matches(text, from, to)) {
                    return true;
                }
            }
            return false;
        }

        private boolean matchGroup(Node group, int ni, String text, int ti, int end) {
            switch (group.groupKind) {
                case '@' -> {
                    for (int k = ti; k <= end; k++) {
                        if (anyAlternative(group, text, ti, k) && match(ni + 1, text, k, end)) {
                            return true;
                        }
                    }
                    return false;
                }
                case '?' -> {
                    if (match(ni + 1, text, ti, end)) {
                        return true;
                    }
                    for (int k = ti; k <= end; k++) {
                        if (anyAlternative(group, text, ti, k) && match(ni + 1, text, k, end)) {
                            return true;
                        }
                    }
                    return false;
                }
                case '*' -> {
                    return repeat(group, ni, text, ti, end, true);
                }
                case '+' -> {
                    return repeat(group, ni, text, ti, end, false);
                }
                default -> {
                    for (int k = ti; k <= end; k++) {
                        if (!anyAlternative(group, text, ti, k) && match(ni + 1, text, k, end)) {
                            return true;
                        }
                    }
                    return false;
                }
            }
        }

        private boolean repeat(Node group, int ni, String text, int ti, int end, boolean zeroAllowed) {
            if (zeroAllowed && match(ni + 1, text, ti, end)) {
                return true;
            }
            for (int k = ti + 1; k <= end; k++) {
                if (anyAlternative(group, text, ti, k) && repeat(group, ni, text, k, end, true)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Compiles pattern text into {@link Compiled}. */
    private static final class Parser {
        private final String p;
        private final boolean nocase;
        private int i;

        Parser(String pattern, boolean nocase) {
            this.p = pattern;
            this.nocase = nocase;
        }

        /** Parses up to {@code end}, or up to a '|' or ')' at this level inside a group. */
        Compiled parse(int end) {
            List<Node> nodes = new ArrayList<>();
            while (i < end) {
                char c = p.charAt(i);
                if ((c == '\\' || c == EXPANDED_BACKSLASH) && i + 1 < end) {
                    nodes.add(new Node(CHAR, p.charAt(i + 1), null, '\0', null));
                    i += 2;
                } else if (c == EXPANDED_BACKSLASH) {
                    nodes.add(new Node(CHAR, '\\', null, '\0', null));
                    i++;
                } else if (c == '*' && !(i + 1 < end && p.charAt(i + 1) == '(')) {
                    nodes.add(new Node(STAR, '\0', null, '\0', null));
                    i++;
                } else if (c == '?' && !(i + 1 < end && p.charAt(i + 1) == '(')) {
                    nodes.add(new Node(ANY, '\0', null, '\0', null));
                    i++;
                } else if ("?*+@!".indexOf(c) >= 0 && i + 1 < end && p.charAt(i + 1) == '(' && closing(i + 1) > 0) {
                    int close = closing(i + 1);
                    nodes.add(new Node(GROUP, '\0', null, c, alternatives(i + 2, close)));
                    i = close + 1;
                } else if (c == '[') {
                    int start = i;
                    Bracket bracket = bracket();
                    if (bracket == null) {
                        i = start + 1;
                        nodes.add(new Node(CHAR, '[', null, '\0', null));
                    } else {
                        nodes.add(new Node(BRACKET, '\0', bracket, '\0', null));
                    }
                } else {
                    nodes.add(new Node(CHAR, c, null, '\0', null));
                    i++;
                }
            }
            return new Compiled(nodes.toArray(new Node[0]), nocase);
        }

        /** The index of the ')' closing the '(' at {@code open}, or -1. */
        private int closing(int open) {
            int depth = 0;
            for (int k = open; k < p.length(); k++) {
                char c = p.charAt(k);
                if (c == '\\') {
                    k++;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    return k;
                }
            }
            return -1;
        }

        private Compiled[] alternatives(int from, int to) {
            List<Compiled> list = new ArrayList<>();
            int depth = 0;
            int start = from;
            for (int k = from; k <= to; k++) {
                char c = k < to ? p.charAt(k) : '|';
                if (c == '\\') {
                    k++;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                } else if (c == '|' && depth == 0) {
                    Parser sub = new Parser(p, nocase);
                    sub.i = start;
                    list.add(sub.parse(k));
                    start = k + 1;
                }
            }
            return list.toArray(new Compiled[0]);
        }

        /** A bracket expression at {@code i}, or null when it has no closing ']'. */
        private Bracket bracket() {
            int k = i + 1;
            boolean negate = false;
            if (k < p.length() && (p.charAt(k) == '!' || p.charAt(k) == '^')) {
                negate = true;
                k++;
            }
            StringBuilder singles = new StringBuilder();
            StringBuilder lows = new StringBuilder();
            StringBuilder highs = new StringBuilder();
            List<String> classes = new ArrayList<>();
            boolean first = true;
            while (k < p.length()) {
                char c = p.charAt(k);
                if (c == ']' && !first) {
                    i = k + 1;
                    return new Bracket(negate, singles.toString(), lows.toString(), highs.toString(),
                            classes.toArray(new String[0]));
                }
                first = false;
                if (c == '[' && k + 1 < p.length() && (p.charAt(k + 1) == ':' || p.charAt(k + 1) == '=')) {
                    char kind = p.charAt(k + 1);
                    int close = p.indexOf(kind + "]", k + 2);
                    if (close > 0) {
                        String name = p.substring(k + 2, close);
                        if (kind == ':') {
                            classes.add(name);
                        } else {
                            singles.append(name);
                        }
                        k = close + 2;
                        continue;
                    }
                }
                if ((c == '\\' || c == EXPANDED_BACKSLASH) && k + 1 < p.length()) {
                    c = p.charAt(++k);
                }
                if (k + 2 < p.length() && p.charAt(k + 1) == '-' && p.charAt(k + 2) != ']') {
                    char high = p.charAt(k + 2);
                    int skip = 2;
                    if (high == '\\' && k + 3 < p.length()) {
                        high = p.charAt(k + 3);
                        skip = 3;
                    }
                    lows.append(c);
                    highs.append(high);
                    k += skip + 1;
                    continue;
                }
                singles.append(c);
                k++;
            }
            return null;
        }
    }

    static boolean inClass(String name, char c) {
        return switch (name) {
            case "alpha" -> c < 128 ? Character.isLetter(c) : Character.isLetter(c);
            case "digit" -> c >= '0' && c <= '9';
            case "alnum" -> Character.isLetterOrDigit(c);
            case "upper" -> Character.isUpperCase(c);
            case "lower" -> Character.isLowerCase(c);
            case "space" -> c == ' ' || (c >= '\t' && c <= '\r');
            case "blank" -> c == ' ' || c == '\t';
            case "punct" -> c > 32 && c < 127 && !Character.isLetterOrDigit(c);
            case "xdigit" -> Character.digit(c, 16) >= 0 && c < 128;
            case "cntrl" -> c < 32 || c == 127;
            case "print" -> c >= 32 && c < 127;
            case "graph" -> c > 32 && c < 127;
            case "word" -> Character.isLetterOrDigit(c) || c == '_';
            default -> false;
        };
    }
}
