package io.sandkernel.coreutils;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The expressions of an awk program, each node evaluating itself against the {@link AwkRuntime}
 * (a tree-walking interpreter: virtual dispatch, and {@link #num} overridden by arithmetic so
 * numbers stay unboxed along a chain). Variables, fields and array elements are in
 * {@link AwkLvalue}; calls and getline in {@link AwkCall}.
 */
abstract class AwkExpr {
    /** The value: a Double, String, Strnum or UNINIT. */
    abstract Object eval(AwkRuntime rt);

    double num(AwkRuntime rt) {
        return AwkValue.num(eval(rt));
    }

    String str(AwkRuntime rt) {
        return rt.str(eval(rt));
    }

    boolean bool(AwkRuntime rt) {
        return AwkValue.bool(eval(rt));
    }

    static Double box(boolean b) {
        return b ? ONE : ZERO;
    }

    static final Double ONE = 1.0;
    static final Double ZERO = 0.0;

    /** A number or string constant. */
    static final class Literal extends AwkExpr {
        final Object value;
        private final double number;

        Literal(Object value) {
            this.value = value;
            this.number = AwkValue.num(value);
        }

        @Override
        Object eval(AwkRuntime rt) {
            return value;
        }

        @Override
        double num(AwkRuntime rt) {
            return number;
        }
    }

    /** A regex literal; as a value it matches $0. Builtins and ~ use its pattern directly. */
    static final class Regex extends AwkExpr {
        final String source;
        final Pattern pattern;

        Regex(String source, boolean utf8) {
            this.source = source;
            this.pattern = AwkRegex.compile(source, utf8);
        }

        @Override
        Object eval(AwkRuntime rt) {
            return box(pattern.matcher(rt.checkpoint.watch(rt.record().toString())).find());
        }
    }

    /** The pattern an operand stands for as a regex: a regex literal's own, or a dynamic one. */
    static Pattern pattern(AwkExpr e, AwkRuntime rt) {
        if (e instanceof Regex r) {
            return r.pattern;
        }
        return rt.regexes.get(e.str(rt));
    }

    /** + - * / % ^ */
    static final class Arith extends AwkExpr {
        final char op;
        final AwkExpr left;
        final AwkExpr right;

        Arith(char op, AwkExpr left, AwkExpr right) {
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        Object eval(AwkRuntime rt) {
            return num(rt);
        }

        @Override
        double num(AwkRuntime rt) {
            return apply(op, left.num(rt), right.num(rt));
        }

        static double apply(char op, double a, double b) {
            return switch (op) {
                case '+' -> a + b;
                case '-' -> a - b;
                case '*' -> a * b;
                case '/' -> {
                    if (b == 0) {
                        throw new AwkFatal("division by zero attempted");
                    }
                    yield a / b;
                }
                case '%' -> {
                    if (b == 0) {
                        throw new AwkFatal("division by zero attempted in `%'");
                    }
                    yield a % b;
                }
                default -> power(a, b);
            };
        }

        static double power(double a, double b) {
            return Math.pow(a, b);
        }
    }

    /** Unary minus, unary plus (a numeric conversion) and logical not. */
    static final class Unary extends AwkExpr {
        final char op;
        final AwkExpr operand;

        Unary(char op, AwkExpr operand) {
            this.op = op;
            this.operand = operand;
        }

        @Override
        Object eval(AwkRuntime rt) {
            return op == '!' ? box(!operand.bool(rt)) : (Object) num(rt);
        }

        @Override
        double num(AwkRuntime rt) {
            return switch (op) {
                case '-' -> -operand.num(rt);
                case '+' -> operand.num(rt);
                default -> operand.bool(rt) ? 0 : 1;
            };
        }

        @Override
        boolean bool(AwkRuntime rt) {
            return op == '!' ? !operand.bool(rt) : num(rt) != 0;
        }
    }

    /** String concatenation of two or more operands. */
    static final class Concat extends AwkExpr {
        final AwkExpr[] parts;

        Concat(List<AwkExpr> parts) {
            this.parts = parts.toArray(AwkExpr[]::new);
        }

        @Override
        Object eval(AwkRuntime rt) {
            if (parts.length == 2) {
                String a = parts[0].str(rt);
                String b = parts[1].str(rt);
                rt.memory.building(a.length() + b.length());
                return a.concat(b);
            }
            StringBuilder b = new StringBuilder();
            for (AwkExpr part : parts) {
                String text = part.str(rt);
                rt.memory.building(b.length() + text.length());
                b.append(text);
            }
            return b.toString();
        }
    }

    /** A relational comparison, numeric or by strings as POSIX says. */
    static final class Compare extends AwkExpr {
        final String op;
        final AwkExpr left;
        final AwkExpr right;

        Compare(String op, AwkExpr left, AwkExpr right) {
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        Object eval(AwkRuntime rt) {
            return box(bool(rt));
        }

        @Override
        double num(AwkRuntime rt) {
            return bool(rt) ? 1 : 0;
        }

        @Override
        boolean bool(AwkRuntime rt) {
            Object a = left.eval(rt);
            Object b = right.eval(rt);
            if (a instanceof Double x && b instanceof Double y) {
                return test(x < y ? -1 : x > y ? 1 : x.doubleValue() == y.doubleValue() ? 0 : 2);
            }
            return test(rt.compare(a, b));
        }

        private boolean test(int c) {
            return switch (op) {
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0 && c != 2;
                case ">=" -> c >= 0 && c != 2;
                case "==" -> c == 0;
                default -> c != 0;
            };
        }
    }

    /** {@code s ~ re} and {@code s !~ re}. */
    static final class Match extends AwkExpr {
        final AwkExpr subject;
        final AwkExpr regex;
        final boolean negated;

        Match(AwkExpr subject, AwkExpr regex, boolean negated) {
            this.subject = subject;
            this.regex = regex;
            this.negated = negated;
        }

        @Override
        Object eval(AwkRuntime rt) {
            return box(bool(rt));
        }

        @Override
        boolean bool(AwkRuntime rt) {
            String text = subject.str(rt);
            return pattern(regex, rt).matcher(rt.checkpoint.watch(text)).find() != negated;
        }
    }

    /** && and ||, short-circuit. */
    static final class Logical extends AwkExpr {
        final boolean and;
        final AwkExpr left;
        final AwkExpr right;

        Logical(boolean and, AwkExpr left, AwkExpr right) {
            this.and = and;
            this.left = left;
            this.right = right;
        }

        @Override
        Object eval(AwkRuntime rt) {
            return box(bool(rt));
        }

        @Override
        boolean bool(AwkRuntime rt) {
            return and ? left.bool(rt) && right.bool(rt) : left.bool(rt) || right.bool(rt);
        }
    }

    /** {@code c ? a : b}. */
    static final class Conditional extends AwkExpr {
        final AwkExpr condition;
        final AwkExpr then;
        final AwkExpr otherwise;

        Conditional(AwkExpr condition, AwkExpr then, AwkExpr otherwise) {
            this.condition = condition;
            this.then = then;
            this.otherwise = otherwise;
        }

        @Override
        Object eval(AwkRuntime rt) {
            return condition.bool(rt) ? then.eval(rt) : otherwise.eval(rt);
        }
    }

    /** {@code (i, j) in array}. */
    static final class In extends AwkExpr {
        final List<AwkExpr> subscripts;
        final AwkLvalue.ArrayRef array;

        In(List<AwkExpr> subscripts, AwkLvalue.ArrayRef array) {
            this.subscripts = subscripts;
            this.array = array;
        }

        @Override
        Object eval(AwkRuntime rt) {
            return box(bool(rt));
        }

        @Override
        boolean bool(AwkRuntime rt) {
            return array.array(rt).contains(AwkLvalue.subscript(subscripts, rt));
        }
    }

    /** Parenthesised expression, kept only so the parser can tell {@code (a > b)} from a redirection. */
    static final class Group extends AwkExpr {
        final AwkExpr inner;

        Group(AwkExpr inner) {
            this.inner = inner;
        }

        @Override
        Object eval(AwkRuntime rt) {
            return inner.eval(rt);
        }

        @Override
        double num(AwkRuntime rt) {
            return inner.num(rt);
        }

        @Override
        boolean bool(AwkRuntime rt) {
            return inner.bool(rt);
        }
    }
}
