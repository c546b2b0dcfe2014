package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * tr [-cdst] SET1 [SET2]: translates, deletes ({@code -d}) or squeezes ({@code -s}) bytes of
 * standard input. Sets take escapes, ranges {@code a-z}, classes {@code [:upper:]}, equivalence
 * classes {@code [=c=]} and repeats {@code [c*n]} / {@code [c*]}; {@code -c} complements SET1.
 */
final class TrCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("cCdst",
            "complement:c", "delete:d", "squeeze-repeats:s", "truncate-set1:t");

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        boolean complement = options.has('c') || options.has('C');
        boolean delete = options.has('d');
        boolean squeeze = options.has('s');
        List<String> operands = options.operands();
        int needed = delete && !squeeze ? 1 : delete || !squeeze ? 2 : 1;
        if (operands.isEmpty()) {
            throw new UsageException("missing operand");
        }
        if (operands.size() < needed) {
            throw new UsageException("missing operand after " + Diagnostics.quote(operands.get(0))
                    + (delete ? "\nTwo strings must be given when both deleting and squeezing repeats."
                    : "\nTwo strings must be given when translating."));
        }
        int allowed = delete && !squeeze ? 1 : 2;
        if (operands.size() > allowed) {
            throw new UsageException("extra operand " + Diagnostics.quote(operands.get(allowed))
                    + (allowed == 1 ? "\nOnly one string may be given when deleting without squeezing repeats." : ""));
        }
        List<int[]> classes1 = new ArrayList<>();
        List<int[]> classes2 = new ArrayList<>();
        List<Integer> set1 = expand(ByteText.fromArg(operands.get(0)), -1, classes1);
        if (complement) {
            set1 = complementOf(set1);
        }
        boolean translate = !delete && operands.size() > 1;
        List<Integer> set2 = operands.size() > 1
                ? expand(ByteText.fromArg(operands.get(1)), translate ? set1.size() : -1, classes2) : List.of();
        if (translate) {
            checkClasses(set1.size(), set2.size(), classes1, classes2, options.has('t'));
        }
        int[] map = identity();
        if (translate) {
            if (set2.isEmpty()) {
                throw UsageException.withoutHint("when not truncating set1, string2 must be non-empty");
            }
            int length = options.has('t') ? Math.min(set1.size(), set2.size()) : set1.size();
            for (int i = 0; i < length; i++) {
                map[set1.get(i)] = set2.get(Math.min(i, set2.size() - 1));
            }
        }
        boolean[] deleted = delete ? membership(set1) : new boolean[256];
        boolean[] squeezed = !squeeze ? new boolean[256] : membership(operands.size() > 1 ? set2 : set1);
        filter(process.stdin(), ByteText.stdout(process), map, deleted, squeezed);
        return 0;
    }

    /**
     * GNU's rules for classes in SET2 when translating: only [:upper:] and [:lower:], each
     * opposite an [:upper:] or [:lower:] of SET1 at the same position (a case conversion), and
     * not at the end of a SET2 that SET1 outruns.
     */
    private static void checkClasses(int length1, int length2, List<int[]> classes1, List<int[]> classes2,
                                     boolean truncate) {
        for (int[] second : classes2) {
            if (second[1] == 0) {
                throw UsageException.withoutHint("when translating, the only character classes that may appear in\n"
                        + "string2 are 'upper' and 'lower'");
            }
        }
        for (int[] second : classes2) {
            boolean aligned = classes1.stream().anyMatch(first -> first[0] == second[0] && first[1] != 0);
            if (!aligned) {
                throw UsageException.withoutHint("misaligned [:upper:] and/or [:lower:] construct");
            }
        }
        if (!truncate && length1 > length2 && !classes2.isEmpty()
                && classes2.get(classes2.size() - 1)[2] == length2) {
            throw UsageException.withoutHint("when translating with string1 longer than string2,\n"
                    + "the latter string must not end with a character class");
        }
    }

    private static void filter(InputStream in, OutputStream out, int[] map, boolean[] deleted, boolean[] squeezed)
            throws IOException {
        byte[] buffer = new byte[1 << 16];
        byte[] result = new byte[buffer.length];
        int last = -1;
        int n;
        while ((n = in.read(buffer)) > 0) {
            int length = 0;
            for (int i = 0; i < n; i++) {
                int b = buffer[i] & 0xff;
                if (deleted[b]) {
                    continue;
                }
                int c = map[b];
                if (squeezed[c] && c == last) {
                    continue;
                }
                result[length++] = (byte) c;
                last = c;
            }
            out.write(result, 0, length);
            out.flush();
        }
        out.flush();
    }

    private static int[] identity() {
        int[] map = new int[256];
        for (int i = 0; i < map.length; i++) {
            map[i] = i;
        }
        return map;
    }

    private static boolean[] membership(List<Integer> set) {
        boolean[] member = new boolean[256];
        for (int c : set) {
            member[c] = true;
        }
        return member;
    }

    private static List<Integer> complementOf(List<Integer> set) {
        boolean[] member = membership(set);
        List<Integer> result = new ArrayList<>();
        for (int c = 0; c < 256; c++) {
            if (!member[c]) {
                result.add(c);
            }
        }
        return result;
    }

    /**
     * Expands a set into its bytes, in order. {@code fillTo} is SET1's length when expanding SET2
     * (for {@code [c*]}), else -1. Each class is recorded in {@code classes} as {start, kind (1
     * upper, 2 lower, 0 another), end}, positions in the expanded set.
     */
    private static List<Integer> expand(String set, int fillTo, List<int[]> classes) {
        List<Integer> result = new ArrayList<>();
        int fillAt = -1;
        int fillChar = 0;
        int i = 0;
        while (i < set.length()) {
            if (set.charAt(i) == '[' && i + 1 < set.length()) {
                int close = set.indexOf(":]", i + 2);
                if (set.charAt(i + 1) == ':' && close > 0) {
                    String name = set.substring(i + 2, close);
                    int start = result.size();
                    if (!addClass(name, result)) {
                        throw UsageException.withoutHint("invalid character class " + Diagnostics.quote(name));
                    }
                    classes.add(new int[] {start, name.equals("upper") ? 1 : name.equals("lower") ? 2 : 0, result.size()});
                    i = close + 2;
                    continue;
                }
                if (set.charAt(i + 1) == '=' && set.startsWith("=]", i + 3)) {
                    result.add((int) set.charAt(i + 2));
                    i += 5;
                    continue;
                }
                int[] repeat = repeat(set, i + 1);
                if (repeat != null) {
                    if (repeat[1] == 0 && fillTo >= 0) {
                        fillAt = result.size();
                        fillChar = repeat[0];
                    } else {
                        for (int k = 0; k < repeat[1]; k++) {
                            result.add(repeat[0]);
                        }
                    }
                    i = repeat[2];
                    continue;
                }
            }
            int[] first = character(set, i);
            if (first[1] + 1 < set.length() && set.charAt(first[1]) == '-') {
                int[] second = character(set, first[1] + 1);
                if (second[0] < first[0]) {
                    throw UsageException.withoutHint("range-endpoints of "
                            + Diagnostics.quote(ByteText.toUnicode(set.substring(i, second[1])))
                            + " are in reverse collating sequence order");
                }
                for (int c = first[0]; c <= second[0]; c++) {
                    result.add(c);
                }
                i = second[1];
            } else {
                result.add(first[0]);
                i = first[1];
            }
        }
        if (fillAt >= 0) {
            int count = Math.max(0, fillTo - result.size());
            for (int k = 0; k < count; k++) {
                result.add(fillAt, fillChar);
            }
            for (int[] range : classes) {
                if (range[0] >= fillAt) {
                    range[0] += count;
                    range[2] += count;
                }
            }
        }
        return result;
    }

    /** One character (maybe an escape) at {@code at}: {value, next index}. */
    private static int[] character(String set, int at) {
        if (set.charAt(at) == '\\') {
            StringBuilder decoded = new StringBuilder();
            int next = Escapes.decodeOne(set, at, Escapes.Style.TR, decoded);
            return new int[] {decoded.charAt(0), next};
        }
        return new int[] {set.charAt(at), at + 1};
    }

    /** A {@code [c*n]} repeat after the '[' at {@code at}: {char, count (0 = fill), next index}, or null. */
    private static int[] repeat(String set, int at) {
        int[] c = character(set, at);
        if (c[1] >= set.length() || set.charAt(c[1]) != '*') {
            return null;
        }
        int close = set.indexOf(']', c[1] + 1);
        if (close < 0) {
            return null;
        }
        String digits = set.substring(c[1] + 1, close);
        if (!digits.matches("[0-9]*")) {
            return null;
        }
        int count = digits.isEmpty() ? 0 : Integer.parseInt(digits, digits.startsWith("0") ? 8 : 10);
        return new int[] {c[0], count, close + 1};
    }

    private static boolean addClass(String name, List<Integer> result) {
        IntPredicate member = CharClasses.named(name);
        if (member == null) {
            return false;
        }
        for (int c = 0; c < 256; c++) {
            if (member.test(c)) {
                result.add(c);
            }
        }
        return true;
    }
}
