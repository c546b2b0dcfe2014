package io.sandkernel.coreutils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The items xargs reads: with a delimiter ({@code -0}, {@code -d}) everything between two
 * delimiters; otherwise words separated by blanks and newlines, with {@code '...'},
 * {@code "..."} and backslash quoting, an optional end-of-file word, and (for {@code -L} and
 * {@code -I}) line structure: a line ending in a blank continues on the next, and with
 * {@code -I} a whole line, leading blanks removed, is one item.
 */
final class XargsInput {
    /** A read item, and whether it ended an input line (for -L). */
    record Item(String text, boolean endsLine) {}

    /** An unterminated quote, with GNU's message. */
    static final class QuoteError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        QuoteError(String message) {
            super(message, null, false, false);
        }
    }

    private final InputStream in;
    private final int delimiter;
    private final String eof;
    private final boolean lines;
    private boolean ended;

    /**
     * @param delimiter the separating byte, or -1 for blank-separated words
     * @param eof       the end-of-file word, or null
     * @param lines     whether line structure matters (-L, -I)
     */
    XargsInput(InputStream in, int delimiter, String eof, boolean lines) {
        this.in = in;
        this.delimiter = delimiter;
        this.eof = eof;
        this.lines = lines;
    }

    /** The next item, or null at the end of input (or at the end-of-file word). */
    Item next() throws IOException {
        if (ended) {
            return null;
        }
        if (delimiter >= 0) {
            return delimited();
        }
        return replaceMode ? wholeLine() : word();
    }

    /** Whether items are whole lines (-I). */
    private boolean replaceMode;

    XargsInput wholeLines() {
        this.replaceMode = true;
        return this;
    }

    private Item delimited() throws IOException {
        ByteArrayOutputStream item = new ByteArrayOutputStream();
        int b = in.read();
        if (b < 0) {
            ended = true;
            return null;
        }
        while (b >= 0 && b != delimiter) {
            item.write(b);
            b = in.read();
        }
        if (b < 0) {
            ended = true;
        }
        return new Item(item.toString(StandardCharsets.UTF_8), true);
    }

    private Item wholeLine() throws IOException {
        while (true) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b = in.read();
            if (b < 0) {
                ended = true;
                return null;
            }
            while (b == ' ' || b == '\t') {
                b = in.read();
            }
            char quote = 0;
            while (b >= 0 && (b != '\n' || quote != 0)) {
                if (quote != 0) {
                    if (b == quote) {
                        quote = 0;
                    } else if (b == '\n') {
                        throw unmatched(quote);
                    } else {
                        line.write(b);
                    }
                } else if (b == '\'' || b == '"') {
                    quote = (char) b;
                } else if (b == '\\') {
                    int next = in.read();
                    if (next >= 0) {
                        line.write(next);
                    }
                } else {
                    line.write(b);
                }
                b = in.read();
            }
            if (quote != 0) {
                throw unmatched(quote);
            }
            if (b < 0) {
                ended = true;
            }
            if (line.size() == 0) {
                if (ended) {
                    return null;
                }
                continue;
            }
            return new Item(line.toString(StandardCharsets.UTF_8), true);
        }
    }

    private QuoteError unmatched(char quote) {
        ended = true;
        return new QuoteError("unmatched " + (quote == '\'' ? "single" : "double")
                + " quote; by default quotes are special to xargs unless you use the -0 option");
    }

    private int pending = -2;

    private int read() throws IOException {
        if (pending != -2) {
            int b = pending;
            pending = -2;
            return b;
        }
        return in.read();
    }

    private Item word() throws IOException {
        int b = read();
        while (b == ' ' || b == '\t' || b == '\n') {
            b = read();
        }
        if (b < 0) {
            ended = true;
            return null;
        }
        ByteArrayOutputStream word = new ByteArrayOutputStream();
        boolean quoted = false;
        char quote = 0;
        while (b >= 0) {
            if (quote != 0) {
                if (b == quote) {
                    quote = 0;
                } else if (b == '\n') {
                    throw unmatched(quote);
                } else {
                    word.write(b);
                }
            } else if (b == ' ' || b == '\t' || b == '\n') {
                break;
            } else if (b == '\'' || b == '"') {
                quote = (char) b;
                quoted = true;
            } else if (b == '\\') {
                int next = read();
                if (next >= 0) {
                    word.write(next);
                }
            } else {
                word.write(b);
            }
            b = read();
        }
        if (quote != 0) {
            throw unmatched(quote);
        }
        String text = word.toString(StandardCharsets.UTF_8);
        if (!quoted && eof != null && text.equals(eof)) {
            ended = true;
            return null;
        }
        boolean endsLine = false;
        if (b == '\n') {
            endsLine = true;
        } else if (b == ' ' || b == '\t') {
            // a line ending in blanks continues on the next line; otherwise look whether the line ends here
            int c = read();
            while (c == ' ' || c == '\t') {
                c = read();
            }
            if (c == '\n') {
                endsLine = false;
            } else {
                pending = c;
            }
        } else if (b < 0) {
            endsLine = true;
            ended = true;
        }
        return new Item(text, endsLine);
    }
}
