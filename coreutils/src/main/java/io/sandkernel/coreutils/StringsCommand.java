package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.Stat;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * strings [-afow] [-n N | -N] [-t o|d|x] [-e s|S|b|l|B|L] [-s SEP] [FILE]...: the runs of at least
 * N (4) printable characters of each file, as binutils' strings scans a whole file (its default
 * since 2.39): printable is ASCII graphic, space or tab (any whitespace with {@code -w}, bytes
 * above 127 too with {@code -e S}); {@code -e b/l/B/L} read 16- or 32-bit characters. Messages
 * and the usage printed on a bad option follow binutils.
 */
final class StringsCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("adfhn:ot:e:T:s:U:vVw",
            "all:a", "data:d", "print-file-name:f", "bytes:n", "radix:t", "encoding:e", "target:T",
            "output-separator:s", "include-all-whitespace:w", "unicode=:U", "help:h", "version:v");

    private static final String USAGE = """
            Usage: strings [option(s)] [file(s)]
             Display printable strings in [file(s)] (stdin by default)
             The options are:
              -a - --all                Scan the entire file, not just the data section [default]
              -d --data                 Only scan the data sections in the file
              -f --print-file-name      Print the name of the file before each string
              -n <number>               Locate & print any sequence of at least <number>
                --bytes=<number>         displayable characters.  (The default is 4).
              -t --radix={o,d,x}        Print the location of the string in base 8, 10 or 16
              -w --include-all-whitespace Include all whitespace as valid string characters
              -o                        An alias for --radix=o
              -T --target=<BFDNAME>     Specify the binary file format
              -e --encoding={s,S,b,l,B,L} Select character size and endianness:
                                        s = 7-bit, S = 8-bit, {b,l} = 16-bit, {B,L} = 32-bit
              --unicode={default|show|invalid|hex|escape|highlight}
              -U {d|s|i|x|e|h}          Specify how to treat UTF-8 encoded unicode characters
              -s --output-separator=<string> String used to separate strings in output.
              @<file>                   Read options from <file>
              -h --help                 Display this information
              -v -V --version           Print the program's version number
            strings: supported targets: elf64-x86-64 elf32-i386 elf32-iamcu elf32-x86-64 pei-i386 pe-x86-64 \
            pei-x86-64 elf64-little elf64-big elf32-little elf32-big pe-bigobj-x86-64 pe-i386 pdb srec symbolsrec \
            verilog tekhex binary ihex plugin
            """;

    private long min = 4;
    private boolean fileNames;
    private int radix;
    private char encoding = 's';
    private boolean allWhitespace;
    private String separator;
    private OutputStream out;

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options;
        try {
            options = PARSER.parse(digitOptions(process.args()));
        } catch (UsageException e) {
            if (e.kind() != UsageException.Kind.ERROR) {
                throw e;
            }
            return usage(process, e.getMessage());
        }
        for (Options.Given given : options.given()) {
            String value = given.value();
            switch (given.option()) {
                case 'f' -> fileNames = true;
                case 'n' -> {
                    Long n = strtoul(value);
                    if (n == null) {
                        throw UsageException.withoutHint("invalid integer argument " + value);
                    }
                    min = n;
                }
                case 'o' -> radix = 8;
                case 't' -> {
                    if (value.length() != 1 || "odx".indexOf(value.charAt(0)) < 0) {
                        return usage(process, null);
                    }
                    radix = value.charAt(0) == 'o' ? 8 : value.charAt(0) == 'd' ? 10 : 16;
                }
                case 'e' -> {
                    if (value.length() != 1 || "sSblBL".indexOf(value.charAt(0)) < 0) {
                        return usage(process, null);
                    }
                    encoding = value.charAt(0);
                }
                case 'w' -> allWhitespace = true;
                case 's' -> separator = ByteText.fromArg(value);
                case 'h' -> throw UsageException.help();
                case 'v', 'V' -> throw UsageException.version();
                default -> { }
            }
        }
        if (min < 1 || min > Integer.MAX_VALUE) {
            throw UsageException.withoutHint("invalid minimum string length " + (int) min);
        }
        Diagnostics diagnostics = new Diagnostics(process, "strings");
        out = ByteText.stdout(process);
        List<String> operands = options.operands();
        if (operands.isEmpty()) {
            scan("{standard input}", new BufferedInputStream(process.stdin(), 1 << 16));
        } else {
            boolean given = false;
            for (String name : operands) {
                if (name.equals("-")) {
                    continue;
                }
                given = true;
                file(process, name, diagnostics);
            }
            if (!given) {
                out.flush();
                return usage(process, null);
            }
        }
        out.flush();
        return diagnostics.failed() ? 1 : 0;
    }

    private void file(ProcessApi process, String name, Diagnostics diagnostics) throws IOException {
        Stat stat;
        try {
            stat = process.stat(name);
        } catch (KernelException e) {
            diagnostics.error("'" + name + "': " + (e.errno() == Errno.ENOENT ? "No such file" : Diagnostics.describe(e)));
            return;
        }
        if (stat.isDirectory()) {
            diagnostics.error("Warning: '" + name + "' is a directory");
            return;
        }
        InputStream in;
        try {
            in = InputFiles.openFile(process, name);
        } catch (KernelException e) {
            diagnostics.error(name + ": " + Diagnostics.describe(e));
            return;
        }
        try {
            scan(name, new BufferedInputStream(in, 1 << 16));
        } catch (KernelException e) {
            diagnostics.error(name + ": " + Diagnostics.describe(e));
        } finally {
            InputFiles.close(process, in);
        }
    }

    private int usage(ProcessApi process, String message) {
        StringBuilder text = new StringBuilder();
        if (message != null) {
            text.append("strings: ").append(message).append('\n');
        }
        text.append(USAGE);
        process.stderr().writeBytes(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        process.stderr().flush();
        return 1;
    }

    /** strtoul(text, &end, 0) with nothing left over; null when not a number. */
    private static Long strtoul(String text) {
        NumberArgs.Parsed parsed = NumberArgs.parse(text, 0, null);
        if (text.isEmpty() || parsed.status() == NumberArgs.Status.INVALID
                || parsed.status() == NumberArgs.Status.INVALID_SUFFIX) {
            return null;
        }
        return parsed.status() == NumberArgs.Status.OVERFLOW ? Long.MAX_VALUE : parsed.value();
    }

    /** {@code -8} or {@code -a12}: digit options that set the minimum length, as getopt sees them. */
    private static List<String> digitOptions(List<String> args) {
        List<String> result = new ArrayList<>();
        for (String arg : args) {
            if (arg.matches("-[adfow]*[0-9]+")) {
                int digits = arg.replaceAll("^-[adfow]*", "").length();
                String flags = arg.substring(0, arg.length() - digits);
                if (flags.length() > 1) {
                    result.add(flags);
                }
                result.add("-n");
                result.add(arg.substring(arg.length() - digits));
            } else {
                result.add(arg);
            }
        }
        return result;
    }

    private int bytesPerChar() {
        return switch (encoding) {
            case 'b', 'l' -> 2;
            case 'B', 'L' -> 4;
            default -> 1;
        };
    }

    private boolean graphic(long c) {
        if (c < 0 || c > 255) {
            return false;
        }
        return c == '\t' || (c >= 32 && c < 127) || (encoding == 'S' && c > 127)
                || (allWhitespace && (c == ' ' || (c >= '\t' && c <= '\r')));
    }

    private long next(InputStream in, long[] address) throws IOException {
        int n = bytesPerChar();
        long value = 0;
        int[] bytes = new int[n];
        for (int i = 0; i < n; i++) {
            int b = in.read();
            if (b < 0) {
                return -1;
            }
            bytes[i] = b;
        }
        address[0] += n;
        switch (encoding) {
            case 'b' -> value = ((long) bytes[0] << 8) | bytes[1];
            case 'l' -> value = ((long) bytes[1] << 8) | bytes[0];
            case 'B' -> value = ((long) bytes[0] << 24) | ((long) bytes[1] << 16) | ((long) bytes[2] << 8) | bytes[3];
            case 'L' -> value = ((long) bytes[3] << 24) | ((long) bytes[2] << 16) | ((long) bytes[1] << 8) | bytes[0];
            default -> value = bytes[0];
        }
        return value;
    }

    private void scan(String name, InputStream in) throws IOException {
        long[] address = {0};
        StringBuilder run = new StringBuilder();
        outer:
        while (true) {
            long start = address[0];
            run.setLength(0);
            for (long i = 0; i < min; i++) {
                long c = next(in, address);
                if (c < 0) {
                    return;
                }
                if (!graphic(c)) {
                    continue outer;
                }
                run.append((char) c);
            }
            StringBuilder line = new StringBuilder();
            if (fileNames) {
                line.append(ByteText.fromArg(name)).append(": ");
            }
            if (radix != 0) {
                String digits = radix == 8 ? Long.toOctalString(start) : radix == 10 ? Long.toString(start)
                        : Long.toHexString(start);
                line.append(" ".repeat(Math.max(0, 7 - digits.length()))).append(digits).append(' ');
            }
            line.append(run);
            while (true) {
                long c = next(in, address);
                if (c < 0) {
                    break;
                }
                if (!graphic(c)) {
                    break;
                }
                line.append((char) c);
            }
            line.append(separator != null ? separator : "\n");
            ByteText.write(out, line.toString());
        }
    }
}
