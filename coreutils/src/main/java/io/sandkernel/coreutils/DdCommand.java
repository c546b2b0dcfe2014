package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.OpenFlags;
import java.io.IOException;
import java.util.Locale;

/**
 * dd [if=FILE] [of=FILE] [bs=N] [ibs=N] [obs=N] [count=N] [skip=N] [seek=N]
 * [conv=notrunc,ucase,lcase,sync,excl,nocreat,fsync,fdatasync,noerror,swab]
 * [iflag=fullblock,count_bytes,skip_bytes] [oflag=seek_bytes,append] [status=none|noxfer|progress]:
 * copies blocks through {@code read}/{@code write}, counting full and partial records, and
 * prints GNU's summary on standard error ("0+1 records in", "5 bytes copied, 3e-05 s, 150 kB/s").
 * Without {@code bs=}, input blocks are regrouped into {@code obs}-byte writes. Sizes take
 * {@code c w b kB K MB M xN} forms.
 */
final class DdCommand implements Program {
    private ProcessApi process;
    private Diagnostics diagnostics;
    private long ibs = 512;
    private long obs = 512;
    private boolean bsGiven;
    private long count = -1;
    private long skip;
    private long seek;
    private String input;
    private String output;
    private String conversions = "";
    private String inputFlags = "";
    private String outputFlags = "";
    private String status = "";
    private long fullIn;
    private long partialIn;
    private long fullOut;
    private long partialOut;
    private long bytesOut;

    @Override
    public int run(ProcessApi process) throws Exception {
        this.process = process;
        this.diagnostics = new Diagnostics(process, "dd");
        for (String arg : process.args()) {
            if (arg.equals("--help")) {
                throw UsageException.help();
            }
            if (arg.equals("--version")) {
                throw UsageException.version();
            }
            operand(arg);
        }
        long start = System.nanoTime();
        int in = 0;
        int out = 1;
        try {
            if (input != null) {
                try {
                    in = process.open(input, OpenFlags.O_RDONLY | OpenFlags.O_CLOEXEC, 0);
                } catch (KernelException e) {
                    diagnostics.error("failed to open " + Diagnostics.quote(input) + ": " + Diagnostics.describe(e));
                    return 1;
                }
            }
            if (output != null) {
                int flags = OpenFlags.O_WRONLY | OpenFlags.O_CLOEXEC
                        | (has(conversions, "nocreat") ? 0 : OpenFlags.O_CREAT)
                        | (has(conversions, "excl") ? OpenFlags.O_EXCL : 0)
                        | (has(outputFlags, "append") ? OpenFlags.O_APPEND : 0);
                try {
                    out = process.open(output, flags, 0666);
                } catch (KernelException e) {
                    diagnostics.error("failed to open " + Diagnostics.quote(output) + ": " + Diagnostics.describe(e));
                    return 1;
                }
            }
            long seekBytes = has(outputFlags, "seek_bytes") ? seek : seek * obs;
            if (output != null && !has(conversions, "notrunc") && !has(outputFlags, "append")) {
                try {
                    if (process.fstat(out).isRegularFile()) {
                        process.ftruncate(out, seekBytes);
                    }
                } catch (KernelException e) {
                    diagnostics.error("failed to truncate to " + seekBytes + " bytes in output file "
                            + Diagnostics.quote(output) + ": " + Diagnostics.describe(e));
                    return 1;
                }
            }
            if (seekBytes > 0) {
                seekOutput(out, seekBytes);
            }
            try {
                copy(in, out);
            } catch (IoFailure e) {
                diagnostics.error(e.getMessage());
            }
            if (has(conversions, "fsync") || has(conversions, "fdatasync")) {
                try {
                    process.fsync(out);
                } catch (KernelException e) {
                    // a pipe or terminal: nothing to sync
                }
            }
        } catch (KernelException e) {
            summary(start);
            throw e;
        } finally {
            if (input != null && in > 2) {
                FileOps.closeQuietly(process, in);
            }
            if (output != null && out > 2) {
                FileOps.closeQuietly(process, out);
            }
        }
        summary(start);
        return diagnostics.failed() ? 1 : 0;
    }

    private static boolean has(String list, String word) {
        for (String item : list.split(",")) {
            if (item.equals(word)) {
                return true;
            }
        }
        return false;
    }

    private void operand(String arg) {
        int equals = arg.indexOf('=');
        if (equals < 0) {
            throw new UsageException("unrecognized operand " + Diagnostics.quote(arg));
        }
        String key = arg.substring(0, equals);
        String value = arg.substring(equals + 1);
        switch (key) {
            case "if" -> input = value;
            case "of" -> output = value;
            case "bs" -> {
                ibs = obs = positive(value);
                bsGiven = true;
            }
            case "ibs" -> ibs = positive(value);
            case "obs" -> obs = positive(value);
            case "cbs" -> positive(value);
            case "count" -> count = number(value);
            case "skip", "iseek" -> skip = number(value);
            case "seek", "oseek" -> seek = number(value);
            case "conv" -> conversions = checked(value, "conversion", "notrunc", "ucase", "lcase", "sync", "excl",
                    "nocreat", "fsync", "fdatasync", "noerror", "swab", "sparse", "ascii", "ebcdic", "ibm", "block",
                    "unblock");
            case "iflag" -> inputFlags = checked(value, "input flag", "fullblock", "count_bytes", "skip_bytes",
                    "direct", "dsync", "sync", "nonblock", "noatime", "nocache", "noctty", "nofollow", "binary", "text");
            case "oflag" -> outputFlags = checked(value, "output flag", "seek_bytes", "append", "direct", "dsync",
                    "sync", "nonblock", "noatime", "nocache", "noctty", "nofollow", "binary", "text");
            case "status" -> {
                if (!value.equals("none") && !value.equals("noxfer") && !value.equals("progress")) {
                    throw new UsageException("invalid status level: " + Diagnostics.quote(value));
                }
                status = value;
            }
            default -> throw new UsageException("unrecognized operand " + Diagnostics.quote(arg));
        }
        if (has(conversions, "ucase") && has(conversions, "lcase")) {
            throw UsageException.withoutHint("cannot combine lcase and ucase");
        }
    }

    private static String checked(String list, String what, String... known) {
        for (String item : list.split(",")) {
            boolean found = false;
            for (String word : known) {
                found |= word.equals(item);
            }
            if (!found) {
                throw new UsageException("invalid " + what + ": " + Diagnostics.quote(item));
            }
        }
        return list;
    }

    /** A dd number: digits with a suffix (c w b kB K MB M ...), possibly products {@code 2x512}. */
    private static long number(String text) {
        long result = 1;
        for (String factor : text.split("x", -1)) {
            long value = Sizes.parse(factor, "bcEGkKMPTwYZ0");
            if (value < 0) {
                throw UsageException.withoutHint("invalid number: " + Diagnostics.quote(text));
            }
            try {
                result = Math.multiplyExact(result, value);
            } catch (ArithmeticException e) {
                throw UsageException.withoutHint("invalid number: " + Diagnostics.quote(text) + ": Value too large for defined data type");
            }
        }
        return result;
    }

    private static long positive(String text) {
        long value = number(text);
        if (value <= 0 || value > Integer.MAX_VALUE) {
            throw UsageException.withoutHint("invalid number: " + Diagnostics.quote(text));
        }
        return value;
    }

    private void seekOutput(int out, long bytes) {
        try {
            process.lseek(out, bytes, OpenFlags.SEEK_SET);
        } catch (KernelException e) {
            // not seekable (a pipe): write zero blocks as GNU does
            byte[] zeros = new byte[(int) Math.min(obs, 65536)];
            long left = bytes;
            while (left > 0) {
                int n = (int) Math.min(left, zeros.length);
                writeAll(out, zeros, 0, n);
                left -= n;
            }
        }
    }

    private void skipInput(int in, byte[] buffer) {
        long bytes = has(inputFlags, "skip_bytes") ? skip : skip * ibs;
        try {
            if (process.fstat(in).isRegularFile()) {
                long size = process.fstat(in).size();
                long position = process.lseek(in, 0, OpenFlags.SEEK_CUR);
                if (position + bytes > size) {
                    diagnostics.warn((input == null ? "standard input" : input) + ": cannot skip to specified offset");
                    process.lseek(in, size, OpenFlags.SEEK_SET);
                    return;
                }
                process.lseek(in, bytes, OpenFlags.SEEK_CUR);
                return;
            }
        } catch (KernelException e) {
            // not seekable: read and drop below
        }
        long left = bytes;
        while (left > 0) {
            int n = process.read(in, buffer, 0, (int) Math.min(left, buffer.length));
            if (n <= 0) {
                break;
            }
            left -= n;
        }
    }

    private void copy(int in, int out) {
        byte[] block = new byte[(int) ibs];
        if (skip > 0) {
            skipInput(in, block);
        }
        byte[] pending = new byte[(int) (bsGiven ? ibs : obs)];
        int pendingCount = 0;
        long remaining = count;
        boolean countBytes = has(inputFlags, "count_bytes");
        boolean fullBlock = has(inputFlags, "fullblock");
        while (remaining != 0) {
            int want = (int) (countBytes && remaining >= 0 ? Math.min(ibs, remaining) : ibs);
            int n = read(in, block, want, fullBlock);
            if (n == 0) {
                break;
            }
            if (n == ibs) {
                fullIn++;
            } else {
                partialIn++;
            }
            if (remaining > 0) {
                remaining -= countBytes ? n : 1;
            }
            if (has(conversions, "sync") && n < ibs) {
                java.util.Arrays.fill(block, n, (int) ibs, (byte) 0);
                n = (int) ibs;
            }
            convert(block, n);
            if (bsGiven) {
                writeRecord(out, block, n, ibs);
                continue;
            }
            int at = 0;
            while (at < n) {
                int take = Math.min(n - at, pending.length - pendingCount);
                System.arraycopy(block, at, pending, pendingCount, take);
                pendingCount += take;
                at += take;
                if (pendingCount == pending.length) {
                    writeRecord(out, pending, pendingCount, obs);
                    pendingCount = 0;
                }
            }
        }
        if (!bsGiven && pendingCount > 0) {
            writeRecord(out, pending, pendingCount, obs);
        }
    }

    /** A failed read or write, worded as dd reports it before its summary. */
    private static final class IoFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        IoFailure(String message) {
            super(message, null, false, false);
        }
    }

    private String shown(String name, String standard) {
        return name == null ? standard : Diagnostics.quote(name);
    }

    private int read(int in, byte[] block, int want, boolean fullBlock) {
        int total = 0;
        while (total < want) {
            int n;
            try {
                n = process.read(in, block, total, want - total);
            } catch (KernelException e) {
                throw new IoFailure("error reading " + shown(input, "'standard input'") + ": " + Diagnostics.describe(e));
            }
            if (n <= 0) {
                break;
            }
            total += n;
            if (!fullBlock) {
                break;
            }
        }
        return total;
    }

    private void convert(byte[] block, int n) {
        if (has(conversions, "swab")) {
            for (int i = 0; i + 1 < n; i += 2) {
                byte b = block[i];
                block[i] = block[i + 1];
                block[i + 1] = b;
            }
        }
        boolean upper = has(conversions, "ucase");
        boolean lower = has(conversions, "lcase");
        if (upper || lower) {
            for (int i = 0; i < n; i++) {
                byte b = block[i];
                if (upper && b >= 'a' && b <= 'z') {
                    block[i] = (byte) (b - 32);
                } else if (lower && b >= 'A' && b <= 'Z') {
                    block[i] = (byte) (b + 32);
                }
            }
        }
    }

    private void writeRecord(int out, byte[] data, int n, long size) {
        writeAll(out, data, 0, n);
        if (n == size) {
            fullOut++;
        } else {
            partialOut++;
        }
        bytesOut += n;
    }

    private void writeAll(int out, byte[] data, int offset, int length) {
        while (length > 0) {
            int n;
            try {
                n = process.write(out, data, offset, length);
            } catch (KernelException e) {
                throw new IoFailure("error writing " + shown(output, "'standard output'") + ": " + Diagnostics.describe(e));
            }
            if (n <= 0) {
                throw new IoFailure("error writing " + shown(output, "'standard output'") + ": "
                        + Diagnostics.strerror(Errno.ENOSPC));
            }
            offset += n;
            length -= n;
        }
    }

    private void summary(long start) throws IOException {
        if (status.equals("none")) {
            return;
        }
        StringBuilder text = new StringBuilder();
        text.append(fullIn).append('+').append(partialIn).append(" records in\n");
        text.append(fullOut).append('+').append(partialOut).append(" records out\n");
        if (!status.equals("noxfer")) {
            double seconds = (System.nanoTime() - start) / 1e9;
            String si = human(bytesOut, 1000);
            String iec = human(bytesOut, 1024);
            text.append(bytesOut).append(bytesOut == 1 ? " byte" : " bytes");
            if (bytesOut >= 1000) {
                text.append(" (").append(si).append(bytesOut >= 1024 ? ", " + iec : "").append(')');
            }
            text.append(" copied, ").append(general(seconds)).append(" s, ")
                    .append(seconds > 0 ? rate(bytesOut / seconds) : "Infinity B").append("/s\n");
        }
        process.stderr().print(text);
        process.stderr().flush();
    }

    /** GNU's human_readable with round-to-nearest: "1.0 kB", "12 KiB", "999 B". */
    private static String human(long bytes, int base) {
        String[] units = base == 1000 ? new String[] {"kB", "MB", "GB", "TB", "PB", "EB"}
                : new String[] {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        if (bytes < base) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        while (value >= base && unit < units.length - 1) {
            value /= base;
            unit++;
        }
        return (value < 10 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.0f", value))
                + " " + units[unit];
    }

    private static String rate(double bytesPerSecond) {
        String[] units = {"kB", "MB", "GB", "TB", "PB", "EB"};
        double value = bytesPerSecond / 1000;
        int unit = 0;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return (value < 100 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.0f", value))
                + " " + units[unit];
    }

    /** C's {@code %g}: six significant digits, trailing zeros dropped. */
    static String general(double value) {
        if (value == 0) {
            return "0";
        }
        int exponent = (int) Math.floor(Math.log10(Math.abs(value)));
        String text;
        if (exponent < -4 || exponent >= 6) {
            text = String.format(Locale.ROOT, "%.5e", value);
            String mantissa = text.substring(0, text.indexOf('e')).replaceFirst("\\.?0+$", "");
            String exp = text.substring(text.indexOf('e') + 1);
            int e = Integer.parseInt(exp);
            return mantissa + "e" + (e < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(e));
        }
        text = String.format(Locale.ROOT, "%." + Math.max(0, 5 - exponent) + "f", value);
        return text.contains(".") ? text.replaceFirst("\\.?0+$", "") : text;
    }
}
