package io.sandkernel.shell;

import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.FileType;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.Stat;
import io.sandkernel.user.ProcessIdentity;
import java.util.List;
import java.util.Set;

/**
 * {@code test} and {@code [}: string, integer and file tests with {@code ! -a -o ( )}. In sh
 * mode this is dash's parser (NetBSD's, with POSIX's special cases for three and four
 * arguments, and its lexer deciding whether {@code -a} or {@code (} is an operator or an
 * operand); in bash mode POSIX's rules by argument count, then bash's precedence parser.
 */
final class TestBuiltin {
    private static final Set<String> UNARY = Set.of("-r", "-w", "-x", "-e", "-f", "-d", "-c", "-b", "-p", "-u", "-g",
            "-k", "-s", "-t", "-z", "-n", "-h", "-O", "-G", "-L", "-S");
    private static final Set<String> BASH_UNARY = Set.of("-a", "-N", "-o", "-v", "-R");
    private static final Set<String> BINARY = Set.of("=", "!=", "<", ">", "-eq", "-ne", "-ge", "-gt", "-le", "-lt",
            "-nt", "-ot", "-ef");

    private final Interpreter shell;
    private final List<String> args;
    private final boolean bash;
    private int pos;

    private TestBuiltin(Interpreter shell, List<String> args) {
        this.shell = shell;
        this.args = args;
        this.bash = shell.state.bash;
    }

    /** 0 true, 1 false, 2 error (message printed). */
    static int run(Interpreter shell, List<String> args, String name) {
        TestBuiltin test = new TestBuiltin(shell, args);
        try {
            return test.bash ? (test.bashEvaluate(0, args.size()) ? 0 : 1) : test.dashEvaluate();
        } catch (ShellError e) {
            shell.error(name + ": " + e.getMessage());
            return 2;
        }
    }

    // ---------------------------------------------------------------- dash

    private enum Token { EOI, OPERAND, UNOT, BAND, BOR, LPAREN, RPAREN, UNOP, BINOP }

    private String at(int index) {
        return index < args.size() ? args.get(index) : null;
    }

    private static Token kind(String s) {
        if (s == null) {
            return Token.EOI;
        }
        return switch (s) {
            case "!" -> Token.UNOT;
            case "-a" -> Token.BAND;
            case "-o" -> Token.BOR;
            case "(" -> Token.LPAREN;
            case ")" -> Token.RPAREN;
            default -> UNARY.contains(s) ? Token.UNOP : BINARY.contains(s) ? Token.BINOP : Token.OPERAND;
        };
    }

    /** dash's t_lex: an operator is an operand where the grammar says so. */
    private Token lex(int index) {
        String s = at(index);
        Token kind = kind(s);
        if (kind == Token.EOI || kind == Token.OPERAND) {
            return kind;
        }
        if (kind == Token.UNOP && isOperand(index)) {
            return Token.OPERAND;
        }
        if (kind == Token.LPAREN && at(index + 1) == null) {
            return Token.OPERAND;
        }
        return kind;
    }

    private boolean isOperand(int index) {
        String next = at(index + 1);
        if (next == null) {
            return true;
        }
        if (at(index + 2) != null) {
            return false;
        }
        return kind(next) == Token.BINOP;
    }

    private int dashEvaluate() {
        int start = 0;
        int count = args.size();
        int result = 1;
        while (true) {
            if (count < 1) {
                return 1;
            }
            if (count == 3 && kind(at(start + 1)) == Token.BINOP) {
                pos = start;
                return result ^ (binary(at(start), at(start + 1), at(start + 2)) ? 1 : 0) ^ 0;
            }
            if (count == 3 || count == 4) {
                if (at(start).equals("(") && at(start + count - 1).equals(")")) {
                    List<String> inner = args.subList(start + 1, start + count - 1);
                    TestBuiltin nested = new TestBuiltin(shell, inner);
                    pos = 0;
                    return result ^ (nested.dashExpression() ? 1 : 0);
                }
                if (at(start).equals("!")) {
                    result = 0;
                    start++;
                    count--;
                    continue;
                }
            }
            break;
        }
        TestBuiltin rest = start == 0 ? this : new TestBuiltin(shell, args.subList(start, args.size()));
        return result ^ (rest.dashExpression() ? 1 : 0);
    }

    private boolean dashExpression() {
        pos = 0;
        boolean value = or(lex(0));
        if (at(pos) != null && at(pos + 1) != null) {
            throw new ShellError(at(pos) + ": unexpected operator");
        }
        return value;
    }

    private boolean or(Token n) {
        boolean value = and(n);
        if (lex(++pos) == Token.BOR) {
            boolean right = or(lex(++pos));
            return right || value;
        }
        pos--;
        return value;
    }

    private boolean and(Token n) {
        boolean value = not(n);
        if (lex(++pos) == Token.BAND) {
            boolean right = and(lex(++pos));
            return right && value;
        }
        pos--;
        return value;
    }

    private boolean not(Token n) {
        if (n == Token.UNOT) {
            return !not(lex(++pos));
        }
        return primary(n);
    }

    private boolean primary(Token n) {
        if (n == Token.EOI) {
            return false;
        }
        if (n == Token.LPAREN) {
            Token next = lex(++pos);
            if (next == Token.RPAREN) {
                return false;
            }
            boolean value = or(next);
            if (lex(++pos) != Token.RPAREN) {
                throw new ShellError("closing paren expected");
            }
            return value;
        }
        if (n == Token.UNOP) {
            String op = at(pos);
            String operand = at(++pos);
            if (operand == null) {
                throw new ShellError(op + ": argument expected");
            }
            return unary(op, operand);
        }
        if (kind(at(pos + 1)) == Token.BINOP) {
            String left = at(pos);
            String op = at(++pos);
            String right = at(++pos);
            if (right == null) {
                throw new ShellError(op + ": argument expected");
            }
            return binary(left, op, right);
        }
        return !at(pos).isEmpty();
    }

    // ---------------------------------------------------------------- bash

    private boolean isBashUnary(String s) {
        return UNARY.contains(s) || BASH_UNARY.contains(s);
    }

    /** POSIX's rules for up to four arguments, then the precedence parser. */
    private boolean bashEvaluate(int from, int to) {
        int n = to - from;
        switch (n) {
            case 0:
                return false;
            case 1:
                return !args.get(from).isEmpty();
            case 2:
                if (args.get(from).equals("!")) {
                    return args.get(from + 1).isEmpty();
                }
                if (isBashUnary(args.get(from))) {
                    return unary(args.get(from), args.get(from + 1));
                }
                throw new ShellError(args.get(from) + ": unary operator expected");
            case 3:
                if (BINARY.contains(args.get(from + 1)) || args.get(from + 1).equals("-a")
                        || args.get(from + 1).equals("-o") || args.get(from + 1).equals("==")) {
                    String op = args.get(from + 1);
                    if (op.equals("-a")) {
                        return !args.get(from).isEmpty() && !args.get(from + 2).isEmpty();
                    }
                    if (op.equals("-o")) {
                        return !args.get(from).isEmpty() || !args.get(from + 2).isEmpty();
                    }
                    return binary(args.get(from), op, args.get(from + 2));
                }
                if (args.get(from).equals("!")) {
                    return !bashEvaluate(from + 1, to);
                }
                if (args.get(from).equals("(") && args.get(from + 2).equals(")")) {
                    return !args.get(from + 1).isEmpty();
                }
                break;
            case 4:
                if (args.get(from).equals("!")) {
                    return !bashEvaluate(from + 1, to);
                }
                if (args.get(from).equals("(") && args.get(from + 3).equals(")")) {
                    return bashEvaluate(from + 1, to - 1);
                }
                break;
            default:
                break;
        }
        pos = from;
        boolean result = bashOr(to);
        if (pos < to) {
            throw new ShellError(args.get(pos) + ": " + (pos + 1 < to ? "binary operator expected" : "unexpected operator"));
        }
        return result;
    }

    private boolean bashOr(int to) {
        boolean left = bashAnd(to);
        while (pos < to && args.get(pos).equals("-o")) {
            pos++;
            boolean right = bashAnd(to);
            left = left || right;
        }
        return left;
    }

    private boolean bashAnd(int to) {
        boolean left = bashNot(to);
        while (pos < to && args.get(pos).equals("-a")) {
            pos++;
            boolean right = bashNot(to);
            left = left && right;
        }
        return left;
    }

    private boolean bashNot(int to) {
        if (pos < to && args.get(pos).equals("!")) {
            pos++;
            return !bashNot(to);
        }
        return bashPrimary(to);
    }

    private boolean bashPrimary(int to) {
        if (pos >= to) {
            throw new ShellError("argument expected");
        }
        String arg = args.get(pos);
        if (arg.equals("(")) {
            pos++;
            boolean value = bashOr(to);
            if (pos >= to || !args.get(pos).equals(")")) {
                throw new ShellError("`)' expected");
            }
            pos++;
            return value;
        }
        if (pos + 2 < to + 1 && pos + 1 < to && (BINARY.contains(args.get(pos + 1)) || args.get(pos + 1).equals("=="))) {
            if (pos + 2 >= to) {
                throw new ShellError(args.get(pos + 1) + ": argument expected");
            }
            String left = args.get(pos);
            String op = args.get(pos + 1);
            String right = args.get(pos + 2);
            pos += 3;
            return binary(left, op, right);
        }
        if (isBashUnary(arg) && pos + 1 < to) {
            pos += 2;
            return unary(arg, args.get(pos - 1));
        }
        pos++;
        return !arg.isEmpty();
    }

    // ---------------------------------------------------------------- the tests

    private boolean unary(String op, String operand) {
        switch (op) {
            case "-n":
                return !operand.isEmpty();
            case "-z":
                return operand.isEmpty();
            case "-t":
                return isTerminal(operand);
            case "-v":
                return shell.values.value(operand) != null;
            case "-o":
                ShellState.Option option = ShellState.Option.byName(operand);
                return option != null && shell.state.option(option);
            case "-R":
                return false;
            default:
                return unaryFileTest(shell, op.equals("-a") ? "-e" : op, operand);
        }
    }

    /** A file test ({@code -e -f -d -r -w -x -s -L}...) of {@code operand}. */
    static boolean unaryFileTest(Interpreter shell, String op, String operand) {
        if (op.equals("-t")) {
            try {
                int fd = Integer.parseInt(operand.strip());
                return fd >= 0 && shell.api.isatty(fd);
            } catch (NumberFormatException e) {
                return false;
            }
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
                yield stat != null && statTest(shell, op, stat);
            }
        };
    }

    /** The operators answered by {@code stat}, which follows symbolic links. */
    private static boolean statTest(Interpreter shell, String op, Stat stat) {
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
            case "-N" -> stat.mtime().isAfter(stat.atime());
            default -> false;
        };
    }

    /** {@code -t fd}: dash refuses a word that is not a number; bash takes it as false. */
    private boolean isTerminal(String operand) {
        int fd;
        try {
            fd = Integer.parseInt(operand.strip());
        } catch (NumberFormatException e) {
            if (bash) {
                return false;
            }
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
                return fileCompare(shell, left, op, right);
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
     * unless both files exist (bash: a file is newer than a missing one), and two names are the
     * same file when device and inode agree.
     */
    static boolean fileCompare(Interpreter shell, String left, String op, String right) {
        Stat a = Fs.stat(shell.api, left);
        Stat b = Fs.stat(shell.api, right);
        if (a == null || b == null) {
            if (shell.state.bash && op.equals("-nt")) {
                return a != null;
            }
            if (shell.state.bash && op.equals("-ot")) {
                return b != null && a == null;
            }
            return false;
        }
        return switch (op) {
            case "-nt" -> a.mtime().isAfter(b.mtime());
            case "-ot" -> a.mtime().isBefore(b.mtime());
            default -> a.dev() == b.dev() && a.ino() == b.ino();
        };
    }

    private long integer(String text) {
        String trimmed = text.strip();
        try {
            return Long.parseLong(trimmed.startsWith("+") ? trimmed.substring(1) : trimmed);
        } catch (NumberFormatException e) {
            throw new ShellError(bash ? text + ": integer expression expected" : "Illegal number: " + text);
        }
    }
}
