package io.sandkernel.coreutils;

import io.sandkernel.coreutils.AwkLexer.Kind;
import io.sandkernel.coreutils.AwkLexer.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * The token list of an awk program with the cursor {@link AwkParser} moves over it: lookahead,
 * expectations with syntax errors, skipping of newlines and terminators, and marks to come back
 * to when a guess about the grammar was wrong.
 */
final class AwkTokens {
    private final List<Token> tokens = new ArrayList<>();
    private int at;

    AwkTokens(String source) {
        AwkLexer lexer = new AwkLexer(source);
        Token t;
        do {
            t = lexer.next();
            tokens.add(t);
        } while (t.kind() != Kind.EOF);
    }

    /** The current position, to {@link #reset} to. */
    int mark() {
        return at;
    }

    void reset(int mark) {
        at = mark;
    }

    Token peek() {
        return tokens.get(at);
    }

    Token peek(int ahead) {
        return tokens.get(Math.min(at + ahead, tokens.size() - 1));
    }

    Token next() {
        Token t = tokens.get(at);
        if (t.kind() != Kind.EOF) {
            at++;
        }
        return t;
    }

    boolean is(String text) {
        return peek().is(text);
    }

    boolean accept(String text) {
        if (is(text)) {
            at++;
            return true;
        }
        return false;
    }

    void expect(String text) {
        if (!accept(text)) {
            throw error();
        }
    }

    AwkSyntaxError error() {
        Token t = peek();
        String near = t.kind() == Kind.EOF ? "end of file" : t.kind() == Kind.NEWLINE ? "newline" : t.text();
        return new AwkSyntaxError("syntax error at source line " + t.line() + " near " + near, t.line());
    }

    void skipNewlines() {
        while (peek().kind() == Kind.NEWLINE) {
            at++;
        }
    }

    void skipTerminators() {
        while (peek().kind() == Kind.NEWLINE || is(";")) {
            at++;
        }
    }
}
