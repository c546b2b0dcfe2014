package io.sandkernel.shell;

import io.sandkernel.shell.Ast.ArrayItem;
import io.sandkernel.shell.Ast.ArrayLit;
import io.sandkernel.shell.Ast.Lit;
import io.sandkernel.shell.Ast.Part;
import io.sandkernel.shell.Ast.Word;
import java.util.ArrayList;
import java.util.List;

/** bash's array literals, {@code (a b [k]=v)} after {@code name=} in a word, for the {@link WordLexer}. */
final class ArrayLiterals {
    private final Lexer lexer;

    ArrayLiterals(Lexer lexer) {
        this.lexer = lexer;
    }

    /** {@code (items...)} after {@code name=}: each item a word, or {@code [key]=value}. */
    Part read() {
        String src = lexer.src;
        int start = lexer.pos;
        lexer.pos++;
        List<ArrayItem> items = new ArrayList<>();
        while (true) {
            if (lexer.pos >= src.length()) {
                throw lexer.error("unexpected EOF while looking for matching `)'", true);
            }
            char c = src.charAt(lexer.pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                lexer.pos++;
            } else if (c == '\n') {
                lexer.pos++;
                lexer.line++;
            } else if (c == '\\' && lexer.charAt(lexer.pos + 1) == '\n') {
                lexer.pos += 2;
                lexer.line++;
            } else if (c == '#') {
                while (lexer.pos < src.length() && src.charAt(lexer.pos) != '\n') {
                    lexer.pos++;
                }
            } else if (c == ')') {
                lexer.pos++;
                break;
            } else if (c == ';' || c == '&' || c == '|' || c == '<' || c == '>' || c == '(') {
                throw lexer.error("syntax error near unexpected token `" + c + "'", false);
            } else {
                int itemLine = lexer.line;
                Word word = lexer.words().readWord();
                ArrayItem item = arrayItem(word, itemLine);
                if (item.key() == null) {
                    for (Word expanded : BraceExpansion.expand(word)) { // a=({1..3}) has three elements
                        items.add(new ArrayItem(null, expanded));
                    }
                } else {
                    items.add(item);
                }
            }
        }
        return new ArrayLit(items, src.substring(start, lexer.pos));
    }

    /** An array literal's word: {@code [key]=value} when it starts so, else a plain value. */
    private ArrayItem arrayItem(Word word, int line) {
        String raw = word.raw();
        if (raw.startsWith("[") && word.parts().get(0) instanceof Lit) {
            int depth = 0;
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '[') {
                    depth++;
                } else if (c == ']' && --depth == 0) {
                    if (i + 1 < raw.length() && raw.charAt(i + 1) == '=') {
                        Word key = lexer.words().subscript(raw.substring(1, i), line);
                        Lexer sub = new Lexer(raw, i + 2, line, lexer.syntax);
                        List<Part> value = sub.words().readParts(WordLexer.Mode.WORD);
                        return new ArrayItem(key, new Word(raw.substring(i + 2), value));
                    }
                    break;
                } else if (c == '\\') {
                    i++;
                }
            }
        }
        return new ArrayItem(null, word);
    }
}
