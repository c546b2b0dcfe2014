package io.sandkernel.shell;

import io.sandkernel.api.Checkpoints;
import io.sandkernel.shell.Ast.CondAnd;
import io.sandkernel.shell.Ast.CondBinary;
import io.sandkernel.shell.Ast.CondExpr;
import io.sandkernel.shell.Ast.CondNot;
import io.sandkernel.shell.Ast.CondOr;
import io.sandkernel.shell.Ast.CondUnary;
import io.sandkernel.shell.Ast.CondWord;
import io.sandkernel.shell.ShellState.Var;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * bash's {@code [[ ]]}: words are expanded without splitting or globbing; {@code == != =} match
 * a pattern, {@code =~} a POSIX extended regular expression (captures in {@code BASH_REMATCH}),
 * {@code < >} compare strings, {@code -eq}... compare arithmetic values, and the file and
 * string tests of {@code test}.
 */
final class Conditions {
    private final Interpreter shell;
    private final ShellState state;

    Conditions(Interpreter shell) {
        this.shell = shell;
        this.state = shell.state;
    }

    boolean evaluate(CondExpr expression) {
        return switch (expression) {
            case CondAnd and -> evaluate(and.left()) && evaluate(and.right());
            case CondOr or -> evaluate(or.left()) || evaluate(or.right());
            case CondNot not -> !evaluate(not.expression());
            case Ast.CondGroup group -> evaluate(group.expression());
            case CondWord word -> !shell.expander.expandString(word.word()).isEmpty();
            case CondUnary unary -> unary(unary.op(), shell.expander.expandString(unary.operand()));
            case CondBinary binary -> binary(binary);
        };
    }

    private boolean unary(String op, String operand) {
        return switch (op) {
            case "-n" -> !operand.isEmpty();
            case "-z" -> operand.isEmpty();
            case "-v" -> isSetVariable(operand);
            case "-o" -> {
                ShellState.Option option = ShellState.Option.byName(operand);
                yield option != null && state.option(option);
            }
            case "-R" -> {
                Var var = state.vars.get(operand);
                yield var != null && var.is(Var.NAMEREF);
            }
            default -> TestBuiltin.unaryFileTest(shell, op.equals("-a") ? "-e" : op, operand);
        };
    }

    /** {@code -v name} or {@code -v name[subscript]}. */
    private boolean isSetVariable(String operand) {
        int bracket = operand.indexOf('[');
        if (bracket > 0 && operand.endsWith("]")) {
            String name = operand.substring(0, bracket);
            String subscript = operand.substring(bracket + 1, operand.length() - 1);
            Var var = state.vars.get(name);
            if (var == null) {
                return false;
            }
            if (subscript.equals("@") || subscript.equals("*")) {
                return var.isSet();
            }
            return shell.values.element(name, subscript) != null;
        }
        Var var = state.vars.get(operand);
        if (var != null) {
            return var.isSet();
        }
        return shell.values.value(operand) != null;
    }

    private boolean binary(CondBinary binary) {
        String op = binary.op();
        String left = shell.expander.expandString(binary.left());
        switch (op) {
            case "==", "=", "!=" -> {
                String pattern = shell.expander.expandPattern(binary.right());
                boolean nocase = state.shopts.contains("nocasematch");
                boolean matched = Patterns.matches(pattern, left, nocase);
                return op.equals("!=") != matched;
            }
            case "=~" -> {
                return regex(left, shell.expander.expandRegex(binary.right()));
            }
            case "<" -> {
                return left.compareTo(shell.expander.expandString(binary.right())) < 0;
            }
            case ">" -> {
                return left.compareTo(shell.expander.expandString(binary.right())) > 0;
            }
            case "-nt", "-ot", "-ef" -> {
                return TestBuiltin.fileCompare(shell, left, op, shell.expander.expandString(binary.right()));
            }
            default -> {
                long a = arithmetic(left);
                long b = arithmetic(shell.expander.expandString(binary.right()));
                return switch (op) {
                    case "-eq" -> a == b;
                    case "-ne" -> a != b;
                    case "-lt" -> a < b;
                    case "-le" -> a <= b;
                    case "-gt" -> a > b;
                    case "-ge" -> a >= b;
                    default -> throw new ShellError("conditional binary operator expected", 2);
                };
            }
        }
    }

    private long arithmetic(String text) {
        return text.isBlank() ? 0 : Arith.eval(text, shell.values.arith(), true);
    }

    /** {@code =~}: matches anywhere; sets BASH_REMATCH; status 2 for a bad expression. */
    private boolean regex(String text, String expression) {
        Pattern pattern;
        try {
            int flags = state.shopts.contains("nocasematch") ? Pattern.CASE_INSENSITIVE : 0;
            pattern = Pattern.compile(Regexes.toJava(expression), flags);
        } catch (PatternSyntaxException e) {
            throw new ConditionError();
        }
        Matcher matcher = pattern.matcher(Checkpoints.text(text, shell.api));
        Var var = state.declare("BASH_REMATCH");
        var.value = null;
        var.assoc = null;
        var.array = new TreeMap<>();
        if (!matcher.find()) {
            return false;
        }
        for (int group = 0; group <= matcher.groupCount(); group++) {
            String captured = matcher.group(group);
            var.array.put((long) group, captured == null ? "" : captured);
        }
        return true;
    }

    /** A malformed regular expression: the command's status is 2. */
    static final class ConditionError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConditionError() {
            super(null, null, false, false);
        }
    }
}
