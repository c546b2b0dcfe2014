package io.sandkernel.coreutils;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;

/**
 * The right-hand side of an {@code s} command, parsed once: literal text, {@code &} and
 * {@code \1}..{@code \9}, and GNU's case conversions {@code \L \U} (until {@code \E}) and the one-character
 * forms, backslash-l and backslash-u.
 */
final class SedReplacement {
    /** Part kinds: text, a group, or a case operation. */
    private static final int TEXT = 0;
    private static final int GROUP = 1;
    private static final int CASE = 2;

    /** Case operations. */
    private static final char LOWER = 'L';
    private static final char UPPER = 'U';
    private static final char LOWER_ONE = 'l';
    private static final char UPPER_ONE = 'u';
    private static final char END_CASE = 'E';

    private record Part(int kind, String text, int group, char operation) {}

    private final List<Part> parts;
    private final int highestGroup;
    private final boolean hasCase;
    /** The whole replacement when it is plain text, for the common case. */
    private final String plain;

    private SedReplacement(List<Part> parts) {
        this.parts = parts;
        int highest = 0;
        boolean cases = false;
        for (Part part : parts) {
            if (part.kind == GROUP) {
                highest = Math.max(highest, part.group);
            }
            cases |= part.kind == CASE;
        }
        this.highestGroup = highest;
        this.hasCase = cases;
        this.plain = parts.isEmpty() ? "" : parts.size() == 1 && parts.get(0).kind == TEXT ? parts.get(0).text : null;
    }

    /**
     * Parses the replacement text as written between the delimiters (delimiter escapes already
     * removed, so {@code \/} arrives as {@code /}).
     */
    static SedReplacement parse(String raw) {
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '&') {
                flush(parts, text);
                parts.add(new Part(GROUP, null, 0, ' '));
                i++;
                continue;
            }
            if (c != '\\' || i + 1 >= raw.length()) {
                text.append(c);
                i++;
                continue;
            }
            char e = raw.charAt(i + 1);
            if (e >= '0' && e <= '9') {
                flush(parts, text);
                parts.add(new Part(GROUP, null, e - '0', ' '));
                i += 2;
            } else if ("LUluE".indexOf(e) >= 0) {
                flush(parts, text);
                parts.add(new Part(CASE, null, 0, e));
                i += 2;
            } else if (e == '\n') {
                text.append('\n');
                i += 2;
            } else {
                int[] decoded = SedRegex.decodeOne(raw, i);
                if (decoded != null) {
                    text.append((char) decoded[0]);
                    i = decoded[1];
                } else {
                    text.append(e);
                    i += 2;
                }
            }
        }
        flush(parts, text);
        return new SedReplacement(parts);
    }

    private static void flush(List<Part> parts, StringBuilder text) {
        if (!text.isEmpty()) {
            parts.add(new Part(TEXT, text.toString(), 0, ' '));
            text.setLength(0);
        }
    }

    /** The highest group referred to ({@code \3}: 3), to check against the expression. */
    int highestGroup() {
        return highestGroup;
    }

    /** Appends the replacement for {@code match} of {@code input}. */
    void append(MatchResult match, CharSequence input, StringBuilder out) {
        if (plain != null) {
            out.append(plain);
            return;
        }
        if (!hasCase) {
            for (Part part : parts) {
                if (part.kind == TEXT) {
                    out.append(part.text);
                } else {
                    int start = match.start(part.group);
                    if (start >= 0) {
                        out.append(input, start, match.end(part.group));
                    }
                }
            }
            return;
        }
        char mode = END_CASE;
        char once = END_CASE;
        for (Part part : parts) {
            String piece;
            if (part.kind == CASE) {
                if (part.operation == LOWER_ONE || part.operation == UPPER_ONE) {
                    once = part.operation;
                } else {
                    mode = part.operation;
                    once = END_CASE;
                }
                continue;
            } else if (part.kind == TEXT) {
                piece = part.text;
            } else {
                int start = match.start(part.group);
                piece = start < 0 ? "" : input.subSequence(start, match.end(part.group)).toString();
            }
            if (piece.isEmpty()) {
                continue;
            }
            piece = mode == LOWER ? lower(piece) : mode == UPPER ? upper(piece) : piece;
            if (once != END_CASE) {
                char first = piece.charAt(0);
                first = once == LOWER_ONE ? lower(first) : upper(first);
                piece = first + piece.substring(1);
                once = END_CASE;
            }
            out.append(piece);
        }
    }

    /** ASCII case mapping, as the C locale does it on bytes. */
    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    private static char upper(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
    }

    private static String lower(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            b.append(lower(s.charAt(i)));
        }
        return b.toString();
    }

    private static String upper(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            b.append(upper(s.charAt(i)));
        }
        return b.toString();
    }
}
