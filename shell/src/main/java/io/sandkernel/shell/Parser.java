package io.sandkernel.shell;

import io.sandkernel.shell.Ast.AndOr;
import io.sandkernel.shell.Ast.Assignment;
import io.sandkernel.shell.Ast.Background;
import io.sandkernel.shell.Ast.BraceGroup;
import io.sandkernel.shell.Ast.Case;
import io.sandkernel.shell.Ast.CaseItem;
import io.sandkernel.shell.Ast.Dq;
import io.sandkernel.shell.Ast.For;
import io.sandkernel.shell.Ast.FunctionDef;
import io.sandkernel.shell.Ast.HereDoc;
import io.sandkernel.shell.Ast.If;
import io.sandkernel.shell.Ast.Lit;
import io.sandkernel.shell.Ast.Loop;
import io.sandkernel.shell.Ast.Node;
import io.sandkernel.shell.Ast.Part;
import io.sandkernel.shell.Ast.Pipeline;
import io.sandkernel.shell.Ast.Quoted;
import io.sandkernel.shell.Ast.RedirOp;
import io.sandkernel.shell.Ast.Redirected;
import io.sandkernel.shell.Ast.Redirection;
import io.sandkernel.shell.Ast.Sequence;
import io.sandkernel.shell.Ast.SimpleCommand;
import io.sandkernel.shell.Ast.Subshell;
import io.sandkernel.shell.Ast.Word;
import io.sandkernel.shell.Lexer.Token;
import io.sandkernel.shell.Lexer.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A recursive-descent parser for the POSIX shell grammar. {@link #parseNext()} returns one
 * complete command (a line) at a time, so a script runs line by line as dash runs it and a
 * syntax error on a later line does not stop earlier lines from running.
 */
final class Parser {
    private static final Set<String> RESERVED = Set.of("if", "then", "else", "elif", "fi", "do", "done", "case",
            "esac", "while", "until", "for", "{", "}", "!", "in");

    /** The result of parsing a {@code $(...)} body: the tree, and where the source continues. */
    record Sub(Node body, int end, int line) {}

    private final Lexer lexer;

    Parser(Lexer lexer) {
        this.lexer = lexer;
    }

    Parser(String source) {
        this(new Lexer(source));
    }

    /** Parses a whole script into one node (null when empty). */
    static Node parse(String source) {
        return new Parser(source).parseAll();
    }

    /** Parses a whole script, expanding {@code aliases} in command position. */
    static Node parse(String source, java.util.Map<String, String> aliases) {
        return withAliases(source, aliases).parseAll();
    }

    /** A parser that expands {@code aliases} in command position. */
    static Parser withAliases(String source, java.util.Map<String, String> aliases) {
        Lexer lexer = new Lexer(source);
        lexer.aliases = aliases;
        return new Parser(lexer);
    }

    /** Parses everything up to end of file. */
    Node parseAll() {
        List<Node> items = new ArrayList<>();
        Node node;
        while ((node = parseNext()) != null) {
            items.add(node);
        }
        return items.isEmpty() ? null : items.size() == 1 ? items.get(0) : new Sequence(items);
    }

    /** Parses the body of {@code $(} starting at {@code pos}, up to and including the closing ')'. */
    static Sub parseSubstitution(String src, int pos, int line, java.util.Map<String, String> aliases) {
        Lexer lexer = new Lexer(src, pos, line);
        lexer.aliases = aliases;
        Parser parser = new Parser(lexer);
        skipNewlines(lexer);
        Node body = null;
        if (!lexer.peek().isOp(")")) {
            body = parser.compoundList(")");
        }
        Token close = lexer.next();
        if (!close.isOp(")")) {
            throw parser.unexpected(close, ")");
        }
        return new Sub(body, lexer.position() - lexer.aliasDelta, lexer.line());
    }

    /** Whether the input ended inside a here-document. */
    boolean incomplete() {
        return lexer.incompleteHeredoc;
    }

    /** The line of the next token. */
    int line() {
        return lexer.peek().line();
    }

    /**
     * The next complete command (up to a newline), or null at end of file.
     *
     * @throws SyntaxError on a syntax error
     */
    Node parseNext() {
        skipNewlines(lexer);
        Token token = lexer.peek();
        if (token.type() == Type.EOF) {
            return null;
        }
        Node node = list(false);
        Token end = lexer.peek();
        if (end.type() == Type.NEWLINE) {
            lexer.next();
        } else if (end.type() != Type.EOF) {
            throw unexpected(end, null);
        }
        return node;
    }

    private static void skipNewlines(Lexer lexer) {
        while (lexer.peek().type() == Type.NEWLINE) {
            lexer.next();
        }
    }

    SyntaxError unexpected(Token token, String expecting) {
        String message = token.describe() + " unexpected" + (expecting == null ? "" : " (expecting \"" + expecting + "\")");
        return new SyntaxError(token.line(), message, token.type() == Type.EOF);
    }

    /**
     * A list of and-or lists separated by ';' or '&' (and newlines when {@code multiline}),
     * ending before a token that cannot start a command.
     */
    private Node list(boolean multiline) {
        return list(multiline, null);
    }

    private Node list(boolean multiline, String expecting) {
        List<Node> items = new ArrayList<>();
        while (true) {
            if (multiline) {
                skipNewlines(lexer);
            }
            if (!startsCommand(lexer.peek())) {
                if (items.isEmpty()) {
                    Token token = lexer.peek();
                    throw unexpected(token, token.type() == Type.EOF ? expecting : null);
                }
                break;
            }
            Node node = andOr();
            Token sep = lexer.peek();
            if (sep.isOp("&")) {
                lexer.next();
                items.add(new Background(node));
            } else if (sep.isOp(";")) {
                lexer.next();
                items.add(node);
            } else if (multiline && sep.type() == Type.NEWLINE) {
                items.add(node);
            } else {
                items.add(node);
                break;
            }
            if (!multiline && lexer.peek().type() == Type.NEWLINE) {
                break;
            }
        }
        return items.size() == 1 ? items.get(0) : new Sequence(items);
    }

    private boolean startsCommand(Token token) {
        return switch (token.type()) {
            case WORD -> {
                String plain = token.word().plainText();
                yield plain == null || !RESERVED.contains(plain) || plain.equals("!") || plain.equals("{")
                        || plain.equals("if") || plain.equals("while") || plain.equals("until") || plain.equals("for")
                        || plain.equals("case");
            }
            case IO_NUMBER -> true;
            case OP -> token.text().equals("(") || token.text().startsWith("<") || token.text().startsWith(">");
            default -> false;
        };
    }

    /** A list inside a compound command, up to one of the reserved words that close it. */
    private Node compoundList(String expecting) {
        return list(true, expecting);
    }

    private Node andOr() {
        Node left = pipeline();
        while (true) {
            Token token = lexer.peek();
            if (token.isOp("&&") || token.isOp("||")) {
                lexer.next();
                skipNewlines(lexer);
                Node right = pipeline();
                left = new AndOr(left, token.text().equals("&&"), right);
            } else {
                return left;
            }
        }
    }

    private Node pipeline() {
        int line = lexer.peek().line();
        boolean negated = false;
        while (lexer.peek().isWord("!")) {
            lexer.next();
            negated = !negated;
        }
        List<Node> commands = new ArrayList<>();
        commands.add(command());
        while (lexer.peek().isOp("|")) {
            lexer.next();
            skipNewlines(lexer);
            commands.add(command());
        }
        if (commands.size() == 1 && !negated) {
            return commands.get(0);
        }
        return new Pipeline(commands, negated, line);
    }

    private Node command() {
        Token token = lexer.peek();
        if (token.type() == Type.WORD) {
            String alias = lexer.aliasAt(token);
            if (alias != null) {
                lexer.expandAlias(token, alias);
                return command();
            }
        }
        if (token.type() == Type.WORD) {
            String plain = token.word().plainText();
            if (plain != null) {
                switch (plain) {
                    case "if":
                        return withRedirections(ifClause());
                    case "while":
                    case "until":
                        return withRedirections(loop());
                    case "for":
                        return withRedirections(forClause());
                    case "case":
                        return withRedirections(caseClause());
                    case "{": {
                        lexer.next();
                        Node body = compoundList("}");
                        expectWord("}");
                        return withRedirections(new BraceGroup(body));
                    }
                    default:
                        if (RESERVED.contains(plain)) {
                            throw unexpected(token, null);
                        }
                }
                if (Lexer.isName(plain) && lexer.peek(1).isOp("(")) {
                    return functionDef();
                }
            }
        } else if (token.isOp("(")) {
            lexer.next();
            Node body = compoundList(")");
            Token close = lexer.next();
            if (!close.isOp(")")) {
                throw unexpected(close, ")");
            }
            return withRedirections(new Subshell(body));
        }
        return simpleCommand();
    }

    private Node functionDef() {
        String name = lexer.next().word().plainText();
        lexer.next();
        Token close = lexer.next();
        if (!close.isOp(")")) {
            throw unexpected(close, ")");
        }
        skipNewlines(lexer);
        Node body = command();
        return new FunctionDef(name, body);
    }

    private Node withRedirections(Node body) {
        List<Redirection> redirections = new ArrayList<>();
        while (isRedirection(lexer.peek())) {
            redirections.add(redirection());
        }
        return redirections.isEmpty() ? body : new Redirected(body, redirections);
    }

    private void expectWord(String word) {
        Token token = lexer.next();
        if (!token.isWord(word)) {
            throw unexpected(token, word);
        }
    }

    private Node ifClause() {
        lexer.next();
        Node condition = compoundList("then");
        expectWord("then");
        Node body = compoundList("fi");
        Token token = lexer.peek();
        if (token.isWord("elif")) {
            Node elif = ifClause();
            return new If(condition, body, elif);
        }
        Node otherwise = null;
        if (token.isWord("else")) {
            lexer.next();
            otherwise = compoundList("fi");
        }
        expectWord("fi");
        return new If(condition, body, otherwise);
    }

    private Node loop() {
        boolean until = lexer.next().isWord("until");
        Node condition = compoundList("do");
        expectWord("do");
        Node body = compoundList("done");
        expectWord("done");
        return new Loop(until, condition, body);
    }

    private Node forClause() {
        lexer.next();
        Token nameToken = lexer.next();
        String name = nameToken.type() == Type.WORD ? nameToken.word().plainText() : null;
        if (name == null || !Lexer.isName(name)) {
            throw new SyntaxError(nameToken.line(), "Bad for loop variable", nameToken.type() == Type.EOF);
        }
        List<Word> words = null;
        skipNewlines(lexer);
        if (lexer.peek().isWord("in")) {
            lexer.next();
            words = new ArrayList<>();
            while (lexer.peek().type() == Type.WORD) {
                words.add(lexer.next().word());
            }
            Token sep = lexer.next();
            if (!sep.isOp(";") && sep.type() != Type.NEWLINE) {
                throw unexpected(sep, "do");
            }
        } else if (lexer.peek().isOp(";")) {
            lexer.next();
        }
        skipNewlines(lexer);
        expectWord("do");
        Node body = compoundList("done");
        expectWord("done");
        return new For(name, words, body);
    }

    private Node caseClause() {
        lexer.next();
        Token subject = lexer.next();
        if (subject.type() != Type.WORD) {
            throw unexpected(subject, "word");
        }
        skipNewlines(lexer);
        expectWord("in");
        List<CaseItem> items = new ArrayList<>();
        while (true) {
            skipNewlines(lexer);
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
                    throw unexpected(pattern, ")");
                }
                patterns.add(pattern.word());
                Token sep = lexer.next();
                if (sep.isOp(")")) {
                    break;
                }
                if (!sep.isOp("|")) {
                    throw unexpected(sep, ")");
                }
            }
            skipNewlines(lexer);
            Node body = null;
            if (!lexer.peek().isOp(";;") && !lexer.peek().isWord("esac")) {
                body = compoundList(";;");
            }
            items.add(new CaseItem(patterns, body));
            Token end = lexer.next();
            if (end.isWord("esac")) {
                break;
            }
            if (!end.isOp(";;")) {
                throw unexpected(end, end.type() == Type.EOF ? ";;" : "esac");
            }
        }
        return new Case(subject.word(), items);
    }

    private static boolean isRedirection(Token token) {
        if (token.type() == Type.IO_NUMBER) {
            return true;
        }
        return token.type() == Type.OP && (token.text().startsWith("<") || token.text().startsWith(">"));
    }

    private Redirection redirection() {
        int fd = -1;
        Token token = lexer.next();
        if (token.type() == Type.IO_NUMBER) {
            fd = Integer.parseInt(token.text());
            token = lexer.next();
        }
        RedirOp op = null;
        for (RedirOp candidate : RedirOp.values()) {
            if (candidate.text.equals(token.text())) {
                op = candidate;
            }
        }
        if (op == null) {
            throw unexpected(token, null);
        }
        if (fd < 0) {
            fd = switch (op) {
                case IN, READ_WRITE, DUP_IN, HEREDOC, HEREDOC_STRIP -> 0;
                default -> 1;
            };
        }
        Token target = lexer.next();
        if (target.type() != Type.WORD) {
            throw unexpected(target, null);
        }
        if ((op == RedirOp.DUP_IN || op == RedirOp.DUP_OUT) && !isFdWord(target.word())) {
            throw new SyntaxError(target.line(), "Bad fd number", false);
        }
        HereDoc doc = null;
        if (op == RedirOp.HEREDOC || op == RedirOp.HEREDOC_STRIP) {
            doc = new HereDoc(unquote(target.word()), target.word().hasQuotes(), op == RedirOp.HEREDOC_STRIP);
            lexer.addHeredoc(doc);
        }
        return new Redirection(fd, op, target.word(), doc);
    }

    /**
     * Whether the target of {@code <&} or {@code >&} can name a descriptor: one digit or
     * {@code -}, or a word with expansions, checked when expanded (dash refuses anything else as
     * a syntax error, {@code >&file} included).
     */
    private static boolean isFdWord(Word word) {
        String text = word.plainText();
        return text == null || isFdText(text);
    }

    /** One digit, or {@code -}. */
    static boolean isFdText(String text) {
        return text.length() == 1 && (Character.isDigit(text.charAt(0)) || text.charAt(0) == '-');
    }

    /** The text of a word after quote removal, expansions kept as written (for here-doc delimiters). */
    static String unquote(Word word) {
        StringBuilder out = new StringBuilder();
        appendUnquoted(word.parts(), out);
        return out.toString();
    }

    private static void appendUnquoted(List<Part> parts, StringBuilder out) {
        for (Part part : parts) {
            switch (part) {
                case Lit lit -> out.append(lit.text());
                case Quoted quoted -> out.append(quoted.text());
                case Dq dq -> appendUnquoted(dq.parts(), out);
                case Ast.Param param -> out.append(param.arg() == null && param.op().isEmpty()
                        ? "$" + param.name() : "${" + param.name() + param.op() + param.arg().raw() + "}");
                case Ast.CmdSub sub -> out.append("$(").append(sub.source()).append(')');
                case Ast.Arith arith -> out.append("$((").append(arith.expression().raw()).append("))");
                case Ast.Tilde tilde -> out.append('~').append(tilde.user());
            }
        }
    }

    private Node simpleCommand() {
        int line = lexer.peek().line();
        List<Assignment> assignments = new ArrayList<>();
        List<Word> words = new ArrayList<>();
        List<Redirection> redirections = new ArrayList<>();
        while (true) {
            Token token = lexer.peek();
            if (isRedirection(token)) {
                redirections.add(redirection());
            } else if (token.type() == Type.WORD) {
                lexer.next();
                Assignment assignment = words.isEmpty() ? assignment(token.word()) : null;
                if (assignment != null) {
                    assignments.add(assignment);
                } else {
                    words.add(token.word());
                }
            } else {
                break;
            }
        }
        if (assignments.isEmpty() && words.isEmpty() && redirections.isEmpty()) {
            throw unexpected(lexer.peek(), null);
        }
        return new SimpleCommand(assignments, words, redirections, line);
    }

    /** {@code name=value} when the word starts with an unquoted valid name and '='. */
    static Assignment assignment(Word word) {
        if (word.parts().isEmpty() || !(word.parts().get(0) instanceof Lit first)) {
            return null;
        }
        int eq = first.text().indexOf('=');
        if (eq <= 0 || !Lexer.isName(first.text().substring(0, eq))) {
            return null;
        }
        String name = first.text().substring(0, eq);
        List<Part> rest = new ArrayList<>();
        String remainder = first.text().substring(eq + 1);
        if (!remainder.isEmpty()) {
            rest.add(new Lit(remainder));
        }
        rest.addAll(word.parts().subList(1, word.parts().size()));
        return new Assignment(name, new Word(word.raw().substring(eq + 1), rest));
    }

    static boolean isQuotedPart(Part part) {
        return part instanceof Quoted;
    }
}
