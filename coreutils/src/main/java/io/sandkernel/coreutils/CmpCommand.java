package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.Stat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * cmp [-b] [-l] [-s] [-i SKIP1[:SKIP2]] [-n LIMIT] FILE1 [FILE2 [SKIP1 [SKIP2]]]: compares two
 * files byte by byte, as GNU diffutils' cmp: the first difference ({@code "a b differ: char 9,
 * line 2"}), every difference with {@code -l}, the bytes themselves with {@code -b}, nothing
 * with {@code -s}. Exit status 0 when the same, 1 when they differ, 2 on trouble. Usage errors
 * are worded as diffutils words them ({@code "cmp: Try 'cmp --help' ..."}).
 */
final class CmpCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("bcli:n:sv",
            "print-bytes:b", "print-chars:c", "verbose:l", "ignore-initial:i", "bytes:n", "quiet:s", "silent:s",
            "version:v");

    private ProcessApi process;
    private Diagnostics diagnostics;

    @Override
    public int run(ProcessApi process) throws Exception {
        this.process = process;
        this.diagnostics = new Diagnostics(process, "cmp");
        Options options;
        long[] skip = {0, 0};
        long limit = Long.MAX_VALUE;
        List<String> operands;
        try {
            options = PARSER.parse(process.args());
            operands = options.operands();
            if (options.has('v')) {
                throw UsageException.version();
            }
            if (options.has('i')) {
                String value = options.value('i', "0");
                int colon = value.indexOf(':');
                skip[0] = size(colon < 0 ? value : value.substring(0, colon), "--ignore-initial", value);
                skip[1] = colon < 0 ? skip[0] : size(value.substring(colon + 1), "--ignore-initial", value);
            }
            if (options.has('n')) {
                limit = size(options.value('n', "0"), "--bytes", options.value('n', "0"));
            }
            if (operands.isEmpty()) {
                throw new UsageException("missing operand after 'cmp'");
            }
            for (int i = 2; i < Math.min(4, operands.size()); i++) {
                skip[i - 2] = size(operands.get(i), "--ignore-initial", operands.get(i));
            }
            if (operands.size() > 4) {
                throw new UsageException("extra operand " + Diagnostics.quote(operands.get(4)));
            }
        } catch (UsageException e) {
            if (e.kind() != UsageException.Kind.ERROR) {
                throw e;
            }
            diagnostics.error(e.getMessage());
            diagnostics.warn("Try 'cmp --help' for more information.");
            return 2;
        }
        boolean quiet = options.has('s');
        boolean all = options.has('l');
        boolean bytes = options.has('b') || options.has('c');
        String[] names = {operands.get(0), operands.size() > 1 ? operands.get(1) : "-"};
        InputStream[] in = new InputStream[2];
        Stat[] stats = new Stat[2];
        try {
            for (int f = 0; f < 2; f++) {
                try {
                    in[f] = names[f].equals("-") ? process.stdin() : process.openRead(names[f]);
                    stats[f] = names[f].equals("-") ? process.fstat(0) : process.stat(names[f]);
                } catch (KernelException e) {
                    if (!quiet) {
                        diagnostics.error(names[f] + ": " + Diagnostics.describe(e));
                    }
                    return 2;
                }
            }
            if (names[0].equals(names[1]) && skip[0] == skip[1] || (FileOps.sameFile(stats[0], stats[1])
                    && stats[0].isRegularFile() && skip[0] == skip[1] && !names[0].equals("-"))) {
                return 0;
            }
            return compare(names, in, stats, skip, limit, quiet, all, bytes);
        } catch (CmpFailure e) {
            diagnostics.error(e.getMessage());
            return 2;
        } finally {
            for (InputStream stream : in) {
                if (stream != null && stream != process.stdin()) {
                    stream.close();
                }
            }
        }
    }

    /** A size operand: digits with an optional multiplier suffix (k, K, M, G, kB, KiB...). */
    private static long size(String text, String option, String shown) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]+)([kKMGTPE]?)(i?B)?").matcher(text); // a fixed pattern
        if (!m.matches()) {
            throw new UsageException("invalid " + option + " value " + Diagnostics.quote(shown));
        }
        long value = Long.parseLong(m.group(1));
        if (!m.group(2).isEmpty()) {
            int power = "kKMGTPE".indexOf(m.group(2));
            power = power <= 1 ? 1 : power;
            long base = "B".equals(m.group(3)) ? 1000 : 1024;
            for (int i = 0; i < power; i++) {
                value = value > Long.MAX_VALUE / base ? Long.MAX_VALUE : value * base;
            }
        }
        return value;
    }

    private int compare(String[] names, InputStream[] in, Stat[] stats, long[] skip, long limit, boolean quiet,
                        boolean all, boolean bytes) throws IOException {
        for (int f = 0; f < 2; f++) {
            skipBytes(in[f], skip[f], names[f]);
        }
        int width = 1;
        if (all) {
            long max = limit;
            for (int f = 0; f < 2; f++) {
                if (stats[f].isRegularFile()) {
                    max = Math.min(max, Math.max(0, stats[f].size() - skip[f]));
                }
            }
            for (long m = max; (m /= 10) != 0; ) {
                width++;
            }
        }
        OutputStream out = ByteText.stdout(process);
        byte[][] buffers = {new byte[1 << 15], new byte[1 << 15]};
        int[] length = {0, 0};
        int[] position = {0, 0};
        long offset = 0;
        long line = 1;
        boolean differ = false;
        CpuCheckpoint checkpoint = new CpuCheckpoint(process);
        try {
            while (offset < limit) {
                for (int f = 0; f < 2; f++) {
                    if (position[f] == length[f]) {
                        length[f] = read(in[f], buffers[f], names[f]);
                        position[f] = 0;
                    }
                }
                if (length[0] <= 0 || length[1] <= 0) {
                    if (length[0] <= 0 && length[1] <= 0) {
                        break;
                    }
                    int shorter = length[0] <= 0 ? 0 : 1;
                    if (!quiet) {
                        out.flush();
                        diagnostics.warn(offset == 0 ? "EOF on " + names[shorter] + " which is empty"
                                : "EOF on " + names[shorter] + " after byte " + offset + (all ? "" : ", line " + line));
                    }
                    return 1;
                }
                int n = (int) Math.min(Math.min(length[0] - position[0], length[1] - position[1]), limit - offset);
                for (int i = 0; i < n; i++) {
                    byte a = buffers[0][position[0] + i];
                    byte b = buffers[1][position[1] + i];
                    offset++;
                    if (a != b) {
                        if (quiet) {
                            return 1;
                        }
                        if (!all) {
                            String where = bytes ? "byte " : "char ";
                            String text = names[0] + " " + names[1] + " differ: " + where + offset + ", line " + line;
                            if (bytes) {
                                text += " is " + octal(a) + " " + shown(a) + " " + octal(b) + " " + shown(b);
                            }
                            ByteText.writeUtf8(out, text + "\n");
                            out.flush();
                            return 1;
                        }
                        differ = true;
                        String number = String.format("%" + width + "d", offset);
                        String text = bytes
                                ? String.format("%s %3s %-4s %3s %s%n", number, octal(a), shown(a), octal(b), shown(b))
                                : String.format("%s %3s %3s%n", number, octal(a), octal(b));
                        ByteText.write(out, text);
                    }
                    if (a == '\n') {
                        line++;
                    }
                }
                position[0] += n;
                position[1] += n;
                checkpoint.poll();
            }
        } finally {
            out.flush();
        }
        return differ ? 1 : 0;
    }

    private int read(InputStream in, byte[] buffer, String name) {
        try {
            return in.read(buffer);
        } catch (KernelException | IOException e) {
            throw new CmpFailure(name, e);
        }
    }

    private void skipBytes(InputStream in, long count, String name) {
        byte[] scratch = new byte[8192];
        long left = count;
        while (left > 0) {
            int n;
            try {
                n = in.read(scratch, 0, (int) Math.min(left, scratch.length));
            } catch (KernelException | IOException e) {
                throw new CmpFailure(name, e);
            }
            if (n <= 0) {
                return;
            }
            left -= n;
        }
    }

    private static String octal(byte b) {
        return Integer.toOctalString(b & 0xFF);
    }

    /** A byte as cat -v shows it: M- for the high half, ^X for controls. */
    private static String shown(byte value) {
        int c = value & 0xFF;
        StringBuilder b = new StringBuilder();
        if (c >= 128) {
            b.append("M-");
            c -= 128;
        }
        if (c < 32) {
            b.append('^').append((char) (c + 64));
        } else if (c == 127) {
            b.append("^?");
        } else {
            b.append((char) c);
        }
        return b.toString();
    }

    /** A read failure, reported as {@code "cmp: name: reason"} with status 2. */
    private static final class CmpFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CmpFailure(String name, Exception cause) {
            super(name + ": " + Diagnostics.describe(cause), cause, false, false);
        }
    }
}
