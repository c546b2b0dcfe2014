package io.sandkernel.coreutils;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Calls in awk expressions: the built-in functions, user-defined functions and getline. */
abstract class AwkCall extends AwkExpr {
    /** A user-defined function, linked to its calls once the whole program is parsed. */
    static final class Function {
        final String name;
        final List<String> params;
        /** Which parameters the body uses as arrays. */
        final boolean[] arrayParams;
        AwkStmt body;

        Function(String name, List<String> params) {
            this.name = name;
            this.params = params;
            this.arrayParams = new boolean[params.size()];
        }
    }

    /** A call of a user-defined function. */
    static final class User extends AwkCall {
        final String name;
        final List<AwkExpr> args;
        Function function;

        User(String name, List<AwkExpr> args) {
            this.name = name;
            this.args = args;
        }

        @Override
        Object eval(AwkRuntime rt) {
            Function f = function;
            Object[] frame = new Object[f.params.size()];
            for (int i = 0; i < frame.length; i++) {
                frame[i] = i < args.size() ? argument(rt, args.get(i), f.arrayParams[i]) : AwkValue.UNINIT;
            }
            rt.checkpoint.poll(); // recursion is a loop too
            Object[] saved = rt.locals;
            if (++rt.depth > 10_000) {
                throw new AwkFatal("function `" + name + "': call nesting too deep");
            }
            rt.locals = frame;
            try {
                rt.returnValue = AwkValue.UNINIT;
                f.body.exec(rt);
                Object result = rt.returnValue;
                rt.returnValue = AwkValue.UNINIT;
                return result;
            } finally {
                rt.locals = saved;
                rt.depth--;
            }
        }

        /** Arrays go by reference: a variable holding one (or unused, for a parameter used as one) passes the array. */
        private static Object argument(AwkRuntime rt, AwkExpr arg, boolean arrayParam) {
            if (arg instanceof AwkLvalue.Global g) {
                Object v = rt.globals[g.slot];
                if (v instanceof AwkArray || (arrayParam && v == AwkValue.UNINIT)) {
                    return rt.globalArray(g.slot, g.name);
                }
                return v;
            }
            if (arg instanceof AwkLvalue.Local l) {
                Object v = rt.locals[l.slot];
                if (v instanceof AwkArray || (arrayParam && v == AwkValue.UNINIT)) {
                    return rt.localArray(l.slot, l.name);
                }
                return v;
            }
            return arg.eval(rt);
        }
    }

    /** getline in its three forms: from the main input, {@code < file} and {@code cmd |}. */
    static final class Getline extends AwkCall {
        static final int MAIN = 0;
        static final int FILE = 1;
        static final int COMMAND = 2;
        final int kind;
        final AwkExpr source;
        final AwkLvalue target;

        Getline(int kind, AwkExpr source, AwkLvalue target) {
            this.kind = kind;
            this.source = source;
            this.target = target;
        }

        @Override
        Object eval(AwkRuntime rt) {
            String record;
            try {
                record = switch (kind) {
                    case MAIN -> rt.io.nextMainRecord();
                    case FILE -> rt.io.readFile(source.str(rt));
                    default -> rt.io.readCommand(source.str(rt));
                };
            } catch (AwkIo.ReadFailure e) {
                return -1.0;
            }
            if (record == null) {
                return ZERO;
            }
            if (kind != FILE) {
                rt.nr++;
                if (kind == MAIN) {
                    rt.fnr++;
                }
            }
            if (target == null) {
                rt.setRecord(record);
            } else {
                target.assign(rt, new AwkValue.Strnum(record));
            }
            return ONE;
        }
    }

    /** A built-in function. */
    static final class Builtin extends AwkCall {
        final String name;
        final List<AwkExpr> args;

        Builtin(String name, List<AwkExpr> args) {
            this.name = name;
            this.args = args;
        }

        private AwkExpr arg(int i) {
            return args.get(i);
        }

        @Override
        Object eval(AwkRuntime rt) {
            return switch (name) {
                case "length" -> (double) length(rt);
                case "substr" -> substr(rt);
                case "index" -> index(rt.counted(arg(0).str(rt)), arg(1).str(rt));
                case "split" -> (double) split(rt);
                case "sub", "gsub" -> (double) substitute(rt, name.equals("gsub"));
                case "match" -> match(rt);
                case "sprintf" -> sprintf(rt);
                case "tolower" -> LetterCase.map(rt.counted(arg(0).str(rt)), false, rt.utf8);
                case "toupper" -> LetterCase.map(rt.counted(arg(0).str(rt)), true, rt.utf8);
                case "system" -> (double) rt.io.system(arg(0).str(rt));
                case "close" -> (double) rt.io.close(arg(0).str(rt));
                case "fflush" -> (double) rt.io.fflush(args.isEmpty() ? null : arg(0).str(rt));
                case "rand" -> rt.rand();
                case "srand" -> rt.srand(args.isEmpty() ? null : arg(0).num(rt));
                default -> num(rt);
            };
        }

        @Override
        double num(AwkRuntime rt) {
            return switch (name) {
                case "int" -> {
                    double d = arg(0).num(rt);
                    yield d < 0 ? Math.ceil(d) : Math.floor(d);
                }
                case "sqrt" -> Math.sqrt(arg(0).num(rt));
                case "exp" -> Math.exp(arg(0).num(rt));
                case "log" -> Math.log(arg(0).num(rt));
                case "sin" -> Math.sin(arg(0).num(rt));
                case "cos" -> Math.cos(arg(0).num(rt));
                case "atan2" -> Math.atan2(arg(0).num(rt), arg(1).num(rt));
                case "length" -> length(rt);
                default -> AwkValue.num(eval(rt));
            };
        }

        private int length(AwkRuntime rt) {
            if (args.isEmpty()) {
                return characters(rt.counted(rt.record().toString()));
            }
            AwkExpr a = arg(0);
            if (a instanceof AwkLvalue.Global g && rt.globals[g.slot] instanceof AwkArray array) {
                return array.size();
            }
            if (a instanceof AwkLvalue.Local l && rt.locals[l.slot] instanceof AwkArray array) {
                return array.size();
            }
            return characters(rt.counted(a.str(rt)));
        }

        /**
         * How many characters {@code s} holds: a surrogate pair of decoded text is one, as each
         * byte that is no character is (byte strings hold no surrogates, so this is their length).
         */
        private static int characters(String s) {
            return s.codePointCount(0, s.length());
        }

        /** index(s, t): where t first starts in s, counted in characters from 1; 0 when it does not occur. */
        private static double index(String s, String t) {
            int at = s.indexOf(t);
            return at < 0 ? 0 : s.codePointCount(0, at) + 1;
        }

        /** substr as onetrue-awk and POSIX-mode gawk do it: truncated numbers, a start below 1 moved to 1. */
        private String substr(AwkRuntime rt) {
            String s = rt.counted(arg(0).str(rt));
            int k = characters(s);
            double m = truncate(arg(1).num(rt));
            if (Double.isNaN(m) || m < 1) {
                m = 1;
            } else if (m > k) {
                m = k + 1;
            }
            double n = args.size() > 2 ? truncate(arg(2).num(rt)) : k + 1 - m;
            if (Double.isNaN(n) || n < 0) {
                n = 0;
            } else if (n > k + 1 - m) {
                n = k + 1 - m;
            }
            int start = (int) m - 1;
            if (k == s.length()) {
                return s.substring(start, start + (int) n);
            }
            int from = s.offsetByCodePoints(0, start);
            return s.substring(from, s.offsetByCodePoints(from, (int) n));
        }

        private static double truncate(double d) {
            return d < 0 ? Math.ceil(d) : Math.floor(d);
        }

        private int split(AwkRuntime rt) {
            String text = arg(0).str(rt);
            AwkArray array = arrayArgument(rt, arg(1));
            array.clear();
            String separator;
            if (args.size() > 2) {
                AwkExpr fs = arg(2);
                if (fs instanceof Regex r) {
                    List<String> pieces = new ArrayList<>();
                    Matcher m = r.pattern.matcher(rt.checkpoint.watch(text));
                    if (text.isEmpty()) {
                        return 0;
                    }
                    int start = 0;
                    int from = 0;
                    while (from <= text.length() && m.find(from)) {
                        if (m.end() == m.start()) {
                            from = m.end() + 1;
                            continue;
                        }
                        pieces.add(text.substring(start, m.start()));
                        start = m.end();
                        from = start;
                    }
                    pieces.add(text.substring(start));
                    for (int i = 0; i < pieces.size(); i++) {
                        array.put(Integer.toString(i + 1), new AwkValue.Strnum(pieces.get(i)));
                    }
                    return pieces.size();
                }
                separator = fs.str(rt);
            } else {
                separator = rt.str(rt.globals[AwkRuntime.FS]);
            }
            return rt.splitInto(text, separator, false,
                    (index, piece) -> array.put(Integer.toString(index), new AwkValue.Strnum(piece)));
        }

        private static AwkArray arrayArgument(AwkRuntime rt, AwkExpr e) {
            if (e instanceof AwkLvalue.Global g) {
                return rt.globalArray(g.slot, g.name);
            }
            if (e instanceof AwkLvalue.Local l) {
                return rt.localArray(l.slot, l.name);
            }
            throw new AwkFatal("split: second argument is not an array");
        }

        private int substitute(AwkRuntime rt, boolean global) {
            Pattern pattern = pattern(arg(0), rt);
            String replacement = arg(1).str(rt);
            AwkExpr targetExpr = args.size() > 2 ? arg(2) : null;
            String text = targetExpr == null ? rt.record().toString() : targetExpr.str(rt);
            Matcher m = pattern.matcher(rt.checkpoint.watch(text));
            StringBuilder out = null;
            int copied = 0;
            int from = 0;
            int previousEnd = -1;
            int count = 0;
            while (from <= text.length() && m.find(from)) {
                int start = m.start();
                int end = m.end();
                if (start == end && start == previousEnd) {
                    from = start + 1;
                    continue;
                }
                if (out == null) {
                    out = new StringBuilder(text.length() + 16);
                }
                out.append(text, copied, start);
                appendReplacement(replacement, text, start, end, out);
                copied = end;
                count++;
                if (!global) {
                    break;
                }
                previousEnd = end;
                from = start == end ? end + 1 : end;
            }
            if (count == 0) {
                return 0;
            }
            out.append(text, copied, text.length());
            String result = out.toString();
            if (targetExpr == null) {
                rt.setRecord(result);
            } else if (targetExpr instanceof AwkLvalue lvalue) {
                lvalue.assign(rt, result);
            }
            return count;
        }

        /** {@code &} is the match, {@code \&} a literal ampersand, {@code \\} a backslash. */
        private static void appendReplacement(String replacement, String text, int start, int end, StringBuilder out) {
            for (int i = 0; i < replacement.length(); i++) {
                char c = replacement.charAt(i);
                if (c == '\\' && i + 1 < replacement.length()
                        && (replacement.charAt(i + 1) == '&' || replacement.charAt(i + 1) == '\\')) {
                    out.append(replacement.charAt(++i));
                } else if (c == '&') {
                    out.append(text, start, end);
                } else {
                    out.append(c);
                }
            }
        }

        private Object match(AwkRuntime rt) {
            String text = rt.counted(arg(0).str(rt));
            Matcher m = pattern(arg(1), rt).matcher(rt.checkpoint.watch(text));
            double start = 0;
            double length = -1;
            if (m.find()) {
                start = text.codePointCount(0, m.start()) + 1;
                length = text.codePointCount(m.start(), m.end());
            }
            rt.globals[AwkRuntime.RSTART] = start;
            rt.globals[AwkRuntime.RLENGTH] = length;
            return start;
        }

        private Object sprintf(AwkRuntime rt) {
            if (args.isEmpty()) {
                return "";
            }
            List<Object> values = new ArrayList<>(args.size() - 1);
            for (int i = 1; i < args.size(); i++) {
                values.add(arg(i).eval(rt));
            }
            return AwkFormat.sprintf(arg(0).str(rt), values, rt);
        }
    }
}
