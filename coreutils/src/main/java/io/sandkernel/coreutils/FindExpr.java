package io.sandkernel.coreutils;

/**
 * A node of find's expression tree: operators ({@code !}, {@code -a}, {@code -o}, {@code ,})
 * and the tests and actions of {@link FindPredicates}, evaluated left to right with
 * short-circuiting, as find does.
 */
interface FindExpr {
    /** Evaluates this node for {@code file}. */
    boolean eval(FindContext context, FindFile file);

    /** Whether this node (or one below it) is an action that prints or runs something. */
    default boolean hasAction() {
        return false;
    }

    /** {@code A -a B}. */
    record And(FindExpr left, FindExpr right) implements FindExpr {
        @Override
        public boolean eval(FindContext context, FindFile file) {
            return left.eval(context, file) && right.eval(context, file);
        }

        @Override
        public boolean hasAction() {
            return left.hasAction() || right.hasAction();
        }
    }

    /** {@code A -o B}. */
    record Or(FindExpr left, FindExpr right) implements FindExpr {
        @Override
        public boolean eval(FindContext context, FindFile file) {
            return left.eval(context, file) || right.eval(context, file);
        }

        @Override
        public boolean hasAction() {
            return left.hasAction() || right.hasAction();
        }
    }

    /** {@code A , B}: both evaluated, the value of B. */
    record Comma(FindExpr left, FindExpr right) implements FindExpr {
        @Override
        public boolean eval(FindContext context, FindFile file) {
            left.eval(context, file);
            return right.eval(context, file);
        }

        @Override
        public boolean hasAction() {
            return left.hasAction() || right.hasAction();
        }
    }

    /** {@code ! A}. */
    record Not(FindExpr operand) implements FindExpr {
        @Override
        public boolean eval(FindContext context, FindFile file) {
            return !operand.eval(context, file);
        }

        @Override
        public boolean hasAction() {
            return operand.hasAction();
        }
    }

    /** A test or action. */
    record Leaf(String name, Test test, boolean action) implements FindExpr {
        @Override
        public boolean eval(FindContext context, FindFile file) {
            return test.test(context, file);
        }

        @Override
        public boolean hasAction() {
            return action;
        }
    }

    /** What a leaf does. */
    @FunctionalInterface
    interface Test {
        boolean test(FindContext context, FindFile file);
    }
}
