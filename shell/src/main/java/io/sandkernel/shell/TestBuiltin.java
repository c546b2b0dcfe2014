package io.sandkernel.shell;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code test} and {@code [}: string, integer and file tests with {@code ! -a -o ( )}, using
 * POSIX's rules by argument count for up to four arguments, then a precedence parser.
 */
final class TestBuiltin {
    private static final Set<String> UNARY = Set.of("-e", "-f", "-d", "-s", "-r", "-w", "-x", "-n", "-z", "-L", "-h",
            "-b", "-c", "-p", "-S", "-t", "-g", "-u", "-k", "-O", "-G");
    private static final Set<String> BINARY = Set.of("=", "!=", "==", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "<", ">",
            "-nt", "-ot", "-ef");

    private final Interpreter shell;
    private final List<String> args;
    private final String name;
    private int pos;

    private TestBuiltin(Interpreter shell, List<String> args, String name) {
        this.shell = shell;
        this.args = args;
        this.name = name;
    }

    /** 0 true, 1 false, 2 error (message printed). */
    static int run(Interpreter shell, List<String> args, String name) {
        TestBuiltin test = new TestBuiltin(shell, args, name);
        try {
            return test.evaluate() ? 0 : 1;
        } catch (ShellError e) {
            shell.error(name + ": " + e.getMessage());
            return 2;
        }
    }

    private boolean evaluate() {
        int n = args.size();
        switch (n) {
            case 0:
                return false;
            case 1:
                return !args.get(0).isEmpty();
            case 2:
                if (args.get(0).equals("!")) {
                    return args.get(1).isEmpty();
                }
                if (UNARY.contains(args.get(0))) {
                    return unary(args.get(0), args.get(1));
                }
                throw new ShellError(args.get(0) + ": unexpected operator");
            case 3:
                if (BINARY.contains(args.get(1))) {
                    return binary(args.get(0), args.get(1), args.get(2));
                }
                if (args.get(0).equals("!")) {
                    return !threeOrLess(args.subList(1, 3));
                }
                if (args.get(0).equals("(") && args.get(2).equals(")")) {
                    return !args.get(1).isEmpty();
                }
                break;
            case 4:
                if (args.get(0).equals("!")) {
                    TestBuiltin inner = new TestBuiltin(shell, args.subList(1, 4), name);
                    return !inner.evaluate();
                }
                if (args.get(0).equals("(") && args.get(3).equals(")")) {
                    TestBuiltin inner = new TestBuiltin(shell, args.subList(1, 3), name);
                    return inner.evaluate();
                }
                break;
            default:
                break;
        }
        boolean result = orExpr();
        if (pos < args.size()) {
            throw new ShellError(args.get(pos) + ": unexpected operator");
        }
        return result;
    }

    private boolean threeOrLess(List<String> sub) {
        return new TestBuiltin(shell, sub, name).evaluate();
    }

    private boolean orExpr() {
        boolean left = andExpr();
        while (pos < args.size() && args.get(pos).equals("-o")) {
            pos++;
            boolean right = andExpr();
            left = left || right;
        }
        return left;
    }

    private boolean andExpr() {
        boolean left = notExpr();
        while (pos < args.size() && args.get(pos).equals("-a")) {
            pos++;
            boolean right = notExpr();
            left = left && right;
        }
        return left;
    }

    private boolean notExpr() {
        if (pos < args.size() && args.get(pos).equals("!")) {
            pos++;
            return !notExpr();
        }
        return primary();
    }

    private boolean primary() {
        if (pos >= args.size()) {
            throw new ShellError("argument expected");
        }
        String arg = args.get(pos);
        if (arg.equals("(")) {
            pos++;
            boolean value = orExpr();
            if (pos >= args.size() || !args.get(pos).equals(")")) {
                throw new ShellError("closing paren expected");
            }
            pos++;
            return value;
        }
        if (pos + 1 < args.size() && BINARY.contains(args.get(pos + 1))) {
            String left = args.get(pos);
            String op = args.get(pos + 1);
            if (pos + 2 >= args.size()) {
                throw new ShellError("argument expected");
            }
            String right = args.get(pos + 2);
            pos += 3;
            return binary(left, op, right);
        }
        if (UNARY.contains(arg) && pos + 1 < args.size()) {
            pos += 2;
            return unary(arg, args.get(pos - 1));
        }
        pos++;
        return !arg.isEmpty();
    }

    private boolean unary(String op, String operand) {
        if (op.equals("-n")) {
            return !operand.isEmpty();
        }
        if (op.equals("-z")) {
            return operand.isEmpty();
        }
        if (op.equals("-t")) {
            return false;
        }
        if (operand.isEmpty()) {
            return false;
        }
        Path path;
        try {
            path = shell.api.resolve(operand);
        } catch (RuntimeException e) {
            Interpreter.rethrowIfTermination(e);
            return false;
        }
        try {
            return switch (op) {
                case "-e" -> Files.exists(path);
                case "-f" -> Files.isRegularFile(path);
                case "-d" -> Files.isDirectory(path);
                case "-s" -> Files.exists(path) && Files.size(path) > 0;
                case "-r" -> Files.isReadable(path);
                case "-w" -> Files.isWritable(path);
                case "-x" -> Files.isExecutable(path);
                case "-L", "-h" -> Files.isSymbolicLink(path);
                case "-p", "-S", "-b", "-c", "-g", "-u", "-k" -> false;
                case "-O", "-G" -> Files.exists(path, LinkOption.NOFOLLOW_LINKS);
                default -> false;
            };
        } catch (java.io.IOException | RuntimeException e) {
            Interpreter.rethrowIfTermination(e);
            return false;
        }
    }

    private boolean binary(String left, String op, String right) {
        switch (op) {
            case "=", "==":
                return left.equals(right);
            case "!=":
                return !left.equals(right);
            case "<":
                return left.compareTo(right) < 0;
            case ">":
                return left.compareTo(right) > 0;
            case "-nt", "-ot", "-ef":
                return fileCompare(left, op, right);
            default:
                long a = integer(left);
                long b = integer(right);
                return switch (op) {
                    case "-eq" -> a == b;
                    case "-ne" -> a != b;
                    case "-lt" -> a < b;
                    case "-le" -> a <= b;
                    case "-gt" -> a > b;
                    case "-ge" -> a >= b;
                    default -> throw new ShellError(op + ": unexpected operator");
                };
        }
    }

    private boolean fileCompare(String left, String op, String right) {
        try {
            Path a = shell.api.resolve(left);
            Path b = shell.api.resolve(right);
            return switch (op) {
                case "-nt" -> Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b)) > 0;
                case "-ot" -> Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b)) < 0;
                default -> Files.isSameFile(a, b);
            };
        } catch (java.io.IOException | RuntimeException e) {
            Interpreter.rethrowIfTermination(e);
            return false;
        }
    }

    private static long integer(String text) {
        String trimmed = text.strip();
        try {
            return Long.parseLong(trimmed.startsWith("+") ? trimmed.substring(1) : trimmed);
        } catch (NumberFormatException e) {
            throw new ShellError("Illegal number: " + text);
        }
    }
}
