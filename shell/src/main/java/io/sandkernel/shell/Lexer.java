package io.sandkernel.shell;

import io.sandkernel.shell.Ast.Arith;
import io.sandkernel.shell.Ast.CmdSub;
import io.sandkernel.shell.Ast.Dq;
import io.sandkernel.shell.Ast.HereDoc;
import io.sandkernel.shell.Ast.Lit;
import io.sandkernel.shell.Ast.Param;
import io.sandkernel.shell.Ast.Part;
import io.sandkernel.shell.Ast.Quoted;
import io.sandkernel.shell.Ast.Tilde;
import io.sandkernel.shell.Ast.Word;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits shell source into tokens: words (already broken into {@link Part}s), operators,
 * IO numbers, newlines and end of file. Reads pending here-document bodies when it reaches the
 * end of a line. Command substitutions {@code $(...)} are parsed recursively by a {@link Parser}
 * on the same source.
 */
final class Lexer {
    enum Type { WORD, OP, IO_NUMBER, NEWLINE, EOF }

    record Token(Type type, String text, Word word, int line, int start, int end) {
        Token(Type type, String text, Word word, int line) {
            this(type, text, word, line, -1, -1);
        }

        boolean isOp(String op) {
            return type == Type.OP && text.equals(op);
        }

        /** Whether this is the unquoted word {@code reserved}. */
        boolean isWord(String reserved) {
            return type == Type.WORD && reserved.equals(word.plainText());
        }

        String describe() {
            return switch (type) {
                case NEWLINE -> "newline";
                case EOF -> "end of file";
                default -> "\"" + text + "\"";
            };
        }
    }

    private enum Mode { WORD, DQ, HEREDOC, BRACE_ARG, BRACE_ARG_DQ, ARITH }

    private static final String[] OPERATORS = {
        "&&", "||", ";;", "<<-", "<<", ">>", "<&", ">&", "<>", ">|", "&", "|", ";", "(", ")", "<", ">"
    };

    private String src;
    private int pos;
    /** Aliases to expand in command position (null: none), shared with nested parsers. */
    java.util.Map<String, String> aliases;
    /** Alias expansions still being read: name and the end of its text in {@code src}. */
    private final List<Object[]> activeAliases = new ArrayList<>();
    /** How much alias expansion has lengthened {@code src} so far. */
    int aliasDelta;
    private int line;
    private final Deque<Token> lookahead = new ArrayDeque<>();
    private final List<HereDoc> pending = new ArrayList<>();
    /** Set when the input ended inside a here-document (an interactive shell reads more). */
    boolean incompleteHeredoc;

    Lexer(String src) {
        this(src, 0, 1);
    }

    Lexer(String src, int pos, int line) {
        this.src = src;
        this.pos = pos;
        this.line = line;
    }

    int position() {
        return pos;
    }

    int line() {
        return lookahead.isEmpty() ? line : lookahead.peekFirst().line();
    }

    /** The next token, without consuming it. */
    Token peek() {
        return peek(0);
    }

    /** The token {@code n} ahead (0 = next). */
    Token peek(int n) {
        while (lookahead.size() <= n) {
            lookahead.addLast(lex());
        }
        int i = 0;
        for (Token token : lookahead) {
            if (i++ == n) {
                return token;
            }
        }
        throw new IllegalStateException();
    }

    Token next() {
        return lookahead.isEmpty() ? lex() : lookahead.removeFirst();
    }

    /** How many tokens have been read ahead. */
    int lookaheadSize() {
        return lookahead.size();
    }

    /**
     * Whether the next token (the only one read ahead) is a word naming an alias that is not
     * already being expanded at this point.
     */
    String aliasAt(Token token) {
        if (aliases == null || aliases.isEmpty() || lookahead.size() != 1 || token.start() < 0) {
            return null;
        }
        String name = token.word().plainText();
        if (name == null || !aliases.containsKey(name)) {
            return null;
        }
        activeAliases.removeIf(active -> (int) active[1] <= token.start());
        for (Object[] active : activeAliases) {
            if (active[0].equals(name)) {
                return null;
            }
        }
        return aliases.get(name);
    }

    /** Replaces the word token just read ahead with an alias's text, and reads on from there. */
    void expandAlias(Token token, String text) {
        int delta = text.length() - (token.end() - token.start());
        aliasDelta += delta;
        for (Object[] active : activeAliases) {
            if ((int) active[1] > token.start()) {
                active[1] = (int) active[1] + delta;
            }
        }
        activeAliases.add(new Object[] {token.word().plainText(), token.start() + text.length()});
        src = src.substring(0, token.start()) + text + src.substring(token.end());
        pos = token.start();
        lookahead.clear();
    }

    /** Registers a here-document whose body starts after the next newline. */
    void addHeredoc(HereDoc doc) {
        pending.add(doc);
    }

    boolean hasPendingHeredocs() {
        return !pending.isEmpty();
    }

    private Token lex() {
        while (true) {
            if (pos >= src.length()) {
                if (!pending.isEmpty()) {
                    incompleteHeredoc = true;
                    pending.clear();
                }
                return new Token(Type.EOF, "", null, line);
            }
            char c = src.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
                pos += 2;
                line++;
            } else if (c == '#') {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                break;
            }
        }
        int startLine = line;
        char c = src.charAt(pos);
        if (c == '\n') {
            pos++;
            line++;
            readHeredocs();
            return new Token(Type.NEWLINE, "\n", null, startLine);
        }
        for (String op : OPERATORS) {
            if (src.startsWith(op, pos)) {
                pos += op.length();
                return new Token(Type.OP, op, null, startLine);
            }
        }
        int start = pos;
        List<Part> parts = readParts(Mode.WORD);
        String raw = src.substring(start, pos);
        // one digit only, as in dash: "10>f" is the word 10 written to f, and descriptors from 10
        // up stay the shell's own (see Io)
        if (pos < src.length() && (src.charAt(pos) == '<' || src.charAt(pos) == '>') && raw.length() == 1
                && Character.isDigit(raw.charAt(0))) {
            return new Token(Type.IO_NUMBER, raw, null, startLine);
        }
        return new Token(Type.WORD, raw, new Word(raw, parts), startLine, start, pos);
    }

    private void readHeredocs() {
        List<HereDoc> docs = new ArrayList<>(pending);
        pending.clear();
        for (HereDoc doc : docs) {
            StringBuilder body = new StringBuilder();
            boolean terminated = false;
            while (pos < src.length()) {
                int end = src.indexOf('\n', pos);
                String text = end < 0 ? src.substring(pos) : src.substring(pos, end);
                pos = end < 0 ? src.length() : end + 1;
                line++;
                if (doc.stripTabs) {
                    int i = 0;
                    while (i < text.length() && text.charAt(i) == '\t') {
                        i++;
                    }
                    text = text.substring(i);
                }
                if (text.equals(doc.delimiter)) {
                    terminated = true;
                    break;
                }
                body.append(text).append('\n');
            }
            if (!terminated) {
                incompleteHeredoc = true;
            }
            doc.text = body.toString();
            if (doc.quoted) {
                doc.body = new Word(doc.text, List.of(new Quoted(doc.text)));
            } else {
                Lexer sub = new Lexer(doc.text, 0, line);
                doc.body = new Word(doc.text, sub.readParts(Mode.HEREDOC));
            }
        }
    }

    /** Parses {@code text} as the inside of double quotes without the quotes (for arithmetic). */
    static Word parseArithmetic(String text, int line) {
        Lexer sub = new Lexer(text, 0, line);
        return new Word(text, sub.readParts(Mode.ARITH));
    }

    private static boolean isWordEnd(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';' || c == '&' || c == '|' || c == '('
                || c == ')' || c == '<' || c == '>';
    }

    private SyntaxError error(String message, boolean eof) {
        return new SyntaxError(line, message, eof);
    }

    private List<Part> readParts(Mode mode) {
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        boolean literalQuoted = mode == Mode.DQ || mode == Mode.HEREDOC;
        int braceDepth = 0;
        boolean first = true;
        while (true) {
            if (pos >= src.length()) {
                if (mode == Mode.DQ) {
                    throw error("Unterminated quoted string", true);
                }
                if (mode == Mode.BRACE_ARG || mode == Mode.BRACE_ARG_DQ) {
                    throw error("Missing '}'", true);
                }
                break;
            }
            char c = src.charAt(pos);
            if (mode == Mode.WORD && isWordEnd(c)) {
                break;
            }
            if (mode == Mode.DQ && c == '"') {
                pos++;
                break;
            }
            if ((mode == Mode.BRACE_ARG || mode == Mode.BRACE_ARG_DQ) && c == '}') {
                if (braceDepth == 0) {
                    pos++;
                    break;
                }
                braceDepth--;
            } else if ((mode == Mode.BRACE_ARG || mode == Mode.BRACE_ARG_DQ) && c == '{') {
                braceDepth++;
            }
            if (mode == Mode.WORD && first && c == '~') {
                int end = pos + 1;
                while (end < src.length() && !isWordEnd(src.charAt(end)) && src.charAt(end) != '/'
                        && isNameChar(src.charAt(end))) {
                    end++;
                }
                if (end >= src.length() || isWordEnd(src.charAt(end)) || src.charAt(end) == '/') {
                    parts.add(new Tilde(src.substring(pos + 1, end)));
                    pos = end;
                    first = false;
                    continue;
                }
            }
            first = false;
            switch (c) {
                case '\\' -> {
                    if (pos + 1 >= src.length()) {
                        lit.append('\\');
                        pos++;
                        break;
                    }
                    char n = src.charAt(pos + 1);
                    boolean escapes = switch (mode) {
                        case WORD, BRACE_ARG -> true;
                        case DQ, BRACE_ARG_DQ -> n == '$' || n == '`' || n == '"' || n == '\\' || n == '\n'
                                || (mode == Mode.BRACE_ARG_DQ && n == '}');
                        case HEREDOC, ARITH -> n == '$' || n == '`' || n == '\\' || n == '\n';
                    };
                    if (!escapes) {
                        lit.append('\\');
                        pos++;
                    } else {
                        pos += 2;
                        if (n == '\n') {
                            line++;
                        } else {
                            flush(parts, lit, literalQuoted);
                            parts.add(new Quoted(String.valueOf(n)));
                        }
                    }
                }
                case '\'' -> {
                    if (mode == Mode.DQ || mode == Mode.HEREDOC || mode == Mode.BRACE_ARG_DQ || mode == Mode.ARITH) {
                        lit.append(c);
                        pos++;
                    } else {
                        int end = src.indexOf('\'', pos + 1);
                        if (end < 0) {
                            throw error("Unterminated quoted string", true);
                        }
                        flush(parts, lit, literalQuoted);
                        String text = src.substring(pos + 1, end);
                        line += count(text, '\n');
                        parts.add(new Quoted(text));
                        pos = end + 1;
                    }
                }
                case '"' -> {
                    if (mode == Mode.HEREDOC || mode == Mode.ARITH) {
                        lit.append(c);
                        pos++;
                    } else {
                        flush(parts, lit, literalQuoted);
                        pos++;
                        parts.add(new Dq(readParts(Mode.DQ)));
                    }
                }
                case '$' -> {
                    Part part = readDollar(mode == Mode.DQ || mode == Mode.BRACE_ARG_DQ || mode == Mode.HEREDOC);
                    if (part == null) {
                        lit.append('$');
                    } else {
                        flush(parts, lit, literalQuoted);
                        parts.add(part);
                    }
                }
                case '`' -> {
                    flush(parts, lit, literalQuoted);
                    parts.add(readBackquote(mode == Mode.DQ || mode == Mode.BRACE_ARG_DQ));
                }
                default -> {
                    if (c == '\n') {
                        line++;
                    }
                    lit.append(c);
                    pos++;
                }
            }
        }
        flush(parts, lit, literalQuoted);
        return parts;
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static void flush(List<Part> parts, StringBuilder lit, boolean quoted) {
        if (!lit.isEmpty()) {
            parts.add(quoted ? new Quoted(lit.toString()) : new Lit(lit.toString()));
            lit.setLength(0);
        }
    }

    static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isNameChar(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    static boolean isName(String s) {
        if (s.isEmpty() || !isNameStart(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (!isNameChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpecial(char c) {
        return c == '?' || c == '!' || c == '$' || c == '#' || c == '@' || c == '*' || c == '-'
                || (c >= '0' && c <= '9');
    }

    /** After a '$' at pos: returns the expansion part, or null for a literal '$' (pos moved past it). */
    private Part readDollar(boolean inDq) {
        int start = pos;
        pos++;
        if (pos >= src.length()) {
            return null;
        }
        char c = src.charAt(pos);
        if (c == '{') {
            pos++;
            return readBraceParam(inDq);
        }
        if (c == '(') {
            if (pos + 1 < src.length() && src.charAt(pos + 1) == '(') {
                int end = findArithEnd(pos + 2);
                if (end == -2) {
                    throw error("Missing '))'", true);
                }
                if (end >= 0) {
                    String expr = src.substring(pos + 2, end);
                    int exprLine = line;
                    line += count(expr, '\n');
                    pos = end + 2;
                    return new Arith(parseArithmetic(expr, exprLine));
                }
            }
            pos++;
            Parser.Sub sub = Parser.parseSubstitution(src, pos, line, aliases);
            String source = src.substring(pos, sub.end() - 1);
            pos = sub.end();
            line = sub.line();
            return new CmdSub(sub.body(), source);
        }
        if (isSpecial(c)) {
            pos++;
            return new Param(String.valueOf(c), "", null);
        }
        if (isNameStart(c)) {
            int end = pos;
            while (end < src.length() && isNameChar(src.charAt(end))) {
                end++;
            }
            String name = src.substring(pos, end);
            pos = end;
            return new Param(name, "", null);
        }
        pos = start + 1;
        return null;
    }

    /** The index of the "))" closing an arithmetic expansion whose text starts at from, or -1. */
    private int findArithEnd(int from) {
        int depth = 0;
        for (int i = from; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    return i + 1 < src.length() && src.charAt(i + 1) == ')' ? i : -1;
                }
                depth--;
            }
        }
        return -2;
    }

    private Part readBraceParam(boolean inDq) {
        if (pos >= src.length()) {
            throw error("Missing '}'", true);
        }
        boolean length = false;
        if (src.charAt(pos) == '#' && pos + 1 < src.length() && src.charAt(pos + 1) != '}') {
            char n = src.charAt(pos + 1);
            if (isNameStart(n) || isSpecial(n)) {
                length = true;
                pos++;
            }
        }
        String name;
        char c = src.charAt(pos);
        if (isNameStart(c)) {
            int end = pos;
            while (end < src.length() && isNameChar(src.charAt(end))) {
                end++;
            }
            name = src.substring(pos, end);
            pos = end;
        } else if (c >= '0' && c <= '9') {
            int end = pos;
            while (end < src.length() && Character.isDigit(src.charAt(end))) {
                end++;
            }
            name = src.substring(pos, end);
            pos = end;
        } else if (isSpecial(c)) {
            name = String.valueOf(c);
            pos++;
        } else {
            throw error("Bad substitution", false);
        }
        if (pos >= src.length()) {
            throw error("Missing '}'", true);
        }
        if (src.charAt(pos) == '}') {
            pos++;
            return new Param(name, length ? "len" : "", null);
        }
        if (length) {
            throw new SyntaxError(line, "Bad substitution", false);
        }
        String op = null;
        for (String candidate : new String[] {":-", ":=", ":+", ":?", "%%", "##", "-", "=", "+", "?", "%", "#"}) {
            if (src.startsWith(candidate, pos)) {
                op = candidate;
                break;
            }
        }
        if (op == null) {
            throw new SyntaxError(line, "Bad substitution", false);
        }
        pos += op.length();
        int start = pos;
        List<Part> parts = readParts(inDq ? Mode.BRACE_ARG_DQ : Mode.BRACE_ARG);
        return new Param(name, op, new Word(src.substring(start, pos - 1), parts));
    }

    private Part readBackquote(boolean inDq) {
        int startLine = line;
        pos++;
        StringBuilder inner = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                throw error("EOF in backquote substitution", true);
            }
            char c = src.charAt(pos);
            if (c == '`') {
                pos++;
                break;
            }
            if (c == '\\' && pos + 1 < src.length()) {
                char n = src.charAt(pos + 1);
                if (n == '$' || n == '`' || n == '\\' || (inDq && n == '"')) {
                    inner.append(n);
                    pos += 2;
                    continue;
                }
            }
            if (c == '\n') {
                line++;
            }
            inner.append(c);
            pos++;
        }
        String source = inner.toString();
        Lexer nested = new Lexer(source, 0, startLine);
        nested.aliases = aliases;
        Parser parser = new Parser(nested);
        return new CmdSub(parser.parseAll(), source);
    }
}
