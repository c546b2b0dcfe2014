package io.sandkernel.coreutils;

import io.sandkernel.coreutils.AwkLexer.Kind;
import io.sandkernel.coreutils.AwkLexer.Token;
import java.util.ArrayList;
import java.util.List;
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

    private final AwkTokens tokens;
    private final AwkProgram program = new AwkProgram();
    private final List<AwkCall.User> calls = new ArrayList<>();
    /** The parameters of the function being parsed, or null. */
    private List<String> params;
    private AwkCall.Function function;

    /** Whether the locale is UTF-8: string and regex literals are then decoded text (see {@link Utf8#decode}). */
    private final boolean utf8;

    /** @param source the program as a byte string */
    AwkParser(String source, boolean utf8) {
        this.tokens = new AwkTokens(source);
        this.utf8 = utf8;
    }

    /** Parses the whole program. */
    AwkProgram parse() {
        tokens.skipTerminators();
        while (tokens.peek().kind() != Kind.EOF) {
            item();
            tokens.skipTerminators();
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

    // ------------------------------------------------------------------ items

    private void item() {
        if (tokens.accept("function")) {
            functionDefinition();
        } else if (tokens.accept("BEGIN")) {
            tokens.skipNewlines();
            program.begin.add(block());
        } else if (tokens.accept("END")) {
            tokens.skipNewlines();
            program.end.add(block());
        } else if (tokens.is("{")) {
            program.rules.add(new AwkProgram.Rule(null, null, block()));
        } else {
            AwkExpr from = expression(false);
            AwkExpr to = null;
            if (tokens.accept(",")) {
                tokens.skipNewlines();
                to = expression(false);
            }
            AwkStmt action = tokens.is("{") ? block() : null;
            program.rules.add(new AwkProgram.Rule(from, to, action));
        }
    }

    private void functionDefinition() {
        Token name = tokens.next();
        if (name.kind() != Kind.NAME && name.kind() != Kind.FUNC_NAME) {
            throw tokens.error();
        }
        if (program.functions.containsKey(name.text())) {
            throw new AwkSyntaxError("function `" + name.text() + "' previously defined", name.line());
        }
        tokens.expect("(");
        List<String> names = new ArrayList<>();
        while (!tokens.is(")")) {
            Token p = tokens.next();
            if (p.kind() != Kind.NAME) {
                throw tokens.error();
            }
            names.add(p.text());
            if (!tokens.is(")")) {
                tokens.expect(",");
                tokens.skipNewlines();
            }
        }
        tokens.expect(")");
        tokens.skipNewlines();
        function = new AwkCall.Function(name.text(), names);
        program.functions.put(name.text(), function);
        params = names;
        function.body = block();
        params = null;
        function = null;
    }

    // ------------------------------------------------------------------ statements

    private AwkStmt block() {
        tokens.expect("{");
        List<AwkStmt> statements = new ArrayList<>();
        tokens.skipTerminators();
        while (!tokens.is("}")) {
            if (tokens.peek().kind() == Kind.EOF) {
                throw tokens.error();
            }
            statements.add(statement());
            tokens.skipTerminators();
        }
        tokens.expect("}");
        return statements.size() == 1 ? statements.get(0) : new AwkStmt.Block(statements);
    }

    private AwkStmt statement() {
        if (tokens.is("{")) {
            return block();
        }
        if (tokens.accept(";")) {
            return new AwkStmt.Block(List.of());
        }
        if (tokens.accept("if")) {
            tokens.expect("(");
            AwkExpr condition = expression(false);
            tokens.expect(")");
            tokens.skipNewlines();
            AwkStmt then = statement();
            int save = tokens.mark();
            tokens.skipTerminators();
            if (tokens.accept("else")) {
                tokens.skipNewlines();
                return new AwkStmt.If(condition, then, statement());
            }
            tokens.reset(save);
            return new AwkStmt.If(condition, then, null);
        }
        if (tokens.accept("while")) {
            tokens.expect("(");
            AwkExpr condition = expression(false);
            tokens.expect(")");
            if (tokens.accept(";")) {
                return new AwkStmt.Loop(null, condition, null, new AwkStmt.Block(List.of()), true);
            }
            tokens.skipNewlines();
            return new AwkStmt.Loop(null, condition, null, statement(), true);
        }
        if (tokens.accept("do")) {
            tokens.skipNewlines();
            AwkStmt body = statement();
            tokens.skipTerminators();
            tokens.expect("while");
            tokens.expect("(");
            AwkExpr condition = expression(false);
            tokens.expect(")");
            endSimple();
            return new AwkStmt.Loop(null, condition, null, body, false);
        }
        if (tokens.accept("for")) {
            return forStatement();
        }
        AwkStmt simple = simpleStatement();
        endSimple();
        return simple;
    }

    private void endSimple() {
        if (tokens.accept(";") || tokens.peek().kind() == Kind.NEWLINE) {
            return;
        }
        if (!tokens.is("}") && tokens.peek().kind() != Kind.EOF) {
            throw tokens.error();
        }
    }

    private AwkStmt forStatement() {
        tokens.expect("(");
        if (tokens.peek().kind() == Kind.NAME && tokens.peek(1).is("in") && tokens.peek(2).kind() == Kind.NAME && tokens.peek(3).is(")")) {
            AwkLvalue variable = variable(tokens.next().text());
            tokens.next();
            AwkLvalue.ArrayRef array = arrayRef(tokens.next().text());
            tokens.expect(")");
            tokens.skipNewlines();
            return new AwkStmt.ForIn(variable, array, statement());
        }
        AwkExpr init = tokens.is(";") ? null : expression(false);
        tokens.expect(";");
        tokens.skipNewlines();
        AwkExpr condition = tokens.is(";") ? null : expression(false);
        tokens.expect(";");
        tokens.skipNewlines();
        AwkExpr step = tokens.is(")") ? null : expression(false);
        tokens.expect(")");
        if (tokens.accept(";")) {
            return new AwkStmt.Loop(init, condition, step, new AwkStmt.Block(List.of()), true);
        }
        tokens.skipNewlines();
        return new AwkStmt.Loop(init, condition, step, statement(), true);
    }

    private AwkStmt simpleStatement() {
        if (tokens.is("print") || tokens.is("printf")) {
            return print();
        }
        if (tokens.accept("next")) {
            return new AwkStmt.Jump(AwkRuntime.JUMP_NEXT, null);
        }
        if (tokens.accept("nextfile")) {
            return new AwkStmt.Jump(AwkRuntime.JUMP_NEXTFILE, null);
        }
        if (tokens.accept("exit")) {
            return new AwkStmt.Jump(AwkRuntime.JUMP_EXIT, atStatementEnd() ? null : expression(false));
        }
        if (tokens.accept("return")) {
            return new AwkStmt.Return(atStatementEnd() ? null : expression(false));
        }
        if (tokens.accept("break")) {
            return new AwkStmt.Control(AwkStmt.BREAK);
        }
        if (tokens.accept("continue")) {
            return new AwkStmt.Control(AwkStmt.CONTINUE);
        }
        if (tokens.accept("delete")) {
            Token name = tokens.next();
            if (name.kind() != Kind.NAME) {
                throw tokens.error();
            }
            AwkLvalue.ArrayRef array = arrayRef(name.text());
            if (tokens.accept("[")) {
                List<AwkExpr> subscripts = expressionList(false);
                tokens.expect("]");
                return new AwkStmt.Delete(array, subscripts);
            }
            return new AwkStmt.Delete(array, null);
        }
        return new AwkStmt.Expression(expression(false));
    }

    private boolean atStatementEnd() {
        Kind k = tokens.peek().kind();
        return k == Kind.NEWLINE || k == Kind.EOF || tokens.is(";") || tokens.is("}");
    }

    private boolean atPrintEnd() {
        return atStatementEnd() || tokens.is(">") || tokens.is(">>") || tokens.is("|");
    }

    private AwkStmt print() {
        boolean formatted = tokens.next().text().equals("printf");
        List<AwkExpr> args = null;
        if (atPrintEnd()) {
            args = List.of();
        } else if (tokens.is("(")) {
            int save = tokens.mark();
            try {
                tokens.next();
                List<AwkExpr> list = expressionList(false);
                tokens.expect(")");
                if (atPrintEnd()) {
                    args = list;
                }
            } catch (AwkSyntaxError e) {
                // not a parenthesised list: parse it as an expression list below
            }
            if (args == null) {
                tokens.reset(save);
            }
        }
        if (args == null) {
            args = expressionList(true);
        }
        int redirect = AwkStmt.TO_STDOUT;
        AwkExpr destination = null;
        if (tokens.accept(">")) {
            redirect = AwkStmt.TO_FILE;
        } else if (tokens.accept(">>")) {
            redirect = AwkStmt.TO_APPEND;
        } else if (tokens.accept("|")) {
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
        while (tokens.accept(",")) {
            tokens.skipNewlines();
            list.add(expression(noGreater));
        }
        return list;
    }

    private AwkExpr expression(boolean noGreater) {
        AwkExpr left = ternary(noGreater);
        if (tokens.peek().kind() == Kind.PUNCT && ASSIGN_OPS.contains(tokens.peek().text()) && left instanceof AwkLvalue target) {
            String op = tokens.next().text();
            tokens.skipNewlines();
            AwkExpr value = expression(noGreater);
            char c = op.equals("=") ? '=' : op.startsWith("**") ? '^' : op.charAt(0);
            return new AwkLvalue.Assign(target, c, value);
        }
        return left;
    }

    private AwkExpr ternary(boolean noGreater) {
        AwkExpr condition = or(noGreater);
        if (tokens.accept("?")) {
            tokens.skipNewlines();
            AwkExpr then = expression(noGreater);
            tokens.skipNewlines();
            tokens.expect(":");
            tokens.skipNewlines();
            AwkExpr otherwise = expression(noGreater);
            return new AwkExpr.Conditional(condition, then, otherwise);
        }
        return condition;
    }

    private AwkExpr or(boolean noGreater) {
        AwkExpr left = and(noGreater);
        while (tokens.accept("||")) {
            tokens.skipNewlines();
            left = new AwkExpr.Logical(false, left, and(noGreater));
        }
        return left;
    }

    private AwkExpr and(boolean noGreater) {
        AwkExpr left = in(noGreater);
        while (tokens.accept("&&")) {
            tokens.skipNewlines();
            left = new AwkExpr.Logical(true, left, in(noGreater));
        }
        return left;
    }

    private AwkExpr in(boolean noGreater) {
        AwkExpr left = match(noGreater);
        while (tokens.is("in") && tokens.peek(1).kind() == Kind.NAME) {
            tokens.next();
            left = new AwkExpr.In(List.of(left), arrayRef(tokens.next().text()));
        }
        return left;
    }

    private AwkExpr match(boolean noGreater) {
        AwkExpr left = comparison(noGreater);
        while (tokens.is("~") || tokens.is("!~")) {
            boolean negated = tokens.next().text().equals("!~");
            left = new AwkExpr.Match(left, comparison(noGreater), negated);
        }
        return left;
    }

    private AwkExpr comparison(boolean noGreater) {
        AwkExpr left = concatenation(noGreater);
        while (true) {
            if (tokens.is("|") && tokens.peek(1).is("getline")) {
                tokens.next();
                tokens.next();
                left = new AwkCall.Getline(AwkCall.Getline.COMMAND, left, optionalGetlineTarget());
                continue;
            }
            Token t = tokens.peek();
            if (t.kind() == Kind.PUNCT && RELATIONAL.contains(t.text()) && !(noGreater && t.text().equals(">"))) {
                tokens.next();
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
        Token t = tokens.peek();
        return switch (t.kind()) {
            case NUMBER, STRING, REGEX, NAME, FUNC_NAME, BUILTIN -> true;
            case PUNCT -> t.text().equals("$") || t.text().equals("(") || t.text().equals("!")
                    || t.text().equals("++") || t.text().equals("--");
            default -> false;
        };
    }

    private AwkExpr additive() {
        AwkExpr left = multiplicative();
        while (tokens.is("+") || tokens.is("-")) {
            char op = tokens.next().text().charAt(0);
            left = new AwkExpr.Arith(op, left, multiplicative());
        }
        return left;
    }

    private AwkExpr multiplicative() {
        AwkExpr left = unary();
        while (tokens.is("*") || tokens.is("/") || tokens.is("%")) {
            char op = tokens.next().text().charAt(0);
            left = new AwkExpr.Arith(op, left, unary());
        }
        return left;
    }

    private AwkExpr unary() {
        if (tokens.is("!") || tokens.is("-") || tokens.is("+")) {
            char op = tokens.next().text().charAt(0);
            return new AwkExpr.Unary(op, unary());
        }
        return power();
    }

    private AwkExpr power() {
        AwkExpr base = postfix();
        if (tokens.is("^") || tokens.is("**")) {
            tokens.next();
            return new AwkExpr.Arith('^', base, exponent());
        }
        return base;
    }

    private AwkExpr exponent() {
        if (tokens.is("-") || tokens.is("+") || tokens.is("!")) {
            char op = tokens.next().text().charAt(0);
            return new AwkExpr.Unary(op, exponent());
        }
        return power();
    }

    private AwkExpr postfix() {
        AwkExpr e = primary();
        if (e instanceof AwkLvalue target && (tokens.is("++") || tokens.is("--"))) {
            int delta = tokens.next().text().equals("++") ? 1 : -1;
            return new AwkLvalue.IncDec(target, delta, false);
        }
        return e;
    }

    private AwkExpr primary() {
        Token t = tokens.peek();
        switch (t.kind()) {
            case NUMBER -> {
                tokens.next();
                return new AwkExpr.Literal(t.number());
            }
            case STRING -> {
                tokens.next();
                // the escapes are decoded already: \303\251 spells é in a UTF-8 locale
                return new AwkExpr.Literal(utf8 ? Utf8.decode(t.text()) : t.text());
            }
            case REGEX -> {
                tokens.next();
                return new AwkExpr.Regex(utf8 ? Utf8.decode(t.text()) : t.text(), utf8);
            }
            case NAME -> {
                tokens.next();
                if (tokens.accept("[")) {
                    List<AwkExpr> subscripts = expressionList(false);
                    tokens.expect("]");
                    return new AwkLvalue.Element(arrayRef(t.text()), subscripts);
                }
                return variable(t.text());
            }
            case FUNC_NAME -> {
                tokens.next();
                tokens.expect("(");
                List<AwkExpr> args = tokens.is(")") ? new ArrayList<>() : expressionList(false);
                tokens.expect(")");
                AwkCall.User call = new AwkCall.User(t.text(), args);
                calls.add(call);
                return call;
            }
            case BUILTIN -> {
                tokens.next();
                List<AwkExpr> args = new ArrayList<>();
                if (tokens.accept("(")) {
                    if (!tokens.is(")")) {
                        args = expressionList(false);
                    }
                    tokens.expect(")");
                } else if (!t.text().equals("length")) {
                    throw tokens.error();
                }
                if (t.text().equals("split") && args.size() > 1) {
                    markArray(args.get(1));
                }
                return new AwkCall.Builtin(t.text(), args);
            }
            default -> { }
        }
        if (tokens.accept("(")) {
            List<AwkExpr> list = expressionList(false);
            tokens.expect(")");
            if (list.size() > 1) {
                if (!tokens.accept("in")) {
                    throw tokens.error();
                }
                Token name = tokens.next();
                if (name.kind() != Kind.NAME) {
                    throw tokens.error();
                }
                return new AwkExpr.In(list, arrayRef(name.text()));
            }
            return new AwkExpr.Group(list.get(0));
        }
        if (tokens.accept("$")) {
            return new AwkLvalue.Field(fieldOperand());
        }
        if (tokens.is("++") || tokens.is("--")) {
            int delta = tokens.next().text().equals("++") ? 1 : -1;
            AwkExpr target = primary();
            if (!(target instanceof AwkLvalue lvalue)) {
                throw tokens.error();
            }
            return new AwkLvalue.IncDec(lvalue, delta, true);
        }
        if (tokens.is("-") || tokens.is("+") || tokens.is("!")) {
            return unary();
        }
        if (tokens.accept("getline")) {
            AwkLvalue target = optionalGetlineTarget();
            if (tokens.accept("<")) {
                return new AwkCall.Getline(AwkCall.Getline.FILE, primaryForRedirect(), target);
            }
            return new AwkCall.Getline(AwkCall.Getline.MAIN, null, target);
        }
        throw tokens.error();
    }

    /** The operand of {@code $}: a primary, or an increment, or a sign. */
    private AwkExpr fieldOperand() {
        if (tokens.is("-") || tokens.is("+") || tokens.is("!")) {
            char op = tokens.next().text().charAt(0);
            return new AwkExpr.Unary(op, fieldOperand());
        }
        return primary();
    }

    /** What follows {@code getline <}: a primary without concatenation. */
    private AwkExpr primaryForRedirect() {
        return primary();
    }

    private AwkLvalue optionalGetlineTarget() {
        if (tokens.peek().kind() == Kind.NAME || tokens.is("$")) {
            AwkExpr e = primary();
            if (e instanceof AwkLvalue lvalue) {
                return lvalue;
            }
            throw tokens.error();
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
            throw new AwkSyntaxError("function `" + name + "' used as a variable", tokens.peek().line());
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
}
