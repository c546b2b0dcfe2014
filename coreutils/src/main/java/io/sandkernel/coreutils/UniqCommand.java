package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/**
 * uniq [-cdDiu] [-f N] [-s N] [-w N] [INPUT [OUTPUT]]: collapses adjacent equal lines, counting
 * them ({@code -c}), keeping only repeated ({@code -d}, all of them with {@code -D}) or unique
 * ({@code -u}) ones, comparing case-insensitively ({@code -i}) or after skipping fields/characters.
 */
final class UniqCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("cdDf:is:uw:",
            "count:c", "repeated:d", "all-repeated:D", "skip-fields:f", "ignore-case:i", "skip-chars:s",
            "unique:u", "check-chars:w");

    private boolean count;
    private boolean repeatedOnly;
    private boolean allRepeated;
    private boolean uniqueOnly;

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        List<String> operands = options.operands();
        if (operands.size() > 2) {
            throw new UsageException("extra operand " + Diagnostics.quote(operands.get(2)));
        }
        count = options.has('c');
        repeatedOnly = options.has('d');
        allRepeated = options.has('D');
        uniqueOnly = options.has('u');
        if (count && allRepeated) {
            throw new UsageException("printing all duplicated lines and repeat counts is meaningless");
        }
        int skipFields = number(options.value('f', "0"), "number of fields to skip");
        int skipChars = number(options.value('s', "0"), "number of bytes to skip");
        int checkChars = options.has('w') ? number(options.value('w', "0"), "number of bytes to compare") : Integer.MAX_VALUE;
        boolean ignoreCase = options.has('i');
        Diagnostics diagnostics = new Diagnostics(process, "uniq");
        OutputStream out;
        try {
            out = operands.size() == 2 ? BufferedOutput.open(process, operands.get(1), false) : ByteText.stdout(process);
        } catch (KernelException e) {
            diagnostics.fileError(operands.get(1), e);
            return 1;
        }
        try {
            new OperandReader(process, diagnostics, OperandReader.Wording.UNIQ).read(operands.isEmpty() ? "-" : operands.get(0), (name, in) -> {
                LineReader lines = new LineReader(in, '\n', out);
                String group = null;
                String groupKey = null;
                long groupSize = 0;
                String line;
                while ((line = lines.next()) != null) {
                    String key = key(line, skipFields, skipChars, checkChars, ignoreCase);
                    if (group != null && key.equals(groupKey)) {
                        groupSize++;
                        if (allRepeated) {
                            if (groupSize == 2) {
                                ByteText.write(out, group + "\n");
                            }
                            ByteText.write(out, line + "\n");
                        }
                        continue;
                    }
                    emit(out, group, groupSize);
                    group = line;
                    groupKey = key;
                    groupSize = 1;
                }
                emit(out, group, groupSize);
            });
        } finally {
            out.close(); // flushes; a failed write raises WriteError, reported by the guard
        }
        return diagnostics.failed() ? 1 : 0;
    }

    private void emit(OutputStream out, String line, long size) throws IOException {
        if (line == null || allRepeated) {
            return;
        }
        if ((repeatedOnly && size < 2) || (uniqueOnly && size > 1)) {
            return;
        }
        ByteText.write(out, (count ? String.format("%7d ", size) : "") + line + "\n");
    }

    private static String key(String line, int skipFields, int skipChars, int checkChars, boolean ignoreCase) {
        int at = 0;
        for (int f = 0; f < skipFields; f++) {
            while (at < line.length() && (line.charAt(at) == ' ' || line.charAt(at) == '\t')) {
                at++;
            }
            while (at < line.length() && line.charAt(at) != ' ' && line.charAt(at) != '\t') {
                at++;
            }
        }
        at = Math.min(line.length(), at + skipChars);
        String key = line.substring(at, (int) Math.min(line.length(), (long) at + checkChars));
        return ignoreCase ? key.toLowerCase(Locale.ROOT) : key;
    }

    private static int number(String text, String what) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw UsageException.withoutHint(Diagnostics.quote(text) + ": invalid " + what);
        }
    }
}
