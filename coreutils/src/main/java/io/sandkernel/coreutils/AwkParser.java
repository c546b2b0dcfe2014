package io.sandkernel.coreutils;

import io.sandkernel.coreutils.AwkLexer.Kind;
import io.sandkernel.coreutils.AwkLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A recursive-descent parser for the POSIX awk grammar, with the usual extensions (nextfile,
 * {@code **}, fflush, {@code func}). Works on the whole token list so that the ambiguous spots
 * ({@code print (a, b) > f} against {@code print (a)(b)}, {@code (i, j) in a}, {@code for (k in
 * a)}) can be decided by looking ahead and backtracking. In a print statement's arguments
 * {@code >} is a redirection unless parenthesised.
 */
final class AwkParser {
    private static final Set<String> ASSIGN_OPS = Set.of("=", "+=", "-=", "*=", "/=", "%=", "^=", "**=");
    private static final Set<String> RELATIONAL = Set.of("<", "<=", "==", "!=", ">", ">=");

    private final List<Token> tokens = new ArrayList<>();
    private final AwkProgram program = new AwkProgram();
    private final List<AwkCall.User> calls = new ArrayList<>();
    private int at;
    /** The parameters of the function being parsed, or null. */
    private List<String> params;
    private AwkCall.Function function;

    AwkParser(String source) {
        AwkLexer lexer = new AwkLexer(source);
        Token t;
        do {
            t = lexer.next();
            tokens.add(t);
        } while (t.kind() != Kind.EOF);
    }

    /** Parses the whole program. */
    AwkProgram parse() {
        skipTerminators();
        while (peek().kind() != Kind.EOF) {
            item();
            skipTerminators();
        }
        for (AwkCall.User call : calls) {
            AwkCall.Function f = program.functions.get(call.name);
            if (f == null) {
                throw new AwkFatal("function `" + call.name + "' not defined");
            }
            if (call.args.size() > f.params.size()) {
                throw new AwkSyntaxError("function `" + call.name + "' called with more arguments than declared", 1);
            }
            call.function = f;
        }
        return program;
    }

    // ------------------------------------------------------------------ tokens

    private Token peek() {
        return tokens.get(at);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(at + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(at);
        if (t.kind() != Kind.EOF) {
            at++;
        }
        return t;
    }

    private boolean is(String text) {
        return peek().is(text);
    }

    private boolean accept(String text) {
        if (is(text)) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(String text) {
        if (!accept(text)) {
            throw error();
        }
    }

    private AwkSyntaxError error() {
        Token t = peek();
        String near = t.kind() == Kind.EOF ? "end of file" : t.kind() == Kind.NEWLINE ? "newline" : t.text();
        return new AwkSyntaxError("syntax error at source line " + t.line() + " near " + near, t.line());
    }

    private void skipNewlines() {
        while (peek().kind() == Kind.NEWLINE) {
            at++;
        }
    }

    private void skipTerminators() {
        while (peek().kind() == Kind.NEWLINE || is(";")) {
            at++;
        }
    }

    // ------------------------------------------------------------------ items

    private void item() {
        if (accept("function")) {
            functionDefinition();
        } else if (accept("BEGIN")) {
            skipNewlines();
            program.begin.add(block());
        } else if (accept("END")) {
            skipNewlines();
            program.end.add(block());
        } else if (is("{")) {
            program.rules.add(new AwkProgram.Rule(null, null, block()));
        } else {
            AwkExpr from = expression(false);
            AwkExpr to = null;
            if (accept(",")) {
                skipNewlines();
                to = expression(false);
            }
            AwkStmt action = is("{") ? block() : null;
            program.rules.add(new AwkProgram.Rule(from, to, action));
        }
    }

    private void functionDefinition() {
        Token name = next();
        if (name.kind() != Kind.NAME && name.kind() != Kind.FUNC_NAME) {
            throw error();
        }
        if (program.functions.containsKey(name.text())) {
            throw new AwkSyntaxError("function `" + name.text() + "' previously defined", name.line());
        }
        expect("(");
        List<String> names = new ArrayList<>();
        while (!is(")")) {
            Token p = next();
            if (p.kind() != Kind.NAME) {
                throw error();
            }
            names.add(p.text());
            if (!is(")")) {
                expect(",");
                skipNewlines();
            }
        }
        expect(")");
        skipNewlines();
        function = new AwkCall.Function(name.text(), names);
        program.functions.put(name.text(), function);
        params = names;
        function.body = block();
        params = null;
        function = null;
    }

    // ------------------------------------------------------------------ statements

    private AwkStmt block() {
        expect("{");
        List<AwkStmt> statements = new ArrayList<>();
        skipTerminators();
        while (!is("}")) {
            if (peek().kind() == Kind.EOF) {
                throw error();
            }
            statements.add(statement());
            skipTerminators();
        }
        expect("}");
        return statements.size() == 1 ? statements.get(0) : new AwkStmt.Block(statements);
    }

    private AwkStmt statement() {
        if (is("{")) {
            return block();
        }
        if (accept(";")) {
            return new AwkStmt.Block(List.of());
        }
        if (accept("if")) {
            expect("(");
            AwkExpr condition = expression(false);
            expect(")");
            skipNewlines();
            AwkStmt then = statement();
            int save = at;
            skipTerminators();
            if (accept("else")) {
                skipNewlines();
                return new AwkStmt.If(condition, then, statement());
            }
            at = save;
            return new AwkStmt.If(condition, then, null);
        }
        if (accept("while")) {
            expect("(");
            AwkExpr condition = expression(false);
            expect(")");
            if (accept(";")) {
                return new AwkStmt.Loop(null, condition, null, new AwkStmt.Block(List.of()), true);
            }
            skipNewlines();
            return new AwkStmt.Loop(null, condition, null, statement(), true);
        }
        if (accept("do")) {
            skipNewlines();
            AwkStmt body = statement();
            skipTerminators();
            expect("while");
            expect("(");
            AwkExpr condition = expression(false);
            expect(")");
            endSimple();
            return new AwkStmt.Loop(null, condition, null, body, false);
        }
        if (accept("for")) {
            return forStatement();
        }
        AwkStmt simple = simpleStatement();
        endSimple();
        return simple;
    }

    private void endSimple() {
        if (accept(";") || peek().kind() == Kind.NEWLINE) {
            return;
        }
        if (!is("}") && peek().kind() != Kind.EOF) {
            throw error();
        }
    }

    private AwkStmt forStatement() {
        expect("(");
        if (peek().kind() == Kind.NAME && peek(1).is("in") && peek(2).kind() == Kind.NAME && peek(3).is(")")) {
            AwkLvalue variable = variable(next().text());
            next();
            AwkLvalue.ArrayRef array = arrayRef(next().text());
            expect(")");
            skipNewlines();
            return new AwkStmt.ForIn(variable, array, statement());
        }
        AwkExpr init = is(";") ? null : expression(false);
        expect(";");
        skipNewlines();
        AwkExpr condition = is(";") ? null : expression(false);
        expect(";");
        skipNewlines();
        AwkExpr step = is(")") ? null : expression(false);
        expect(")");
        if (accept(";")) {
            return new AwkStmt.Loop(init, condition, step, new AwkStmt.Block(List.of()), true);
        }
        skipNewlines();
        return new AwkStmt.Loop(init, condition, step, statement(), true);
    }

    private AwkStmt simpleStatement() {
        if (is("print") || is("printf")) {
            return print();
        }
        if (accept("next")) {
            return new AwkStmt.Jump(AwkRuntime.JUMP_NEXT, null);
        }
        if (accept("nextfile")) {
            return new AwkStmt.Jump(AwkRuntime.JUMP_NEXTFILE, null);
        }
        if (accept("exit")) {
            return new AwkStmt.Jump(AwkRuntime.JUMP_EXIT, atStatementEnd() ? null : expression(false));
        }
        if (accept("return")) {
            return new AwkStmt.Return(atStatementEnd() ? null : expression(false));
        }
        if (accept("break")) {
            return new AwkStmt.Control(AwkStmt.BREAK);
        }
        if (accept("continue")) {
            return new AwkStmt.Control(AwkStmt.CONTINUE);
        }
        if (accept("delete")) {
            Token name = next();
            if (name.kind() != Kind.NAME) {
                throw error();
            }
            AwkLvalue.ArrayRef array = arrayRef(name.text());
            if (accept("[")) {
                List<AwkExpr> subscripts = expressionList(false);
                expect("]");
                return new AwkStmt.Delete(array, subscripts);
            }
            return new AwkStmt.Delete(array, null);
        }
        return new AwkStmt.Expression(expression(false));
    }

    private boolean atStatementEnd() {
        Kind k = peek().kind();
        return k == Kind.NEWLINE || k == Kind.EOF || is(";") || is("}");
    }

    private boolean atPrintEnd() {
        return atStatementEnd() || is(">") || is(">>") || is("|");
    }

    private AwkStmt print() {
        boolean formatted = next().text().equals("printf");
        List<AwkExpr> args = null;
        if (atPrintEnd()) {
            args = List.of();
        } else if (is("(")) {
            int save = at;
            try {
                next();
                List<AwkExpr> list = expressionList(false);
                expect(")");
                if (atPrintEnd()) {
                    args = list;
                }
            } catch (AwkSyntaxError e) {
                // not a parenthesised list: parse it as an expression list below
            }
            if (args == null) {
                at = save;
            }
        }
        if (args == null) {
            args = expressionList(true);
        }
        int redirect = AwkStmt.TO_STDOUT;
        AwkExpr destination = null;
        if (accept(">")) {
            redirect = AwkStmt.TO_FILE;
        } else if (accept(">>")) {
            redirect = AwkStmt.TO_APPEND;
        } else if (accept("|")) {
            redirect = AwkStmt.TO_PIPE;
        }
        if (redirect != AwkStmt.TO_STDOUT) {
            destination = concatenation(true);
        }
        return new AwkStmt.Print(formatted, args, redirect, destination);
    }

    // ------------------------------------------------------------------ expressions

    private List<AwkExpr> expressionList(boolean noGreater) {
        List<AwkExpr> list = new ArrayList<>();
        list.add(expression(noGreater));
        while (accept(",")) {
            skipNewlines();
            list.add(expression(noGreater));
        }
        return list;
    }

    private AwkExpr expression(boolean noGreater) {
        AwkExpr left = ternary(noGreater);
        if (peek().kind() == Kind.PUNCT && ASSIGN_OPS.contains(peek().text()) && left instanceof AwkLvalue target) {
            String op = next().text();
            skipNewlines();
            AwkExpr value = expression(noGreater);
            char c = op.equals("=") ? '=' : op.startsWith("**") ? '^' : op.charAt(0);
            return new AwkLvalue.Assign(target, c, value);
        }
        return left;
    }

    private AwkExpr ternary(boolean noGreater) {
        AwkExpr condition = or(noGreater);
        if (accept("?")) {
            skipNewlines();
            AwkExpr then = expression(noGreater);
            skipNewlines();
            expect(":");
            skipNewlines();
            AwkExpr otherwise = expression(noGreater);
            return new AwkExpr.Conditional(condition, then, otherwise);
        }
        return condition;
    }

    private AwkExpr or(boolean noGreater) {
        AwkExpr left = and(noGreater);
        while (accept("||")) {
            skipNewlines();
            left = new AwkExpr.Logical(false, left, and(noGreater));
        }
        return left;
    }

    private AwkExpr and(boolean noGreater) {
        AwkExpr left = in(noGreater);
        while (accept("&&")) {
            skipNewlines();
            left = new AwkExpr.Logical(true, left, in(noGreater));
        }
        return left;
    }

    private AwkExpr in(boolean noGreater) {
        AwkExpr left = match(noGreater);
        while (is("in") && peek(1).kind() == Kind.NAME) {
            next();
            left = new AwkExpr.In(List.of(left), arrayRef(next().text()));
        }
        return left;
    }

    private AwkExpr match(boolean noGreater) {
        AwkExpr left = comparison(noGreater);
        while (is("~") || is("!~")) {
            boolean negated = next().text().equals("!~");
            left = new AwkExpr.Match(left, comparison(noGreater), negated);
        }
        return left;
    }

    private AwkExpr comparison(boolean noGreater) {
        AwkExpr left = concatenation(noGreater);
        while (true) {
            if (is("|") && peek(1).is("getline")) {
                next();
                next();
                left = new AwkCall.Getline(AwkCall.Getline.COMMAND, left, optionalGetlineTarget());
                continue;
            }
            Token t = peek();
            if (t.kind() == Kind.PUNCT && RELATIONAL.contains(t.text()) && !(noGreater && t.text().equals(">"))) {
                next();
                left = new AwkExpr.Compare(t.text(), left, concatenation(noGreater));
                continue;
            }
            return left;
        }
    }

    private AwkExpr concatenation(boolean noGreater) {
        AwkExpr first = additive();
        if (!startsOperand()) {
            return first;
        }
        List<AwkExpr> parts = new ArrayList<>();
        parts.add(first);
        while (startsOperand()) {
            parts.add(additive());
        }
        return new AwkExpr.Concat(parts);
    }

    /** Whether the next token can begin a concatenated operand (never + or -, which are binary here). */
    private boolean startsOperand() {
        Token t = peek();
        return switch (t.kind()) {
            case NUMBER, STRING, REGEX, NAME, FUNC_NAME, BUILTIN -> true;
            case PUNCT -> t.text().equals("$") || t.text().equals("(") || t.text().equals("!")
                    || t.text().equals("++") || t.text().equals("--");
            default -> false;
        };
    }

    private AwkExpr additive() {
        AwkExpr left = multiplicative();
        while (is("+") || is("-")) {
            char op = next().text().charAt(0);
            left = new AwkExpr.Arith(op, left, multiplicative());
        }
        return left;
    }

    private AwkExpr multiplicative() {
        AwkExpr left = unary();
        while (is("*") || is("/") || is("%")) {
            char op = next().text().charAt(0);
            left = new AwkExpr.Arith(op, left, unary());
        }
        return left;
    }

    private AwkExpr unary() {
        if (is("!") || is("-") || is("+")) {
            char op = next().text().charAt(0);
            return new AwkExpr.Unary(op, unary());
        }
        return power();
    }

    private AwkExpr power() {
        AwkExpr base = postfix();
        if (is("^") || is("**")) {
            next();
            return new AwkExpr.Arith('^', base, exponent());
        }
        return base;
    }

    private AwkExpr exponent() {
        if (is("-") || is("+") || is("!")) {
            char op = next().text().charAt(0);
            return new AwkExpr.Unary(op, exponent());
        }
        return power();
    }

    private AwkExpr postfix() {
        AwkExpr e = primary();
        if (e instanceof AwkLvalue target && (is("++") || is("--"))) {
            int delta = next().text().equals("++") ? 1 : -1;
            return new AwkLvalue.IncDec(target, delta, false);
        }
        return e;
    }

    private AwkExpr primary() {
        Token t = peek();
        switch (t.kind()) {
            case NUMBER -> {
                next();
                return new AwkExpr.Literal(t.number());
            }
            case STRING -> {
                next();
                return new AwkExpr.Literal(t.text());
            }
            case REGEX -> {
                next();
                return new AwkExpr.Regex(t.text());
            }
            case NAME -> {
                next();
                if (accept("[")) {
                    List<AwkExpr> subscripts = expressionList(false);
                    expect("]");
                    return new AwkLvalue.Element(arrayRef(t.text()), subscripts);
                }
                return variable(t.text());
            }
            case FUNC_NAME -> {
                next();
                expect("(");
                List<AwkExpr> args = is(")") ? new ArrayList<>() : expressionList(false);
                expect(")");
                AwkCall.User call = new AwkCall.User(t.text(), args);
                calls.add(call);
                return call;
            }
            case BUILTIN -> {
                next();
                List<AwkExpr> args = new ArrayList<>();
                if (accept("(")) {
                    if (!is(")")) {
                        args = expressionList(false);
                    }
                    expect(")");
                } else if (!t.text().equals("length")) {
                    throw error();
                }
                if (t.text().equals("split") && args.size() > 1) {
                    markArray(args.get(1));
                }
                return new AwkCall.Builtin(t.text(), args);
            }
            default -> { }
        }
        if (accept("(")) {
            List<AwkExpr> list = expressionList(false);
            expect(")");
            if (list.size() > 1) {
                if (!accept("in")) {
                    throw error();
                }
                Token name = next();
                if (name.kind() != Kind.NAME) {
                    throw error();
                }
                return new AwkExpr.In(list, arrayRef(name.text()));
            }
            return new AwkExpr.Group(list.get(0));
        }
        if (accept("$")) {
            return new AwkLvalue.Field(fieldOperand());
        }
        if (is("++") || is("--")) {
            int delta = next().text().equals("++") ? 1 : -1;
            AwkExpr target = primary();
            if (!(target instanceof AwkLvalue lvalue)) {
                throw error();
            }
            return new AwkLvalue.IncDec(lvalue, delta, true);
        }
        if (is("-") || is("+") || is("!")) {
            return unary();
        }
        if (accept("getline")) {
            AwkLvalue target = optionalGetlineTarget();
            if (accept("<")) {
                return new AwkCall.Getline(AwkCall.Getline.FILE, primaryForRedirect(), target);
            }
            return new AwkCall.Getline(AwkCall.Getline.MAIN, null, target);
        }
        throw error();
    }

    /** The operand of {@code $}: a primary, or an increment, or a sign. */
    private AwkExpr fieldOperand() {
        if (is("-") || is("+") || is("!")) {
            char op = next().text().charAt(0);
            return new AwkExpr.Unary(op, fieldOperand());
        }
        return primary();
    }

    /** What follows {@code getline <}: a primary without concatenation. */
    private AwkExpr primaryForRedirect() {
        return primary();
    }

    private AwkLvalue optionalGetlineTarget() {
        if (peek().kind() == Kind.NAME || is("$")) {
            AwkExpr e = primary();
            if (e instanceof AwkLvalue lvalue) {
                return lvalue;
            }
            throw error();
        }
        return null;
    }

    // ------------------------------------------------------------------ names

    private AwkLvalue variable(String name) {
        if (params != null) {
            int index = params.indexOf(name);
            if (index >= 0) {
                return new AwkLvalue.Local(index, name);
            }
        }
        int special = AwkRuntime.SPECIAL_NAMES.indexOf(name);
        if (special >= 0 && special != AwkRuntime.ENVIRON && special != AwkRuntime.ARGV) {
            return new AwkLvalue.Special(special);
        }
        if (program.functions.containsKey(name)) {
            throw new AwkSyntaxError("function `" + name + "' used as a variable", peek().line());
        }
        return new AwkLvalue.Global(program.slot(name), name);
    }

    private AwkLvalue.ArrayRef arrayRef(String name) {
        if (params != null) {
            int index = params.indexOf(name);
            if (index >= 0) {
                function.arrayParams[index] = true;
                return new AwkLvalue.ArrayRef(index, true, name);
            }
        }
        return new AwkLvalue.ArrayRef(program.slot(name), false, name);
    }

    private void markArray(AwkExpr e) {
        if (e instanceof AwkLvalue.Local l && function != null) {
            function.arrayParams[l.slot] = true;
        }
    }

    /** For tests and messages: the names of the globals. */
    Map<String, Integer> globals() {
        return program.globals;
    }
}
