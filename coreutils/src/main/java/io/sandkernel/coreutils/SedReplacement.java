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
    /** Whether the text is decoded from a UTF-8 locale: case conversions then map every letter. */
    private final boolean unicode;

    private SedReplacement(List<Part> parts, boolean unicode) {
        this.parts = parts;
        this.unicode = unicode;
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
     * removed, so {@code \/} arrives as {@code /}); {@code unicode} when it is text decoded from a
     * UTF-8 locale, where an escaped byte ({@code \xHH}) is one of the input's bytes again.
     */
    static SedReplacement parse(String raw, boolean unicode) {
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '&') {
                flush(parts, text, unicode);
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
                flush(parts, text, unicode);
                parts.add(new Part(GROUP, null, e - '0', ' '));
                i += 2;
            } else if ("LUluE".indexOf(e) >= 0) {
                flush(parts, text, unicode);
                parts.add(new Part(CASE, null, 0, e));
                i += 2;
            } else if (e == '\n') {
                text.append('\n');
                i += 2;
            } else {
                int[] decoded = SedRegex.decodeOne(raw, i);
                if (decoded != null) {
                    text.append(Utf8.byteAsChar(decoded[0], unicode));
                    i = decoded[1];
                } else {
                    text.append(e);
                    i += 2;
                }
            }
        }
        flush(parts, text, unicode);
        return new SedReplacement(parts, unicode);
    }

    private static void flush(List<Part> parts, StringBuilder text, boolean unicode) {
        if (!text.isEmpty()) {
            // escaped bytes that spell a character together are that character
            String piece = unicode ? Utf8.decode(Utf8.encode(text.toString())) : text.toString();
            parts.add(new Part(TEXT, piece, 0, ' '));
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
            piece = mode == LOWER || mode == UPPER ? LetterCase.map(piece, mode == UPPER, unicode) : piece;
            if (once != END_CASE) {
                char first = piece.charAt(0);
                first = once == LOWER_ONE ? LetterCase.lower(first, unicode) : LetterCase.upper(first, unicode);
                piece = first + piece.substring(1);
                once = END_CASE;
            }
            out.append(piece);
        }
    }
}
