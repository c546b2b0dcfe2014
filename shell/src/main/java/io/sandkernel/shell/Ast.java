package io.sandkernel.shell;

import java.util.List;

/**
 * The syntax tree the {@link Parser} produces: sealed interfaces and records. Words keep their
 * source text ({@link Word#raw()}) next to their parsed parts, so a tree can be printed back to
 * a script ({@link Printer}) and handed to a child shell.
 */
final class Ast {
    private Ast() {}

    /** The line of the first simple command or pipeline in {@code node}, or -1. */
    static int firstLine(Node node) {
        return switch (node) {
            case SimpleCommand command -> command.line();
            case Pipeline pipeline -> pipeline.line();
            case AndOr andOr -> firstLine(andOr.left());
            case Sequence sequence -> sequence.items().isEmpty() ? -1 : firstLine(sequence.items().get(0));
            case Background background -> firstLine(background.body());
            case Subshell subshell -> firstLine(subshell.body());
            case BraceGroup group -> firstLine(group.body());
            case If ifNode -> firstLine(ifNode.condition());
            case For forNode -> firstLine(forNode.body());
            case Loop loop -> firstLine(loop.condition());
            case Case caseNode -> caseNode.items().isEmpty() || caseNode.items().get(0).body() == null ? -1
                    : firstLine(caseNode.items().get(0).body());
            case FunctionDef def -> firstLine(def.body());
            case Redirected redirected -> firstLine(redirected.body());
        };
    }

    /** An executable node. */
    sealed interface Node permits SimpleCommand, Pipeline, AndOr, Sequence, Background, Subshell, BraceGroup,
            If, For, Loop, Case, FunctionDef, Redirected {}

    /** {@code a=1 cmd arg >file}. */
    record SimpleCommand(List<Assignment> assignments, List<Word> words, List<Redirection> redirections, int line)
            implements Node {
        SimpleCommand {
            assignments = List.copyOf(assignments);
            words = List.copyOf(words);
            redirections = List.copyOf(redirections);
        }
    }

    /** {@code [!] a | b | c}; the status is the last command's. */
    record Pipeline(List<Node> commands, boolean negated, int line) implements Node {
        Pipeline {
            commands = List.copyOf(commands);
        }
    }

    /** {@code left && right} or {@code left || right}. */
    record AndOr(Node left, boolean and, Node right) implements Node {}

    /** Commands run one after the other ({@code ;} or newline). */
    record Sequence(List<Node> items) implements Node {
        Sequence {
            items = List.copyOf(items);
        }
    }

    /** {@code body &}. */
    record Background(Node body) implements Node {}

    /** {@code ( body )}. */
    record Subshell(Node body) implements Node {}

    /** {@code { body; }}. */
    record BraceGroup(Node body) implements Node {}

    /** {@code if cond; then body; else otherwise; fi}; elif is a nested If in otherwise (nullable). */
    record If(Node condition, Node body, Node otherwise) implements Node {}

    /** {@code for name in words; do body; done}; words null means {@code "$@"}. */
    record For(String name, List<Word> words, Node body) implements Node {}

    /** {@code while cond; do body; done}, or until when {@code until}. */
    record Loop(boolean until, Node condition, Node body) implements Node {}

    /** {@code case subject in pattern|pattern) body;; esac}. */
    record Case(Word subject, List<CaseItem> items) implements Node {
        Case {
            items = List.copyOf(items);
        }
    }

    /** One arm of a case; body may be null (empty). */
    record CaseItem(List<Word> patterns, Node body) {
        CaseItem {
            patterns = List.copyOf(patterns);
        }
    }

    /** {@code name() body}. */
    record FunctionDef(String name, Node body) implements Node {}

    /** A compound command with redirections: {@code { ...; } >file}. */
    record Redirected(Node body, List<Redirection> redirections) implements Node {
        Redirected {
            redirections = List.copyOf(redirections);
        }
    }

    /** {@code name=value} in front of a command. */
    record Assignment(String name, Word value) {}

    /** Redirection operators. */
    enum RedirOp {
        IN("<"), OUT(">"), CLOBBER(">|"), APPEND(">>"), READ_WRITE("<>"), DUP_IN("<&"), DUP_OUT(">&"),
        HEREDOC("<<"), HEREDOC_STRIP("<<-");

        final String text;

        RedirOp(String text) {
            this.text = text;
        }
    }

    /**
     * {@code [fd]op target}. For here-documents the target is the delimiter as written, and
     * {@link #heredoc} the body (filled in when the body has been read).
     */
    record Redirection(int fd, RedirOp op, Word target, HereDoc heredoc) {}

    /** A here-document body; when {@code quoted}, no expansion happens ({@code body} is literal). */
    static final class HereDoc {
        final String delimiter;
        final boolean quoted;
        final boolean stripTabs;
        String text = "";
        Word body = new Word("", List.of());

        HereDoc(String delimiter, boolean quoted, boolean stripTabs) {
            this.delimiter = delimiter;
            this.quoted = quoted;
            this.stripTabs = stripTabs;
        }
    }

    /** A word: its source text and its parsed parts. */
    record Word(String raw, List<Part> parts) {
        Word {
            parts = List.copyOf(parts);
        }

        /** A word of literal, unquoted text. */
        static Word literal(String text) {
            return new Word(text, List.of(new Lit(text)));
        }

        /** The text when the word is one unquoted literal, else null. */
        String plainText() {
            if (parts.size() == 1 && parts.get(0) instanceof Lit lit) {
                return lit.text();
            }
            return parts.isEmpty() ? "" : null;
        }

        /** Whether any part is quoted (for here-doc delimiters). */
        boolean hasQuotes() {
            for (Part part : parts) {
                if (!(part instanceof Lit)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A piece of a word. */
    sealed interface Part permits Lit, Quoted, Dq, Param, CmdSub, Arith, Tilde {}

    /** Unquoted literal text (subject to globbing). */
    record Lit(String text) implements Part {}

    /** Quoted literal text ('...', \x, or literal text inside "..."). */
    record Quoted(String text) implements Part {}

    /** A double-quoted group. */
    record Dq(List<Part> parts) implements Part {
        Dq {
            parts = List.copyOf(parts);
        }
    }

    /**
     * A parameter expansion. op: "" plain, "len" for ${#name}, or one of :- - := = :+ + :? ? % %% # ##;
     * arg is the word after the operator (may be null).
     */
    record Param(String name, String op, Word arg) implements Part {}

    /** {@code $(...)} or backquotes. */
    record CmdSub(Node body, String source) implements Part {}

    /** {@code $((expr))}; the expression is expanded as in double quotes, then evaluated. */
    record Arith(Word expression) implements Part {}

    /** A leading {@code ~} or {@code ~user}. */
    record Tilde(String user) implements Part {}
}
