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
            case ArithCommand arith -> arith.line();
            case Cond cond -> cond.line();
            case ArithFor arithFor -> arithFor.line();
            case Timed timed -> firstLine(timed.body());
            case Coproc coproc -> firstLine(coproc.body());
        };
    }

    /** An executable node. */
    sealed interface Node permits SimpleCommand, Pipeline, AndOr, Sequence, Background, Subshell, BraceGroup,
            If, For, Loop, Case, FunctionDef, Redirected, ArithCommand, Cond, ArithFor, Timed, Coproc {}

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
    record For(String name, List<Word> words, Node body, boolean select) implements Node {
        For(String name, List<Word> words, Node body) {
            this(name, words, body, false);
        }
    }

    /** {@code while cond; do body; done}, or until when {@code until}. */
    record Loop(boolean until, Node condition, Node body) implements Node {}

    /** {@code case subject in pattern|pattern) body;; esac}. */
    record Case(Word subject, List<CaseItem> items) implements Node {
        Case {
            items = List.copyOf(items);
        }
    }

    /**
     * One arm of a case; body may be null (empty). {@code terminator} is {@code ;;}, or bash's
     * {@code ;&} (fall through into the next body) or {@code ;;&} (go on testing the next patterns).
     */
    record CaseItem(List<Word> patterns, Node body, String terminator) {
        CaseItem {
            patterns = List.copyOf(patterns);
        }

        CaseItem(List<Word> patterns, Node body) {
            this(patterns, body, ";;");
        }
    }

    /** {@code name() body}. */
    record FunctionDef(String name, Node body) implements Node {}

    /** A compound command with redirections: {@code { ...; } >file}. */
    record Redirected(Node body, List<Redirection> redirections, int line) implements Node {
        Redirected {
            redirections = List.copyOf(redirections);
        }
    }

    /**
     * {@code name=value} in front of a command; bash's {@code name[index]=value},
     * {@code name+=value} and {@code name=(items...)} (then {@code array} is not null).
     */
    record Assignment(String name, Word index, boolean append, Word value, List<ArrayItem> array) {
        Assignment {
            array = array == null ? null : List.copyOf(array);
        }

        Assignment(String name, Word value) {
            this(name, null, false, value, null);
        }
    }

    /** An element of {@code a=(...)}: {@code [key]=value}, or a value (key null). */
    record ArrayItem(Word key, Word value) {}

    /** bash's {@code (( expression ))}: status 0 when the value is not zero. */
    record ArithCommand(Word expression, int line) implements Node {}

    /** bash's {@code [[ expression ]]}. */
    record Cond(CondExpr expression, int line) implements Node {}

    /** bash's {@code for (( init; condition; step )); do body; done}; a missing part is null. */
    record ArithFor(Word init, Word condition, Word step, Node body, int line) implements Node {}

    /** bash's {@code time pipeline}: the times go to standard error. */
    record Timed(Node body, boolean posixFormat) implements Node {}

    /** bash's {@code coproc [name] command}: the command runs in the background on two pipes. */
    record Coproc(String name, Node body) implements Node {}

    /** An expression of {@code [[ ]]}. */
    sealed interface CondExpr permits CondAnd, CondOr, CondNot, CondUnary, CondBinary, CondWord, CondGroup {}

    record CondAnd(CondExpr left, CondExpr right) implements CondExpr {}

    record CondOr(CondExpr left, CondExpr right) implements CondExpr {}

    record CondNot(CondExpr expression) implements CondExpr {}

    /** {@code ( expression )}: kept so that bash's printing shows the parentheses written. */
    record CondGroup(CondExpr expression) implements CondExpr {}

    /** {@code -f file}, {@code -z string}, {@code -v name}... */
    record CondUnary(String op, Word operand) implements CondExpr {}

    /** {@code a == pattern}, {@code a =~ regex}, {@code a -lt b}, {@code a < b}... */
    record CondBinary(Word left, String op, Word right) implements CondExpr {}

    /** A lone word: true when not empty. */
    record CondWord(Word word) implements CondExpr {}

    /** Redirection operators. */
    enum RedirOp {
        IN("<"), OUT(">"), CLOBBER(">|"), APPEND(">>"), READ_WRITE("<>"), DUP_IN("<&"), DUP_OUT(">&"),
        HEREDOC("<<"), HEREDOC_STRIP("<<-"), HERESTRING("<<<"), OUT_ERR("&>"), APPEND_ERR("&>>");

        final String text;

        RedirOp(String text) {
            this.text = text;
        }
    }

    /**
     * {@code [fd]op target}. For here-documents the target is the delimiter as written, and
     * {@link #heredoc} the body (filled in when the body has been read); {@code fdVariable} names
     * bash's {@code {name}>file}, whose descriptor the shell chooses (then {@code fd} is -1).
     */
    record Redirection(int fd, RedirOp op, Word target, HereDoc heredoc, String fdVariable) {
        Redirection(int fd, RedirOp op, Word target, HereDoc heredoc) {
            this(fd, op, target, heredoc, null);
        }
    }

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
    sealed interface Part permits Lit, Quoted, Dq, Param, CmdSub, Arith, Tilde, ProcSubst, ArrayLit {}

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
     * bash's / // /# /% (arg the pattern, arg2 the replacement), ^ ^^ , ,, (arg the pattern), ":"
     * (arg the offset, arg2 the length), "@Q" and the other transformations, "keys" for
     * ${!a[@]}, "names" for ${!prefix@}. arg is the word after the operator (may be null);
     * {@code index} the subscript of {@code name[index]} (null when none); {@code indirect} for
     * ${!name...}.
     */
    record Param(String name, String op, Word arg, Word index, boolean indirect, Word arg2) implements Part {
        Param(String name, String op, Word arg) {
            this(name, op, arg, null, false, null);
        }

        /** Whether this is {@code name[@]} or {@code name[*]}. */
        boolean allElements() {
            return index != null && (index.raw().equals("@") || index.raw().equals("*"));
        }
    }

    /** bash's process substitution: {@code <(body)} ({@code output} false) or {@code >(body)}. */
    record ProcSubst(Node body, boolean output, String source) implements Part {}

    /** The {@code (items...)} of an array assignment word {@code name=(...)}. */
    record ArrayLit(List<ArrayItem> items, String source) implements Part {
        ArrayLit {
            items = List.copyOf(items);
        }
    }

    /** {@code $(...)} or backquotes. */
    record CmdSub(Node body, String source) implements Part {}

    /** {@code $((expr))}; the expression is expanded as in double quotes, then evaluated. */
    record Arith(Word expression) implements Part {}

    /** A leading {@code ~} or {@code ~user}. */
    record Tilde(String user) implements Part {}
}
