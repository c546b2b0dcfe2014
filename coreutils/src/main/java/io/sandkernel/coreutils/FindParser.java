package io.sandkernel.coreutils;

import java.util.List;
import java.util.Set;

/**
 * Parses find's expression: operators by precedence ({@code ( )}, {@code ! -not}, implicit or
 * explicit {@code -a -and}, {@code -o -or}, {@code ,}), global options ({@code -maxdepth
 * -mindepth -depth -xdev -daystart -regextype...}, which evaluate as true), and the tests and
 * actions {@link FindPredicates} makes, with findutils' messages for malformed expressions.
 */
final class FindParser {
    /** The global options. */
    static final class Settings {
        int maxDepth = Integer.MAX_VALUE;
        int minDepth;
        boolean depthFirst;
        boolean xdev;
        boolean deleteSeen;
        boolean pruneSeen;
        String regexType = "emacs";
    }

    private static final Set<String> BINARY = Set.of("-a", "-and", "-o", "-or", ",");

    private final List<String> args;
    private final FindPredicates predicates;
    private final Settings settings;
    private int at;

    FindParser(List<String> args, FindContext context, Settings settings) {
        this.args = args;
        this.settings = settings;
        this.predicates = new FindPredicates(context, settings, this);
    }

    /** The expression, or null when there is none. */
    FindExpr parse() {
        if (at >= args.size()) {
            return null;
        }
        FindExpr expr = comma();
        if (at < args.size()) {
            String token = args.get(at);
            if (token.equals(")")) {
                throw error("you have too many ')'");
            }
            throw error("paths must precede expression: `" + token + "'");
        }
        return expr;
    }

    static UsageException error(String message) {
        return UsageException.withoutHint(message);
    }

    private String peek() {
        return at < args.size() ? args.get(at) : null;
    }

    /** The next argument of a test, or findutils' "missing argument to `-name'". */
    String argument(String predicate) {
        if (at >= args.size()) {
            throw error("missing argument to `" + predicate + "'");
        }
        return args.get(at++);
    }

    /** Whether arguments remain. */
    boolean hasMore() {
        return at < args.size();
    }

    /** The next argument without consuming it, or null. */
    String next() {
        return peek();
    }

    /** Consumes one argument. */
    String take() {
        return args.get(at++);
    }

    private FindExpr comma() {
        FindExpr left = or();
        while (",".equals(peek())) {
            at++;
            if (peek() == null || peek().equals(")")) {
                throw error("expected an expression after ','");
            }
            left = new FindExpr.Comma(left, or());
        }
        return left;
    }

    private FindExpr or() {
        FindExpr left = and();
        while ("-o".equals(peek()) || "-or".equals(peek())) {
            String op = args.get(at++);
            if (peek() == null || peek().equals(")") || peek().equals(",")) {
                throw error("expected an expression after '" + op + "'");
            }
            left = new FindExpr.Or(left, and());
        }
        return left;
    }

    private FindExpr and() {
        FindExpr left = unary();
        while (true) {
            String token = peek();
            if ("-a".equals(token) || "-and".equals(token)) {
                at++;
                if (peek() == null || peek().equals(")") || peek().equals(",")) {
                    throw error("expected an expression after '" + token + "'");
                }
                left = new FindExpr.And(left, unary());
            } else if (token != null && !token.equals(")") && !BINARY.contains(token)) {
                left = new FindExpr.And(left, unary());
            } else {
                return left;
            }
        }
    }

    private FindExpr unary() {
        String token = peek();
        if ("!".equals(token) || "-not".equals(token)) {
            at++;
            if (peek() == null || peek().equals(")") || BINARY.contains(peek())) {
                throw error("expected an expression after '" + token + "'");
            }
            return new FindExpr.Not(unary());
        }
        if ("(".equals(token)) {
            at++;
            if (")".equals(peek())) {
                throw error("invalid expression; empty parentheses are not allowed.");
            }
            if (peek() == null) {
                throw error("invalid expression; I was expecting to find a ')' somewhere but did not see one.");
            }
            FindExpr inner = comma();
            if (!")".equals(peek())) {
                throw error("invalid expression; I was expecting to find a ')' somewhere but did not see one.");
            }
            at++;
            return inner;
        }
        if (BINARY.contains(token)) {
            throw error("invalid expression; you have used a binary operator '" + token + "' with nothing before it.");
        }
        if (")".equals(token)) {
            throw error("you have too many ')'");
        }
        at++;
        return predicates.primary(token);
    }
}
