package io.sandkernel.shell;

import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.FileType;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.Stat;
import io.sandkernel.user.ProcessIdentity;
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
            return isTerminal(operand);
        }
        if (operand.isEmpty()) {
            return false;
        }
        ProcessApi api = shell.api;
        return switch (op) {
            case "-r" -> Fs.access(api, operand, OpenFlags.R_OK);
            case "-w" -> Fs.access(api, operand, OpenFlags.W_OK);
            case "-x" -> Fs.access(api, operand, OpenFlags.X_OK);
            case "-L", "-h" -> {
                Stat stat = Fs.lstat(api, operand);
                yield stat != null && stat.isSymbolicLink();
            }
            default -> {
                Stat stat = Fs.stat(api, operand);
                yield stat != null && statTest(op, stat);
            }
        };
    }

    /** The operators answered by {@code stat}, which follows symbolic links. */
    private boolean statTest(String op, Stat stat) {
        ProcessIdentity identity = shell.api.identity();
        return switch (op) {
            case "-e" -> true;
            case "-f" -> stat.type() == FileType.REGULAR;
            case "-d" -> stat.type() == FileType.DIRECTORY;
            case "-p" -> stat.type() == FileType.FIFO;
            case "-c" -> stat.type() == FileType.CHARACTER_DEVICE;
            case "-b" -> stat.type() == FileType.BLOCK_DEVICE;
            case "-S" -> stat.type() == FileType.SOCKET;
            case "-s" -> stat.size() > 0;
            case "-u" -> (stat.mode() & 04000) != 0;
            case "-g" -> (stat.mode() & 02000) != 0;
            case "-k" -> (stat.mode() & 01000) != 0;
            case "-O" -> stat.uid() == identity.euid();
            case "-G" -> stat.gid() == identity.egid();
            default -> false;
        };
    }

    /** {@code -t fd}: whether the descriptor is a terminal; dash takes a missing or bad number as false. */
    private boolean isTerminal(String operand) {
        int fd;
        try {
            fd = Integer.parseInt(operand.strip());
        } catch (NumberFormatException e) {
            throw new ShellError("Illegal number: " + operand);
        }
        return fd >= 0 && shell.api.isatty(fd);
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

    /**
     * {@code -nt}, {@code -ot}, {@code -ef} with {@code stat}; as in dash, all three are false
     * unless both files exist, and two names are the same file when device and inode agree.
     */
    private boolean fileCompare(String left, String op, String right) {
        Stat a = Fs.stat(shell.api, left);
        Stat b = Fs.stat(shell.api, right);
        if (a == null || b == null) {
            return false;
        }
        return switch (op) {
            case "-nt" -> a.mtime().isAfter(b.mtime());
            case "-ot" -> a.mtime().isBefore(b.mtime());
            default -> a.dev() == b.dev() && a.ino() == b.ino();
        };
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
