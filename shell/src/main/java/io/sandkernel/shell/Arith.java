package io.sandkernel.shell;

import java.util.HashMap;
import java.util.Map;

/**
 * Shell arithmetic ({@code $(( ))}, and bash's {@code (( ))}, {@code let}, subscripts) on 64-bit
 * integers with C precedence: assignment operators, {@code ?:}, {@code || && | ^ & == != < <= >
 * >= << >> + - * / % **}, unary {@code + - ! ~}, parentheses, numbers (decimal, {@code 0x} hex,
 * {@code 0} octal, bash's {@code base#digits}) and variables, whose values are evaluated as
 * expressions in turn. bash adds {@code ++ --}, the comma operator and array elements
 * {@code a[i]}; in dash {@code ++i} is two unary pluses. An expression is parsed once into a tree
 * ({@link Expr}) and kept in a small cache, as loops evaluate the same text again and again.
 * {@code && || ?:} short-circuit.
 */
final class Arith {
    /** Variable access for arithmetic. */
    interface Vars {
        /** The value of a variable, or null when unset. */
        String get(String name);

        void set(String name, String value);

        /** An array element ({@code name[subscript]}, the subscript as written). */
        default String get(String name, String subscript) {
            throw new ShellError(name + "[" + subscript + "]: arrays are not supported here");
        }

        default void set(String name, String subscript, String value) {
            throw new ShellError(name + "[" + subscript + "]: arrays are not supported here");
        }
    }

    private static final int CACHE_LIMIT = 1024;
    /** A number as dash reads one from a variable (strtoimax with base 0). */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[+-]?(0[xX][0-9a-fA-F]+|[0-9]+)");
    private static final Map<String, Expr> SH_CACHE = new HashMap<>();
    private static final Map<String, Expr> BASH_CACHE = new HashMap<>();

    private Arith() {}

    /**
     * Evaluates {@code text} with dash's grammar.
     *
     * @throws ShellError with dash's message for a bad expression
     */
    static long eval(String text, Vars vars) {
        return eval(text, vars, false);
    }

    /** Evaluates {@code text}, with bash's grammar and messages when {@code bash}. */
    static long eval(String text, Vars vars, boolean bash) {
        return new Evaluator(vars, bash, 0).eval(text);
    }

    static Expr parse(String text, boolean bash) {
        Map<String, Expr> cache = bash ? BASH_CACHE : SH_CACHE;
        synchronized (cache) {
            Expr expr = cache.get(text);
            if (expr != null) {
                return expr;
            }
        }
        Expr expr = new ArithParser(text, bash).parseAll();
        synchronized (cache) {
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(text, expr);
        }
        return expr;
    }

    /** A parsed expression. */
    sealed interface Expr permits Num, VarRef, Elem, Unary, Binary, Logical, Ternary, Assign, Step, Comma, Empty {}

    record Num(long value) implements Expr {}

    record VarRef(String name) implements Expr {}

    /** {@code name[subscript]}: the subscript as written, and parsed for indexed arrays. */
    record Elem(String name, String subscript, Expr index) implements Expr {}

    record Unary(char op, Expr operand) implements Expr {}

    record Binary(String op, Expr left, Expr right) implements Expr {}

    /** {@code &&} ({@code and}) or {@code ||}. */
    record Logical(boolean and, Expr left, Expr right) implements Expr {}

    record Ternary(Expr condition, Expr yes, Expr no) implements Expr {}

    /** {@code target op= value}; op is "" for plain '='. */
    record Assign(Expr target, String op, Expr value) implements Expr {}

    /** {@code ++x}, {@code x--}...: {@code delta} +1 or -1. */
    record Step(Expr target, int delta, boolean prefix) implements Expr {}

    record Comma(Expr left, Expr right) implements Expr {}

    /** An empty expression: 0. */
    record Empty() implements Expr {}

    /** Evaluates parsed expressions against variables. */
    static final class Evaluator {
        private final Vars vars;
        private final boolean bash;
        private final int depth;
        private String text = "";

        Evaluator(Vars vars, boolean bash, int depth) {
            this.vars = vars;
            this.bash = bash;
            this.depth = depth;
        }

        long eval(String source) {
            if (depth > 64) {
                throw new ShellError(bash ? source.strip() + ": expression recursion level exceeded"
                        : "arithmetic expression: recursion too deep: \"" + source.strip() + "\"", bash ? 1 : 2);
            }
            this.text = source;
            return value(parse(source, bash));
        }

        private ShellError error(String what) {
            return ArithParser.error(text, what, bash);
        }

        long value(Expr expr) {
            return switch (expr) {
                case Num num -> num.value();
                case Empty empty -> 0;
                case VarRef ref -> variable(vars.get(ref.name()), ref.name());
                case Elem elem -> variable(vars.get(elem.name(), subscript(elem)), elem.name());
                case Unary unary -> {
                    long v = value(unary.operand());
                    yield switch (unary.op()) {
                        case '-' -> -v;
                        case '!' -> v == 0 ? 1 : 0;
                        case '~' -> ~v;
                        default -> v;
                    };
                }
                case Binary binary -> apply(binary.op(), value(binary.left()), value(binary.right()));
                case Logical logical -> {
                    // the side not needed is not evaluated: no assignments, no division errors there
                    long left = value(logical.left());
                    if (logical.and() ? left == 0 : left != 0) {
                        yield logical.and() ? 0 : 1;
                    }
                    yield value(logical.right()) != 0 ? 1 : 0;
                }
                case Ternary ternary -> value(ternary.condition()) != 0 ? value(ternary.yes()) : value(ternary.no());
                case Assign assign -> {
                    long rhs = value(assign.value());
                    long result = assign.op().isEmpty() ? rhs : apply(assign.op(), value(assign.target()), rhs);
                    store(assign.target(), result);
                    yield result;
                }
                case Step step -> {
                    long old = value(step.target());
                    long updated = old + step.delta();
                    store(step.target(), updated);
                    yield step.prefix() ? updated : old;
                }
                case Comma comma -> {
                    value(comma.left());
                    yield value(comma.right());
                }
            };
        }

        private String subscript(Elem elem) {
            return elem.subscript();
        }

        private void store(Expr target, long value) {
            String text = Long.toString(value);
            if (target instanceof VarRef ref) {
                vars.set(ref.name(), text);
            } else if (target instanceof Elem elem) {
                vars.set(elem.name(), subscript(elem), text);
            } else {
                throw error(bash ? "attempted assignment to non-variable" : "expecting primary");
            }
        }

        private long variable(String value, String name) {
            if (value == null || value.isBlank()) {
                return 0;
            }
            String trimmed = value.strip();
            long parsed = ArithParser.quickNumber(trimmed);
            if (parsed != Long.MIN_VALUE || trimmed.equals("-9223372036854775808")) {
                return parsed;
            }
            if (!bash && !NUMBER.matcher(trimmed).matches()) {
                // dash reads a variable as a number, where bash evaluates it as an expression
                throw new ShellError("Illegal number: " + value, 2);
            }
            return new Evaluator(vars, bash, depth + 1).eval(trimmed);
        }

        /** bash names the divisor and what follows it; the tree keeps no positions, the text's first {@code op} is taken. */
        private String divisorText(String op) {
            int at = text.indexOf(op);
            return at < 0 ? "" : text.substring(at + 1).stripLeading();
        }

        private long apply(String op, long a, long b) {
            return switch (op) {
                case "+" -> a + b;
                case "-" -> a - b;
                case "*" -> a * b;
                case "/", "%" -> {
                    if (b == 0) {
                        throw bash ? error("division by 0 (error token is \"" + divisorText(op) + "\")")
                                : new ShellError("arithmetic expression: division by zero: \"" + text + "\"");
                    }
                    if (a == Long.MIN_VALUE && b == -1) {
                        yield op.equals("/") ? a : 0;
                    }
                    yield op.equals("/") ? a / b : a % b;
                }
                case "**" -> {
                    if (b < 0) {
                        throw error("exponent less than 0");
                    }
                    long result = 1;
                    long base = a;
                    long e = b;
                    while (e > 0) {
                        if ((e & 1) != 0) {
                            result *= base;
                        }
                        base *= base;
                        e >>= 1;
                    }
                    yield result;
                }
                case "<<" -> a << b;
                case ">>" -> a >> b;
                case "&" -> a & b;
                case "^" -> a ^ b;
                case "|" -> a | b;
                case "==" -> a == b ? 1 : 0;
                case "!=" -> a != b ? 1 : 0;
                case "<" -> a < b ? 1 : 0;
                case "<=" -> a <= b ? 1 : 0;
                case ">" -> a > b ? 1 : 0;
                case ">=" -> a >= b ? 1 : 0;
                default -> throw error("bad operator " + op);
            };
        }
    }
}
