package io.sandkernel.coreutils;

import java.util.List;

/**
 * The assignable expressions of awk (variables, special variables, fields, array elements),
 * the array references they use, and the assignment and increment operators.
 */
abstract class AwkLvalue extends AwkExpr {
    abstract void assign(AwkRuntime rt, Object value);

    /** The subscript of {@code a[i, j]}: the values joined by SUBSEP. */
    static String subscript(List<AwkExpr> subscripts, AwkRuntime rt) {
        if (subscripts.size() == 1) {
            return rt.key(subscripts.get(0).eval(rt));
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < subscripts.size(); i++) {
            if (i > 0) {
                b.append(rt.subsep);
            }
            b.append(rt.key(subscripts.get(i).eval(rt)));
        }
        return b.toString();
    }

    /** A global variable. */
    static final class Global extends AwkLvalue {
        final int slot;
        final String name;

        Global(int slot, String name) {
            this.slot = slot;
            this.name = name;
        }

        @Override
        Object eval(AwkRuntime rt) {
            Object v = rt.globals[slot];
            if (v instanceof AwkArray) {
                throw new AwkFatal("attempt to use array `" + name + "' in a scalar context");
            }
            return v;
        }

        @Override
        void assign(AwkRuntime rt, Object value) {
            if (rt.globals[slot] instanceof AwkArray) {
                throw new AwkFatal("attempt to use array `" + name + "' in a scalar context");
            }
            rt.globals[slot] = value;
        }
    }

    /** A function parameter or local. */
    static final class Local extends AwkLvalue {
        final int slot;
        final String name;

        Local(int slot, String name) {
            this.slot = slot;
            this.name = name;
        }

        @Override
        Object eval(AwkRuntime rt) {
            Object v = rt.locals[slot];
            if (v instanceof AwkArray) {
                throw new AwkFatal("attempt to use array `" + name + "' in a scalar context");
            }
            return v;
        }

        @Override
        void assign(AwkRuntime rt, Object value) {
            rt.locals[slot] = value;
        }
    }

    /** NF, NR, FS and the other variables awk itself reads or sets. */
    static final class Special extends AwkLvalue {
        final int slot;

        Special(int slot) {
            this.slot = slot;
        }

        @Override
        Object eval(AwkRuntime rt) {
            return rt.getSpecial(slot);
        }

        @Override
        void assign(AwkRuntime rt, Object value) {
            rt.setSpecial(slot, value);
        }
    }

    /** {@code $expr}. */
    static final class Field extends AwkLvalue {
        final AwkExpr index;

        Field(AwkExpr index) {
            this.index = index;
        }

        int index(AwkRuntime rt) {
            double d = index.num(rt);
            return (int) Math.min(d, Integer.MAX_VALUE - 1);
        }

        @Override
        Object eval(AwkRuntime rt) {
            return rt.getField(index(rt));
        }

        @Override
        void assign(AwkRuntime rt, Object value) {
            rt.setField(index(rt), value);
        }
    }

    /** Where an array lives: a global or a local slot. */
    static final class ArrayRef {
        final int slot;
        final boolean local;
        final String name;

        ArrayRef(int slot, boolean local, String name) {
            this.slot = slot;
            this.local = local;
            this.name = name;
        }

        AwkArray array(AwkRuntime rt) {
            return local ? rt.localArray(slot, name) : rt.globalArray(slot, name);
        }
    }

    /** {@code a[i]} or {@code a[i, j]}. */
    static final class Element extends AwkLvalue {
        final ArrayRef array;
        final List<AwkExpr> subscripts;

        Element(ArrayRef array, List<AwkExpr> subscripts) {
            this.array = array;
            this.subscripts = subscripts;
        }

        @Override
        Object eval(AwkRuntime rt) {
            return array.array(rt).get(subscript(subscripts, rt));
        }

        @Override
        void assign(AwkRuntime rt, Object value) {
            array.array(rt).put(subscript(subscripts, rt), value);
        }
    }

    /** {@code lvalue = e} and {@code lvalue op= e}; the target's subscript is evaluated once. */
    static final class Assign extends AwkExpr {
        final AwkLvalue target;
        final char op;
        final AwkExpr value;

        /** @param op '=' or the arithmetic operator of a compound assignment */
        Assign(AwkLvalue target, char op, AwkExpr value) {
            this.target = target;
            this.op = op;
            this.value = value;
        }

        @Override
        Object eval(AwkRuntime rt) {
            if (op == '=') {
                Object v = value.eval(rt);
                if (v instanceof AwkArray) {
                    throw new AwkFatal("attempt to use array in a scalar context");
                }
                target.assign(rt, v);
                return v;
            }
            if (target instanceof Element element) {
                AwkArray array = element.array.array(rt);
                String key = subscript(element.subscripts, rt);
                Double result = Arith.apply(op, AwkValue.num(array.get(key)), value.num(rt));
                array.put(key, result);
                return result;
            }
            if (target instanceof Field field) {
                int index = field.index(rt);
                Double result = Arith.apply(op, AwkValue.num(rt.getField(index)), value.num(rt));
                rt.setField(index, result);
                return result;
            }
            Double result = Arith.apply(op, target.num(rt), value.num(rt));
            target.assign(rt, result);
            return result;
        }
    }

    /** {@code ++x}, {@code x++}, {@code --x}, {@code x--}. */
    static final class IncDec extends AwkExpr {
        final AwkLvalue target;
        final int delta;
        final boolean prefix;

        IncDec(AwkLvalue target, int delta, boolean prefix) {
            this.target = target;
            this.delta = delta;
            this.prefix = prefix;
        }

        @Override
        Object eval(AwkRuntime rt) {
            return num(rt);
        }

        @Override
        double num(AwkRuntime rt) {
            if (target instanceof Element element) {
                AwkArray array = element.array.array(rt);
                String key = subscript(element.subscripts, rt);
                double old = AwkValue.num(array.get(key));
                array.put(key, old + delta);
                return prefix ? old + delta : old;
            }
            if (target instanceof Field field) {
                int index = field.index(rt);
                double old = AwkValue.num(rt.getField(index));
                rt.setField(index, old + delta);
                return prefix ? old + delta : old;
            }
            double old = target.num(rt);
            target.assign(rt, old + delta);
            return prefix ? old + delta : old;
        }
    }
}
