package io.sandkernel.coreutils;

import io.sandkernel.api.Checkpoints;
import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * csplit [-ksqz] [-f PREFIX] [-b SUFFIX] [-n DIGITS] [--suppress-matched] FILE PATTERN...: cuts
 * the input into xx00, xx01... at line numbers, at lines matching {@code /RE/[OFFSET]}, or skipping
 * up to them ({@code %RE%[OFFSET]}), each pattern repeatable ({@code {N}}, {@code {*}}),
 * printing each file's size. As csplit.c: an error ("match not found", "line number out of
 * range") removes the files made so far unless {@code -k}, and exits with status 1.
 */
final class CsplitCommand implements Program {
    private static final char SUPPRESS = '\u0001';
    private static final Options.Parser PARSER = new Options.Parser("f:b:kn:sqz", "prefix:f", "suffix-format:b",
            "keep-files:k", "digits:n", "quiet:q", "silent:s", "elide-empty-files:z", "suppress-matched:" + SUPPRESS);

    /** One pattern: a line number, or an expression with its offset; how often it repeats. */
    private static final class Control {
        String argument;
        long lines;
        Pattern regex;
        boolean skip;
        long offset;
        long repeat;
        boolean forever;
    }

    /** Ends the run after the clean-up (files removed unless -k), with status 1. */
    private static final class Fatal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Fatal() {
            super(null, null, false, false);
        }
    }

    private ProcessApi process;
    private Diagnostics diagnostics;
    private OutputStream stdout;
    private String prefix = "xx";
    private String suffix;
    private int digits = 2;
    private boolean keep;
    private boolean quiet;
    private boolean elide;
    private boolean suppressMatched;
    private final List<String> lines = new ArrayList<>();
    private int firstAvailable = 1;
    private long currentLine;
    private OutputStream output;
    private String outputName;
    private long bytesWritten;
    private int filesCreated;

    @Override
    public int run(ProcessApi process) throws Exception {
        this.process = process;
        Options options = PARSER.parse(process.args());
        for (Options.Given given : options.given()) {
            switch (given.option()) {
                case 'f' -> prefix = given.value();
                case 'b' -> suffix = given.value();
                case 'k' -> keep = true;
                case 'n' -> digits = (int) NumberArgs.signedDecimal(given.value(), 0, Integer.MAX_VALUE, "invalid number");
                case 's', 'q' -> quiet = true;
                case 'z' -> elide = true;
                case SUPPRESS -> suppressMatched = true;
                default -> { }
            }
        }
        List<String> operands = options.operands();
        if (operands.size() < 2) {
            throw new UsageException(operands.isEmpty() ? "missing operand"
                    : "missing operand after " + Diagnostics.quote(operands.get(operands.size() - 1)));
        }
        if (suffix != null) {
            checkSuffix(suffix);
        }
        diagnostics = new Diagnostics(process, "csplit");
        String name = operands.get(0);
        InputStream in;
        try {
            in = InputFiles.open(process, name);
        } catch (KernelException e) {
            throw UsageException.withoutHint("cannot open " + Diagnostics.quote(name) + " for reading: "
                    + Diagnostics.describe(e));
        }
        List<Control> controls = parse(operands.subList(1, operands.size()));
        try {
            LineReader reader = new LineReader(in);
            String line;
            while ((line = reader.next()) != null) {
                lines.add(reader.terminated() ? line + "\n" : line);
            }
        } catch (KernelException | IOException e) {
            diagnostics.error("read error: " + Diagnostics.describe(e));
            return 1;
        } finally {
            InputFiles.close(process, in);
        }
        stdout = ByteText.stdout(process);
        try {
            split(controls);
        } catch (Fatal e) {
            cleanup();
            stdout.flush();
            return 1;
        }
        stdout.flush();
        return 0;
    }

    private static void checkSuffix(String format) {
        boolean percent = false;
        for (int i = 0; i < format.length(); i++) {
            if (format.charAt(i) != '%') {
                continue;
            }
            if (++i < format.length() && format.charAt(i) == '%') {
                continue;
            }
            if (percent) {
                throw UsageException.withoutHint("too many % conversion specifications in suffix");
            }
            percent = true;
            boolean alternative = false;
            boolean thousands = false;
            while (i < format.length() && "-0'#".indexOf(format.charAt(i)) >= 0) {
                alternative |= format.charAt(i) == '#';
                thousands |= format.charAt(i) == '\'';
                i++;
            }
            while (i < format.length() && Character.isDigit(format.charAt(i))) {
                i++;
            }
            if (i < format.length() && format.charAt(i) == '.') {
                i++;
                while (i < format.length() && Character.isDigit(format.charAt(i))) {
                    i++;
                }
            }
            char c = i < format.length() ? format.charAt(i) : 0;
            boolean integral = c == 'd' || c == 'i' || c == 'u';
            if (c == 0) {
                throw UsageException.withoutHint("missing conversion specifier in suffix");
            }
            if (!integral && c != 'o' && c != 'x' && c != 'X') {
                throw UsageException.withoutHint("invalid conversion specifier in suffix: " + c);
            }
            if ((integral && alternative) || (!integral && thousands)) {
                throw UsageException.withoutHint("invalid flags in conversion specification: %"
                        + (alternative && integral ? '#' : '\'') + c);
            }
        }
        if (!percent) {
            throw UsageException.withoutHint("missing % conversion specification in suffix");
        }
    }

    private List<Control> parse(List<String> patterns) {
        List<Control> controls = new ArrayList<>();
        long last = 0;
        for (int i = 0; i < patterns.size(); i++) {
            String argument = patterns.get(i);
            Control control = new Control();
            control.argument = argument;
            if (argument.startsWith("/") || argument.startsWith("%")) {
                char delimiter = argument.charAt(0);
                int closing = argument.lastIndexOf(delimiter);
                if (closing == 0) {
                    throw UsageException.withoutHint(argument + ": closing delimiter '" + delimiter + "' missing");
                }
                control.skip = delimiter == '%';
                try {
                    control.regex = PosixRegex.compile(ByteText.fromArg(argument.substring(1, closing)), false, false,
                            false, false, false, w -> { });
                } catch (UsageException e) {
                    throw UsageException.withoutHint(Quoting.quote(argument) + ": invalid regular expression: "
                            + e.getMessage());
                }
                if (closing + 1 < argument.length()) {
                    String offset = argument.substring(closing + 1);
                    if (!offset.matches("\\s*[+-]?[0-9]+")) {
                        throw UsageException.withoutHint(Diagnostics.quote(argument) + ": integer expected after delimiter");
                    }
                    control.offset = Long.parseLong(offset.strip().replace("+", ""));
                }
            } else {
                NumberArgs.Parsed value = NumberArgs.parse(argument, 10, "");
                if (value.status() != NumberArgs.Status.OK) {
                    throw UsageException.withoutHint(Diagnostics.quote(argument) + ": invalid pattern");
                }
                if (value.value() == 0) {
                    throw UsageException.withoutHint(argument + ": line number must be greater than zero");
                }
                if (value.value() < last) {
                    throw UsageException.withoutHint("line number " + Diagnostics.quote(argument)
                            + " is smaller than preceding line number, " + last);
                }
                if (value.value() == last) {
                    new Diagnostics(process, "csplit").warn("warning: line number " + Diagnostics.quote(argument)
                            + " is the same as preceding line number");
                }
                last = value.value();
                control.lines = value.value();
            }
            if (i + 1 < patterns.size() && patterns.get(i + 1).startsWith("{")) {
                String count = patterns.get(++i);
                if (!count.endsWith("}")) {
                    throw UsageException.withoutHint(Diagnostics.quote(count) + ": '}' is required in repeat count");
                }
                String inner = count.substring(1, count.length() - 1);
                if (inner.equals("*")) {
                    control.forever = true;
                } else {
                    NumberArgs.Parsed n = NumberArgs.parse(inner, 10, "");
                    if (n.status() != NumberArgs.Status.OK || count.length() < 2) {
                        throw UsageException.withoutHint(Diagnostics.quote(count.substring(0, count.length() - 1))
                                + "}: integer required between '{' and '}'");
                    }
                    control.repeat = n.value();
                }
            }
            controls.add(control);
        }
        return controls;
    }

    // ------------------------------------------------------------------ the line buffer

    private boolean allRemoved() {
        return firstAvailable > lines.size();
    }

    private String findLine(long number) {
        return allRemoved() || number < 1 || number > lines.size() ? null : lines.get((int) number - 1);
    }

    private String removeLine() {
        if (allRemoved()) {
            return null;
        }
        if (currentLine < firstAvailable) {
            currentLine = firstAvailable;
        }
        return lines.get(firstAvailable++ - 1);
    }

    private long firstLineInBuffer() {
        if (allRemoved()) {
            diagnostics.error("input disappeared");
            throw new Fatal();
        }
        return firstAvailable;
    }

    private boolean noMoreLines() {
        return findLine(currentLine + 1) == null;
    }

    // ------------------------------------------------------------------ splitting

    private void split(List<Control> controls) throws IOException {
        for (Control control : controls) {
            for (long j = 0; control.forever || j <= control.repeat; j++) {
                new CpuCheckpoint(process).poll();
                if (control.regex != null) {
                    if (!regexp(control, j)) {
                        return;
                    }
                } else {
                    lineCount(control, j);
                }
            }
        }
        create();
        dumpRest();
        close();
    }

    private void lineCount(Control control, long repetition) throws IOException {
        long last = control.lines * (repetition + 1);
        create();
        if (noMoreLines() && suppressMatched) {
            lineError(control, repetition);
        }
        long number = firstLineInBuffer();
        while (number++ < last) {
            String line = removeLine();
            if (line == null) {
                lineError(control, repetition);
            }
            save(line);
        }
        close();
        if (suppressMatched) {
            removeLine();
        }
        if (noMoreLines() && !suppressMatched) {
            lineError(control, repetition);
        }
    }

    private void lineError(Control control, long repetition) {
        diagnostics.error(Diagnostics.quote(Long.toString(control.lines)) + ": line number out of range"
                + (repetition != 0 ? " on repetition " + repetition : ""));
        throw new Fatal();
    }

    /** process_regexp; false when {@code {*}} ran out of input (the run is then complete). */
    private boolean regexp(Control control, long repetition) throws IOException {
        boolean ignore = control.skip;
        if (!ignore) {
            create();
        }
        while (true) {
            String line = findLine(++currentLine);
            if (line == null) {
                if (control.forever) {
                    if (!ignore) {
                        dumpRest();
                        close();
                    }
                    return false;
                }
                diagnostics.error(Diagnostics.quote(control.argument) + ": match not found"
                        + (repetition != 0 ? " on repetition " + repetition : ""));
                if (!ignore) {
                    dumpRest();
                    close();
                }
                throw new Fatal();
            }
            String text = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
            if (control.regex.matcher(Checkpoints.text(text, process)).find()) {
                break;
            }
            if (control.offset >= 0) {
                String removed = removeLine();
                if (!ignore) {
                    save(removed);
                }
            }
        }
        long breakLine = currentLine + control.offset;
        long first = firstLineInBuffer();
        if (first > breakLine) {
            outOfRange(control);
        }
        for (long i = 0; i < breakLine - first; i++) {
            String line = removeLine();
            if (line == null) {
                outOfRange(control);
            }
            if (!ignore) {
                save(line);
            }
        }
        if (!ignore) {
            close();
        }
        if (control.offset > 0) {
            currentLine = breakLine;
        }
        if (suppressMatched) {
            removeLine();
        }
        return true;
    }

    private void outOfRange(Control control) {
        diagnostics.error(Diagnostics.quote(control.argument) + ": line number out of range");
        throw new Fatal();
    }

    private void dumpRest() throws IOException {
        String line;
        while ((line = removeLine()) != null) {
            save(line);
        }
    }

    private String fileName(int number) {
        if (suffix == null) {
            return prefix + String.format("%0" + Math.max(1, digits) + "d", number);
        }
        StringBuilder b = new StringBuilder();
        new PrintfFormatter(diagnostics, false).formatOnce(suffix.replace("%u", "%d").replace("'", ""),
                List.of(Integer.toString(number)), 0, b);
        return prefix + b;
    }

    private void create() {
        outputName = fileName(filesCreated);
        try {
            output = BufferedOutput.open(process, outputName, false);
        } catch (KernelException e) {
            diagnostics.error(Diagnostics.quoteIfNeeded(outputName) + ": " + Diagnostics.describe(e));
            throw new Fatal();
        }
        filesCreated++;
        bytesWritten = 0;
    }

    private void save(String line) throws IOException {
        ByteText.write(output, line);
        bytesWritten += line.length();
    }

    private void close() throws IOException {
        if (output == null) {
            return;
        }
        try {
            output.close();
        } catch (WriteError e) {
            output = null;
            diagnostics.error("write error for " + Diagnostics.quote(outputName));
            throw new Fatal();
        }
        output = null;
        if (bytesWritten == 0 && elide) {
            try {
                process.unlink(outputName);
            } catch (KernelException e) {
                // already gone: nothing to undo
            }
            filesCreated--;
        } else if (!quiet) {
            ByteText.write(stdout, bytesWritten + "\n");
        }
    }

    private void cleanup() throws IOException {
        close();
        if (keep) {
            return;
        }
        for (int i = filesCreated - 1; i >= 0; i--) {
            try {
                process.unlink(fileName(i));
            } catch (KernelException e) {
                // ENOENT: nothing to remove
            }
        }
        filesCreated = 0;
    }
}
