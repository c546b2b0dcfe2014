package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.Stat;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * touch [-acm] [-d DATE] [-t STAMP] [-r FILE] FILE...: creates missing files ({@code open} with
 * O_CREAT, mode 0666 less the umask) and sets their times with {@code futimens}/{@code utimensat}:
 * now (UTIME_NOW, which write permission allows), or the given date, stamp
 * {@code [[CC]YY]MMDDhhmm[.ss]} or reference file's times, in nanoseconds; {@code -a} or
 * {@code -m} leaves the other time alone (UTIME_OMIT). Local times are in the TZ zone (UTC when
 * unset).
 */
final class TouchCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("acd:fmr:t:",
            "no-create:c", "date:d", "reference:r", "time=:\u0001", "no-dereference:h");

    private static final Pattern STAMP = Pattern.compile("(\\d{2})?(\\d{2})?(\\d{8})(?:\\.(\\d{2}))?");

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        if (options.operands().isEmpty()) {
            throw new UsageException("missing file operand");
        }
        Diagnostics diagnostics = new Diagnostics(process, "touch");
        ZoneId zone = zone(process);
        boolean accessOnly = options.has('a') && !options.has('m');
        boolean modifyOnly = options.has('m') && !options.has('a');
        for (String word : options.values('\u0001')) {
            switch (word) {
                case "access", "atime", "use" -> accessOnly = !options.has('m');
                case "modify", "mtime" -> modifyOnly = !options.has('a');
                default -> throw new UsageException("invalid argument " + Diagnostics.quote(word) + " for '--time'");
            }
        }
        long atime = OpenFlags.UTIME_NOW;
        long mtime = OpenFlags.UTIME_NOW;
        if (options.has('r')) {
            String reference = options.value('r', "");
            try {
                Stat stat = process.stat(reference);
                atime = nanos(stat.atime());
                mtime = nanos(stat.mtime());
            } catch (KernelException e) {
                diagnostics.error("failed to get attributes of " + Diagnostics.quote(reference) + ": "
                        + Diagnostics.describe(e));
                return 1;
            }
        } else if (options.has('d')) {
            atime = mtime = nanos(parseDate(options.value('d', ""), zone));
        } else if (options.has('t')) {
            atime = mtime = nanos(parseStamp(options.value('t', ""), zone));
        }
        if (accessOnly) {
            mtime = OpenFlags.UTIME_OMIT;
        }
        if (modifyOnly) {
            atime = OpenFlags.UTIME_OMIT;
        }
        int linkFlag = options.has('h') ? OpenFlags.AT_SYMLINK_NOFOLLOW : 0;
        for (String operand : options.operands()) {
            touch(process, diagnostics, operand, atime, mtime, options.has('c') || options.has('h'), linkFlag);
        }
        return diagnostics.failed() ? 1 : 0;
    }

    /** GNU's touch(): open to create, then set the times on the descriptor or, failing that, the name. */
    private static void touch(ProcessApi process, Diagnostics diagnostics, String operand, long atime, long mtime,
                              boolean noCreate, int linkFlag) {
        int fd = -1;
        KernelException openFailure = null;
        if (!noCreate) {
            try {
                fd = process.open(operand, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_NONBLOCK
                        | OpenFlags.O_NOCTTY | OpenFlags.O_CLOEXEC, 0666);
            } catch (KernelException e) {
                openFailure = e;
            }
        }
        try {
            if (fd >= 0) {
                process.futimens(fd, atime, mtime);
            } else {
                process.utimensat(OpenFlags.AT_FDCWD, operand, atime, mtime, linkFlag);
            }
        } catch (KernelException e) {
            if (openFailure != null) {
                diagnostics.actionError("cannot touch", operand, openFailure);
            } else if (!(noCreate && e.errno() == Errno.ENOENT)) {
                diagnostics.actionError("setting times of", operand, e);
            }
        } finally {
            if (fd >= 0) {
                FileOps.closeQuietly(process, fd);
            }
        }
    }

    private static ZoneId zone(ProcessApi process) {
        try {
            String tz = process.env().get("TZ");
            return tz == null || tz.isEmpty() ? ZoneOffset.UTC : ZoneId.of(tz);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static long nanos(Instant time) {
        return Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000_000L), time.getNano());
    }

    /** The forms of GNU's date strings people use: ISO dates and times, with zone or not, and @SECONDS. */
    static Instant parseDate(String text, ZoneId zone) {
        try {
            String trimmed = text.trim();
            if (trimmed.startsWith("@")) {
                String seconds = trimmed.substring(1);
                int dot = seconds.indexOf('.');
                if (dot < 0) {
                    return Instant.ofEpochSecond(Long.parseLong(seconds));
                }
                String fraction = (seconds.substring(dot + 1) + "000000000").substring(0, 9);
                return Instant.ofEpochSecond(Long.parseLong(seconds.substring(0, dot)), Long.parseLong(fraction));
            }
            String iso = trimmed.replaceFirst("^(\\d{4}-\\d{2}-\\d{2})[ T]", "$1T").replaceFirst(" ?(UTC|GMT)$", "Z")
                    .replaceFirst(" ([+-]\\d{2}:?\\d{2})$", "$1");
            if (iso.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(iso).atStartOfDay(zone).toInstant();
            }
            if (iso.matches(".*T\\d{2}:\\d{2}")) {
                iso = iso + ":00";
            }
            if (iso.matches(".*[+-]\\d{4}$")) {
                iso = iso.substring(0, iso.length() - 2) + ":" + iso.substring(iso.length() - 2);
            }
            if (iso.endsWith("Z") || iso.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return iso.endsWith("Z") ? Instant.parse(iso.replaceFirst("T(\\d{2}:\\d{2})Z", "T$1:00Z"))
                        : OffsetDateTime.parse(iso).toInstant();
            }
            return LocalDateTime.parse(iso).atZone(zone).toInstant();
        } catch (DateTimeException | NumberFormatException e) {
            throw UsageException.withoutHint("invalid date format " + Diagnostics.quote(text));
        }
    }

    private static Instant parseStamp(String text, ZoneId zone) {
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
            year = LocalDate.now(zone).getYear();
        }
        String rest = m.group(3);
        try {
            LocalDateTime time = LocalDateTime.of(year, Integer.parseInt(rest.substring(0, 2)),
                    Integer.parseInt(rest.substring(2, 4)), Integer.parseInt(rest.substring(4, 6)),
                    Integer.parseInt(rest.substring(6, 8)), m.group(4) == null ? 0 : Integer.parseInt(m.group(4)));
            return time.atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw UsageException.withoutHint("invalid date format " + Diagnostics.quote(text));
        }
    }
}
