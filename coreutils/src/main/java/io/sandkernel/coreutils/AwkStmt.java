package io.sandkernel.coreutils;

import java.util.List;

/**
 * The statements of an awk program. {@link #exec} returns how control leaves the statement
 * ({@link #NORMAL}, {@link #BREAK}, {@link #CONTINUE}, {@link #RETURN}); next, nextfile and exit,
 * which can happen inside functions, throw {@link AwkRuntime.Jump} instead. Every loop iteration
 * is a signal checkpoint.
 */
abstract class AwkStmt {
    static final int NORMAL = 0;
    static final int BREAK = 1;
    static final int CONTINUE = 2;
    static final int RETURN = 3;

    abstract int exec(AwkRuntime rt);

    /** { statements } */
    static final class Block extends AwkStmt {
        final AwkStmt[] statements;

        Block(List<AwkStmt> statements) {
            this.statements = statements.toArray(AwkStmt[]::new);
        }

        @Override
        int exec(AwkRuntime rt) {
            for (AwkStmt statement : statements) {
                int code = statement.exec(rt);
                if (code != NORMAL) {
                    return code;
                }
            }
            return NORMAL;
        }
    }

    /** An expression evaluated for its effect. */
    static final class Expression extends AwkStmt {
        final AwkExpr expr;

        Expression(AwkExpr expr) {
            this.expr = expr;
        }

        @Override
        int exec(AwkRuntime rt) {
            expr.eval(rt);
            return NORMAL;
        }
    }

    /** Where print and printf send their output. */
    static final int TO_STDOUT = 0;
    static final int TO_FILE = 1;
    static final int TO_APPEND = 2;
    static final int TO_PIPE = 3;

    /** print and printf, with an optional redirection. */
    static final class Print extends AwkStmt {
        final boolean formatted;
        final List<AwkExpr> args;
        final int redirect;
        final AwkExpr destination;

        Print(boolean formatted, List<AwkExpr> args, int redirect, AwkExpr destination) {
            this.formatted = formatted;
            this.args = args;
            this.redirect = redirect;
            this.destination = destination;
        }

        @Override
        int exec(AwkRuntime rt) {
            String text;
            if (formatted) {
                if (args.isEmpty()) {
                    throw new AwkFatal("printf: no format");
                }
                java.util.List<Object> values = new java.util.ArrayList<>(args.size() - 1);
                for (int i = 1; i < args.size(); i++) {
                    values.add(args.get(i).eval(rt));
                }
                text = AwkFormat.sprintf(args.get(0).str(rt), values, rt);
            } else if (args.isEmpty()) {
                text = rt.record().toString().concat(rt.ors);
            } else if (args.size() == 1) {
                text = rt.outStr(args.get(0).eval(rt)).concat(rt.ors);
            } else {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < args.size(); i++) {
                    if (i > 0) {
                        b.append(rt.ofs);
                    }
                    b.append(rt.outStr(args.get(i).eval(rt)));
                }
                text = b.append(rt.ors).toString();
            }
            if (redirect == TO_STDOUT) {
                rt.io.writeStdout(text);
            } else {
                rt.io.write(destination.str(rt), redirect, text);
            }
            return NORMAL;
        }
    }

    /** if (c) s [else s] */
    static final class If extends AwkStmt {
        final AwkExpr condition;
        final AwkStmt then;
        final AwkStmt otherwise;

        If(AwkExpr condition, AwkStmt then, AwkStmt otherwise) {
            this.condition = condition;
            this.then = then;
            this.otherwise = otherwise;
        }

        @Override
        int exec(AwkRuntime rt) {
            if (condition.bool(rt)) {
                return then.exec(rt);
            }
            return otherwise == null ? NORMAL : otherwise.exec(rt);
        }
    }

    /** while, do-while and the three-part for. */
    static final class Loop extends AwkStmt {
        final AwkExpr init;
        final AwkExpr condition;
        final AwkExpr step;
        final AwkStmt body;
        final boolean testFirst;

        Loop(AwkExpr init, AwkExpr condition, AwkExpr step, AwkStmt body, boolean testFirst) {
            this.init = init;
            this.condition = condition;
            this.step = step;
            this.body = body;
            this.testFirst = testFirst;
        }

        @Override
        int exec(AwkRuntime rt) {
            if (init != null) {
                init.eval(rt);
            }
            boolean first = true;
            while (true) {
                rt.checkpoint.poll();
                if ((testFirst || !first) && condition != null && !condition.bool(rt)) {
                    return NORMAL;
                }
                first = false;
                int code = body.exec(rt);
                if (code == BREAK) {
                    return NORMAL;
                }
                if (code == RETURN) {
                    return RETURN;
                }
                if (step != null) {
                    step.eval(rt);
                }
            }
        }
    }

    /** for (k in array) */
    static final class ForIn extends AwkStmt {
        final AwkLvalue variable;
        final AwkLvalue.ArrayRef array;
        final AwkStmt body;

        ForIn(AwkLvalue variable, AwkLvalue.ArrayRef array, AwkStmt body) {
            this.variable = variable;
            this.array = array;
            this.body = body;
        }

        @Override
        int exec(AwkRuntime rt) {
            AwkArray a = array.array(rt);
            for (String key : a.keys()) {
                rt.checkpoint.poll();
                if (!a.contains(key)) {
                    continue; // deleted by the body
                }
                variable.assign(rt, new AwkValue.Strnum(key));
                int code = body.exec(rt);
                if (code == BREAK) {
                    return NORMAL;
                }
                if (code == RETURN) {
                    return RETURN;
                }
            }
            return NORMAL;
        }
    }

    /** break, continue. */
    static final class Control extends AwkStmt {
        final int code;

        Control(int code) {
            this.code = code;
        }

        @Override
        int exec(AwkRuntime rt) {
            return code;
        }
    }

    /** next, nextfile, exit [status]. */
    static final class Jump extends AwkStmt {
        final int kind;
        final AwkExpr status;

        Jump(int kind, AwkExpr status) {
            this.kind = kind;
            this.status = status;
        }

        @Override
        int exec(AwkRuntime rt) {
            switch (kind) {
                case AwkRuntime.JUMP_NEXT -> throw AwkRuntime.NEXT;
                case AwkRuntime.JUMP_NEXTFILE -> throw AwkRuntime.NEXTFILE;
                default -> {
                    if (status != null) {
                        rt.exitStatus = ((int) status.num(rt)) & 0xFF;
                    }
                    throw AwkRuntime.EXIT;
                }
            }
        }
    }

    /** return [value]. */
    static final class Return extends AwkStmt {
        final AwkExpr value;

        Return(AwkExpr value) {
            this.value = value;
        }

        @Override
        int exec(AwkRuntime rt) {
            rt.returnValue = value == null ? AwkValue.UNINIT : value.eval(rt);
            return RETURN;
        }
    }

    /** delete a[i] and delete a. */
    static final class Delete extends AwkStmt {
        final AwkLvalue.ArrayRef array;
        final List<AwkExpr> subscripts;

        Delete(AwkLvalue.ArrayRef array, List<AwkExpr> subscripts) {
            this.array = array;
            this.subscripts = subscripts;
        }

        @Override
        int exec(AwkRuntime rt) {
            AwkArray a = array.array(rt);
            if (subscripts == null) {
                a.clear();
            } else {
                a.remove(AwkLvalue.subscript(subscripts, rt));
            }
            return NORMAL;
        }
    }
}
