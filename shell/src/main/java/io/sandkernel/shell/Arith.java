package io.sandkernel.shell;

/**
 * Shell arithmetic ({@code $(( ))}) on 64-bit integers, with C precedence: assignment
 * operators, {@code ?:}, {@code || && | ^ & == != < <= > >= << >> + - * / % **}, unary
 * {@code + - ! ~}, parentheses, numbers (decimal, 0x hex, 0 octal) and variables.
 * {@code && || ?:} short-circuit: the branch not taken is parsed but not evaluated.
 */
final class Arith {
    /** Variable access for arithmetic. */
    interface Vars {
        /** The value of a variable, or null when unset. */
        String get(String name);

        void set(String name, String value);
    }

    private final String text;
    private final Vars vars;
    private int pos;
    private int noEval;

    private final int depth;

    private Arith(String text, Vars vars, int depth) {
        this.text = text;
        this.vars = vars;
        this.depth = depth;
    }

    /**
     * Evaluates {@code text}.
     *
     * @throws ShellError with dash's message for a bad expression
     */
    static long eval(String text, Vars vars) {
        return eval(text, vars, 0);
    }

    private static long eval(String text, Vars vars, int depth) {
        if (depth > 64) {
            throw new ShellError("arithmetic expression: recursion too deep: \"" + text.strip() + "\"");
        }
        Arith arith = new Arith(text, vars, depth);
        arith.skip();
        if (arith.pos >= text.length()) {
            return 0;
        }
        long value = arith.assignment();
        arith.skip();
        if (arith.pos < text.length()) {
            throw arith.error("expecting EOF");
        }
        return value;
    }

    private ShellError error(String what) {
        return new ShellError("arithmetic expression: " + what + ": \"" + text.strip() + "\"");
    }

    private void skip() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean take(String op) {
        skip();
        if (text.startsWith(op, pos)) {
            pos += op.length();
            return true;
        }
        return false;
    }

    /** Whether op is next and not the start of a longer operator in {@code longer}. */
    private boolean takeExact(String op, String... longer) {
        skip();
        for (String other : longer) {
            if (text.startsWith(other, pos)) {
                return false;
            }
        }
        return take(op);
    }

    private long assignment() {
        skip();
        int start = pos;
        if (pos < text.length() && Lexer.isNameStart(text.charAt(pos))) {
            int end = pos;
            while (end < text.length() && Lexer.isNameChar(text.charAt(end))) {
                end++;
            }
            String name = text.substring(pos, end);
            pos = end;
            skip();
            String[] ops = {"<<=", ">>=", "+=", "-=", "*=", "/=", "%=", "&=", "^=", "|=", "="};
            for (String op : ops) {
                if (text.startsWith(op, pos) && !(op.equals("=") && text.startsWith("==", pos))) {
                    pos += op.length();
                    long rhs = assignment();
                    if (noEval > 0) {
                        return rhs;
                    }
                    long value = op.equals("=") ? rhs : apply(op.substring(0, op.length() - 1), variable(name), rhs);
                    vars.set(name, Long.toString(value));
                    return value;
                }
            }
            pos = start;
        }
        return ternary();
    }

    private long ternary() {
        long condition = logicalOr();
        if (take("?")) {
            if (condition == 0) {
                noEval++;
            }
            long yes = assignment();
            if (condition == 0) {
                noEval--;
            }
            if (!take(":")) {
                throw error("expecting ':'");
            }
            if (condition != 0) {
                noEval++;
            }
            long no = ternary();
            if (condition != 0) {
                noEval--;
            }
            return condition != 0 ? yes : no;
        }
        return condition;
    }

    private long logicalOr() {
        long left = logicalAnd();
        while (take("||")) {
            boolean skipRight = left != 0;
            if (skipRight) {
                noEval++;
            }
            long right = logicalAnd();
            if (skipRight) {
                noEval--;
            }
            left = (left != 0 || right != 0) ? 1 : 0;
        }
        return left;
    }

    private long logicalAnd() {
        long left = bitOr();
        while (take("&&")) {
            boolean skipRight = left == 0;
            if (skipRight) {
                noEval++;
            }
            long right = bitOr();
            if (skipRight) {
                noEval--;
            }
            left = (left != 0 && right != 0) ? 1 : 0;
        }
        return left;
    }

    private long bitOr() {
        long left = bitXor();
        while (takeExact("|", "||", "|=")) {
            left |= bitXor();
        }
        return left;
    }

    private long bitXor() {
        long left = bitAnd();
        while (takeExact("^", "^=")) {
            left ^= bitAnd();
        }
        return left;
    }

    private long bitAnd() {
        long left = equality();
        while (takeExact("&", "&&", "&=")) {
            left &= equality();
        }
        return left;
    }

    private long equality() {
        long left = relational();
        while (true) {
            if (take("==")) {
                left = left == relational() ? 1 : 0;
            } else if (take("!=")) {
                left = left != relational() ? 1 : 0;
            } else {
                return left;
            }
        }
    }

    private long relational() {
        long left = shift();
        while (true) {
            if (takeExact("<=", "<<")) {
                left = left <= shift() ? 1 : 0;
            } else if (takeExact(">=", ">>")) {
                left = left >= shift() ? 1 : 0;
            } else if (takeExact("<", "<<", "<=")) {
                left = left < shift() ? 1 : 0;
            } else if (takeExact(">", ">>", ">=")) {
                left = left > shift() ? 1 : 0;
            } else {
                return left;
            }
        }
    }

    private long shift() {
        long left = additive();
        while (true) {
            if (takeExact("<<", "<<=")) {
                left = left << additive();
            } else if (takeExact(">>", ">>=")) {
                left = left >> additive();
            } else {
                return left;
            }
        }
    }

    private long additive() {
        long left = multiplicative();
        while (true) {
            if (takeExact("+", "+=")) {
                left = left + multiplicative();
            } else if (takeExact("-", "-=")) {
                left = left - multiplicative();
            } else {
                return left;
            }
        }
    }

    private long multiplicative() {
        long left = power();
        while (true) {
            if (takeExact("*", "**", "*=")) {
                left = apply("*", left, power());
            } else if (takeExact("/", "/=")) {
                left = apply("/", left, power());
            } else if (takeExact("%", "%=")) {
                left = apply("%", left, power());
            } else {
                return left;
            }
        }
    }

    private long power() {
        long base = unary();
        if (take("**")) {
            long exponent = power();
            return apply("**", base, exponent);
        }
        return base;
    }

    private long unary() {
        if (takeExact("-", "-=")) {
            return -unary();
        }
        if (takeExact("+", "+=")) {
            return unary();
        }
        if (takeExact("!", "!=")) {
            return unary() == 0 ? 1 : 0;
        }
        if (take("~")) {
            return ~unary();
        }
        return primary();
    }

    private long primary() {
        skip();
        if (take("(")) {
            long value = assignment();
            if (!take(")")) {
                throw error("expecting ')'");
            }
            return value;
        }
        if (pos >= text.length()) {
            throw error("expecting primary");
        }
        char c = text.charAt(pos);
        if (Character.isDigit(c)) {
            int end = pos;
            while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                end++;
            }
            String number = text.substring(pos, end);
            pos = end;
            return parseNumber(number);
        }
        if (Lexer.isNameStart(c)) {
            int end = pos;
            while (end < text.length() && Lexer.isNameChar(text.charAt(end))) {
                end++;
            }
            String name = text.substring(pos, end);
            pos = end;
            return variable(name);
        }
        throw error("expecting primary");
    }

    private long parseNumber(String number) {
        try {
            if (number.startsWith("0x") || number.startsWith("0X")) {
                return Long.parseLong(number.substring(2), 16);
            }
            if (number.length() > 1 && number.startsWith("0")) {
                return Long.parseLong(number.substring(1), 8);
            }
            return Long.parseLong(number);
        } catch (NumberFormatException e) {
            throw error("expecting primary");
        }
    }

    private long variable(String name) {
        String value = vars.get(name);
        if (value == null || value.isBlank()) {
            return 0;
        }
        String trimmed = value.strip();
        try {
            return parseNumber(trimmed.startsWith("-") ? trimmed.substring(1) : trimmed) * (trimmed.startsWith("-") ? -1 : 1);
        } catch (ShellError e) {
            if (noEval > 0) {
                return 0;
            }
            return Arith.eval(trimmed, vars, depth + 1);
        }
    }

    private long apply(String op, long a, long b) {
        if (noEval > 0) {
            return 0;
        }
        return switch (op) {
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/", "%" -> {
                if (b == 0) {
                    throw new ShellError("arithmetic expression: division by zero: \"" + text.strip() + "\"");
                }
                yield op.equals("/") ? a / b : a % b;
            }
            case "**" -> {
                if (b < 0) {
                    throw error("exponent less than 0");
                }
                long result = 1;
                for (long i = 0; i < b; i++) {
                    result *= a;
                }
                yield result;
            }
            case "<<" -> a << b;
            case ">>" -> a >> b;
            case "&" -> a & b;
            case "^" -> a ^ b;
            case "|" -> a | b;
            default -> throw error("bad operator " + op);
        };
    }
}
