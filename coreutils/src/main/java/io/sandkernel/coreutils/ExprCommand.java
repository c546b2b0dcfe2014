package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * expr EXPRESSION: evaluates its arguments as GNU expr does, with arbitrary-precision integers,
 * the operators {@code | & < <= = == != >= > + - * / % :} and {@code match substr index length +}
 * with GNU's precedence and short-circuiting. Exit status 0 when the result is neither empty
 * nor 0, 1 when it is, 2 for an invalid expression (its messages are GNU's), 3 never.
 */
final class ExprCommand implements Program {
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    private List<String> args;
    private int at;
    private ProcessApi process;

    /** An integer or a string; strings that look like integers act as integers in arithmetic. */
    private record Value(BigInteger integer, String string) {
        static Value of(BigInteger i) {
            return new Value(i, null);
        }

        static Value of(String s) {
            return new Value(null, s);
        }

        String text() {
            return integer != null ? integer.toString() : string;
        }

        BigInteger asInteger() {
            if (integer != null) {
                return integer;
            }
            return INTEGER.matcher(string).matches() ? new BigInteger(string) : null;
        }

        boolean isNull() {
            if (integer != null) {
                return integer.signum() == 0;
            }
            return string.isEmpty() || (INTEGER.matcher(string).matches() && new BigInteger(string).signum() == 0);
        }
    }

    /** An invalid expression, status 2. */
    private static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public int run(ProcessApi process) throws Exception {
        this.process = process;
        List<String> argv = process.args();
        if (argv.size() == 1 && argv.get(0).equals("--help")) {
            throw UsageException.help();
        }
        if (argv.size() == 1 && argv.get(0).equals("--version")) {
            throw UsageException.version();
        }
        if (!argv.isEmpty() && argv.get(0).equals("--")) {
            argv = argv.subList(1, argv.size());
        }
        if (argv.isEmpty()) {
            throw new UsageException("missing operand");
        }
        args = argv.stream().map(ByteText::fromArg).toList();
        Value v;
        try {
            v = or(true);
            if (at < args.size()) {
                throw new Invalid("syntax error: unexpected argument " + quote(args.get(at)));
            }
        } catch (Invalid e) {
            new Diagnostics(process, "expr").error(e.getMessage());
            return 2;
        }
        try {
            OutputStream out = ByteText.stdout(process);
            ByteText.write(out, v.text() + "\n");
            out.flush();
        } catch (WriteError e) {
            new Diagnostics(process, "expr").error("write error: " + Diagnostics.describe(e.failure()));
            return 3; // GNU expr's status for a failure other than a bad expression
        }
        return v.isNull() ? 1 : 0;
    }

    private static String quote(String arg) {
        return Diagnostics.quote(ByteText.toUnicode(arg));
    }

    private boolean next(String token) {
        if (at < args.size() && args.get(at).equals(token)) {
            at++;
            return true;
        }
        return false;
    }

    private Value or(boolean evaluate) {
        Value l = and(evaluate);
        while (next("|")) {
            Value r = and(evaluate && l.isNull());
            if (evaluate && l.isNull()) {
                l = r.isNull() ? Value.of(BigInteger.ZERO) : r;
            }
        }
        return l;
    }

    private Value and(boolean evaluate) {
        Value l = comparison(evaluate);
        while (next("&")) {
            Value r = comparison(evaluate && !l.isNull());
            if (evaluate && (l.isNull() || r.isNull())) {
                l = Value.of(BigInteger.ZERO);
            }
        }
        return l;
    }

    private Value comparison(boolean evaluate) {
        Value l = additive(evaluate);
        while (true) {
            String op = at < args.size() ? args.get(at) : "";
            if (!List.of("<", "<=", "=", "==", "!=", ">=", ">").contains(op)) {
                return l;
            }
            at++;
            Value r = additive(evaluate);
            if (evaluate) {
                BigInteger a = l.asInteger();
                BigInteger b = r.asInteger();
                int c = a != null && b != null ? a.compareTo(b) : Integer.signum(l.text().compareTo(r.text()));
                boolean result = switch (op) {
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case "=", "==" -> c == 0;
                    case "!=" -> c != 0;
                    case ">=" -> c >= 0;
                    default -> c > 0;
                };
                l = Value.of(result ? BigInteger.ONE : BigInteger.ZERO);
            }
        }
    }

    private Value additive(boolean evaluate) {
        Value l = multiplicative(evaluate);
        while (at < args.size() && (args.get(at).equals("+") || args.get(at).equals("-"))) {
            String op = args.get(at++);
            Value r = multiplicative(evaluate);
            if (evaluate) {
                BigInteger[] ab = integers(l, r);
                l = Value.of(op.equals("+") ? ab[0].add(ab[1]) : ab[0].subtract(ab[1]));
            }
        }
        return l;
    }

    private Value multiplicative(boolean evaluate) {
        Value l = colon(evaluate);
        while (at < args.size() && List.of("*", "/", "%").contains(args.get(at))) {
            String op = args.get(at++);
            Value r = colon(evaluate);
            if (evaluate) {
                BigInteger[] ab = integers(l, r);
                if (!op.equals("*") && ab[1].signum() == 0) {
                    throw new Invalid("division by zero");
                }
                l = Value.of(switch (op) {
                    case "*" -> ab[0].multiply(ab[1]);
                    case "/" -> ab[0].divide(ab[1]);
                    default -> ab[0].remainder(ab[1]);
                });
            }
        }
        return l;
    }

    private static BigInteger[] integers(Value l, Value r) {
        BigInteger a = l.asInteger();
        BigInteger b = r.asInteger();
        if (a == null || b == null) {
            throw new Invalid("non-integer argument");
        }
        return new BigInteger[] {a, b};
    }

    private Value colon(boolean evaluate) {
        Value l = keyword(evaluate);
        while (next(":")) {
            Value r = keyword(evaluate);
            if (evaluate) {
                l = match(l, r);
            }
        }
        return l;
    }

    private Value keyword(boolean evaluate) {
        if (next("+")) {
            requireArgument();
            return Value.of(args.get(at++));
        }
        if (next("length")) {
            Value v = keyword(evaluate);
            return Value.of(BigInteger.valueOf(v.text().length()));
        }
        if (next("match")) {
            Value l = keyword(evaluate);
            Value r = keyword(evaluate);
            return evaluate ? match(l, r) : l;
        }
        if (next("index")) {
            String s = keyword(evaluate).text();
            String chars = keyword(evaluate).text();
            int index = 0;
            for (int i = 0; i < s.length() && index == 0; i++) {
                if (chars.indexOf(s.charAt(i)) >= 0) {
                    index = i + 1;
                }
            }
            return Value.of(BigInteger.valueOf(index));
        }
        if (next("substr")) {
            String s = keyword(evaluate).text();
            BigInteger position = keyword(evaluate).asInteger();
            BigInteger length = keyword(evaluate).asInteger();
            if (position == null || length == null || position.signum() <= 0 || length.signum() <= 0
                    || position.compareTo(BigInteger.valueOf(s.length())) > 0) {
                return Value.of("");
            }
            int from = position.intValue() - 1;
            long to = Math.min((long) from + length.min(BigInteger.valueOf(Integer.MAX_VALUE)).longValue(), s.length());
            return Value.of(s.substring(from, (int) to));
        }
        return primary(evaluate);
    }

    private void requireArgument() {
        if (at >= args.size()) {
            throw new Invalid("syntax error: missing argument after " + quote(args.get(at - 1)));
        }
    }

    private Value primary(boolean evaluate) {
        if (at >= args.size()) {
            if (at == 0) {
                throw new Invalid("missing operand");
            }
            throw new Invalid("syntax error: missing argument after " + quote(args.get(at - 1)));
        }
        if (next("(")) {
            Value v = or(evaluate);
            if (at >= args.size()) {
                throw new Invalid("syntax error: expecting ')' after " + quote(args.get(at - 1)));
            }
            if (!next(")")) {
                throw new Invalid("syntax error: expecting ')' instead of " + quote(args.get(at)));
            }
            return v;
        }
        if (next(")")) {
            throw new Invalid("syntax error: unexpected ')'");
        }
        return Value.of(args.get(at++));
    }

    /** STRING : REGEX, anchored at the start: the first group, or the length of the match. */
    private Value match(Value subject, Value regex) {
        Pattern pattern;
        try {
            pattern = PosixRegex.compile(regex.text(), false, false, false, false, false, warning -> { });
            pattern = Pattern.compile(SedRegex.anchorEnds(pattern.pattern()), pattern.flags() | Pattern.DOTALL);
        } catch (UsageException e) {
            throw new Invalid(e.getMessage());
        }
        Matcher m = pattern.matcher(new CpuCheckpoint(process).watch(subject.text()));
        boolean matched = m.lookingAt();
        if (m.groupCount() > 0) {
            return Value.of(matched && m.group(1) != null ? m.group(1) : "");
        }
        return Value.of(BigInteger.valueOf(matched ? m.end() : 0));
    }
}
