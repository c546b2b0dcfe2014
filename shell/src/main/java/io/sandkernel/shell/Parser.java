package io.sandkernel.shell;

import io.sandkernel.shell.Ast.AndOr;
import io.sandkernel.shell.Ast.ArrayLit;
import io.sandkernel.shell.Ast.Assignment;
import io.sandkernel.shell.Ast.Background;
import io.sandkernel.shell.Ast.Dq;
import io.sandkernel.shell.Ast.HereDoc;
import io.sandkernel.shell.Ast.Lit;
import io.sandkernel.shell.Ast.Node;
import io.sandkernel.shell.Ast.Part;
import io.sandkernel.shell.Ast.Pipeline;
import io.sandkernel.shell.Ast.Quoted;
import io.sandkernel.shell.Ast.RedirOp;
import io.sandkernel.shell.Ast.Redirected;
import io.sandkernel.shell.Ast.Redirection;
import io.sandkernel.shell.Ast.Sequence;
import io.sandkernel.shell.Ast.SimpleCommand;
import io.sandkernel.shell.Ast.Tilde;
import io.sandkernel.shell.Ast.Timed;
import io.sandkernel.shell.Ast.Word;
import io.sandkernel.shell.Lexer.Token;
import io.sandkernel.shell.Lexer.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A recursive-descent parser for the POSIX shell grammar, and bash's in bash mode (compound
 * commands are {@link Compounds}' part). {@link #parseNext()} returns one complete command (a
 * line) at a time, so a script runs line by line as dash and bash run it and a syntax error on a
 * later line does not stop earlier lines from running.
 */
final class Parser {
    static final Set<String> RESERVED = Set.of("if", "then", "else", "elif", "fi", "do", "done", "case",
            "esac", "while", "until", "for", "{", "}", "!", "in");
    static final Set<String> BASH_RESERVED = Set.of("[[", "]]", "function", "time", "select", "coproc");

    /** The result of parsing a {@code $(...)} body: the tree, and where the source continues. */
    record Sub(Node body, int end, int line) {}

    final Lexer lexer;
    final Syntax syntax;
    private final Compounds compounds;

    Parser(Lexer lexer) {
        this.lexer = lexer;
        this.syntax = lexer.syntax;
        this.compounds = new Compounds(this);
    }

    Parser(String source) {
        this(new Lexer(source));
    }

    /** Parses a whole POSIX script into one node (null when empty). */
    static Node parse(String source) {
        return new Parser(source).parseAll();
    }

    /** Parses a whole script, expanding {@code aliases} in command position. */
    static Node parse(String source, java.util.Map<String, String> aliases) {
        return of(source, Syntax.sh(aliases)).parseAll();
    }

    /** Parses a whole script with {@code syntax}. */
    static Node parse(String source, Syntax syntax) {
        return of(source, syntax).parseAll();
    }

    /** A parser for {@code source} with {@code syntax}. */
    static Parser of(String source, Syntax syntax) {
        return new Parser(new Lexer(source, 0, 1, syntax));
    }

    /** A POSIX parser that expands {@code aliases} in command position. */
    static Parser withAliases(String source, java.util.Map<String, String> aliases) {
        return of(source, Syntax.sh(aliases));
    }

    boolean bash() {
        return syntax.bash();
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
    static Sub parseSubstitution(String src, int pos, int line, Syntax syntax) {
        Lexer lexer = new Lexer(src, pos, line, syntax);
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
        Node node = list(false, null);
        Token end = lexer.peek();
        if (end.type() == Type.NEWLINE) {
            lexer.next();
        } else if (end.type() != Type.EOF) {
            throw unexpected(end, null);
        }
        return node;
    }

    static void skipNewlines(Lexer lexer) {
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
                if (plain == null) {
                    yield true;
                }
                if (bash() && plain.equals("]]")) {
                    yield false;
                }
                yield !RESERVED.contains(plain) || plain.equals("!") || plain.equals("{") || plain.equals("if")
                        || plain.equals("while") || plain.equals("until") || plain.equals("for")
                        || plain.equals("case");
            }
            case IO_NUMBER -> true;
            case OP -> token.text().equals("(") || token.text().startsWith("<") || token.text().startsWith(">")
                    || token.text().equals("&>") || token.text().equals("&>>");
            default -> false;
        };
    }

    /** A list inside a compound command, up to one of the reserved words that close it. */
    Node compoundList(String expecting) {
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
        if (bash() && lexer.peek().isWord("time")) {
            lexer.next();
            boolean posix = false;
            if (lexer.peek().isWord("-p")) {
                lexer.next();
                posix = true;
            }
            if (!startsCommand(lexer.peek())) {
                return new Timed(null, posix);
            }
            return new Timed(pipeline(), posix);
        }
        boolean negated = false;
        while (lexer.peek().isWord("!")) {
            lexer.next();
            negated = !negated;
        }
        List<Node> commands = new ArrayList<>();
        commands.add(command());
        while (lexer.peek().isOp("|") || lexer.peek().isOp("|&")) {
            if (lexer.next().text().equals("|&")) {
                int last = commands.size() - 1;
                commands.set(last, withStderr(commands.get(last)));
            }
            skipNewlines(lexer);
            commands.add(command());
        }
        if (commands.size() == 1 && !negated) {
            return commands.get(0);
        }
        return new Pipeline(commands, negated, line);
    }

    /** {@code cmd |&}: the command's standard error goes to the pipe too, after its own redirections. */
    private static Node withStderr(Node command) {
        Redirection dup = new Redirection(2, RedirOp.DUP_OUT, Word.literal("1"), null);
        if (command instanceof SimpleCommand simple) {
            List<Redirection> redirections = new ArrayList<>(simple.redirections());
            redirections.add(dup);
            return new SimpleCommand(simple.assignments(), simple.words(), redirections, simple.line());
        }
        if (command instanceof Redirected redirected) {
            List<Redirection> redirections = new ArrayList<>(redirected.redirections());
            redirections.add(dup);
            return new Redirected(redirected.body(), redirections, redirected.line());
        }
        return new Redirected(command, List.of(dup), Ast.firstLine(command));
    }

    Node command() {
        Token token = lexer.peek();
        if (token.type() == Type.WORD) {
            String alias = lexer.aliasAt(token);
            if (alias != null) {
                lexer.expandAlias(token, alias);
                return command();
            }
        }
        Node compound = compounds.parse(token);
        if (compound != null) {
            return compound;
        }
        return simpleCommand();
    }

    /** A compound command starting on {@code line} with the redirections that follow it. */
    Node withRedirections(Node body, int line) {
        List<Redirection> redirections = new ArrayList<>();
        while (isRedirection(lexer.peek())) {
            redirections.add(redirection());
        }
        return redirections.isEmpty() ? body : new Redirected(body, redirections, line);
    }

    void expectWord(String word) {
        Token token = lexer.next();
        if (!token.isWord(word)) {
            throw unexpected(token, word);
        }
    }

    static boolean isRedirection(Token token) {
        if (token.type() == Type.IO_NUMBER) {
            return true;
        }
        return token.type() == Type.OP && (token.text().startsWith("<") || token.text().startsWith(">")
                || token.text().equals("&>") || token.text().equals("&>>"));
    }

    private Redirection redirection() {
        int fd = -1;
        String fdVariable = null;
        Token token = lexer.next();
        if (token.type() == Type.IO_NUMBER) {
            if (token.text().startsWith("{")) {
                fdVariable = token.text().substring(1, token.text().length() - 1);
                fd = 0;
            } else {
                fd = Integer.parseInt(token.text());
            }
            token = lexer.next();
        }
        RedirOp op = null;
        for (RedirOp candidate : RedirOp.values()) {
            if (candidate.text.equals(token.text())) {
                op = candidate;
            }
        }
        if (op == null || token.type() != Type.OP) {
            throw unexpected(token, null);
        }
        if (fd < 0) {
            fd = switch (op) {
                case IN, READ_WRITE, DUP_IN, HEREDOC, HEREDOC_STRIP, HERESTRING -> 0;
                default -> 1;
            };
        }
        Token target = lexer.next();
        if (target.type() != Type.WORD) {
            throw unexpected(target, null);
        }
        if ((op == RedirOp.DUP_IN || op == RedirOp.DUP_OUT) && !isFdWord(target.word())) {
            if (bash() && op == RedirOp.DUP_OUT && token.text().equals(">&")) {
                op = RedirOp.OUT_ERR; // bash: >&file is &>file
            } else if (!bash()) {
                throw new SyntaxError(target.line(), "Bad fd number", false);
            }
        }
        HereDoc doc = null;
        if (op == RedirOp.HEREDOC || op == RedirOp.HEREDOC_STRIP) {
            doc = new HereDoc(unquote(target.word()), target.word().hasQuotes(), op == RedirOp.HEREDOC_STRIP);
            lexer.addHeredoc(doc);
        }
        return new Redirection(fd, op, target.word(), doc, fdVariable);
    }

    /**
     * Whether the target of {@code <&} or {@code >&} can name a descriptor: one digit or
     * {@code -} (bash: digits, optionally followed by {@code -}), or a word with expansions,
     * checked when expanded (dash refuses anything else as a syntax error).
     */
    private boolean isFdWord(Word word) {
        String text = word.plainText();
        return text == null || isFdText(text) || (bash() && text.matches("[0-9]+-?|-"));
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
                case Ast.Param param -> out.append(param.arg() == null && param.op().isEmpty() && param.index() == null
                        ? "$" + param.name() : "${" + param.name() + param.op()
                        + (param.arg() == null ? "" : param.arg().raw()) + "}");
                case Ast.CmdSub sub -> out.append("$(").append(sub.source()).append(')');
                case Ast.Arith arith -> out.append("$((").append(arith.expression().raw()).append("))");
                case Tilde tilde -> out.append('~').append(tilde.user());
                case Ast.ProcSubst sub -> out.append(sub.output() ? ">(" : "<(").append(sub.source()).append(')');
                case ArrayLit array -> out.append(array.source());
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
                if (!words.isEmpty() && lexer.blankAliasEnd >= 0 && token.start() >= lexer.blankAliasEnd) {
                    // after an alias ending in a blank, the next word is looked up as an alias too
                    lexer.blankAliasEnd = -1;
                    String alias = lexer.aliasAt(token);
                    if (alias != null) {
                        lexer.expandAlias(token, alias);
                        continue;
                    }
                }
                if (words.isEmpty() && assignments.isEmpty() && !redirections.isEmpty() && token.start() >= 0) {
                    // an alias after a leading redirection is still in command position
                    String alias = lexer.aliasAt(token);
                    if (alias != null) {
                        lexer.expandAlias(token, alias);
                        continue;
                    }
                }
                lexer.next();
                Assignment assignment = words.isEmpty() ? assignment(token.word(), syntax) : null;
                if (assignment != null) {
                    assignments.add(assignment);
                    Token after = lexer.peek();
                    if (after.type() == Type.WORD && after.start() >= 0 && lexer.lookaheadSize() == 1) {
                        String alias = lexer.aliasAt(after);
                        if (alias != null) {
                            lexer.expandAlias(after, alias); // POSIX: an alias after an assignment
                        }
                    }
                } else if (bash() && (words.isEmpty() || !isDeclaration(words.get(0)))) {
                    words.addAll(BraceExpansion.expand(token.word()));
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

    /** bash's declaration commands, whose {@code name=value} arguments are assignments. */
    static boolean isDeclaration(Word word) {
        String name = word.plainText();
        return name != null && (name.equals("declare") || name.equals("typeset") || name.equals("local")
                || name.equals("export") || name.equals("readonly"));
    }

    /**
     * {@code name=value} when the word starts with an unquoted valid name and '=' (bash also:
     * {@code name+=value}, {@code name[index]=value}, {@code name=(...)}); null otherwise. Tilde
     * prefixes after the '=' and after each unquoted ':' are expanded, as POSIX says for
     * assignments.
     */
    static Assignment assignment(Word word, Syntax syntax) {
        if (word.parts().isEmpty() || !(word.parts().get(0) instanceof Lit first)) {
            return null;
        }
        String text = first.text();
        int eq = text.indexOf('=');
        int nameEnd = 0;
        while (nameEnd < text.length() && Lexer.isNameChar(text.charAt(nameEnd))) {
            nameEnd++;
        }
        if (nameEnd == 0 || !Lexer.isNameStart(text.charAt(0))) {
            return null;
        }
        String name = text.substring(0, nameEnd);
        if (eq == nameEnd || (syntax.bash() && eq == nameEnd + 1 && text.charAt(nameEnd) == '+')) {
            boolean append = eq == nameEnd + 1;
            List<Part> rest = new ArrayList<>();
            String remainder = text.substring(eq + 1);
            if (!remainder.isEmpty()) {
                rest.add(new Lit(remainder));
            }
            rest.addAll(word.parts().subList(1, word.parts().size()));
            return assignmentOf(name, null, append, word.raw().substring(eq + 1), rest);
        }
        if (!syntax.bash() || nameEnd >= text.length() || text.charAt(nameEnd) != '[') {
            return null;
        }
        // name[index]=value: the subscript may hold expansions, so work on the source text
        String raw = word.raw();
        int depth = 0;
        for (int i = nameEnd; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                int at = i + 1;
                boolean append = at < raw.length() && raw.charAt(at) == '+';
                if (append) {
                    at++;
                }
                if (at >= raw.length() || raw.charAt(at) != '=') {
                    return null;
                }
                Lexer sub = new Lexer(raw, 0, 1, syntax);
                Word index = sub.words().subscript(raw.substring(nameEnd + 1, i), 1);
                Lexer valueLexer = new Lexer(raw, at + 1, 1, syntax);
                List<Part> value = valueLexer.words().readParts(WordLexer.Mode.WORD);
                return assignmentOf(name, index, append, raw.substring(at + 1), value);
            }
        }
        return null;
    }

    private static Assignment assignmentOf(String name, Word index, boolean append, String raw, List<Part> value) {
        if (value.size() == 1 && value.get(0) instanceof ArrayLit array) {
            return new Assignment(name, index, append, new Word(raw, List.of()), array.items());
        }
        return new Assignment(name, index, append, new Word(raw, Tildes.inAssignment(value)), null);
    }

    static boolean isQuotedPart(Part part) {
        return part instanceof Quoted;
    }
}
