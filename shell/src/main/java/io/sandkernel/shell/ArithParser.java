package io.sandkernel.shell;

import io.sandkernel.shell.Arith.Assign;
import io.sandkernel.shell.Arith.Binary;
import io.sandkernel.shell.Arith.Comma;
import io.sandkernel.shell.Arith.Elem;
import io.sandkernel.shell.Arith.Empty;
import io.sandkernel.shell.Arith.Expr;
import io.sandkernel.shell.Arith.Logical;
import io.sandkernel.shell.Arith.Num;
import io.sandkernel.shell.Arith.Step;
import io.sandkernel.shell.Arith.Ternary;
import io.sandkernel.shell.Arith.Unary;
import io.sandkernel.shell.Arith.VarRef;

/** Parses arithmetic text into an {@link Arith.Expr} tree, with dash's or bash's grammar. */
final class ArithParser {
    private static final String[] ASSIGN_OPS = {"<<=", ">>=", "+=", "-=", "*=", "/=", "%=", "&=", "^=", "|=", "="};

    private final String text;
    private final boolean bash;
    private int pos;

    ArithParser(String text, boolean bash) {
        this.text = text;
        this.bash = bash;
    }

    static ShellError error(String text, String what, boolean bash) {
        if (bash) {
            return new ShellError(text.stripLeading() + ": " + what, 1);
        }
        return new ShellError("arithmetic expression: " + what + ": \"" + text + "\""); // dash quotes it as written
    }

    /** bash names the last token read when the text ends too early: "1 + " gives "+ ". */
    private String lastToken() {
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int start = end;
        boolean word = start > 0 && (Character.isLetterOrDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '_');
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))
                && (Character.isLetterOrDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '_') == word) {
            start--;
        }
        return text.substring(start);
    }

    private ShellError syntax(String dashWhat) {
        if (bash) {
            boolean atEnd = text.substring(Math.min(pos, text.length())).isBlank();
            String token = atEnd ? lastToken() : text.substring(pos).strip();
            String what = switch (dashWhat) {
                case "expecting ':'" -> "`:' expected for conditional expression";
                case "expecting ')'" -> "missing `)'";
                case "expecting EOF" -> !token.isEmpty()
                        && (Character.isLetterOrDigit(token.charAt(0)) || token.charAt(0) == '_')
                        ? "syntax error in expression" : "syntax error: invalid arithmetic operator";
                default -> "syntax error: operand expected";
            };
            return error(text, what + " (error token is \"" + token + "\")", true);
        }
        return error(text, dashWhat, false);
    }

    Expr parseAll() {
        skip();
        if (pos >= text.length()) {
            return new Empty();
        }
        Expr expr = bash ? comma() : assignment();
        skip();
        if (pos < text.length()) {
            throw syntax("expecting EOF");
        }
        return expr;
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

    private Expr comma() {
        Expr left = assignment();
        while (take(",")) {
            left = new Comma(left, assignment());
        }
        return left;
    }

    private Expr assignment() {
        int start = pos;
        Expr left = ternary();
        skip();
        for (String op : ASSIGN_OPS) {
            if (text.startsWith(op, pos) && !(op.equals("=") && text.startsWith("==", pos))) {
                if (!(left instanceof VarRef) && !(left instanceof Elem)) {
                    pos = start;
                    throw syntax("expecting primary");
                }
                pos += op.length();
                Expr value = assignment();
                return new Assign(left, op.substring(0, op.length() - 1), value);
            }
        }
        return left;
    }

    private Expr ternary() {
        Expr condition = logicalOr();
        if (take("?")) {
            Expr yes = bash ? comma() : assignment();
            if (!take(":")) {
                throw syntax("expecting ':'");
            }
            Expr no = bash ? assignment() : ternary();
            return new Ternary(condition, yes, no);
        }
        return condition;
    }

    private Expr logicalOr() {
        Expr left = logicalAnd();
        while (takeExact("||")) {
            left = new Logical(false, left, logicalAnd());
        }
        return left;
    }

    private Expr logicalAnd() {
        Expr left = bitOr();
        while (takeExact("&&")) {
            left = new Logical(true, left, bitOr());
        }
        return left;
    }

    private Expr bitOr() {
        Expr left = bitXor();
        while (takeExact("|", "||", "|=")) {
            left = new Binary("|", left, bitXor());
        }
        return left;
    }

    private Expr bitXor() {
        Expr left = bitAnd();
        while (takeExact("^", "^=")) {
            left = new Binary("^", left, bitAnd());
        }
        return left;
    }

    private Expr bitAnd() {
        Expr left = equality();
        while (takeExact("&", "&&", "&=")) {
            left = new Binary("&", left, equality());
        }
        return left;
    }

    private Expr equality() {
        Expr left = relational();
        while (true) {
            if (take("==")) {
                left = new Binary("==", left, relational());
            } else if (take("!=")) {
                left = new Binary("!=", left, relational());
            } else {
                return left;
            }
        }
    }

    private Expr relational() {
        Expr left = shift();
        while (true) {
            if (takeExact("<=", "<<")) {
                left = new Binary("<=", left, shift());
            } else if (takeExact(">=", ">>")) {
                left = new Binary(">=", left, shift());
            } else if (takeExact("<", "<<", "<=")) {
                left = new Binary("<", left, shift());
            } else if (takeExact(">", ">>", ">=")) {
                left = new Binary(">", left, shift());
            } else {
                return left;
            }
        }
    }

    private Expr shift() {
        Expr left = additive();
        while (true) {
            if (takeExact("<<", "<<=")) {
                left = new Binary("<<", left, additive());
            } else if (takeExact(">>", ">>=")) {
                left = new Binary(">>", left, additive());
            } else {
                return left;
            }
        }
    }

    private Expr additive() {
        Expr left = multiplicative();
        while (true) {
            if (takeExact("+", "+=", bash ? "++" : "\0")) {
                left = new Binary("+", left, multiplicative());
            } else if (takeExact("-", "-=", bash ? "--" : "\0")) {
                left = new Binary("-", left, multiplicative());
            } else {
                return left;
            }
        }
    }

    private Expr multiplicative() {
        Expr left = power();
        while (true) {
            if (takeExact("*", bash ? "**" : "\0", "*=")) {
                left = new Binary("*", left, power());
            } else if (takeExact("/", "/=")) {
                left = new Binary("/", left, power());
            } else if (takeExact("%", "%=")) {
                left = new Binary("%", left, power());
            } else {
                return left;
            }
        }
    }

    private Expr power() {
        Expr base = unary();
        if (bash && take("**")) {
            return new Binary("**", base, power());
        }
        return base;
    }

    private Expr unary() {
        skip();
        if (bash && (text.startsWith("++", pos) || text.startsWith("--", pos))) {
            int delta = text.charAt(pos) == '+' ? 1 : -1;
            pos += 2;
            Expr target = unary();
            if (!(target instanceof VarRef) && !(target instanceof Elem)) {
                throw syntax("expecting primary");
            }
            return new Step(target, delta, true);
        }
        if (takeExact("-", "-=")) {
            return new Unary('-', unary());
        }
        if (takeExact("+", "+=")) {
            return new Unary('+', unary());
        }
        if (takeExact("!", "!=")) {
            return new Unary('!', unary());
        }
        if (take("~")) {
            return new Unary('~', unary());
        }
        return postfix();
    }

    private Expr postfix() {
        Expr primary = primary();
        if (bash && (primary instanceof VarRef || primary instanceof Elem)) {
            skip();
            if (text.startsWith("++", pos) || text.startsWith("--", pos)) {
                int delta = text.charAt(pos) == '+' ? 1 : -1;
                pos += 2;
                return new Step(primary, delta, false);
            }
        }
        return primary;
    }

    private Expr primary() {
        skip();
        if (take("(")) {
            Expr value = bash ? comma() : assignment();
            if (!take(")")) {
                throw syntax("expecting ')'");
            }
            return value;
        }
        if (pos >= text.length()) {
            throw syntax("expecting primary");
        }
        char c = text.charAt(pos);
        if (Character.isDigit(c)) {
            int end = pos;
            while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '#'
                    || (bash && (text.charAt(end) == '@' || text.charAt(end) == '_')))) {
                end++;
            }
            String number = text.substring(pos, end);
            long value = number(number);
            pos = end;
            return new Num(value);
        }
        if (Lexer.isNameStart(c)) {
            int end = pos;
            while (end < text.length() && Lexer.isNameChar(text.charAt(end))) {
                end++;
            }
            String name = text.substring(pos, end);
            pos = end;
            if (bash && pos < text.length() && text.charAt(pos) == '[') {
                int close = closingBracket(pos);
                if (close < 0) {
                    throw syntax("expecting ']'");
                }
                String subscript = text.substring(pos + 1, close);
                pos = close + 1;
                return new Elem(name, subscript, null);
            }
            return new VarRef(name);
        }
        throw syntax("expecting primary");
    }

    private int closingBracket(int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            if (text.charAt(i) == '[') {
                depth++;
            } else if (text.charAt(i) == ']' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** A number: decimal, 0x hex, 0 octal, bash's base#digits. */
    private long number(String number) {
        try {
            return parseNumber(number, bash);
        } catch (NumberFormatException e) {
            if (bash) {
                throw error(text, "value too great for base (error token is \"" + number + "\")", true);
            }
            throw syntax("expecting primary");
        }
    }

    static long parseNumber(String number, boolean bash) {
        int hash = number.indexOf('#');
        if (bash && hash > 0) {
            int base = Integer.parseInt(number.substring(0, hash));
            if (base < 2 || base > 64) {
                throw new NumberFormatException();
            }
            long value = 0;
            for (int i = hash + 1; i < number.length(); i++) {
                char c = number.charAt(i);
                int digit;
                if (c >= '0' && c <= '9') {
                    digit = c - '0';
                } else if (c >= 'a' && c <= 'z') {
                    digit = c - 'a' + 10;
                } else if (c >= 'A' && c <= 'Z') {
                    digit = base <= 36 ? c - 'A' + 10 : c - 'A' + 36;
                } else if (c == '@') {
                    digit = 62;
                } else if (c == '_') {
                    digit = 63;
                } else {
                    throw new NumberFormatException();
                }
                if (digit >= base) {
                    throw new NumberFormatException();
                }
                value = value * base + digit;
            }
            if (hash == number.length() - 1) {
                throw new NumberFormatException();
            }
            return value;
        }
        if (!bash) {
            return saturated(number);
        }
        if (number.startsWith("0x") || number.startsWith("0X")) {
            return Long.parseUnsignedLong(number.substring(2), 16);
        }
        if (number.length() > 1 && number.startsWith("0")) {
            return Long.parseUnsignedLong(number.substring(1), 8);
        }
        return Long.parseUnsignedLong(number);
    }

    /** dash reads numbers with strtoimax: too large a one is the largest there is. */
    private static long saturated(String number) {
        java.math.BigInteger value;
        if (number.startsWith("0x") || number.startsWith("0X")) {
            value = new java.math.BigInteger(number.substring(2), 16);
        } else if (number.length() > 1 && number.startsWith("0")) {
            value = new java.math.BigInteger(number.substring(1), 8);
        } else {
            value = new java.math.BigInteger(number);
        }
        if (value.signum() < 0 || number.indexOf('+') >= 0) {
            throw new NumberFormatException(number); // the digits only, the sign is an operator
        }
        return value.bitLength() > 63 ? Long.MAX_VALUE : value.longValue();
    }

    /** A variable's value as a plain (signed) number, or {@link Long#MIN_VALUE} when it is not one. */
    static long quickNumber(String text) {
        int n = text.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
            negative = text.charAt(0) == '-';
            i = 1;
        }
        if (i >= n) {
            return Long.MIN_VALUE;
        }
        if (text.charAt(i) == '0' && i + 1 < n) {
            try {
                long value = parseNumber(text.substring(i), true);
                return negative ? -value : value;
            } catch (NumberFormatException e) {
                return Long.MIN_VALUE;
            }
        }
        long value = 0;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9' || value > (Long.MAX_VALUE - 9) / 10) {
                return Long.MIN_VALUE;
            }
            value = value * 10 + (c - '0');
        }
        return negative ? -value : value;
    }
}
