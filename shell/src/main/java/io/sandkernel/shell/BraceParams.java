package io.sandkernel.shell;

import io.sandkernel.shell.Ast.Param;
import io.sandkernel.shell.Ast.Part;
import io.sandkernel.shell.Ast.Word;
import java.util.List;

/**
 * Reads a {@code ${...}} parameter expansion after its {@code ${}: dash's forms, and in bash
 * mode subscripts, {@code ${!name}}, {@code ${!a[@]}}, {@code ${!prefix*}}, substrings,
 * pattern substitution, case changes and {@code @} transformations.
 */
final class BraceParams {
    private final WordLexer words;
    private final Lexer lexer;

    BraceParams(WordLexer words, Lexer lexer) {
        this.words = words;
        this.lexer = lexer;
    }

    private SyntaxError bad() {
        return new SyntaxError(lexer.line, "Bad substitution", false);
    }

    private char at(int offset) {
        return lexer.charAt(lexer.pos + offset);
    }

    private boolean bash() {
        return lexer.syntax.bash();
    }

    Part read(boolean inDq) {
        if (lexer.pos >= lexer.src.length()) {
            throw lexer.error("Missing '}'", true);
        }
        if (at(0) == '#') {
            int save = lexer.pos;
            lexer.pos++;
            String name = readName();
            if (name != null) {
                Word index = bash() && at(0) == '[' ? readSubscript() : null;
                if (at(0) == '}') {
                    lexer.pos++;
                    return new Param(name, "len", null, index, false, null);
                }
            }
            lexer.pos = save;
        }
        boolean indirect = false;
        if (bash() && at(0) == '!') {
            int save = lexer.pos;
            lexer.pos++;
            String name = readName();
            if (name != null && (at(0) == '*' || at(0) == '@') && at(1) == '}' && Lexer.isName(name)) {
                String which = String.valueOf(at(0));
                lexer.pos += 2;
                return new Param(name, "names", null, Word.literal(which), false, null);
            }
            if (name != null) {
                lexer.pos = save + 1;
                indirect = true;
            } else {
                lexer.pos = save;
            }
        }
        String name = readName();
        if (name == null) {
            throw bad();
        }
        Word index = null;
        if (bash() && at(0) == '[' && Lexer.isName(name)) {
            index = readSubscript();
        }
        if (lexer.pos >= lexer.src.length()) {
            throw lexer.error("Missing '}'", true);
        }
        if (at(0) == '}') {
            lexer.pos++;
            if (indirect && index != null && (index.raw().equals("@") || index.raw().equals("*"))) {
                return new Param(name, "keys", null, index, false, null);
            }
            return new Param(name, "", null, index, indirect, null);
        }
        WordLexer.Mode mode = inDq ? WordLexer.Mode.BRACE_ARG_DQ : WordLexer.Mode.BRACE_ARG;
        // in "${x#'a*'}" the single quotes quote the pattern, as in dash and bash
        WordLexer.Mode patternMode = inDq ? WordLexer.Mode.BRACE_PATTERN_DQ : WordLexer.Mode.BRACE_ARG;
        for (String op : new String[] {":-", ":=", ":+", ":?", "%%", "##", "-", "=", "+", "?", "%", "#"}) {
            if (lexer.src.startsWith(op, lexer.pos)) {
                lexer.pos += op.length();
                boolean pattern = op.startsWith("%") || op.startsWith("#");
                return new Param(name, op, readArg(pattern ? patternMode : mode, ""), index, indirect, null);
            }
        }
        if (!bash()) {
            throw bad();
        }
        char c = at(0);
        if (c == ':') {
            lexer.pos++;
            Word offset = readArg(mode, ":");
            Word length = null;
            if (words.ended == ':') {
                lexer.pos++;
                length = readArg(mode, "");
            }
            return new Param(name, ":", offset, index, indirect, length);
        }
        if (c == '/') {
            lexer.pos++;
            String op = "/";
            if (at(0) == '/' || at(0) == '#' || at(0) == '%') {
                op = "/" + at(0);
                lexer.pos++;
            }
            Word pattern = readArg(patternMode, "/");
            Word replacement = null;
            if (words.ended == '/') {
                lexer.pos++;
                replacement = readArg(mode, "");
            }
            return new Param(name, op, pattern, index, indirect, replacement);
        }
        if (c == '^' || c == ',' || c == '~') {
            String op = at(1) == c ? "" + c + c : String.valueOf(c);
            lexer.pos += op.length();
            return new Param(name, op, readArg(patternMode, ""), index, indirect, null);
        }
        if (c == '@' && Character.isLetter(at(1)) && at(2) == '}') {
            String op = "@" + at(1);
            lexer.pos += 3;
            return new Param(name, op, null, index, indirect, null);
        }
        throw bad();
    }

    private Word readArg(WordLexer.Mode mode, String stops) {
        int start = lexer.pos;
        List<Part> parts = words.readParts(mode, stops);
        int end = words.ended == '}' ? lexer.pos - 1 : lexer.pos;
        return new Word(lexer.src.substring(start, end), parts);
    }

    /** A parameter name: a name, digits, or one special character; null when none is here. */
    private String readName() {
        String src = lexer.src;
        int pos = lexer.pos;
        if (pos >= src.length()) {
            return null;
        }
        char c = src.charAt(pos);
        int end = pos;
        if (Lexer.isNameStart(c)) {
            while (end < src.length() && Lexer.isNameChar(src.charAt(end))) {
                end++;
            }
        } else if (Character.isDigit(c)) {
            while (end < src.length() && Character.isDigit(src.charAt(end))) {
                end++;
            }
        } else if ("?!$#@*-".indexOf(c) >= 0) {
            end++;
        } else {
            return null;
        }
        lexer.pos = end;
        return src.substring(pos, end);
    }

    /** {@code [subscript]}, brackets balanced, as a word. */
    private Word readSubscript() {
        String src = lexer.src;
        int start = lexer.pos + 1;
        int depth = 0;
        int i = lexer.pos;
        for (; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '\'') {
                int close = src.indexOf('\'', i + 1);
                i = close < 0 ? src.length() : close;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                break;
            }
        }
        if (i >= src.length()) {
            throw lexer.error("Missing '}'", true);
        }
        lexer.pos = i + 1;
        return words.subscript(src.substring(start, i), lexer.line);
    }
}
