package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * touch [-acm] [-d DATE] [-t STAMP] [-r FILE] FILE...: creates files and sets their times
 * (now, or the given date, stamp {@code [[CC]YY]MMDDhhmm[.ss]} or reference file's time).
 */
final class TouchCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("acd:fmr:t:",
            "no-create:c", "date:d", "reference:r", "time=:\u0001");

    private static final Pattern STAMP = Pattern.compile("(\\d{2})?(\\d{2})?(\\d{8})(?:\\.(\\d{2}))?");

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        if (options.operands().isEmpty()) {
            throw new UsageException("missing file operand");
        }
        Diagnostics diagnostics = new Diagnostics(process, "touch");
        FileTime time = FileTime.from(Instant.now());
        if (options.has('d')) {
            time = parseDate(options.value('d', ""));
        } else if (options.has('t')) {
            time = parseStamp(options.value('t', ""));
        } else if (options.has('r')) {
            try {
                time = Files.getLastModifiedTime(process.resolve(options.value('r', "")));
            } catch (IOException e) {
                diagnostics.error("failed to get attributes of " + Diagnostics.quote(options.value('r', "")) + ": "
                        + Diagnostics.describe(e));
                return 1;
            }
        }
        boolean accessOnly = options.has('a') && !options.has('m');
        boolean modifyOnly = options.has('m') && !options.has('a');
        for (String operand : options.operands()) {
            try {
                Path path = process.resolve(operand);
                if (!Files.exists(path)) {
                    if (options.has('c')) {
                        continue;
                    }
                    try (OutputStream created = process.openWrite(operand, true)) {
                        created.flush();
                    }
                }
                Files.getFileAttributeView(path, BasicFileAttributeView.class)
                        .setTimes(accessOnly ? null : time, modifyOnly ? null : time, null);
            } catch (IOException | RuntimeException e) {
                diagnostics.actionError("cannot touch", operand, e);
            }
        }
        return diagnostics.failed() ? 1 : 0;
    }

    private static FileTime parseDate(String text) {
        try {
            if (text.startsWith("@")) {
                return FileTime.from(Instant.ofEpochSecond(Long.parseLong(text.substring(1))));
            }
            String iso = text.trim().replace(' ', 'T');
            if (iso.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return FileTime.from(LocalDate.parse(iso).atStartOfDay().toInstant(ZoneOffset.UTC));
            }
            if (iso.endsWith("Z") || iso.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return FileTime.from(iso.endsWith("Z") ? Instant.parse(iso) : OffsetDateTime.parse(iso).toInstant());
            }
            return FileTime.from(LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw UsageException.withoutHint("invalid date format " + Diagnostics.quote(text));
        }
    }

    private static FileTime parseStamp(String text) {
        Matcher m = STAMP.matcher(text);
        if (!m.matches()) {
            throw UsageException.withoutHint("invalid date format " + Diagnostics.quote(text));
        }
        int year;
        if (m.group(2) != null) {
            year = Integer.parseInt(m.group(1) + m.group(2));
        } else if (m.group(1) != null) {
            int yy = Integer.parseInt(m.group(1));
            year = yy < 69 ? 2000 + yy : 1900 + yy;
        } else {
            year = LocalDate.now(ZoneOffset.UTC).getYear();
        }
        String rest = m.group(3);
        try {
            LocalDateTime time = LocalDateTime.of(year, Integer.parseInt(rest.substring(0, 2)),
                    Integer.parseInt(rest.substring(2, 4)), Integer.parseInt(rest.substring(4, 6)),
                    Integer.parseInt(rest.substring(6, 8)), m.group(4) == null ? 0 : Integer.parseInt(m.group(4)));
            return FileTime.from(time.toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            throw UsageException.withoutHint("invalid date format " + Diagnostics.quote(text));
        }
    }
}
