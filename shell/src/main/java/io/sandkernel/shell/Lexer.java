package io.sandkernel.shell;

import io.sandkernel.shell.Ast.HereDoc;
import io.sandkernel.shell.Ast.Quoted;
import io.sandkernel.shell.Ast.Word;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Splits shell source into tokens: words (broken into parts by {@link WordLexer}), operators, IO
 * numbers, newlines and end of file. Reads pending here-document bodies when it reaches the end
 * of a line, and expands aliases in command position when the parser asks.
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

    private static final String[] SH_OPERATORS = {
        "&&", "||", ";;", "<<-", "<<", ">>", "<&", ">&", "<>", ">|", "&", "|", ";", "(", ")", "<", ">"
    };
    private static final String[] BASH_OPERATORS = {
        "&&", "||", ";;&", ";;", ";&", "<<<", "<<-", "<<", ">>", "<&", ">&", "<>", ">|", "&>>", "&>", "|&", "&", "|",
        ";", "(", ")", "<", ">"
    };

    String src;
    int pos;
    int line;
    final Syntax syntax;
    /** Alias expansions still being read: name and the end of its text in {@code src}. */
    private final List<Object[]> activeAliases = new ArrayList<>();
    /** How much alias expansion has lengthened {@code src} so far. */
    int aliasDelta;
    /**
     * Where the text of the last alias expanded ends when it ends in a blank, else -1: the word
     * after it is looked up as an alias too (POSIX).
     */
    int blankAliasEnd = -1;
    private final Deque<Token> lookahead = new ArrayDeque<>();
    private final List<HereDoc> pending = new ArrayList<>();
    /** Set when the input ended inside a here-document (an interactive shell reads more). */
    boolean incompleteHeredoc;
    private final WordLexer words;

    Lexer(String src) {
        this(src, 0, 1, Syntax.SH);
    }

    Lexer(String src, int pos, int line, Syntax syntax) {
        this.src = src;
        this.pos = pos;
        this.line = line;
        this.syntax = syntax;
        this.words = new WordLexer(this);
    }

    int position() {
        return pos;
    }

    int line() {
        return lookahead.isEmpty() ? line : lookahead.peekFirst().line();
    }

    WordLexer words() {
        return words;
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
     * Drops the one token read ahead and moves back to where it started, so that the parser can
     * read what follows differently ({@code [[ a =~ (x|y) ]]}, {@code (( ))}).
     */
    void rewindTo(Token token) {
        if (lookahead.size() != 1 || token.start() < 0) {
            throw new IllegalStateException("cannot rewind");
        }
        lookahead.clear();
        pos = token.start();
        line = token.line();
    }

    /** The character at {@code pos}, or 0 at the end. */
    char charAt(int index) {
        return index < src.length() ? src.charAt(index) : 0;
    }

    /**
     * The alias text for a word token read ahead (the only one), or null when it names no alias
     * or one already being expanded at this point.
     */
    String aliasAt(Token token) {
        Map<String, String> aliases = syntax.aliases();
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
        boolean blankEnd = !text.isEmpty() && (text.endsWith(" ") || text.endsWith("\t"));
        blankAliasEnd = blankEnd ? token.start() + text.length() : -1;
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

    SyntaxError error(String message, boolean eof) {
        return new SyntaxError(line, message, eof);
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
        boolean processSubstitution = syntax.bash() && (c == '<' || c == '>') && charAt(pos + 1) == '(';
        if (!processSubstitution) {
            for (String op : syntax.bash() ? BASH_OPERATORS : SH_OPERATORS) {
                if (src.startsWith(op, pos)) {
                    int start = pos;
                    pos += op.length();
                    return new Token(Type.OP, op, null, startLine, start, pos);
                }
            }
        }
        int start = pos;
        Word word = words.readWord();
        String raw = word.raw();
        // dash takes one digit only ("10>f" is the word 10 written to f, and descriptors from 10
        // up stay the shell's own, see Io); bash takes any number
        if (pos < src.length() && (src.charAt(pos) == '<' || src.charAt(pos) == '>') && isDigits(raw)
                && (raw.length() == 1 || syntax.bash()) && word.plainText() != null) {
            return new Token(Type.IO_NUMBER, raw, null, startLine, start, pos);
        }
        if (syntax.bash() && pos < src.length() && (src.charAt(pos) == '<' || src.charAt(pos) == '>')
                && raw.length() > 2 && raw.startsWith("{") && raw.endsWith("}")
                && isFdVariable(raw.substring(1, raw.length() - 1)) && word.plainText() != null) {
            // bash's {name}>file: the shell picks the descriptor and puts its number in name
            return new Token(Type.IO_NUMBER, raw, null, startLine, start, pos);
        }
        return new Token(Type.WORD, raw, word, startLine, start, pos);
    }

    /** The {@code name} of bash's {@code {name}>file}: a variable, or an element {@code a[1]}. */
    private static boolean isFdVariable(String text) {
        int bracket = text.indexOf('[');
        return bracket < 0 ? isName(text)
                : isName(text.substring(0, bracket)) && text.endsWith("]") && bracket + 2 < text.length();
    }

    private static boolean isDigits(String text) {
        if (text.isEmpty() || text.length() > 9) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private void readHeredocs() {
        List<HereDoc> docs = new ArrayList<>(pending);
        pending.clear();
        for (HereDoc doc : docs) {
            StringBuilder body = new StringBuilder();
            boolean terminated = false;
            int bodyLine = line;
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
                Lexer sub = new Lexer(doc.text, 0, bodyLine, syntax);
                doc.body = new Word(doc.text, sub.words.readParts(WordLexer.Mode.HEREDOC));
            }
        }
    }

    /** Parses {@code text} as the inside of double quotes without the quotes (for arithmetic). */
    static Word parseArithmetic(String text, int line) {
        return parseArithmetic(text, line, Syntax.SH);
    }

    static Word parseArithmetic(String text, int line, Syntax syntax) {
        Lexer sub = new Lexer(text, 0, line, syntax);
        return new Word(text, sub.words.readParts(WordLexer.Mode.ARITH));
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
}
