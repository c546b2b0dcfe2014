package io.sandkernel.coreutils;

/**
 * The character cursor of {@link SedParser} over one piece of a sed script, with GNU sed's
 * lexical helpers (compile.c's inchar, in_nonblank, read_label, read_filename, match_slash) and
 * the location of errors: {@code "-e expression #1, char 3: ..."} counts the characters read,
 * {@code "file x.sed line 2: ..."} the lines.
 */
final class SedReader {
    static final int EOF = -1;

    private SedParser.Piece piece;
    private String text;
    private int pos;

    /** Starts reading {@code piece}. */
    void start(SedParser.Piece piece) {
        this.piece = piece;
        this.text = piece.text();
        this.pos = 0;
    }

    /** Goes back to the start, for errors GNU reports at "char 0". */
    void rewind() {
        pos = 0;
    }

    int inchar() {
        return pos < text.length() ? text.charAt(pos++) : EOF;
    }

    void savchar(int c) {
        if (c != EOF) {
            pos--;
        }
    }

    int inNonblank() {
        int c;
        do {
            c = inchar();
        } while (c == ' ' || c == '\t');
        return c;
    }

    static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 11 || c == '\f';
    }

    SedException error(String message) {
        if (piece.file() != null) {
            int line = 1;
            for (int i = 0; i < Math.min(pos, text.length()); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            if (pos > 0 && pos <= text.length() && text.charAt(pos - 1) == '\n') {
                line--;
            }
            return new SedException("file " + piece.file() + " line " + line + ": " + message, 1);
        }
        return new SedException("-e expression #" + piece.expression() + ", char " + pos + ": " + message, 1);
    }

    int readInteger(int first) {
        long value = first - '0';
        int c = inchar();
        while (c >= '0' && c <= '9') {
            value = Math.min(Integer.MAX_VALUE, value * 10 + (c - '0'));
            c = inchar();
        }
        savchar(c);
        return (int) value;
    }

    String readLabel() {
        int c = inNonblank();
        StringBuilder label = new StringBuilder();
        while (c != EOF && c != '\n' && c != ';' && c != '}' && !isSpace(c)) {
            label.append((char) c);
            c = inchar();
        }
        savchar(c);
        c = inNonblank();
        if (c != ';' && c != '\n') {
            savchar(c);
        }
        return label.toString();
    }

    String readFileName() {
        int c = inNonblank();
        StringBuilder name = new StringBuilder();
        while (c != EOF && c != '\n') {
            name.append((char) c);
            c = inchar();
        }
        return name.toString();
    }

    long readLong(int first) {
        long value = first - '0';
        int c = inchar();
        while (c >= '0' && c <= '9') {
            value = value * 10 + (c - '0');
            if (value > Long.MAX_VALUE / 20) {
                value = Long.MAX_VALUE / 20;
            }
            c = inchar();
        }
        savchar(c);
        return value;
    }

    /**
     * Reads up to the unescaped {@code delimiter}, as GNU's match_slash: {@code \delimiter}
     * becomes the delimiter, {@code \n} a newline (in a regex), a backslash-newline a newline;
     * bracket expressions are skipped whole in a regex. Returns null when the text ends first.
     */
    String matchSlash(char delimiter, boolean regex) {
        StringBuilder out = new StringBuilder();
        int c;
        while ((c = inchar()) != EOF && c != '\n') {
            if (c == delimiter) {
                return out.toString();
            }
            if (c == '\\') {
                c = inchar();
                if (c == EOF) {
                    break;
                } else if (c == 'n' && regex) {
                    c = '\n';
                } else if (c != '\n' && (c != delimiter || (!regex && c == '&'))) {
                    out.append('\\');
                }
                out.append((char) c);
            } else if (c == '[' && regex) {
                if (!bracket(out)) {
                    return null;
                }
            } else {
                out.append((char) c);
            }
        }
        return null;
    }

    /** Copies a bracket expression whose '[' was just read, so a delimiter inside it is a member. */
    private boolean bracket(StringBuilder out) {
        out.append('[');
        int start = pos;
        int c = inchar();
        if (c == '^') {
            out.append('^');
            start = pos;
            c = inchar();
        }
        while (c != EOF) {
            if (c == ']' && pos - 1 > start) {
                out.append(']');
                return true;
            }
            if (c == '[') {
                int kind = inchar();
                if (kind == ':' || kind == '.' || kind == '=') {
                    int close = text.indexOf((char) kind + "]", pos);
                    if (close < 0) {
                        return false;
                    }
                    out.append('[').append((char) kind).append(text, pos, close + 2);
                    pos = close + 2;
                    c = inchar();
                    continue;
                }
                savchar(kind);
            }
            if (c == '\n') {
                return false;
            }
            out.append((char) c);
            c = inchar();
        }
        return false;
    }
}
