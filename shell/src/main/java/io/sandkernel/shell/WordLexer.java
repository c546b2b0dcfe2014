package io.sandkernel.shell;

import io.sandkernel.shell.Ast.Arith;
import io.sandkernel.shell.Ast.CmdSub;
import io.sandkernel.shell.Ast.Dq;
import io.sandkernel.shell.Ast.Lit;
import io.sandkernel.shell.Ast.Param;
import io.sandkernel.shell.Ast.Part;
import io.sandkernel.shell.Ast.ProcSubst;
import io.sandkernel.shell.Ast.Quoted;
import io.sandkernel.shell.Ast.Tilde;
import io.sandkernel.shell.Ast.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the parts of words for a {@link Lexer}: quoting, parameter expansions with dash's and
 * bash's operators, command substitutions (parsed by a nested {@link Parser}), arithmetic, and in
 * bash mode {@code $'...'}, process substitution, array literals and extended glob patterns.
 */
final class WordLexer {
    /** What is being read: the context decides which characters quote or end it. */
    enum Mode { WORD, DQ, HEREDOC, BRACE_ARG, BRACE_ARG_DQ, BRACE_PATTERN_DQ, ARITH, SUBSCRIPT }

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern ARRAY_ASSIGNMENT_PREFIX =
            Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\[[^\\]]*\\])?\\+?=");

    private final Lexer lexer;
    /** Extended patterns are read even with extglob off (inside {@code [[ ]]}, as bash does). */
    boolean forceExtglob;
    /** What ended the last {@link #readParts}: '}' (consumed), one of its stop characters, or 0. */
    char ended;

    WordLexer(Lexer lexer) {
        this.lexer = lexer;
    }

    private boolean bash() {
        return lexer.syntax.bash();
    }

    private boolean extglob() {
        return bash() && (forceExtglob || lexer.syntax.extglob().getAsBoolean());
    }

    /** Reads one word at the lexer's position. */
    Word readWord() {
        int start = lexer.pos;
        List<Part> parts = readParts(Mode.WORD);
        return new Word(lexer.src.substring(start, lexer.pos), parts);
    }

    /**
     * Where the subscript opened at {@code open} closes, when a {@code =} or {@code +=} follows it
     * (an array element assignment, whose subscript may hold blanks, as bash's lexer reads it);
     * -1 when it is not one, or when an operator inside leaves it to the usual reading.
     */
    private static int assignedSubscriptEnd(String src, int open) {
        int depth = 0;
        for (int j = open; j < src.length(); j++) {
            char c = src.charAt(j);
            switch (c) {
                case '[' -> depth++;
                case ']' -> {
                    if (--depth == 0) {
                        boolean assigned = j + 1 < src.length() && (src.charAt(j + 1) == '='
                                || (src.charAt(j + 1) == '+' && j + 2 < src.length() && src.charAt(j + 2) == '='));
                        return assigned ? j : -1;
                    }
                }
                case '\\' -> j++;
                case '\'', '"' -> {
                    j = src.indexOf(c, j + 1);
                    if (j < 0) {
                        return -1;
                    }
                }
                case '\n', ';', '&', '|', '(', ')', '<', '>' -> {
                    return -1;
                }
                default -> {
                    // part of the subscript
                }
            }
        }
        return -1;
    }

    private static boolean isWordEnd(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';' || c == '&' || c == '|' || c == '('
                || c == ')' || c == '<' || c == '>';
    }

    private SyntaxError error(String message, boolean eof) {
        return lexer.error(message, eof);
    }

    List<Part> readParts(Mode mode) {
        return readParts(mode, "");
    }

    /**
     * Reads parts up to the end of what {@code mode} reads; {@code stops} are further characters
     * that end it (at brace depth 0, not consumed): {@code /} after the pattern of ${x/p/r},
     * {@code :} after the offset of ${x:o:l}.
     */
    List<Part> readParts(Mode mode, String stops) {
        String src = lexer.src;
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        boolean literalQuoted = mode == Mode.DQ || mode == Mode.HEREDOC;
        boolean braceArg = mode == Mode.BRACE_ARG || mode == Mode.BRACE_ARG_DQ || mode == Mode.BRACE_PATTERN_DQ;
        int braceDepth = 0;
        int bracketDepth = 0;
        // bash: the subscript of name[...]= in an assignment may hold blanks (a[i + 1]=x)
        int subscriptEnd = -1;
        boolean first = true;
        char terminator = 0;
        while (true) {
            int pos = lexer.pos;
            if (pos >= src.length()) {
                if (mode == Mode.DQ) {
                    throw error("Unterminated quoted string", true);
                }
                if (braceArg) {
                    throw error("Missing '}'", true);
                }
                break;
            }
            char c = src.charAt(pos);
            if (mode == Mode.WORD && bash() && (c == '<' || c == '>') && lexer.charAt(pos + 1) == '(') {
                flush(parts, lit, false);
                parts.add(readProcessSubstitution(c == '>'));
                first = false;
                continue;
            }
            if (mode == Mode.WORD && c == '(' && bash() && parts.isEmpty()
                    && ARRAY_ASSIGNMENT_PREFIX.matcher(lit).matches()) {
                flush(parts, lit, false);
                parts.add(new ArrayLiterals(lexer).read());
                break;
            }
            if ((mode == Mode.WORD || mode == Mode.BRACE_ARG) && extglob() && "?*+@!".indexOf(c) >= 0
                    && lexer.charAt(pos + 1) == '(') {
                readExtglobGroup(parts, lit);
                first = false;
                continue;
            }
            if (mode == Mode.WORD && c == '[' && bash() && parts.isEmpty() && subscriptEnd < 0
                    && NAME.matcher(lit).matches()) {
                subscriptEnd = assignedSubscriptEnd(src, pos);
            }
            if (mode == Mode.WORD && isWordEnd(c) && pos > subscriptEnd) {
                break;
            }
            if (mode == Mode.DQ && c == '"') {
                lexer.pos++;
                break;
            }
            if (braceDepth == 0 && stops.indexOf(c) >= 0 && braceArg) {
                terminator = c;
                break;
            }
            if (mode == Mode.SUBSCRIPT) {
                if (c == '[') {
                    bracketDepth++;
                } else if (c == ']') {
                    if (bracketDepth == 0) {
                        break;
                    }
                    bracketDepth--;
                }
            }
            if (braceArg && c == '}') {
                if (braceDepth == 0) {
                    lexer.pos++;
                    terminator = '}';
                    break;
                }
                braceDepth--;
            } else if (braceArg && c == '{') {
                braceDepth++;
            }
            if (first && c == '~' && (mode == Mode.WORD || mode == Mode.BRACE_ARG)) {
                Tilde tilde = readTilde(mode == Mode.WORD ? "" : "}");
                if (tilde != null) {
                    parts.add(tilde);
                    first = false;
                    continue;
                }
            }
            first = false;
            switch (c) {
                case '\\' -> backslash(mode, parts, lit, literalQuoted);
                case '\'' -> {
                    if (mode == Mode.DQ || mode == Mode.HEREDOC || mode == Mode.BRACE_ARG_DQ || mode == Mode.ARITH) {
                        lit.append(c);
                        lexer.pos++;
                    } else {
                        int end = src.indexOf('\'', pos + 1);
                        if (end < 0) {
                            throw error("Unterminated quoted string", true);
                        }
                        flush(parts, lit, literalQuoted);
                        String text = src.substring(pos + 1, end);
                        lexer.line += count(text, '\n');
                        parts.add(new Quoted(text));
                        lexer.pos = end + 1;
                    }
                }
                case '"' -> {
                    if (mode == Mode.HEREDOC || (mode == Mode.ARITH && !bash())) {
                        lit.append(c);
                        lexer.pos++;
                    } else {
                        flush(parts, lit, literalQuoted);
                        lexer.pos++;
                        parts.add(new Dq(readParts(Mode.DQ)));
                    }
                }
                case '$' -> {
                    boolean inDq = mode == Mode.DQ || mode == Mode.BRACE_ARG_DQ || mode == Mode.BRACE_PATTERN_DQ
                            || mode == Mode.HEREDOC;
                    // bash reads $'...' in the word of ${x:-word} even inside double quotes
                    boolean ansiC = mode == Mode.BRACE_ARG_DQ || mode == Mode.BRACE_PATTERN_DQ;
                    Part part = readDollar(inDq && !ansiC, mode == Mode.HEREDOC);
                    if (part == null) {
                        lit.append('$');
                    } else {
                        flush(parts, lit, literalQuoted);
                        parts.add(part);
                    }
                }
                case '`' -> {
                    flush(parts, lit, literalQuoted);
                    parts.add(readBackquote(mode == Mode.DQ || mode == Mode.BRACE_ARG_DQ || mode == Mode.BRACE_PATTERN_DQ));
                }
                default -> {
                    if (c == '\n') {
                        lexer.line++;
                    }
                    lit.append(c);
                    lexer.pos++;
                }
            }
        }
        flush(parts, lit, literalQuoted);
        ended = terminator;
        return parts;
    }

    private void backslash(Mode mode, List<Part> parts, StringBuilder lit, boolean literalQuoted) {
        String src = lexer.src;
        int pos = lexer.pos;
        if (pos + 1 >= src.length()) {
            lit.append('\\');
            lexer.pos++;
            return;
        }
        char n = src.charAt(pos + 1);
        boolean escapes = switch (mode) {
            case WORD, BRACE_ARG, SUBSCRIPT -> true;
            case DQ, BRACE_ARG_DQ, BRACE_PATTERN_DQ -> n == '$' || n == '`' || n == '"' || n == '\\' || n == '\n'
                    || (mode != Mode.DQ && n == '}');
            case HEREDOC, ARITH -> n == '$' || n == '`' || n == '\\' || n == '\n';
        };
        if (!escapes) {
            lit.append('\\');
            lexer.pos++;
            return;
        }
        lexer.pos += 2;
        if (n == '\n') {
            lexer.line++;
        } else {
            flush(parts, lit, literalQuoted);
            parts.add(new Quoted(String.valueOf(n)));
        }
    }

    /**
     * A tilde prefix at the start of a word: {@code ~}, {@code ~user}, bash's {@code ~+} and
     * {@code ~-}; null when what follows the name is not the end of the prefix.
     */
    private Tilde readTilde(String extraEnds) {
        String src = lexer.src;
        int end = lexer.pos + 1;
        while (end < src.length() && isLoginChar(src.charAt(end))) {
            end++;
        }
        if (bash() && end == lexer.pos + 1 && end < src.length() && (src.charAt(end) == '+' || src.charAt(end) == '-')) {
            end++;
        }
        if (end >= src.length() || isWordEnd(src.charAt(end)) || src.charAt(end) == '/'
                || extraEnds.indexOf(src.charAt(end)) >= 0) {
            Tilde tilde = new Tilde(src.substring(lexer.pos + 1, end));
            lexer.pos = end;
            return tilde;
        }
        return null;
    }

    /** The characters of a login name in a tilde prefix (POSIX's portable filename characters). */
    static boolean isLoginChar(char c) {
        return Lexer.isNameChar(c) || c == '.' || c == '-';
    }

    /** An extended pattern {@code @(a|b)}, {@code !(x)}...: kept as unquoted pattern text. */
    private void readExtglobGroup(List<Part> parts, StringBuilder lit) {
        String src = lexer.src;
        lit.append(src.charAt(lexer.pos)).append('(');
        lexer.pos += 2;
        int depth = 1;
        while (true) {
            if (lexer.pos >= src.length()) {
                throw error("unexpected EOF while looking for matching `)'", true);
            }
            char ch = src.charAt(lexer.pos);
            if (ch == '\\' && lexer.pos + 1 < src.length()) {
                lit.append('\\').append(src.charAt(lexer.pos + 1));
                lexer.pos += 2;
            } else if (ch == '\'') {
                int end = src.indexOf('\'', lexer.pos + 1);
                if (end < 0) {
                    throw error("Unterminated quoted string", true);
                }
                lit.append(Patterns.escape(src.substring(lexer.pos + 1, end)));
                lexer.pos = end + 1;
            } else if (ch == '"') {
                flush(parts, lit, false);
                lexer.pos++;
                parts.add(new Dq(readParts(Mode.DQ)));
            } else if (ch == '$') {
                Part part = readDollar(false, false);
                if (part == null) {
                    lit.append('$');
                } else {
                    flush(parts, lit, false);
                    parts.add(part);
                }
            } else {
                if (ch == '(') {
                    depth++;
                } else if (ch == ')') {
                    depth--;
                } else if (ch == '\n') {
                    lexer.line++;
                }
                lit.append(ch);
                lexer.pos++;
                if (depth == 0) {
                    return;
                }
            }
        }
    }

    /**
     * The right side of {@code [[ a =~ regex ]]}: up to a blank outside parentheses, so that
     * {@code (}, {@code |}, {@code <} and {@code >} belong to the regular expression unquoted.
     */
    Word readRegexWord() {
        String src = lexer.src;
        while (lexer.pos < src.length() && (src.charAt(lexer.pos) == ' ' || src.charAt(lexer.pos) == '\t')) {
            lexer.pos++;
        }
        int start = lexer.pos;
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int depth = 0;
        while (lexer.pos < src.length()) {
            char c = src.charAt(lexer.pos);
            if (depth == 0 && (c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&')) {
                break;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    break;
                }
                depth--;
            }
            switch (c) {
                case '\\' -> backslash(Mode.WORD, parts, lit, false);
                case '\'' -> {
                    int end = src.indexOf('\'', lexer.pos + 1);
                    if (end < 0) {
                        throw error("Unterminated quoted string", true);
                    }
                    flush(parts, lit, false);
                    parts.add(new Quoted(src.substring(lexer.pos + 1, end)));
                    lexer.pos = end + 1;
                }
                case '"' -> {
                    flush(parts, lit, false);
                    lexer.pos++;
                    parts.add(new Dq(readParts(Mode.DQ)));
                }
                case '$' -> {
                    Part part = readDollar(false, false);
                    if (part == null) {
                        lit.append('$');
                    } else {
                        flush(parts, lit, false);
                        parts.add(part);
                    }
                }
                default -> {
                    lit.append(c);
                    lexer.pos++;
                }
            }
        }
        flush(parts, lit, false);
        if (parts.isEmpty()) {
            throw error("unexpected argument to conditional binary operator", false);
        }
        return new Word(src.substring(start, lexer.pos), parts);
    }

    /** {@code <(list)} or {@code >(list)}. */
    private Part readProcessSubstitution(boolean output) {
        int start = lexer.pos + 2;
        Parser.Sub sub = Parser.parseSubstitution(lexer.src, start, lexer.line, lexer.syntax);
        String source = lexer.src.substring(start, sub.end() - 1);
        lexer.pos = sub.end();
        lexer.line = sub.line();
        return new ProcSubst(sub.body(), output, source);
    }

    /** Parses the text of a subscript ({@code a[text]}): quotes and expansions, no splitting. */
    Word subscript(String text, int line) {
        Lexer sub = new Lexer(text, 0, line, lexer.syntax);
        return new Word(text, sub.words().readParts(Mode.SUBSCRIPT));
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

    private static boolean isSpecial(char c) {
        return c == '?' || c == '!' || c == '$' || c == '#' || c == '@' || c == '*' || c == '-'
                || (c >= '0' && c <= '9');
    }

    /** After a '$' at pos: the expansion part, or null for a literal '$' (pos moved past it). */
    private Part readDollar(boolean inDq, boolean inHeredoc) {
        String src = lexer.src;
        int start = lexer.pos;
        lexer.pos++;
        if (lexer.pos >= src.length()) {
            return null;
        }
        char c = src.charAt(lexer.pos);
        if (c == '{') {
            lexer.pos++;
            return new BraceParams(this, lexer).read(inDq);
        }
        if (c == '(') {
            if (lexer.charAt(lexer.pos + 1) == '(') {
                int end = findArithEnd(lexer.pos + 2);
                if (end == -2) {
                    throw error("Missing '))'", true);
                }
                if (end >= 0) {
                    String expr = src.substring(lexer.pos + 2, end);
                    int exprLine = lexer.line;
                    lexer.line += count(expr, '\n');
                    lexer.pos = end + 2;
                    return new Arith(Lexer.parseArithmetic(expr, exprLine, lexer.syntax));
                }
            }
            lexer.pos++;
            Parser.Sub sub = Parser.parseSubstitution(src, lexer.pos, lexer.line, lexer.syntax);
            String source = src.substring(lexer.pos, sub.end() - 1);
            lexer.pos = sub.end();
            lexer.line = sub.line();
            return new CmdSub(sub.body(), source);
        }
        if (bash() && c == '[') {
            int end = src.indexOf(']', lexer.pos);
            if (end > 0) {
                String expr = src.substring(lexer.pos + 1, end);
                lexer.pos = end + 1;
                return new Arith(Lexer.parseArithmetic(expr, lexer.line, lexer.syntax));
            }
        }
        if (bash() && !inDq && c == '\'') {
            return readAnsiC();
        }
        if (bash() && !inDq && !inHeredoc && c == '"') {
            lexer.pos++;
            return new Dq(readParts(Mode.DQ));
        }
        if (isSpecial(c)) {
            lexer.pos++;
            return new Param(String.valueOf(c), "", null);
        }
        if (Lexer.isNameStart(c)) {
            int end = lexer.pos;
            while (end < src.length() && Lexer.isNameChar(src.charAt(end))) {
                end++;
            }
            String name = src.substring(lexer.pos, end);
            lexer.pos = end;
            return new Param(name, "", null);
        }
        lexer.pos = start + 1;
        return null;
    }

    /** The index of the "))" closing an arithmetic expansion whose text starts at from, -1, or -2 at EOF. */
    private int findArithEnd(int from) {
        String src = lexer.src;
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

    /** bash's {@code $'...'}: backslash escapes decoded; the result is quoted text. */
    private Part readAnsiC() {
        String src = lexer.src;
        lexer.pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (lexer.pos >= src.length()) {
                throw error("Unterminated quoted string", true);
            }
            char c = src.charAt(lexer.pos);
            if (c == '\'') {
                lexer.pos++;
                break;
            }
            if (c == '\n') {
                lexer.line++;
            }
            if (c != '\\' || lexer.pos + 1 >= src.length()) {
                out.append(c);
                lexer.pos++;
                continue;
            }
            lexer.pos = Escapes.ansiC(src, lexer.pos + 1, out);
        }
        return new Quoted(out.toString());
    }

    private Part readBackquote(boolean inDq) {
        String src = lexer.src;
        int startLine = lexer.line;
        lexer.pos++;
        StringBuilder inner = new StringBuilder();
        while (true) {
            if (lexer.pos >= src.length()) {
                throw error("EOF in backquote substitution", true);
            }
            char c = src.charAt(lexer.pos);
            if (c == '`') {
                lexer.pos++;
                break;
            }
            if (c == '\\' && lexer.pos + 1 < src.length()) {
                char n = src.charAt(lexer.pos + 1);
                if (n == '$' || n == '`' || n == '\\' || (inDq && n == '"')) {
                    inner.append(n);
                    lexer.pos += 2;
                    continue;
                }
            }
            if (c == '\n') {
                lexer.line++;
            }
            inner.append(c);
            lexer.pos++;
        }
        String source = inner.toString();
        Lexer nested = new Lexer(source, 0, startLine, lexer.syntax);
        Parser parser = new Parser(nested);
        return new CmdSub(parser.parseAll(), source);
    }
}
