package io.sandkernel.coreutils;

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
 * nl [-b STYLE] [-h STYLE] [-f STYLE] [-d CC] [-i N] [-l N] [-n FORMAT] [-p] [-s STR] [-v N]
 * [-w N] [FILE]...: numbers lines. Styles are {@code a} (all), {@code t} (non-empty), {@code n}
 * (none) and {@code pBRE}; {@code \:\:\:}, {@code \:\:} and {@code \:} lines start the header,
 * body and footer sections (printed as empty lines) and reset the numbering unless {@code -p}.
 * As GNU's, numbering goes on across files and a last line gets its newline.
 */
final class NlCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("h:b:f:v:i:pl:s:w:n:d:",
            "header-numbering:h", "body-numbering:b", "footer-numbering:f", "starting-line-number:v",
            "line-increment:i", "no-renumber:p", "join-blank-lines:l", "number-separator:s",
            "number-width:w", "number-format:n", "section-delimiter:d");

    /** A numbering style: its letter and, for {@code p}, its expression. */
    private record Style(char type, Pattern regex) {}

    private CpuCheckpoint checkpoint;

    private final Style[] styles = {new Style('n', null), new Style('t', null), new Style('n', null)};
    private Style current;
    private long start = 1;
    private long increment = 1;
    private boolean reset = true;
    private long blankJoin = 1;
    private String separator = "\t";
    private int width = 6;
    private String format = "rn";
    private long number;
    private long blankLines;
    private String unnumbered;

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        List<String> errors = new ArrayList<>();
        String delimiter = "\\:";
        for (Options.Given given : options.given()) {
            String value = given.value();
            switch (given.option()) {
                case 'h' -> style(0, value, "header", errors);
                case 'b' -> style(1, value, "body", errors);
                case 'f' -> style(2, value, "footer", errors);
                case 'v' -> start = NumberArgs.signedDecimal(value, Long.MIN_VALUE, Long.MAX_VALUE,
                        "invalid starting line number");
                case 'i' -> increment = NumberArgs.signedDecimal(value, Long.MIN_VALUE, Long.MAX_VALUE,
                        "invalid line number increment");
                case 'p' -> reset = false;
                case 'l' -> blankJoin = NumberArgs.signedDecimal(value, 1, Long.MAX_VALUE,
                        "invalid line number of blank lines");
                case 's' -> separator = ByteText.fromArg(value);
                case 'w' -> width = (int) NumberArgs.signedDecimal(value, 1, Integer.MAX_VALUE,
                        "invalid line number field width");
                case 'n' -> {
                    if (value.equals("ln") || value.equals("rn") || value.equals("rz")) {
                        format = value;
                    } else {
                        errors.add("invalid line numbering format: " + Diagnostics.quote(value));
                    }
                }
                case 'd' -> {
                    String d = ByteText.fromArg(value);
                    // POSIX: one or two characters replace the default's first ones; GNU: any string
                    delimiter = d.length() == 1 ? d + delimiter.substring(1) : d;
                }
                default -> { }
            }
        }
        if (!errors.isEmpty()) {
            throw new UsageException(String.join("\nnl: ", errors));
        }
        unnumbered = " ".repeat(width + separator.length());
        number = start;
        current = styles[1];
        checkpoint = new CpuCheckpoint(process);
        Diagnostics diagnostics = new Diagnostics(process, "nl");
        OutputStream out = ByteText.stdout(process);
        for (String name : OperandReader.orStdin(options.operands())) {
            InputStream in;
            try {
                in = InputFiles.open(process, name);
            } catch (KernelException e) {
                diagnostics.fileError(name, e);
                continue;
            }
            try {
                LineReader lines = new LineReader(in, '\n', out);
                String line;
                while ((line = lines.next()) != null) {
                    process(line, delimiter, out);
                }
            } catch (KernelException | IOException e) {
                diagnostics.fileError(name, e);
            } finally {
                InputFiles.close(process, in);
            }
        }
        out.flush();
        return diagnostics.failed() ? 1 : 0;
    }

    private void style(int section, String value, String name, List<String> errors) {
        char type = value.isEmpty() ? 0 : value.charAt(0);
        switch (type) {
            case 'a', 't', 'n' -> styles[section] = new Style(type, null);
            case 'p' -> styles[section] = new Style('p', PosixRegex.compile(ByteText.fromArg(value.substring(1)),
                    false, false, false, false, false, w -> { }));
            default -> errors.add("invalid " + name + " numbering style: " + Diagnostics.quote(value));
        }
    }

    private void process(String line, String delimiter, OutputStream out) throws IOException {
        int section = section(line, delimiter);
        if (section >= 0) {
            current = styles[section];
            if (reset) {
                number = start;
            }
            out.write('\n');
            return;
        }
        boolean numbered = switch (current.type()) {
            case 'a' -> {
                if (blankJoin > 1) {
                    if (!line.isEmpty() || ++blankLines == blankJoin) {
                        blankLines = 0;
                        yield true;
                    }
                    yield false;
                }
                yield true;
            }
            case 't' -> !line.isEmpty();
            case 'p' -> current.regex().matcher(checkpoint.watch(line)).find();
            default -> false;
        };
        if (numbered) {
            String digits = switch (format) {
                case "ln" -> String.format("%-" + width + "d", number);
                case "rz" -> String.format("%0" + width + "d", number);
                default -> String.format("%" + width + "d", number);
            };
            ByteText.write(out, digits + separator);
            number += increment;
        } else {
            ByteText.write(out, unnumbered);
        }
        ByteText.write(out, line + "\n");
    }

    /** check_section: 0 header, 1 body, 2 footer, -1 text. */
    private static int section(String line, String delimiter) {
        if (line.length() < 2 || delimiter.length() < 2 || !line.startsWith(delimiter.substring(0, 2))) {
            return -1;
        }
        for (int repeat = 3; repeat >= 1; repeat--) {
            if (line.equals(delimiter.repeat(repeat))) {
                return 3 - repeat;
            }
        }
        return -1;
    }
}
