package io.sandkernel.coreutils;

import io.sandkernel.api.Checkpoints;
import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * sort [-bcCdfghiMnrsuVz] [-k POS1[,POS2]]... [-t SEP] [-o FILE] [FILE]...: sorts lines in the C
 * locale's byte order, by keys and numeric, month or version order when asked; stable only with {@code -s}, otherwise
 * ties fall back on comparing whole lines, as GNU sort does. Exit 2 on errors, 1 when {@code -c}
 * finds disorder. Input larger than its buffer ({@code -S SIZE}, by default half the kernel's
 * memory available, or whatever the kernel still grants) is sorted in runs written to
 * {@code -T DIR}, {@code $TMPDIR} or {@code /tmp} and merged ({@link SortRuns}).
 */
final class SortCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("bcCdfghik:mMno:rsS:t:T:uVz",
            "ignore-leading-blanks:b", "check?:c", "dictionary-order:d", "ignore-case:f", "general-numeric-sort:g",
            "human-numeric-sort:h", "ignore-nonprinting:i", "month-sort:M", "version-sort:V", "key:k", "merge:m", "numeric-sort:n", "output:o",
            "reverse:r", "stable:s", "field-separator:t", "unique:u", "zero-terminated:z", "buffer-size:S",
            "temporary-directory:T");
    private static final String ORDERING = "bdfghiMnrV";

    /** A line with its keys already extracted, and where it came from (for -c). */
    record Line(String text, Comparable<?>[] keys, String source, long number) {}

    private final List<SortKey> keys = new ArrayList<>();
    private SortKey global;
    private int separator = -1;

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        global = globalKey(options);
        separator = separator(options);
        for (String spec : options.values('k')) {
            keys.add(SortKey.parse(spec, global));
        }
        boolean anyOrdering = options.given().stream().anyMatch(g -> ORDERING.indexOf(g.option()) >= 0);
        if (keys.isEmpty() && anyOrdering) {
            keys.add(global);
        }
        boolean unique = options.has('u');
        int delimiter = options.has('z') ? 0 : '\n';
        Comparator<Line> byKeys = this::compareKeys;
        Comparator<Line> order = unique || options.has('s') ? byKeys
                : byKeys.thenComparing((a, b) -> global.reverse ? b.text.compareTo(a.text) : a.text.compareTo(b.text));
        boolean checking = options.has('c') || options.has('C');
        // -c looks at every line in input order: it cannot spill
        long budget = checking ? Long.MAX_VALUE : buffer(process, options.value('S', null));
        String temporary = options.values('T').isEmpty() ? process.env().getOrDefault("TMPDIR", "/tmp")
                : options.values('T').get(options.values('T').size() - 1);
        try (SortRuns<Line> lines = new SortRuns<>(process, budget, temporary, Checkpoints.comparator(order, process), Line::text,
                text -> line(text, "-", 0), delimiter)) {
            if (!read(process, options.operands(), delimiter, lines)) {
                return 2;
            }
            if (checking) {
                String mode = options.value('c', null);
                boolean quiet = options.has('C') || "quiet".equals(mode) || "silent".equals(mode);
                return check(process, lines.held(), order, unique, quiet);
            }
            Iterator<Line> sorted = lines.sorted();
            String output = options.value('o', null);
            OutputStream out;
            try {
                out = output != null ? BufferedOutput.open(process, output, false) : ByteText.stdout(process);
            } catch (KernelException e) {
                new Diagnostics(process, "sort").error("open failed: " + Diagnostics.quoteIfNeeded(output) + ": "
                        + Diagnostics.describe(e));
                return 2;
            }
            write(out, sorted, unique ? byKeys : null, delimiter);
            out.close(); // flushes; a failed write raises WriteError, reported by the guard
            return 0;
        } catch (SortRuns.SpillFailure e) {
            new Diagnostics(process, "sort").error(e.getMessage());
            return 2;
        }
    }

    /**
     * {@code -S SIZE} in bytes (KiB without a suffix, {@code b} bytes, {@code %} of the kernel's
     * memory), or half of the kernel's memory available.
     */
    private static long buffer(ProcessApi process, String size) {
        if (size == null) {
            return Math.max(1 << 20, Math.min(process.memoryLimit(), memoryAvailable(process)) / 2);
        }
        if (size.endsWith("%")) {
            long percent = Sizes.parse(size.substring(0, size.length() - 1), "");
            if (percent < 0 || percent > 100) {
                throw UsageException.withoutHint("invalid -S argument " + Diagnostics.quote(size));
            }
            return Math.max(1, memoryTotal(process) / 100 * percent);
        }
        String text = !size.isEmpty() && Character.isDigit(size.charAt(size.length() - 1)) ? size + "K" : size;
        long bytes = Sizes.parse(text, "bKMGTPEkmgt");
        if (bytes == Sizes.INVALID) {
            boolean suffix = !size.isEmpty() && Character.isDigit(size.charAt(0));
            throw UsageException.withoutHint((suffix ? "invalid suffix in -S argument " : "invalid -S argument ")
                    + Diagnostics.quote(size));
        }
        return bytes == Sizes.OVERFLOW ? Long.MAX_VALUE : Math.max(1, bytes);
    }

    private static long memoryAvailable(ProcessApi process) {
        return meminfo(process, "MemAvailable:");
    }

    private static long memoryTotal(ProcessApi process) {
        return meminfo(process, "MemTotal:");
    }

    /** A field of /proc/meminfo in bytes; 256 MiB when it cannot be read. */
    private static long meminfo(ProcessApi process, String field) {
        try (java.io.InputStream in = process.openRead("/proc/meminfo")) {
            for (String row : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).split("\n")) {
                if (row.startsWith(field)) {
                    return Long.parseLong(row.substring(field.length()).replace("kB", "").trim()) * 1024;
                }
            }
        } catch (IOException | KernelException | NumberFormatException e) {
            // no /proc: the kernel's default
        }
        return 256L << 20;
    }

    /** The key made of the global ordering options, which keys without options inherit. */
    private static SortKey globalKey(Options options) {
        StringBuilder letters = new StringBuilder();
        for (Options.Given given : options.given()) {
            if (ORDERING.indexOf(given.option()) >= 0 && letters.indexOf(String.valueOf(given.option())) < 0) {
                letters.append(given.option());
            }
        }
        // GNU's check_ordering_compatibility: one numeric kind at most, and -V, -d or -i only alone
        String given = letters.toString();
        int kinds = given.replaceAll("[^ghMn]", "").length() + (given.matches(".*[Vdi].*") ? 1 : 0);
        if (kinds > 1) {
            StringBuilder shown = new StringBuilder();
            for (char c : "dfghiMnV".toCharArray()) {
                if (given.indexOf(c) >= 0) {
                    shown.append(c);
                }
            }
            throw UsageException.withoutHint("options '-" + shown + "' are incompatible");
        }
        SortKey key = new SortKey();
        key.applyOrdering(letters.toString(), false);
        key.skipEndBlanks = key.skipStartBlanks;
        return key;
    }

    private static int separator(Options options) {
        if (!options.has('t')) {
            return -1;
        }
        String given = options.value('t', "");
        String tab = given.equals("\\0") ? "\0" : ByteText.fromArg(given);
        if (tab.length() != 1) {
            throw UsageException.withoutHint(tab.isEmpty() ? "empty tab" : "multi-character tab " + Diagnostics.quote(given));
        }
        return tab.charAt(0);
    }

    /** Reads every input into {@code lines}; false (after GNU's "cannot read" message) when one fails. */
    private boolean read(ProcessApi process, List<String> operands, int delimiter, SortRuns<Line> lines) {
        OperandReader reader = new OperandReader(process, new Diagnostics(process, "sort"), OperandReader.Wording.SORT);
        for (String name : OperandReader.orStdin(operands)) {
            boolean ok = reader.read(name, (shown, in) -> {
                LineReader input = new LineReader(in, delimiter).charging(process);
                long number = 0;
                String text;
                while ((text = input.next()) != null) {
                    lines.add(line(text, shown, ++number), text.length());
                }
            });
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A line with its keys extracted. */
    private Line line(String text, String source, long number) {
        Comparable<?>[] extracted = new Comparable<?>[keys.size()];
        for (int i = 0; i < extracted.length; i++) {
            extracted[i] = keys.get(i).extract(text, separator);
        }
        return new Line(text, extracted, source, number);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private int compareKeys(Line a, Line b) {
        for (int i = 0; i < keys.size(); i++) {
            int diff = ((Comparable) a.keys[i]).compareTo(b.keys[i]);
            if (diff != 0) {
                return keys.get(i).reverse ? -diff : diff;
            }
        }
        return keys.isEmpty() ? a.text.compareTo(b.text) : 0;
    }

    /** Writes the sorted lines; with {@code unique}, only the first of each run of equal keys. */
    private static void write(OutputStream out, Iterator<Line> lines, Comparator<Line> unique, int delimiter)
            throws IOException {
        StringBuilder text = new StringBuilder();
        Line previous = null;
        while (lines.hasNext()) {
            Line line = lines.next();
            if (unique != null && previous != null && unique.compare(previous, line) == 0) {
                continue;
            }
            previous = line;
            text.append(line.text).append((char) delimiter);
            if (text.length() > 1 << 16) {
                ByteText.write(out, text.toString());
                text.setLength(0);
            }
        }
        ByteText.write(out, text.toString());
    }

    /** {@code -c}: reports the first line out of order ("file:line: disorder: text"). */
    private static int check(ProcessApi process, List<Line> lines, Comparator<Line> order, boolean strict, boolean quiet) {
        for (int i = 1; i < lines.size(); i++) {
            int diff = order.compare(lines.get(i - 1), lines.get(i));
            if (diff > 0 || (strict && diff == 0)) {
                Line line = lines.get(i);
                if (!quiet) {
                    new Diagnostics(process, "sort").error(line.source + ":" + line.number + ": disorder: "
                            + ByteText.toUnicode(line.text));
                }
                return 1;
            }
        }
        return 0;
    }
}
