package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.MemoryReservation;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * shuf [-erz] [-i LO-HI] [-n COUNT] [-o FILE] [--random-source=FILE] [FILE | ARG...]: a random
 * permutation of the input lines, of the arguments ({@code -e}) or of a range of numbers
 * ({@code -i}), at most COUNT of them, or COUNT draws with repetition ({@code -r}). The draws are
 * gnulib's ({@link GnuRandom}), so a given random source yields GNU's output; the output file is
 * opened only once the input is read, as GNU's, so {@code -o} may name the input.
 */
final class ShufCommand implements Program {
    private static final char RANDOM_SOURCE = '\u0001';
    private static final Options.Parser PARSER = new Options.Parser("ei:n:o:rz", "echo:e", "input-range:i",
            "head-count:n", "output:o", "random-source=:" + RANDOM_SOURCE, "repeat:r", "zero-terminated:z");

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        boolean echo = false;
        boolean range = false;
        long lo = 0;
        long hi = 0;
        long head = Long.MAX_VALUE;
        String output = null;
        String source = null;
        for (Options.Given given : options.given()) {
            String value = given.value();
            switch (given.option()) {
                case 'e' -> echo = true;
                case 'i' -> {
                    if (range) {
                        throw UsageException.withoutHint("multiple -i options specified");
                    }
                    range = true;
                    int dash = value.indexOf('-');
                    String high = value;
                    if (dash >= 0) {
                        lo = NumberArgs.decimal(value.substring(0, dash), 0, Long.MAX_VALUE, "", "invalid input range");
                        high = value.substring(dash + 1);
                    }
                    hi = NumberArgs.decimal(high, 0, Long.MAX_VALUE, "", "invalid input range");
                    if (dash < 0 || lo > hi + 1 || (lo == 0 && hi == Long.MAX_VALUE)) {
                        throw UsageException.withoutHint("invalid input range: " + Diagnostics.quote(value));
                    }
                }
                case 'n' -> {
                    NumberArgs.Parsed count = NumberArgs.parse(value, 10, "");
                    if (count.status() == NumberArgs.Status.OK) {
                        head = Math.min(head, count.value());
                    } else if (count.status() != NumberArgs.Status.OVERFLOW) {
                        throw UsageException.withoutHint("invalid line count: " + Diagnostics.quote(value));
                    }
                }
                case 'o' -> {
                    if (output != null && !output.equals(value)) {
                        throw UsageException.withoutHint("multiple output files specified");
                    }
                    output = value;
                }
                case RANDOM_SOURCE -> {
                    if (source != null && !source.equals(value)) {
                        throw UsageException.withoutHint("multiple random sources specified");
                    }
                    source = value;
                }
                default -> { }
            }
        }
        boolean repeat = options.has('r');
        byte eol = (byte) (options.has('z') ? 0 : '\n');
        List<String> operands = options.operands();
        if (echo && range) {
            throw new UsageException("cannot combine -e and -i options");
        }
        if (range ? !operands.isEmpty() : !echo && operands.size() > 1) {
            throw new UsageException("extra operand " + Diagnostics.quote(operands.get(range ? 0 : 1)));
        }
        Diagnostics diagnostics = new Diagnostics(process, "shuf");
        List<String> lines = new ArrayList<>();
        long count;
        if (head == 0) {
            count = 0;
        } else if (echo) {
            for (String operand : operands) {
                lines.add(ByteText.fromArg(operand));
            }
            count = lines.size();
        } else if (range) {
            count = hi - lo + 1;
        } else {
            String name = operands.isEmpty() ? "-" : operands.get(0);
            InputStream in;
            try {
                in = InputFiles.open(process, name);
            } catch (KernelException e) {
                diagnostics.fileError(name, e);
                return 1;
            }
            try {
                split(MemoryReservation.readAll(process, in), eol, lines);
            } catch (KernelException | IOException e) {
                if (e instanceof KernelException k && k.errno() == Errno.ENOMEM) {
                    throw k; // as a failed malloc: "shuf: memory exhausted"
                }
                diagnostics.error("read error: " + Diagnostics.describe(e));
                return 1;
            } finally {
                InputFiles.close(process, in);
            }
            count = lines.size();
        }
        long wanted = repeat || head < count ? head : count;
        GnuRandom random;
        InputStream sourceStream = null;
        if (source != null) {
            try {
                sourceStream = new java.io.BufferedInputStream(InputFiles.open(process, source));
            } catch (KernelException e) {
                diagnostics.fileError(source, e);
                return 1;
            }
            random = GnuRandom.from(sourceStream);
        } else {
            random = GnuRandom.secure();
        }
        try {
            long[] permutation = repeat ? null : random.permutation(wanted, count);
            OutputStream out;
            try {
                out = output == null ? ByteText.stdout(process) : BufferedOutput.open(process, output, false);
            } catch (KernelException e) {
                diagnostics.fileError(output, e);
                return 1;
            }
            try {
                if (repeat) {
                    if (head == 0) {
                        return 0;
                    }
                    if (count == 0) {
                        throw UsageException.withoutHint("no lines to repeat");
                    }
                    for (long i = 0; i < wanted; i++) {
                        long j = random.choose(count);
                        write(out, range ? Long.toString(lo + j) : lines.get((int) j), eol);
                    }
                } else {
                    for (long index : permutation) {
                        write(out, range ? Long.toString(lo + index) : lines.get((int) index), eol);
                    }
                }
            } finally {
                out.close();
            }
        } catch (GnuRandom.Exhausted e) {
            String reason = e.getCause() == null ? "end of file" : "read error: " + Diagnostics.describe(e.getCause());
            diagnostics.error(Diagnostics.quote(source) + ": " + reason);
            return 1;
        } finally {
            InputFiles.close(process, sourceStream);
        }
        return 0;
    }

    private static void write(OutputStream out, String line, byte eol) throws IOException {
        ByteText.write(out, line);
        out.write(eol);
    }

    /** The lines of {@code data}, a missing last terminator supplied. */
    private static void split(byte[] data, byte eol, List<String> lines) {
        int start = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == eol) {
                lines.add(ByteText.of(data, start, i - start));
                start = i + 1;
            }
        }
        if (start < data.length) {
            lines.add(ByteText.of(data, start, data.length - start));
        }
    }
}
