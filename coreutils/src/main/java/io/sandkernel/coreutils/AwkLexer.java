package io.sandkernel.coreutils;

import java.util.Map;

/**
 * Splits an awk program (a byte string) into tokens. Newlines are tokens (they end statements);
 * a backslash-newline and comments are skipped. A slash starts a regular expression literal
 * unless the previous token ends an operand, where it is division, as the POSIX grammar's
 * lexical conventions say.
 */
final class AwkLexer {
    /** Token kinds. */
    enum Kind {
        NEWLINE, EOF, NUMBER, STRING, REGEX, NAME, FUNC_NAME, BUILTIN, KEYWORD, PUNCT
    }

    /** A token; {@code text} is the operator, name, keyword, string value or regex source. */
    record Token(Kind kind, String text, double number, int line) {
        boolean is(String punct) {
            return (kind == Kind.PUNCT || kind == Kind.KEYWORD) && text.equals(punct);
        }
    }

    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("BEGIN", "END", "function", "func", "if",
            "else", "while", "for", "do", "break", "continue", "next", "nextfile", "exit", "return", "delete", "in",
            "getline", "print", "printf");
    private static final java.util.Set<String> BUILTINS = java.util.Set.of("length", "substr", "index", "split",
            "sub", "gsub", "match", "sprintf", "sin", "cos", "atan2", "exp", "log", "sqrt", "int", "rand", "srand",
            "tolower", "toupper", "system", "close", "fflush");
    private static final String[] OPERATORS = {"**=", "+=", "-=", "*=", "/=", "%=", "^=", "==", "<=", ">=", "!=",
        "++", "--", "&&", "||", ">>", "!~", "**", "{", "}", "(", ")", "[", "]", ";", ",", "+", "-", "*", "/", "%",
        "^", "!", ">", "<", "|", "?", ":", "~", "$", "="};
    private static final Map<Character, Character> ESCAPES = Map.of('n', '\n', 't', '\t', 'r', '\r', 'f', '\f',
            'b', '\b', 'v', (char) 11, 'a', (char) 7, '\\', '\\', '"', '"', '/', '/');

    private final String source;
    private int pos;
    private int line = 1;
    private Token last;

    AwkLexer(String source) {
        this.source = source;
    }

    /** The line the lexer is on. */
    int line() {
        return line;
    }

    /** The next token. */
    Token next() {
        Token token = scan();
        last = token;
        return token;
    }

    private Token scan() {
        while (pos < source.length()) {
            char c = source.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\\' && pos + 1 < source.length() && source.charAt(pos + 1) == '\n') {
                pos += 2;
                line++;
            } else if (c == '\\' && pos + 2 < source.length() && source.charAt(pos + 1) == '\r'
                    && source.charAt(pos + 2) == '\n') {
                pos += 3;
                line++;
            } else if (c == '#') {
                while (pos < source.length() && source.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                break;
            }
        }
        if (pos >= source.length()) {
            return new Token(Kind.EOF, "", 0, line);
        }
        char c = source.charAt(pos);
        if (c == '\n') {
            pos++;
            line++;
            return new Token(Kind.NEWLINE, "\n", 0, line - 1);
        }
        if (c == '"') {
            return string();
        }
        if (c == '/' && !divisionAllowed()) {
            return regex();
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < source.length() && Character.isDigit(source.charAt(pos + 1)))) {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            int start = pos;
            while (pos < source.length() && (Character.isLetterOrDigit(source.charAt(pos)) || source.charAt(pos) == '_')
                    && source.charAt(pos) < 128) {
                pos++;
            }
            String word = source.substring(start, pos);
            if (KEYWORDS.contains(word)) {
                return new Token(Kind.KEYWORD, word.equals("func") ? "function" : word, 0, line);
            }
            if (BUILTINS.contains(word)) {
                return new Token(Kind.BUILTIN, word, 0, line);
            }
            if (pos < source.length() && source.charAt(pos) == '(') {
                return new Token(Kind.FUNC_NAME, word, 0, line);
            }
            return new Token(Kind.NAME, word, 0, line);
        }
        for (String op : OPERATORS) {
            if (source.startsWith(op, pos)) {
                pos += op.length();
                return new Token(Kind.PUNCT, op, 0, line);
            }
        }
        throw new AwkSyntaxError("invalid char '" + c + "' in expression", line);
    }

    /** Whether a '/' here is division: after an operand (a name, number, string, ')' ']' '$' or post-increment). */
    private boolean divisionAllowed() {
        if (last == null) {
            return false;
        }
        return switch (last.kind()) {
            case NAME, NUMBER, STRING, REGEX -> true;
            case BUILTIN -> true;
            case PUNCT -> last.text().equals(")") || last.text().equals("]") || last.text().equals("$")
                    || last.text().equals("++") || last.text().equals("--");
            default -> false;
        };
    }

    private Token number() {
        int start = pos;
        if (source.startsWith("0x", pos) || source.startsWith("0X", pos)) {
            int p = pos + 2;
            while (p < source.length() && Character.digit(source.charAt(p), 16) >= 0) {
                p++;
            }
            if (p > pos + 2) {
                pos = p;
                return new Token(Kind.NUMBER, source.substring(start, pos),
                        Long.parseLong(source.substring(start + 2, pos), 16), line);
            }
        }
        while (pos < source.length() && Character.isDigit(source.charAt(pos))) {
            pos++;
        }
        if (pos < source.length() && source.charAt(pos) == '.') {
            pos++;
            while (pos < source.length() && Character.isDigit(source.charAt(pos))) {
                pos++;
            }
        }
        if (pos < source.length() && (source.charAt(pos) == 'e' || source.charAt(pos) == 'E')) {
            int p = pos + 1;
            if (p < source.length() && (source.charAt(p) == '+' || source.charAt(p) == '-')) {
                p++;
            }
            if (p < source.length() && Character.isDigit(source.charAt(p))) {
                while (p < source.length() && Character.isDigit(source.charAt(p))) {
                    p++;
                }
                pos = p;
            }
        }
        String text = source.substring(start, pos);
        return new Token(Kind.NUMBER, text, Double.parseDouble(text), line);
    }

    private Token string() {
        int startLine = line;
        pos++;
        StringBuilder b = new StringBuilder();
        while (true) {
            if (pos >= source.length() || source.charAt(pos) == '\n') {
                throw new AwkSyntaxError("unterminated string", startLine);
            }
            char c = source.charAt(pos++);
            if (c == '"') {
                break;
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (pos >= source.length()) {
                b.append('\\');
                break;
            }
            char e = source.charAt(pos++);
            if (e == '\n') {
                line++;
                continue;
            }
            Character simple = ESCAPES.get(e);
            if (simple != null) {
                b.append(simple.charValue());
            } else if (e >= '0' && e <= '7') {
                int value = e - '0';
                for (int i = 0; i < 2 && pos < source.length() && source.charAt(pos) >= '0' && source.charAt(pos) <= '7'; i++) {
                    value = value * 8 + (source.charAt(pos++) - '0');
                }
                b.append((char) (value & 0xFF));
            } else {
                // an unknown escape keeps its backslash (gawk warns; onetrue-awk keeps both)
                b.append('\\').append(e);
            }
        }
        return new Token(Kind.STRING, b.toString(), 0, startLine);
    }

    /**
     * A regex literal: its source as written, with {@code \/} turned into {@code /}; other
     * escapes are left to {@link AwkRegex}. A '/' inside a bracket expression does not end it.
     */
    private Token regex() {
        int startLine = line;
        pos++;
        StringBuilder b = new StringBuilder();
        boolean inBracket = false;
        int bracketStart = -1;
        while (true) {
            if (pos >= source.length() || source.charAt(pos) == '\n') {
                throw new AwkSyntaxError("unterminated regexp", startLine);
            }
            char c = source.charAt(pos++);
            if (c == '\\' && pos < source.length()) {
                char e = source.charAt(pos++);
                if (e == '/') {
                    b.append('/');
                } else {
                    b.append('\\').append(e);
                }
                continue;
            }
            if (inBracket) {
                if (c == '[' && pos < source.length() && ":.=".indexOf(source.charAt(pos)) >= 0) {
                    int close = source.indexOf(source.charAt(pos) + "]", pos + 1);
                    if (close > 0 && source.indexOf('\n', pos) > close | source.indexOf('\n', pos) < 0) {
                        b.append(c).append(source, pos, close + 2);
                        pos = close + 2;
                        continue;
                    }
                }
                if (c == ']' && b.length() > bracketStart) {
                    inBracket = false;
                }
                b.append(c);
                continue;
            }
            if (c == '[') {
                inBracket = true;
                b.append(c);
                if (pos < source.length() && source.charAt(pos) == '^') {
                    b.append('^');
                    pos++;
                }
                bracketStart = b.length();
                continue;
            }
            if (c == '/') {
                break;
            }
            b.append(c);
        }
        return new Token(Kind.REGEX, b.toString(), 0, startLine);
    }
}
