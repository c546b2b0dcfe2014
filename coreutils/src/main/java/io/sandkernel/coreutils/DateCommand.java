package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * date [-u] [-d STRING | -f FILE | -r FILE] [-R | -I[FMT] | --rfc-3339=FMT | +FORMAT]: prints
 * a time (now, a date string as {@link DateInput} reads it, or a file's modification time) in
 * the default format, RFC 5322, ISO 8601, RFC 3339 or a {@link Strftime} format, in the TZ zone
 * (UTC with {@code -u}). The clock cannot be set: {@code -s} and a date operand fail as for a
 * user without the privilege.
 */
final class DateCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("d:f:r:Rs:u",
            "date:d", "file:f", "reference:r", "rfc-email:R", "rfc-2822:R", "set:s", "utc:u", "universal:u",
            "iso-8601?:I", "rfc-3339=:\u0001", "debug:\u0002");
    private static final String DEFAULT_FORMAT = "%a %b %e %H:%M:%S %Z %Y";
    private static final String[] ISO_WORDS = {"hours", "minutes", "date", "seconds", "ns"};
    private static final String[] RFC_WORDS = {"date", "seconds", "ns"};

    @Override
    public int run(ProcessApi process) throws Exception {
        List<String> args = new ArrayList<>();
        for (String arg : process.args()) {
            // -I takes its argument attached only: -Iseconds
            args.add(arg.startsWith("-I") ? (arg.length() == 2 ? "--iso-8601" : "--iso-8601=" + arg.substring(2)) : arg);
        }
        Options options = PARSER.parse(args);
        Diagnostics diagnostics = new Diagnostics(process, "date");
        String format = null;
        int formats = 0;
        if (options.has('R')) {
            format = "%a, %d %b %Y %H:%M:%S %z";
            formats++;
        }
        if (options.has('I')) {
            String word = options.value('I', null);
            String which = word == null ? "date" : argmatch(word, ISO_WORDS, "--iso-8601");
            format = switch (which) {
                case "hours" -> "%Y-%m-%dT%H%:z";
                case "minutes" -> "%Y-%m-%dT%H:%M%:z";
                case "seconds" -> "%Y-%m-%dT%H:%M:%S%:z";
                case "ns" -> "%Y-%m-%dT%H:%M:%S,%N%:z";
                default -> "%Y-%m-%d";
            };
            formats++;
        }
        if (options.has('\u0001')) {
            String which = argmatch(options.value('\u0001', ""), RFC_WORDS, "--rfc-3339");
            format = switch (which) {
                case "seconds" -> "%Y-%m-%d %H:%M:%S%:z";
                case "ns" -> "%Y-%m-%d %H:%M:%S.%N%:z";
                default -> "%Y-%m-%d";
            };
            formats++;
        }
        List<String> operands = options.operands();
        String plus = null;
        if (!operands.isEmpty() && operands.get(0).startsWith("+")) {
            plus = operands.get(0).substring(1);
            if (operands.size() > 1) {
                throw new UsageException("extra operand " + Diagnostics.quote(operands.get(1)));
            }
            formats++;
        } else if (!operands.isEmpty()) {
            if (operands.size() > 1) {
                throw new UsageException("extra operand " + Diagnostics.quote(operands.get(1)));
            }
            if (!operands.get(0).matches("\\d{8}(\\d{2}|\\d{4})?(\\.\\d{2})?")) {
                diagnostics.error("invalid date " + Diagnostics.quote(operands.get(0)));
                return 1;
            }
            diagnostics.error("cannot set date: Operation not permitted");
            return 1;
        }
        if (formats > 1) {
            throw UsageException.withoutHint("multiple output formats specified");
        }
        if (plus != null) {
            format = plus;
        }
        if (format == null) {
            format = DEFAULT_FORMAT;
        }
        int sources = (options.has('d') ? 1 : 0) + (options.has('f') ? 1 : 0) + (options.has('r') ? 1 : 0);
        if (sources > 1) {
            throw new UsageException("the options to specify dates for printing are mutually exclusive");
        }
        Strftime.Zone zone = Strftime.zone(options.has('u') ? "UTC0" : process.env().get("TZ"));
        if (options.has('s')) {
            try {
                DateInput.parse(options.value('s', ""), Instant.now(), zone.id());
            } catch (IllegalArgumentException e) {
                diagnostics.error("invalid date " + Diagnostics.quote(options.value('s', "")));
                return 1;
            }
            diagnostics.error("cannot set date: Operation not permitted");
            return 1;
        }
        OutputStream out = ByteText.stdout(process);
        if (options.has('f')) {
            String file = options.value('f', "-");
            byte[] data;
            try (InputStream in = file.equals("-") ? process.stdin() : process.openRead(file)) {
                data = in.readAllBytes();
            } catch (KernelException e) {
                diagnostics.fileError(file, e);
                return 1;
            }
            Instant now = Instant.now();
            for (String line : new String(data, StandardCharsets.UTF_8).split("\n")) {
                try {
                    print(out, format, DateInput.parse(line, now, zone.id()), zone);
                } catch (IllegalArgumentException e) {
                    out.flush();
                    diagnostics.error("invalid date " + Diagnostics.quote(line));
                }
            }
            out.flush();
            return diagnostics.failed() ? 1 : 0;
        }
        Instant time;
        if (options.has('r')) {
            String file = options.value('r', "");
            try {
                time = process.stat(file).mtime();
            } catch (KernelException e) {
                diagnostics.fileError(file, e);
                return 1;
            }
        } else if (options.has('d')) {
            String text = options.value('d', "");
            try {
                time = DateInput.parse(text, Instant.now(), zone.id());
            } catch (IllegalArgumentException e) {
                diagnostics.error("invalid date " + Diagnostics.quote(text));
                return 1;
            }
        } else {
            time = Instant.now();
        }
        print(out, format, time, zone);
        out.flush();
        return 0;
    }

    private static void print(OutputStream out, String format, Instant time, Strftime.Zone zone) throws java.io.IOException {
        ZonedDateTime local = time.atZone(zone.id());
        ByteText.writeUtf8(out, Strftime.format(format, local, zone) + "\n");
    }

    /** GNU's argmatch: an exact word or an unambiguous prefix, else its "Valid arguments are:" error. */
    private static String argmatch(String word, String[] words, String option) {
        String found = null;
        for (String candidate : words) {
            if (candidate.equals(word)) {
                return candidate;
            }
            if (!word.isEmpty() && candidate.startsWith(word)) {
                if (found != null) {
                    found = "";
                } else {
                    found = candidate;
                }
            }
        }
        if (found != null && !found.isEmpty()) {
            return found;
        }
        StringBuilder message = new StringBuilder((found == null ? "invalid" : "ambiguous") + " argument "
                + Diagnostics.quote(word) + " for " + Diagnostics.quote(option) + "\nValid arguments are:");
        for (String candidate : words) {
            message.append("\n  - ").append(Diagnostics.quote(candidate));
        }
        throw new UsageException(message.toString());
    }
}
