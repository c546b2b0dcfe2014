package io.sandkernel.shell;

import io.sandkernel.shell.Ast.ArithCommand;
import io.sandkernel.shell.Ast.ArithFor;
import io.sandkernel.shell.Ast.BraceGroup;
import io.sandkernel.shell.Ast.Case;
import io.sandkernel.shell.Ast.CaseItem;
import io.sandkernel.shell.Ast.Cond;
import io.sandkernel.shell.Ast.CondAnd;
import io.sandkernel.shell.Ast.CondBinary;
import io.sandkernel.shell.Ast.CondExpr;
import io.sandkernel.shell.Ast.CondNot;
import io.sandkernel.shell.Ast.CondOr;
import io.sandkernel.shell.Ast.CondUnary;
import io.sandkernel.shell.Ast.CondWord;
import io.sandkernel.shell.Ast.For;
import io.sandkernel.shell.Ast.FunctionDef;
import io.sandkernel.shell.Ast.If;
import io.sandkernel.shell.Ast.Loop;
import io.sandkernel.shell.Ast.Node;
import io.sandkernel.shell.Ast.Subshell;
import io.sandkernel.shell.Ast.Word;
import io.sandkernel.shell.Lexer.Token;
import io.sandkernel.shell.Lexer.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The compound commands of a {@link Parser}: {@code if}, loops, {@code case}, groups, subshells,
 * function definitions, and bash's {@code [[ ]]}, {@code (( ))}, {@code for (( ))} and
 * {@code function name}.
 */
final class Compounds {
    private static final Set<String> COND_UNARY = Set.of("-a", "-b", "-c", "-d", "-e", "-f", "-g", "-h", "-k", "-p",
            "-r", "-s", "-t", "-u", "-w", "-x", "-G", "-L", "-N", "-O", "-S", "-z", "-n", "-o", "-v", "-R");
    private static final Set<String> COND_BINARY = Set.of("==", "=", "!=", "=~", "-eq", "-ne", "-lt", "-le", "-gt",
            "-ge", "-nt", "-ot", "-ef");

    private final Parser parser;
    private final Lexer lexer;

    Compounds(Parser parser) {
        this.parser = parser;
        this.lexer = parser.lexer;
    }

    /** The compound command starting at {@code token}, or null when it starts a simple command. */
    Node parse(Token token) {
        boolean bash = parser.bash();
        if (token.type() == Type.WORD) {
            String plain = token.word().plainText();
            if (plain == null) {
                return null;
            }
            switch (plain) {
                case "if":
                    return parser.withRedirections(ifClause(), token.line());
                case "while":
                case "until":
                    return parser.withRedirections(loop(), token.line());
                case "for":
                    return parser.withRedirections(forClause(), token.line());
                case "case":
                    return parser.withRedirections(caseClause(), token.line());
                case "{": {
                    lexer.next();
                    Node body = parser.compoundList("}");
                    parser.expectWord("}");
                    return parser.withRedirections(new BraceGroup(body), token.line());
                }
                default:
                    break;
            }
            if (bash && plain.equals("coproc")) {
                return coproc();
            }
            if (bash && plain.equals("select")) {
                For menu = (For) forClause();
                return parser.withRedirections(new For(menu.name(), menu.words(), menu.body(), true), token.line());
            }
            if (bash && plain.equals("[[")) {
                return parser.withRedirections(conditional(), token.line());
            }
            if (bash && plain.equals("function")) {
                return functionKeyword();
            }
            if (Parser.RESERVED.contains(plain) && !plain.equals("!")) {
                throw parser.unexpected(token, null);
            }
            if ((Lexer.isName(plain) || (bash && !plain.isEmpty() && !plain.contains("=") && !plain.contains("$")))
                    && lexer.peek(1).isOp("(") && lexer.peek(2).isOp(")")) {
                return functionDef();
            }
            return null;
        }
        if (token.isOp("(")) {
            if (bash && lexer.lookaheadSize() == 1 && token.start() >= 0 && lexer.charAt(token.end()) == '(') {
                Node arith = arithCommand(token);
                if (arith != null) {
                    return parser.withRedirections(arith, token.line());
                }
            }
            lexer.next();
            Node body = parser.compoundList(")");
            Token close = lexer.next();
            if (!close.isOp(")")) {
                throw parser.unexpected(close, ")");
            }
            return parser.withRedirections(new Subshell(body), token.line());
        }
        return null;
    }

    private Node functionDef() {
        String name = lexer.next().word().plainText();
        lexer.next();
        Token close = lexer.next();
        if (!close.isOp(")")) {
            throw parser.unexpected(close, ")");
        }
        Parser.skipNewlines(lexer);
        Node body = parser.command();
        return new FunctionDef(name, body);
    }

    /** bash's {@code function name [()] compound-command}. */
    private Node functionKeyword() {
        lexer.next();
        Token nameToken = lexer.next();
        if (nameToken.type() != Type.WORD || nameToken.word().plainText() == null) {
            throw parser.unexpected(nameToken, null);
        }
        if (lexer.peek().isOp("(")) {
            lexer.next();
            Token close = lexer.next();
            if (!close.isOp(")")) {
                throw parser.unexpected(close, ")");
            }
        }
        Parser.skipNewlines(lexer);
        return new FunctionDef(nameToken.word().plainText(), parser.command());
    }

    private Node ifClause() {
        lexer.next();
        Node condition = parser.compoundList("then");
        parser.expectWord("then");
        Node body = parser.compoundList("fi");
        Token token = lexer.peek();
        if (token.isWord("elif")) {
            Node elif = ifClause();
            return new If(condition, body, elif);
        }
        Node otherwise = null;
        if (token.isWord("else")) {
            lexer.next();
            otherwise = parser.compoundList("fi");
        }
        parser.expectWord("fi");
        return new If(condition, body, otherwise);
    }

    private Node loop() {
        boolean until = lexer.next().isWord("until");
        Node condition = parser.compoundList("do");
        parser.expectWord("do");
        Node body = parser.compoundList("done");
        parser.expectWord("done");
        return new Loop(until, condition, body);
    }

    private Node forClause() {
        Token forToken = lexer.next();
        Token nameToken = lexer.peek();
        if (parser.bash() && nameToken.isOp("(") && nameToken.start() >= 0 && lexer.charAt(nameToken.end()) == '(') {
            return arithFor(forToken.line(), nameToken);
        }
        lexer.next();
        String name = nameToken.type() == Type.WORD ? nameToken.word().plainText() : null;
        if (name == null || !Lexer.isName(name)) {
            throw new SyntaxError(nameToken.line(), "Bad for loop variable", nameToken.type() == Type.EOF);
        }
        List<Word> words = null;
        Parser.skipNewlines(lexer);
        if (lexer.peek().isWord("in")) {
            lexer.next();
            words = new ArrayList<>();
            while (lexer.peek().type() == Type.WORD) {
                Word word = lexer.next().word();
                if (parser.bash()) {
                    words.addAll(BraceExpansion.expand(word));
                } else {
                    words.add(word);
                }
            }
            Token sep = lexer.next();
            if (!sep.isOp(";") && sep.type() != Type.NEWLINE) {
                throw parser.unexpected(sep, "do");
            }
        } else if (lexer.peek().isOp(";")) {
            lexer.next();
        }
        Parser.skipNewlines(lexer);
        return new For(name, words, loopBody());
    }

    /**
     * {@code coproc [NAME] command}: a name only before a compound command (before a simple
     * command the first word is the command's), else {@code COPROC}.
     */
    private Node coproc() {
        lexer.next();
        String name = "COPROC";
        Token first = lexer.peek();
        String plain = first.type() == Type.WORD ? first.word().plainText() : null;
        if (plain != null && Lexer.isName(plain) && !Parser.RESERVED.contains(plain) && startsCompound(lexer.peek(1))) {
            lexer.next();
            name = plain;
        }
        return new Ast.Coproc(name, parser.command());
    }

    private static boolean startsCompound(Token token) {
        if (token.isOp("(")) {
            return true;
        }
        String word = token.type() == Type.WORD ? token.word().plainText() : null;
        return word != null && switch (word) {
            case "{", "if", "while", "until", "for", "case", "[[", "select" -> true;
            default -> false;
        };
    }

    /** {@code do list done}, or bash's {@code { list; }}. */
    private Node loopBody() {
        if (parser.bash() && lexer.peek().isWord("{")) {
            lexer.next();
            Node body = parser.compoundList("}");
            parser.expectWord("}");
            return body;
        }
        parser.expectWord("do");
        Node body = parser.compoundList("done");
        parser.expectWord("done");
        return body;
    }

    /** The text between {@code ((} at {@code token} and its {@code ))}, or null when there is no such end. */
    private String doubleParenText(Token token) {
        String src = lexer.src;
        int depth = 0;
        int start = token.start() + 2;
        for (int i = start; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    if (i + 1 < src.length() && src.charAt(i + 1) == ')') {
                        lexer.rewindTo(token);
                        lexer.line += count(src.substring(start, i), '\n');
                        lexer.pos = i + 2;
                        return src.substring(start, i);
                    }
                    return null;
                }
                depth--;
            }
        }
        return null;
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

    /** bash's {@code (( expression ))}; null when the parentheses do not close as one (a subshell then). */
    private Node arithCommand(Token token) {
        int line = token.line();
        String text = doubleParenText(token);
        if (text == null) {
            return null;
        }
        return new ArithCommand(Lexer.parseArithmetic(text, line, parser.syntax), line);
    }

    /** bash's {@code for (( init; condition; step ))}. */
    private Node arithFor(int line, Token open) {
        String text = doubleParenText(open);
        if (text == null) {
            throw parser.unexpected(open, null);
        }
        List<String> pieces = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ';' && depth == 0) {
                pieces.add(text.substring(from, i));
                from = i + 1;
            }
        }
        pieces.add(text.substring(from));
        if (pieces.size() != 3) {
            throw new SyntaxError(line, "syntax error: arithmetic expression required", false);
        }
        Word[] parts = new Word[3];
        for (int i = 0; i < 3; i++) {
            parts[i] = pieces.get(i).isBlank() ? null : Lexer.parseArithmetic(pieces.get(i), line, parser.syntax);
        }
        if (lexer.peek().isOp(";")) {
            lexer.next();
        }
        Parser.skipNewlines(lexer);
        return new ArithFor(parts[0], parts[1], parts[2], loopBody(), line);
    }

    private Node caseClause() {
        lexer.next();
        Token subject = lexer.next();
        if (subject.type() != Type.WORD) {
            throw parser.unexpected(subject, "word");
        }
        Parser.skipNewlines(lexer);
        parser.expectWord("in");
        List<CaseItem> items = new ArrayList<>();
        while (true) {
            Parser.skipNewlines(lexer);
            Token token = lexer.peek();
            if (token.isWord("esac")) {
                lexer.next();
                break;
            }
            if (token.isOp("(")) {
                lexer.next();
            }
            List<Word> patterns = new ArrayList<>();
            while (true) {
                Token pattern = lexer.next();
                if (pattern.type() != Type.WORD) {
                    throw parser.unexpected(pattern, ")");
                }
                patterns.add(pattern.word());
                Token sep = lexer.next();
                if (sep.isOp(")")) {
                    break;
                }
                if (!sep.isOp("|")) {
                    throw parser.unexpected(sep, ")");
                }
            }
            Parser.skipNewlines(lexer);
            Node body = null;
            if (!isCaseEnd(lexer.peek()) && !lexer.peek().isWord("esac")) {
                body = parser.compoundList(";;");
            }
            Token end = lexer.next();
            if (end.isWord("esac")) {
                items.add(new CaseItem(patterns, body, ";;"));
                break;
            }
            if (!isCaseEnd(end)) {
                throw parser.unexpected(end, end.type() == Type.EOF ? ";;" : "esac");
            }
            items.add(new CaseItem(patterns, body, end.text()));
        }
        return new Case(subject.word(), items);
    }

    private static boolean isCaseEnd(Token token) {
        return token.isOp(";;") || token.isOp(";&") || token.isOp(";;&");
    }

    // ---------------------------------------------------------------- [[ ]]

    private Node conditional() {
        int line = lexer.next().line();
        WordLexer words = lexer.words();
        boolean saved = words.forceExtglob;
        words.forceExtglob = true;
        try {
            CondExpr expression = condOr();
            Token close = lexer.next();
            if (!close.isWord("]]")) {
                throw new SyntaxError(close.line(), "syntax error in conditional expression", close.type() == Type.EOF);
            }
            return new Cond(expression, line);
        } finally {
            words.forceExtglob = saved;
        }
    }

    private void skipCondNewlines() {
        Parser.skipNewlines(lexer);
    }

    private CondExpr condOr() {
        CondExpr left = condAnd();
        while (lexer.peek().isOp("||")) {
            lexer.next();
            skipCondNewlines();
            left = new CondOr(left, condAnd());
        }
        return left;
    }

    private CondExpr condAnd() {
        CondExpr left = condNot();
        while (lexer.peek().isOp("&&")) {
            lexer.next();
            skipCondNewlines();
            left = new CondAnd(left, condNot());
        }
        return left;
    }

    private CondExpr condNot() {
        skipCondNewlines();
        if (lexer.peek().isWord("!")) {
            lexer.next();
            return new CondNot(condNot());
        }
        return condPrimary();
    }

    private SyntaxError condError(Token token) {
        return new SyntaxError(token.line(), "syntax error in conditional expression: unexpected token `"
                + token.text() + "'", token.type() == Type.EOF);
    }

    private CondExpr condPrimary() {
        Token token = lexer.next();
        if (token.isOp("(")) {
            CondExpr inner = condOr();
            Token close = lexer.next();
            if (!close.isOp(")")) {
                throw condError(close);
            }
            return new Ast.CondGroup(inner);
        }
        if (token.type() != Type.WORD || token.isWord("]]")) {
            throw condError(token);
        }
        Token next = lexer.peek();
        String op = next.type() == Type.WORD ? next.word().plainText() : next.type() == Type.OP ? next.text() : null;
        String plain = token.word().plainText();
        if (plain != null && COND_UNARY.contains(plain) && next.type() == Type.WORD && !next.isWord("]]")
                && (op == null || !COND_BINARY.contains(op))) {
            lexer.next();
            return new CondUnary(plain, next.word());
        }
        if (op != null && (COND_BINARY.contains(op) || op.equals("<") || op.equals(">"))) {
            lexer.next();
            if (op.equals("=~")) {
                return new CondBinary(token.word(), op, lexer.words().readRegexWord());
            }
            Token right = lexer.next();
            if (right.type() != Type.WORD) {
                throw condError(right);
            }
            return new CondBinary(token.word(), op, right.word());
        }
        return new CondWord(token.word());
    }
}
