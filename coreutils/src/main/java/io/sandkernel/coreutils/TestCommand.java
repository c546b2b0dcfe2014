package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.FileType;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.Stat;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * test EXPRESSION and [ EXPRESSION ]: GNU coreutils' /usr/bin/test, not a shell builtin. The
 * evaluation is coreutils' test.c step for step: POSIX's rules by argument count (one to four
 * arguments), then {@code ! ( ) -a -o} precedence; file tests through {@code stat}/{@code lstat}/
 * {@code access}; {@code -eq}... on integers of any size ({@code " 12 "}, {@code +5}, and
 * {@code -l STRING} for a length); {@code -nt -ot -ef}. Exit 0 true, 1 false, 2 with GNU's
 * message ("missing argument after 'x'", "invalid integer 'x'", "missing ']'") on a bad
 * expression.
 */
final class TestCommand implements Program {
    /** A malformed expression: the message GNU prints, status 2. */
    private static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }

    private final boolean bracket;
    private ProcessApi process;
    private List<String> argv;
    private int argc;
    private int pos;

    /** @param bracket whether this is {@code [}, which needs a closing {@code ]} */
    TestCommand(boolean bracket) {
        this.bracket = bracket;
    }

    @Override
    public int run(ProcessApi process) {
        this.process = process;
        List<String> args = process.args();
        try {
            if (bracket) {
                if (args.size() == 1 && args.get(0).equals("--help")) {
                    throw UsageException.help();
                }
                if (args.size() == 1 && args.get(0).equals("--version")) {
                    throw UsageException.version();
                }
                if (args.isEmpty() || !args.get(args.size() - 1).equals("]")) {
                    throw new SyntaxError("missing " + Diagnostics.quote("]"));
                }
                args = args.subList(0, args.size() - 1);
            }
            this.argv = args;
            this.argc = args.size();
            this.pos = 0;
            if (argc == 0) {
                return 1;
            }
            boolean value = posixtest(argc);
            if (pos != argc) {
                throw new SyntaxError("extra argument " + Diagnostics.quote(argv.get(pos)));
            }
            return value ? 0 : 1;
        } catch (SyntaxError e) {
            process.stderr().writeBytes(((bracket ? "[" : "test") + ": " + e.getMessage() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            process.stderr().flush();
            return 2;
        }
    }

    private String arg(int index) {
        return argv.get(index);
    }

    private void beyond() {
        throw new SyntaxError("missing argument after " + Diagnostics.quote(arg(argc - 1)));
    }

    private void advance(boolean needMore) {
        pos++;
        if (needMore && pos >= argc) {
            beyond();
        }
    }

    private void unaryAdvance() {
        advance(true);
        pos++;
    }

    private boolean posixtest(int nargs) {
        switch (nargs) {
            case 1:
                return oneArgument();
            case 2:
                return twoArguments();
            case 3:
                return threeArguments();
            case 4:
                if (arg(pos).equals("!")) {
                    advance(true);
                    return !threeArguments();
                }
                if (arg(pos).equals("(") && arg(pos + 3).equals(")")) {
                    advance(false);
                    boolean value = twoArguments();
                    advance(false);
                    return value;
                }
                return expr();
            default:
                return expr();
        }
    }

    private boolean oneArgument() {
        return !argv.get(pos++).isEmpty();
    }

    private boolean twoArguments() {
        if (arg(pos).equals("!")) {
            advance(false);
            return !oneArgument();
        }
        String a = arg(pos);
        if (a.length() == 2 && a.charAt(0) == '-') {
            return unaryOperator();
        }
        beyond();
        return false;
    }

    private boolean threeArguments() {
        if (isBinaryOperator(arg(pos + 1))) {
            return binaryOperator(false);
        }
        if (arg(pos).equals("!")) {
            advance(true);
            return !twoArguments();
        }
        if (arg(pos).equals("(") && arg(pos + 2).equals(")")) {
            advance(false);
            boolean value = oneArgument();
            advance(false);
            return value;
        }
        if (arg(pos + 1).equals("-a") || arg(pos + 1).equals("-o")) {
            return expr();
        }
        throw new SyntaxError(Diagnostics.quote(arg(pos + 1)) + ": binary operator expected");
    }

    private boolean expr() {
        if (pos >= argc) {
            beyond();
        }
        return or();
    }

    private boolean or() {
        boolean value = false;
        while (true) {
            value |= and();
            if (!(pos < argc && arg(pos).equals("-o"))) {
                return value;
            }
            advance(false);
        }
    }

    private boolean and() {
        boolean value = true;
        while (true) {
            value &= term();
            if (!(pos < argc && arg(pos).equals("-a"))) {
                return value;
            }
            advance(false);
        }
    }

    private boolean term() {
        boolean negated = false;
        while (pos < argc && arg(pos).equals("!")) {
            advance(true);
            negated = !negated;
        }
        if (pos >= argc) {
            beyond();
        }
        boolean value;
        String a = arg(pos);
        if (a.equals("(")) {
            advance(true);
            int nargs = 1;
            while (pos + nargs < argc && !arg(pos + nargs).equals(")")) {
                if (nargs == 4) {
                    nargs = argc - pos;
                    break;
                }
                nargs++;
            }
            value = posixtest(nargs);
            if (pos >= argc) {
                throw new SyntaxError(Diagnostics.quote(")") + " expected");
            }
            if (!arg(pos).equals(")")) {
                throw new SyntaxError(Diagnostics.quote(")") + " expected, found " + Diagnostics.quote(arg(pos)));
            }
            advance(false);
        } else if (argc - pos >= 4 && a.equals("-l") && isBinaryOperator(arg(pos + 2))) {
            value = binaryOperator(true);
        } else if (argc - pos >= 3 && isBinaryOperator(arg(pos + 1))) {
            value = binaryOperator(false);
        } else if (a.length() == 2 && a.charAt(0) == '-') {
            if ("efdrwxsbcpSLhugkGONtnz".indexOf(a.charAt(1)) < 0) {
                throw new SyntaxError(Diagnostics.quote(a) + ": unary operator expected");
            }
            value = unaryOperator();
        } else {
            value = !a.isEmpty();
            advance(false);
        }
        return negated ^ value;
    }

    private static boolean isBinaryOperator(String s) {
        return switch (s) {
            case "=", "!=", "==", "-nt", "-ot", "-ef", "-eq", "-ne", "-lt", "-le", "-gt", "-ge" -> true;
            default -> false;
        };
    }

    private boolean binaryOperator(boolean leftIsLength) {
        if (leftIsLength) {
            advance(false);
        }
        int op = pos + 1;
        boolean rightIsLength = false;
        if (op < argc - 2 && arg(op + 1).equals("-l")) {
            rightIsLength = true;
            advance(false);
        }
        String operator = arg(op);
        switch (operator) {
            case "-eq", "-ne", "-lt", "-le", "-gt", "-ge" -> {
                BigInteger left = leftIsLength ? length(arg(op - 1)) : integer(arg(op - 1));
                BigInteger right = rightIsLength ? length(arg(op + 2)) : integer(arg(op + 1));
                int cmp = left.compareTo(right);
                pos += 3;
                return switch (operator) {
                    case "-eq" -> cmp == 0;
                    case "-ne" -> cmp != 0;
                    case "-lt" -> cmp < 0;
                    case "-le" -> cmp <= 0;
                    case "-gt" -> cmp > 0;
                    default -> cmp >= 0;
                };
            }
            case "-nt", "-ot", "-ef" -> {
                pos += 3;
                if (leftIsLength || rightIsLength) {
                    throw new SyntaxError(operator + " does not accept -l");
                }
                Stat left = FileOps.statOrNull(process, arg(op - 1));
                Stat right = FileOps.statOrNull(process, arg(op + 1));
                return switch (operator) {
                    case "-nt" -> left != null && (right == null || left.mtime().isAfter(right.mtime()));
                    case "-ot" -> right != null && (left == null || left.mtime().isBefore(right.mtime()));
                    default -> FileOps.sameFile(left, right);
                };
            }
            default -> {
                boolean equal = arg(pos).equals(arg(pos + 2));
                pos += 3;
                return operator.equals("!=") != equal;
            }
        }
    }

    private static BigInteger length(String text) {
        return BigInteger.valueOf(text.getBytes(StandardCharsets.UTF_8).length);
    }

    /** GNU's find_int: blanks, an optional sign, digits, blanks; else "invalid integer". */
    private static BigInteger integer(String text) {
        int i = 0;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        int start = i;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int digits = i;
        while (i < text.length() && Character.isDigit(text.charAt(i)) && text.charAt(i) < 128) {
            i++;
        }
        int end = i;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (end == digits || i != text.length()) {
            throw new SyntaxError("invalid integer " + Diagnostics.quote(text));
        }
        String number = text.substring(start, end);
        return new BigInteger(number.startsWith("+") ? number.substring(1) : number);
    }

    private boolean unaryOperator() {
        char op = arg(pos).charAt(1);
        if ("efdrwxsbcpSLhugkGONtnz".indexOf(op) < 0) {
            throw new SyntaxError(Diagnostics.quote(arg(pos)) + ": unary operator expected");
        }
        unaryAdvance();
        String operand = arg(pos - 1);
        switch (op) {
            case 'n':
                return !operand.isEmpty();
            case 'z':
                return operand.isEmpty();
            case 't': {
                BigInteger fd = integer(operand);
                return fd.signum() >= 0 && fd.bitLength() < 31 && process.isatty(fd.intValue());
            }
            case 'r':
                return accessible(operand, OpenFlags.R_OK);
            case 'w':
                return accessible(operand, OpenFlags.W_OK);
            case 'x':
                return accessible(operand, OpenFlags.X_OK);
            case 'L':
            case 'h': {
                Stat link = FileOps.lstatOrNull(process, operand);
                return link != null && link.isSymbolicLink();
            }
            default:
                break;
        }
        Stat stat = FileOps.statOrNull(process, operand);
        if (stat == null) {
            return false;
        }
        return switch (op) {
            case 'e' -> true;
            case 'f' -> stat.type() == FileType.REGULAR;
            case 'd' -> stat.type() == FileType.DIRECTORY;
            case 's' -> stat.size() > 0;
            case 'b' -> stat.type() == FileType.BLOCK_DEVICE;
            case 'c' -> stat.type() == FileType.CHARACTER_DEVICE;
            case 'p' -> stat.type() == FileType.FIFO;
            case 'S' -> stat.type() == FileType.SOCKET;
            case 'u' -> (stat.mode() & 04000) != 0;
            case 'g' -> (stat.mode() & 02000) != 0;
            case 'k' -> (stat.mode() & 01000) != 0;
            case 'O' -> stat.uid() == process.identity().euid();
            case 'G' -> stat.gid() == process.identity().egid();
            default -> stat.mtime().isAfter(stat.atime()); // -N
        };
    }

    private boolean accessible(String path, int mode) {
        try {
            process.access(path, mode);
            return true;
        } catch (KernelException e) {
            return false;
        }
    }
}
