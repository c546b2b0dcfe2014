package io.sandkernel.shell;

import io.sandkernel.shell.Ast.AndOr;
import io.sandkernel.shell.Ast.Assignment;
import io.sandkernel.shell.Ast.Background;
import io.sandkernel.shell.Ast.BraceGroup;
import io.sandkernel.shell.Ast.Case;
import io.sandkernel.shell.Ast.CaseItem;
import io.sandkernel.shell.Ast.For;
import io.sandkernel.shell.Ast.FunctionDef;
import io.sandkernel.shell.Ast.HereDoc;
import io.sandkernel.shell.Ast.If;
import io.sandkernel.shell.Ast.Loop;
import io.sandkernel.shell.Ast.Node;
import io.sandkernel.shell.Ast.Pipeline;
import io.sandkernel.shell.Ast.Redirected;
import io.sandkernel.shell.Ast.Redirection;
import io.sandkernel.shell.Ast.Sequence;
import io.sandkernel.shell.Ast.SimpleCommand;
import io.sandkernel.shell.Ast.Subshell;
import io.sandkernel.shell.Ast.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a syntax tree back as shell source that parses to the same tree: used to hand a
 * subtree (with the shell's functions) to a child shell, by {@code type} for functions and for
 * the command text of jobs. With {@code oneLine}, here-document bodies are left out (job text).
 */
final class Printer {
    private final StringBuilder out = new StringBuilder();
    private final List<HereDoc> pending = new ArrayList<>();
    private final boolean oneLine;
    private int indent;
    private String indentUnit = "  ";

    private Printer(boolean oneLine) {
        this.oneLine = oneLine;
    }

    /** Source text for {@code node}, ending with a newline. */
    static String print(Node node) {
        Printer printer = new Printer(false);
        printer.node(node);
        printer.newline();
        return printer.out.toString();
    }

    /** A function as bash's {@code declare -f} and {@code type} print it ({@link BashPrinter}). */
    static String function(String name, Node body) {
        return BashPrinter.function(name, body);
    }

    /** A one-line summary of {@code node}, as {@code jobs} shows it. */
    static String summary(Node node) {
        Printer printer = new Printer(true);
        printer.node(node);
        return printer.out.toString().trim();
    }

    private void newline() {
        if (oneLine) {
            out.append("; ");
            return;
        }
        out.append('\n');
        for (HereDoc doc : pending) {
            out.append(doc.text).append(doc.delimiter).append('\n');
        }
        pending.clear();
        out.append(indentUnit.repeat(indent));
    }

    private void node(Node node) {
        switch (node) {
            case SimpleCommand command -> simple(command);
            case Pipeline pipeline -> {
                if (pipeline.negated()) {
                    out.append("! ");
                }
                for (int i = 0; i < pipeline.commands().size(); i++) {
                    if (i > 0) {
                        out.append(" | ");
                    }
                    node(pipeline.commands().get(i));
                }
            }
            case AndOr andOr -> {
                node(andOr.left());
                out.append(andOr.and() ? " && " : " || ");
                node(andOr.right());
            }
            case Sequence sequence -> {
                for (int i = 0; i < sequence.items().size(); i++) {
                    if (i > 0 && oneLine && sequence.items().get(i - 1) instanceof Background) {
                        out.append(' ');
                    } else if (i > 0) {
                        newline();
                    }
                    node(sequence.items().get(i));
                }
            }
            case Background background -> {
                node(background.body());
                out.append(" &");
            }
            case Subshell subshell -> {
                out.append("( ");
                body(subshell.body());
                sep();
                out.append(")");
            }
            case BraceGroup group -> {
                out.append("{ ");
                body(group.body());
                sep();
                out.append("}");
            }
            case If ifNode -> printIf(ifNode, "if ");
            case For forNode -> {
                out.append(forNode.select() ? "select " : "for ").append(forNode.name());
                if (forNode.words() != null) {
                    out.append(" in");
                    for (Word word : forNode.words()) {
                        out.append(' ').append(word.raw());
                    }
                }
                sep();
                out.append("do ");
                body(forNode.body());
                sep();
                out.append("done");
            }
            case Loop loop -> {
                out.append(loop.until() ? "until " : "while ");
                body(loop.condition());
                sep();
                out.append("do ");
                body(loop.body());
                sep();
                out.append("done");
            }
            case Case caseNode -> {
                out.append("case ").append(caseNode.subject().raw()).append(" in");
                indent++;
                for (CaseItem item : caseNode.items()) {
                    if (oneLine) {
                        out.append(' ');
                    } else {
                        newline();
                    }
                    out.append('(');
                    for (int i = 0; i < item.patterns().size(); i++) {
                        if (i > 0) {
                            out.append(" | ");
                        }
                        out.append(item.patterns().get(i).raw());
                    }
                    out.append(") ");
                    if (item.body() != null) {
                        body(item.body());
                    }
                    out.append(oneLine ? " ;;" : "");
                    if (!oneLine) {
                        newline();
                        out.append(";;");
                    }
                }
                indent--;
                if (oneLine) {
                    out.append(' ');
                } else {
                    newline();
                }
                out.append("esac");
            }
            case FunctionDef def -> {
                out.append(def.name()).append("() ");
                node(def.body());
            }
            case Redirected redirected -> {
                node(redirected.body());
                for (Redirection redirection : redirected.redirections()) {
                    out.append(' ');
                    redirection(redirection);
                }
            }
            case Ast.ArithCommand arith -> out.append("((").append(arith.expression().raw()).append("))");
            case Ast.Cond cond -> out.append("[[ ").append(cond(cond.expression())).append(" ]]");
            case Ast.ArithFor arithFor -> {
                out.append("for ((").append(raw(arithFor.init())).append("; ").append(raw(arithFor.condition()))
                        .append("; ").append(raw(arithFor.step())).append("))");
                sep();
                out.append("do ");
                body(arithFor.body());
                sep();
                out.append("done");
            }
            case Ast.Coproc coproc -> {
                out.append("coproc ").append(coproc.name()).append(' ');
                node(coproc.body());
            }
            case Ast.Timed timed -> {
                out.append("time ");
                if (timed.body() != null) {
                    node(timed.body());
                }
            }
        }
    }

    private static String raw(Word word) {
        return word == null ? "" : word.raw();
    }

    private static String cond(Ast.CondExpr expression) {
        return switch (expression) {
            case Ast.CondAnd and -> cond(and.left()) + " && " + cond(and.right());
            case Ast.CondOr or -> cond(or.left()) + " || " + cond(or.right());
            case Ast.CondNot not -> "! " + cond(not.expression());
            case Ast.CondGroup group -> "( " + cond(group.expression()) + " )";
            case Ast.CondWord word -> word.word().raw();
            case Ast.CondUnary unary -> unary.op() + " " + unary.operand().raw();
            case Ast.CondBinary binary -> binary.left().raw() + " " + binary.op() + " " + binary.right().raw();
        };
    }

    /** A nested list. */
    private void body(Node node) {
        indent++;
        node(node);
        indent--;
    }

    /** A command separator: a newline (which flushes here-document bodies), or "; " on one line. */
    private void sep() {
        newline();
    }

    private void printIf(If ifNode, String keyword) {
        out.append(keyword);
        body(ifNode.condition());
        sep();
        out.append("then ");
        body(ifNode.body());
        if (ifNode.otherwise() instanceof If elif) {
            sep();
            printIf(elif, "elif ");
            return;
        }
        if (ifNode.otherwise() != null) {
            sep();
            out.append("else ");
            body(ifNode.otherwise());
        }
        sep();
        out.append("fi");
    }

    private void simple(SimpleCommand command) {
        boolean first = true;
        for (Assignment assignment : command.assignments()) {
            if (!first) {
                out.append(' ');
            }
            out.append(assignment.name()).append(assignment.append() ? "+=" : "=").append(assignment.value().raw());
            first = false;
        }
        for (Word word : command.words()) {
            if (!first) {
                out.append(' ');
            }
            out.append(word.raw());
            first = false;
        }
        for (Redirection redirection : command.redirections()) {
            if (!first) {
                out.append(' ');
            }
            redirection(redirection);
            first = false;
        }
    }

    private void redirection(Redirection redirection) {
        int defaultFd = switch (redirection.op()) {
            case IN, READ_WRITE, DUP_IN, HEREDOC, HEREDOC_STRIP, HERESTRING -> 0;
            default -> 1;
        };
        if (redirection.fd() != defaultFd) {
            out.append(redirection.fd());
        }
        if (redirection.op() == Ast.RedirOp.OUT_ERR || redirection.op() == Ast.RedirOp.APPEND_ERR
                || redirection.op() == Ast.RedirOp.HERESTRING) {
            out.append(redirection.op().text).append(redirection.target().raw());
            return;
        }
        if (redirection.heredoc() != null) {
            HereDoc doc = redirection.heredoc();
            // bodies are printed unstripped, so always use "<<"
            out.append("<<").append(doc.quoted ? "'" + doc.delimiter + "'" : doc.delimiter);
            if (!oneLine) {
                pending.add(doc);
            }
            return;
        }
        out.append(redirection.op().text).append(redirection.target().raw());
    }
}
