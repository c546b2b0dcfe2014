package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/**
 * uniq [-cdDiuz] [-f N] [-s N] [-w N] [--group[=METHOD]] [INPUT [OUTPUT]]: collapses adjacent equal
 * lines, counting them ({@code -c}), keeping only repeated ({@code -d}, all of them with {@code -D},
 * groups delimited by {@code --all-repeated=prepend|separate}) or unique ({@code -u}) ones, or
 * printing every line with groups delimited ({@code --group}), comparing case-insensitively
 * ({@code -i}) or after skipping fields/characters; NUL-terminated lines with {@code -z}.
 */
final class UniqCommand implements Program {
    private static final char GROUP = '\u0001';
    private static final Options.Parser PARSER = new Options.Parser("cdDf:is:uw:z",
            "count:c", "repeated:d", "all-repeated?:D", "skip-fields:f", "ignore-case:i", "skip-chars:s",
            "unique:u", "check-chars:w", "zero-terminated:z", "group?:" + GROUP);
    private static final List<String> GROUP_METHODS = List.of("prepend", "append", "separate", "both");
    private static final List<String> DELIMIT_METHODS = List.of("none", "prepend", "separate");

    private boolean count;
    private boolean repeatedOnly;
    private boolean allRepeated;
    private boolean uniqueOnly;
    private char end;
    /** --group's method, or null. */
    private String grouping;
    /** -D's method: none, prepend or separate. */
    private String delimiting;
    private boolean anyGroupPrinted;

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
        end = options.has('z') ? '\0' : '\n';
        grouping = options.has(GROUP) ? method(options.value(GROUP, null), "separate", GROUP_METHODS, "--group") : null;
        delimiting = allRepeated ? method(options.value('D', null), "none", DELIMIT_METHODS, "--all-repeated") : "none";
        if (grouping != null && (count || repeatedOnly || allRepeated || uniqueOnly)) {
            throw new UsageException("--group is mutually exclusive with -c/-d/-D/-u");
        }
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
                LineReader lines = new LineReader(in, end, out).charging(process);
                String group = null;
                String groupKey = null;
                long groupSize = 0;
                String line;
                while ((line = lines.next()) != null) {
                    String key = key(line, skipFields, skipChars, checkChars, ignoreCase);
                    if (group != null && key.equals(groupKey)) {
                        groupSize++;
                        if (grouping != null) {
                            ByteText.write(out, line + end);
                        } else if (allRepeated) {
                            if (groupSize == 2) {
                                if (delimiting.equals("prepend") || delimiting.equals("separate") && anyGroupPrinted) {
                                    out.write(end);
                                }
                                anyGroupPrinted = true;
                                ByteText.write(out, group + end);
                            }
                            ByteText.write(out, line + end);
                        }
                        continue;
                    }
                    if (grouping != null) {
                        if (grouping.equals("prepend") || grouping.equals("both") || anyGroupPrinted) {
                            out.write(end);
                        }
                        anyGroupPrinted = true;
                        ByteText.write(out, line + end);
                    }
                    emit(out, group, groupSize);
                    group = line;
                    groupKey = key;
                    groupSize = 1;
                }
                emit(out, group, groupSize);
                if (anyGroupPrinted && grouping != null && (grouping.equals("append") || grouping.equals("both"))) {
                    out.write(end);
                }
            });
        } finally {
            out.close(); // flushes; a failed write raises WriteError, reported by the guard
        }
        return diagnostics.failed() ? 1 : 0;
    }

    private void emit(OutputStream out, String line, long size) throws IOException {
        if (line == null || allRepeated || grouping != null) {
            return;
        }
        if ((repeatedOnly && size < 2) || (uniqueOnly && size > 1)) {
            return;
        }
        ByteText.write(out, (count ? String.format("%7d ", size) : "") + line + end);
    }

    /** The method named by an option's optional argument (GNU's argmatch: unique prefixes). */
    private static String method(String given, String fallback, List<String> methods, String option) {
        if (given == null) {
            return fallback;
        }
        List<String> matching = methods.stream().filter(m -> m.startsWith(given)).toList();
        if (methods.contains(given) || matching.size() == 1) {
            return methods.contains(given) ? given : matching.get(0);
        }
        StringBuilder message = new StringBuilder((matching.isEmpty() ? "invalid" : "ambiguous") + " argument "
                + Diagnostics.quote(given) + " for " + Diagnostics.quote(option) + "\nValid arguments are:");
        methods.forEach(m -> message.append("\n  - ").append(Diagnostics.quote(m)));
        throw new UsageException(message.toString());
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
