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
 * A function as bash's {@code declare -f}, {@code type} and {@code set} print it: a port of the
 * rules of bash's print_cmd.c (four-space indentation, a {@code ;} after every command but the
 * last of a function body, {@code do} on its own line after {@code for}, here-document bodies
 * after the connector that follows their command, {@code $'…'} turned into {@code '…'}), so that
 * the text matches bash's byte for byte.
 */
final class BashPrinter {
    private static final int STEP = 4;

    private final StringBuilder out = new StringBuilder();
    private int indentation;
    private int skipIndent;
    private int insideFunction;
    private int printingConnection;
    private List<Redirection> deferred = new ArrayList<>();
    private boolean wasHeredoc;

    private BashPrinter() {
    }

    /** {@code name () \n{ \n    body\n}} and a newline, as {@code declare -f name} prints it. */
    static String function(String name, Node body) {
        BashPrinter printer = new BashPrinter();
        printer.out.append(Parser.RESERVED.contains(name) || Parser.BASH_RESERVED.contains(name) ? "function " : "")
                .append(name).append(" () \n");
        printer.indentation = STEP;
        printer.insideFunction++;
        printer.out.append("{ \n");
        printer.functionBody(body);
        return printer.out.append('\n').toString();
    }

    private void functionBody(Node body) {
        List<Redirection> redirections = List.of();
        if (body instanceof Redirected redirected && redirected.body() instanceof BraceGroup) {
            redirections = redirected.redirections();
            body = redirected.body();
        }
        command(body instanceof BraceGroup group ? group.body() : body);
        printDeferred("");
        indentation -= STEP;
        insideFunction--;
        if (!redirections.isEmpty()) {
            newline("} ");
            redirectionList(redirections);
        } else {
            newline("}");
        }
    }

    // ---------------------------------------------------------------- output helpers

    private void indent(int amount) {
        out.append(" ".repeat(Math.max(0, amount)));
    }

    private void newline(String text) {
        out.append('\n');
        indent(indentation);
        out.append(text);
    }

    /** A {@code ;} unless the text so far ends a line or a background command. */
    private void semicolon() {
        if (!out.isEmpty() && (out.charAt(out.length() - 1) == '&' || out.charAt(out.length() - 1) == '\n')) {
            return;
        }
        out.append(';');
    }

    private void printDeferred(String connector) {
        boolean visible = !connector.isEmpty() && (connector.charAt(0) != ';' || connector.length() > 1);
        if (visible) {
            out.append(connector);
        }
        if (!deferred.isEmpty()) {
            heredocBodies(deferred);
            if (visible) {
                out.append(' ');
            }
            wasHeredoc = true;
        }
        deferred = new ArrayList<>();
    }

    private void heredocBodies(List<Redirection> heredocs) {
        out.append('\n');
        for (Redirection redirection : heredocs) {
            HereDoc doc = redirection.heredoc();
            out.append(doc.text).append(doc.delimiter).append('\n');
        }
        wasHeredoc = true;
    }

    // ---------------------------------------------------------------- commands

    private void command(Node node) {
        if (node == null) {
            return;
        }
        if (skipIndent > 0) {
            skipIndent--;
        } else {
            indent(indentation);
        }
        switch (node) {
            case SimpleCommand simple -> simple(simple);
            case Pipeline pipeline -> pipeline(pipeline);
            case AndOr andOr -> {
                printingConnection++;
                skipIndent++;
                command(andOr.left());
                printDeferred(andOr.and() ? " && " : " || ");
                skipIndent++;
                command(andOr.right());
                printDeferred("");
                printingConnection--;
            }
            case Sequence sequence -> sequence(sequence.items());
            case Background background -> {
                // a trailing &: the connection with no second command
                printingConnection++;
                skipIndent++;
                command(background.body());
                printDeferred(" &");
                printingConnection--;
            }
            case Subshell subshell -> {
                out.append("( ");
                skipIndent++;
                command(subshell.body());
                printDeferred("");
                out.append(" )");
            }
            case BraceGroup group -> group(group);
            case If ifNode -> printIf(ifNode);
            case For forNode -> forLoop(forNode);
            case Loop loop -> {
                out.append(loop.until() ? "until " : "while ");
                skipIndent++;
                command(loop.condition());
                printDeferred("");
                semicolon();
                out.append(" do\n");
                indentation += STEP;
                command(loop.body());
                printDeferred("");
                indentation -= STEP;
                semicolon();
                newline("done");
            }
            case Case caseNode -> caseCommand(caseNode);
            case FunctionDef def -> {
                out.append("function ").append(def.name()).append(" () \n");
                indent(indentation);
                out.append("{ \n");
                insideFunction++;
                indentation += STEP;
                functionBody(def.body());
            }
            case Redirected redirected -> {
                skipIndent++;
                command(redirected.body());
                out.append(' ');
                redirectionList(redirected.redirections());
            }
            case Ast.ArithCommand arith -> out.append("((").append(arith.expression().raw()).append("))");
            case Ast.Cond cond -> out.append("[[ ").append(cond(cond.expression())).append(" ]]");
            case Ast.ArithFor arithFor -> {
                out.append("for ((").append(arith(arithFor.init())).append("; ").append(arith(arithFor.condition()))
                        .append("; ").append(arith(arithFor.step())).append("))");
                newline("do\n");
                indentation += STEP;
                command(arithFor.body());
                printDeferred("");
                semicolon();
                indentation -= STEP;
                newline("done");
            }
            case Ast.Coproc coproc -> {
                out.append("coproc ").append(coproc.name()).append(' ');
                skipIndent++;
                command(coproc.body());
            }
            case Ast.Timed timed -> {
                out.append("time ");
                skipIndent++;
                command(timed.body());
            }
        }
    }

    /**
     * Commands joined by {@code ;} (a new line inside a function) or {@code &}, as bash's chain of
     * connections: the first takes no indentation, the next one after a new line does.
     */
    private void sequence(List<Node> items) {
        if (items.size() == 1) {
            skipIndent++;
            command(items.get(0));
            return;
        }
        printingConnection++;
        boolean skipNext = true;
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            boolean background = item instanceof Background;
            if (skipNext) {
                skipIndent++;
            }
            command(background ? ((Background) item).body() : item);
            boolean last = i == items.size() - 1;
            if (background) {
                printDeferred(" &");
                if (!last) {
                    out.append(' ');
                }
                skipNext = true;
            } else if (!last) {
                if (deferred.isEmpty()) {
                    if (!wasHeredoc) {
                        out.append(';');
                    } else {
                        wasHeredoc = false;
                    }
                } else {
                    printDeferred(insideFunction > 0 ? "" : ";");
                }
                out.append(insideFunction > 0 ? "\n" : " ");
                skipNext = insideFunction == 0;
            }
        }
        printDeferred("");
        printingConnection--;
    }

    private void pipeline(Pipeline pipeline) {
        if (pipeline.negated()) {
            out.append("! ");
        }
        List<Node> commands = pipeline.commands();
        if (commands.size() > 1) {
            printingConnection++;
        }
        for (int i = 0; i < commands.size(); i++) {
            skipIndent++;
            command(commands.get(i));
            if (i + 1 < commands.size()) {
                printDeferred(" |");
                out.append(' ');
            }
        }
        if (commands.size() > 1) {
            printDeferred("");
            printingConnection--;
        }
    }

    private void group(BraceGroup group) {
        out.append("{ ");
        if (insideFunction == 0) {
            skipIndent++;
        } else {
            out.append('\n');
            indentation += STEP;
        }
        command(group.body());
        printDeferred("");
        if (insideFunction > 0) {
            out.append('\n');
            indentation -= STEP;
            indent(indentation);
        } else {
            semicolon();
            out.append(' ');
        }
        out.append('}');
    }

    private void printIf(If ifNode) {
        out.append("if ");
        skipIndent++;
        command(ifNode.condition());
        semicolon();
        out.append(" then\n");
        indentation += STEP;
        command(ifNode.body());
        printDeferred("");
        indentation -= STEP;
        if (ifNode.otherwise() != null) {
            semicolon();
            newline("else\n");
            indentation += STEP;
            command(ifNode.otherwise()); // an elif is an if inside the else, as bash keeps it
            printDeferred("");
            indentation -= STEP;
        }
        semicolon();
        newline("fi");
    }

    private void forLoop(For forNode) {
        out.append(forNode.select() ? "select " : "for ").append(forNode.name()).append(" in ");
        if (forNode.words() == null) {
            out.append("\"$@\"");
        } else {
            List<String> words = new ArrayList<>();
            for (Word word : forNode.words()) {
                words.add(word(word.raw()));
            }
            out.append(String.join(" ", words));
        }
        out.append(';');
        newline("do\n");
        indentation += STEP;
        command(forNode.body());
        printDeferred("");
        semicolon();
        indentation -= STEP;
        newline("done");
    }

    private void caseCommand(Case caseNode) {
        out.append("case ").append(word(caseNode.subject().raw())).append(" in ");
        indentation += STEP;
        for (CaseItem item : caseNode.items()) {
            newline("");
            List<String> patterns = new ArrayList<>();
            for (Word pattern : item.patterns()) {
                patterns.add(word(pattern.raw()));
            }
            out.append(String.join(" | ", patterns)).append(")\n");
            indentation += STEP;
            command(item.body());
            indentation -= STEP;
            printDeferred("");
            newline(item.terminator());
        }
        indentation -= STEP;
        newline("esac");
    }

    private void simple(SimpleCommand command) {
        List<String> words = new ArrayList<>();
        for (Assignment assignment : command.assignments()) {
            words.add(assignment(assignment));
        }
        for (Word word : command.words()) {
            words.add(word(word.raw()));
        }
        out.append(String.join(" ", words));
        if (!command.redirections().isEmpty()) {
            if (!words.isEmpty()) {
                out.append(' ');
            }
            redirectionList(command.redirections());
        }
    }

    private static String assignment(Assignment assignment) {
        StringBuilder text = new StringBuilder(assignment.name());
        if (assignment.index() != null) {
            text.append('[').append(assignment.index().raw()).append(']');
        }
        text.append(assignment.append() ? "+=" : "=");
        if (assignment.array() != null) {
            List<String> items = new ArrayList<>();
            for (Ast.ArrayItem item : assignment.array()) {
                items.add((item.key() == null ? "" : "[" + item.key().raw() + "]=") + word(item.value().raw()));
            }
            text.append('(').append(String.join(" ", items)).append(')');
        } else if (assignment.value() != null) {
            text.append(word(assignment.value().raw()));
        }
        return text.toString();
    }

    // ---------------------------------------------------------------- redirections

    private void redirectionList(List<Redirection> redirections) {
        List<Redirection> heredocs = new ArrayList<>();
        for (int i = 0; i < redirections.size(); i++) {
            Redirection redirection = redirections.get(i);
            if (redirection.heredoc() != null) {
                HereDoc doc = redirection.heredoc();
                if (redirection.fd() != 0) {
                    out.append(redirection.fd());
                }
                out.append(doc.stripTabs ? "<<-" : "<<")
                        .append(doc.quoted ? ShellState.quote(doc.delimiter) : doc.delimiter);
                heredocs.add(redirection);
            } else {
                redirection(redirection);
            }
            if (i + 1 < redirections.size()) {
                out.append(' ');
            }
        }
        if (!heredocs.isEmpty() && printingConnection > 0) {
            deferred.addAll(heredocs);
        } else if (!heredocs.isEmpty()) {
            heredocBodies(heredocs);
        }
    }

    private void redirection(Redirection redirection) {
        int fd = redirection.fd();
        String variable = redirection.fdVariable();
        String target = redirection.target() == null ? "" : word(redirection.target().raw());
        String prefix = variable != null ? "{" + variable + "}" : null;
        switch (redirection.op()) {
            case IN -> out.append(prefix(prefix, fd, 0)).append("< ").append(target);
            case OUT -> out.append(prefix(prefix, fd, 1)).append("> ").append(target);
            case CLOBBER -> out.append(prefix(prefix, fd, 1)).append(">| ").append(target);
            case APPEND -> out.append(prefix(prefix, fd, 1)).append(">> ").append(target);
            case READ_WRITE -> out.append(prefix != null ? prefix : Integer.toString(fd)).append("<> ").append(target);
            case HERESTRING -> out.append(prefix(prefix, fd, 0)).append("<<< ").append(target);
            case OUT_ERR -> out.append("&> ").append(target);
            case APPEND_ERR -> out.append("&>> ").append(target);
            case DUP_IN, DUP_OUT -> {
                boolean input = redirection.op() == Ast.RedirOp.DUP_IN;
                String head = prefix != null ? prefix : Integer.toString(fd);
                if (target.equals("-")) {
                    out.append(head).append(">&-"); // bash prints every close as >&-
                } else if (target.matches("[0-9]+-?")) {
                    out.append(head).append(input ? "<&" : ">&").append(target);
                } else {
                    out.append(prefix(prefix, fd, input ? 0 : 1)).append(input ? "<&" : ">&").append(target);
                }
            }
            default -> out.append(redirection.op().text).append(target);
        }
    }

    private static String prefix(String variable, int fd, int standard) {
        return variable != null ? variable : fd == standard ? "" : Integer.toString(fd);
    }

    // ---------------------------------------------------------------- words

    private static String arith(Word word) {
        return word == null ? "" : word.raw().strip();
    }

    /**
     * A word as bash keeps it: as written, except that {@code $'…'} is decoded and single-quoted
     * and {@code $"…"} loses its dollar (outside substitutions, which bash keeps verbatim).
     */
    static String word(String raw) {
        if (raw.indexOf('$') < 0) {
            return raw;
        }
        StringBuilder text = new StringBuilder(raw.length());
        int i = 0;
        int n = raw.length();
        boolean doubleQuoted = false;
        while (i < n) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < n) {
                text.append(c).append(raw.charAt(i + 1));
                i += 2;
            } else if (c == '\'' && !doubleQuoted) {
                int end = raw.indexOf('\'', i + 1);
                end = end < 0 ? n - 1 : end;
                text.append(raw, i, end + 1);
                i = end + 1;
            } else if (c == '"') {
                doubleQuoted = !doubleQuoted;
                text.append(c);
                i++;
            } else if (c == '$' && i + 1 < n && raw.charAt(i + 1) == '(') {
                int end = matching(raw, i + 1);
                text.append(raw, i, end);
                i = end;
            } else if (c == '$' && !doubleQuoted && i + 1 < n && raw.charAt(i + 1) == '\'') {
                StringBuilder decoded = new StringBuilder();
                int k = i + 2;
                while (k < n && raw.charAt(k) != '\'') {
                    if (raw.charAt(k) == '\\' && k + 1 < n) {
                        k = Escapes.ansiC(raw, k + 1, decoded);
                    } else {
                        decoded.append(raw.charAt(k++));
                    }
                }
                text.append('\'').append(decoded.toString().replace("'", "'\\''")).append('\'');
                i = k + 1;
            } else if (c == '$' && !doubleQuoted && i + 1 < n && raw.charAt(i + 1) == '"') {
                i++; // $"…" is printed as "…"
            } else {
                text.append(c);
                i++;
            }
        }
        return text.toString();
    }

    /** The index after the parenthesis that closes the one at {@code open}. */
    private static int matching(String raw, int open) {
        int depth = 0;
        for (int i = open; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '\'') {
                int end = raw.indexOf('\'', i + 1);
                i = end < 0 ? raw.length() : end;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return raw.length();
    }

    /** bash's print_cond_node: a lone word is {@code -n word}; parentheses as written. */
    private static String cond(Ast.CondExpr expression) {
        return switch (expression) {
            case Ast.CondAnd and -> cond(and.left()) + " && " + cond(and.right());
            case Ast.CondOr or -> cond(or.left()) + " || " + cond(or.right());
            case Ast.CondNot not -> "! " + cond(not.expression());
            case Ast.CondGroup group -> "( " + cond(group.expression()) + " )";
            case Ast.CondWord word -> "-n " + word(word.word().raw());
            case Ast.CondUnary unary -> unary.op() + " " + word(unary.operand().raw());
            case Ast.CondBinary binary -> word(binary.left().raw()) + " " + binary.op() + " "
                    + word(binary.right().raw());
        };
    }
}
