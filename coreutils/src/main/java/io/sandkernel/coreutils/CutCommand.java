package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * cut -b LIST | -c LIST | -f LIST [-d DELIM] [-s] [-z] [--complement] [--output-delimiter=STR] [FILE]...:
 * selects bytes, characters (bytes, as GNU cut counts them in every locale) or delimited fields of
 * each line (NUL-terminated records with {@code -z}). A LIST is
 * comma-separated {@code N}, {@code N-M}, {@code N-} and {@code -M}.
 */
final class CutCommand implements Program {
    private static final char COMPLEMENT = '\u0001';
    private static final char OUTPUT_DELIMITER = '\u0002';
    private static final Options.Parser PARSER = new Options.Parser("b:c:d:f:snz",
            "bytes:b", "characters:c", "delimiter:d", "fields:f", "only-delimited:s", "zero-terminated:z",
            "complement:" + COMPLEMENT, "output-delimiter=:" + OUTPUT_DELIMITER);

    private record Range(long low, long high) {}

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        int kinds = (options.has('b') ? 1 : 0) + (options.has('c') ? 1 : 0) + (options.has('f') ? 1 : 0);
        if (kinds == 0) {
            throw new UsageException("you must specify a list of bytes, characters, or fields");
        }
        if (kinds > 1) {
            throw new UsageException("only one type of list may be specified");
        }
        boolean fields = options.has('f');
        String delimiter = ByteText.fromArg(options.value('d', "\t"));
        if (options.has('d') && !fields) {
            throw new UsageException("an input delimiter may be specified only when operating on fields");
        }
        if (options.has('s') && !fields) {
            throw new UsageException("suppressing non-delimited lines makes sense\n\tonly when operating on fields");
        }
        if (delimiter.length() != 1) {
            throw new UsageException("the delimiter must be a single character");
        }
        List<Range> ranges = parseList(options.value(fields ? 'f' : options.has('b') ? 'b' : 'c', ""), fields);
        boolean complement = options.has(COMPLEMENT);
        String outputDelimiter = options.has(OUTPUT_DELIMITER) ? ByteText.fromArg(options.value(OUTPUT_DELIMITER, "")) : null;
        Diagnostics diagnostics = new Diagnostics(process, "cut");
        OutputStream out = ByteText.stdout(process);
        char end = options.has('z') ? '\0' : '\n';
        new OperandReader(process, diagnostics).forEach(options.operands(), (name, in) -> {
            LineReader lines = new LineReader(in, end, out);
            String line;
            while ((line = lines.next()) != null) {
                String result = fields
                        ? cutFields(line, delimiter.charAt(0), ranges, complement, outputDelimiter, options.has('s'))
                        : cutPositions(line, ranges, complement, outputDelimiter);
                if (result != null) {
                    ByteText.write(out, result + end);
                }
            }
            out.flush();
        });
        out.flush();
        return diagnostics.failed() ? 1 : 0;
    }

    private static boolean selected(List<Range> ranges, long position, boolean complement) {
        for (Range range : ranges) {
            if (position >= range.low && position <= range.high) {
                return !complement;
            }
        }
        return complement;
    }

    private static String cutPositions(String line, List<Range> ranges, boolean complement, String outputDelimiter) {
        StringBuilder result = new StringBuilder();
        long previous = -1;
        for (int i = 0; i < line.length(); i++) {
            if (selected(ranges, i + 1L, complement)) {
                if (outputDelimiter != null && previous >= 0 && previous != i - 1 && !result.isEmpty()) {
                    result.append(outputDelimiter);
                }
                result.append(line.charAt(i));
                previous = i;
            }
        }
        return result.toString();
    }

    private static String cutFields(String line, char delimiter, List<Range> ranges, boolean complement,
                                    String outputDelimiter, boolean onlyDelimited) {
        if (line.indexOf(delimiter) < 0) {
            return onlyDelimited ? null : line;
        }
        String joiner = outputDelimiter != null ? outputDelimiter : String.valueOf(delimiter);
        StringBuilder result = new StringBuilder();
        boolean any = false;
        int start = 0;
        long field = 1;
        while (start <= line.length()) {
            int end = line.indexOf(delimiter, start);
            if (end < 0) {
                end = line.length();
            }
            if (selected(ranges, field, complement)) {
                if (any) {
                    result.append(joiner);
                }
                result.append(line, start, end);
                any = true;
            }
            start = end + 1;
            field++;
        }
        return result.toString();
    }

    private static List<Range> parseList(String list, boolean fields) {
        List<Range> ranges = new ArrayList<>();
        String numbered = (fields ? "fields" : "byte/character positions") + " are numbered from 1";
        for (String part : list.split(",", -1)) {
            if (part.isEmpty() || part.equals("0") || part.startsWith("0-")) {
                throw new UsageException(numbered);
            }
            if (!part.matches("[0-9]*-?[0-9]*") || part.equals("-")) {
                String bad = part.replaceAll("^[0-9]+-?", "");
                throw new UsageException((fields ? "invalid field value " : "invalid byte/character position ")
                        + Diagnostics.quote(bad.isEmpty() ? part : bad));
            }
            int dash = part.indexOf('-');
            long low = dash == 0 ? 1 : parse(dash < 0 ? part : part.substring(0, dash));
            long high = dash < 0 ? low : dash == part.length() - 1 ? Long.MAX_VALUE : parse(part.substring(dash + 1));
            if (low == 0 || high == 0) {
                throw new UsageException(numbered);
            }
            if (low > high) {
                throw new UsageException("invalid decreasing range");
            }
            ranges.add(new Range(low, high));
        }
        return ranges;
    }

    private static long parse(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
