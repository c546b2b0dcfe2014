package io.sandkernel.coreutils;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The date strings of GNU's {@code date -d} (parse_datetime) that scripts use: {@code @SECONDS},
 * ISO dates and times ({@code 2024-01-15}, {@code 2024-01-15 10:20:30.5},
 * {@code 2024-01-15T10:20:30+02:00}), {@code MM/DD[/YYYY]}, month names ({@code Jan 15 2024},
 * {@code 15 Jan 2024}), {@code 3pm}, zones ({@code UTC}, {@code +0200}, {@code EST}), week days
 * ({@code monday}, {@code next friday}), relative items ({@code now}, {@code yesterday},
 * {@code 3 days ago}, {@code +2 hours}, {@code next week}, {@code 1 year 2 months}) and the
 * {@code YYYYMMDD} number. As in GNU, a date without a time is midnight, a time without a date is
 * today, year/month/day offsets are applied to the calendar fields and then normalised
 * (Jan 31 + 1 month is Mar 2 or 3), and a signed number right after a time is a zone
 * ({@code 12:00 +2 hours} is noon in UTC+2, plus one hour).
 */
final class DateInput {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE;
    private static final Pattern EPOCH = Pattern.compile("@\\s*([-+]?\\d+)(?:[.,](\\d+))?", FLAGS);
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4,})-(\\d{1,2})-(\\d{1,2})(?:T(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?)?(?![\\d:])", FLAGS);
    private static final Pattern US = Pattern.compile("(\\d{1,2})/(\\d{1,2})(?:/(\\d+))?(?!\\d)");
    private static final Pattern TIME = Pattern.compile(
            "(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?(?:\\s*([ap])\\.?m\\.?(?![a-z]))?", FLAGS);
    private static final Pattern HOUR_MERIDIAN = Pattern.compile("(\\d{1,2})\\s*([ap])\\.?m\\.?(?![a-z])", FLAGS);
    private static final Pattern SIGNED_ZONE = Pattern.compile("([-+])(\\d{1,2})(?::?(\\d{2}))?(?![\\d:])");
    private static final Pattern RELATIVE = Pattern.compile(
            "(?:([-+]?)\\s*(\\d+)\\s*)?(year|month|fortnight|week|day|hour|minute|min|second|sec)s?(?![a-z])(\\s+ago(?![a-z]))?",
            FLAGS);
    private static final Pattern MONTH_FIRST = Pattern.compile(
            "([a-z]+)\\.?(?:\\s+|-)(\\d{1,2})(?!\\d|:)(?:(?:,\\s*|\\s+|-)(\\d{4}|\\d{2})(?![\\d:]))?", FLAGS);
    private static final Pattern DAY_FIRST = Pattern.compile(
            "(\\d{1,2})(?:\\s+|-)([a-z]+)\\.?(?:(?:\\s+|-)(\\d{4}|\\d{2})(?![\\d:]))?", FLAGS);
    private static final Pattern WORD = Pattern.compile("([a-z]+)\\.?", FLAGS);
    private static final Pattern NUMBER = Pattern.compile("([-+]?)(\\d+)(?![\\d:])");
    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
        "nov", "dec"};
    private static final String[] DAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    private static final Map<String, Integer> ZONES = Map.ofEntries(
            Map.entry("gmt", 0), Map.entry("ut", 0), Map.entry("utc", 0), Map.entry("z", 0), Map.entry("wet", 0),
            Map.entry("west", 60), Map.entry("bst", 60), Map.entry("cet", 60), Map.entry("met", 60),
            Map.entry("cest", 120), Map.entry("mest", 120), Map.entry("eet", 120), Map.entry("eest", 180),
            Map.entry("msk", 180), Map.entry("ist", 330), Map.entry("jst", 540), Map.entry("kst", 540),
            Map.entry("ast", -240), Map.entry("adt", -180), Map.entry("est", -300), Map.entry("edt", -240),
            Map.entry("cst", -360), Map.entry("cdt", -300), Map.entry("mst", -420), Map.entry("mdt", -360),
            Map.entry("pst", -480), Map.entry("pdt", -420), Map.entry("akst", -540), Map.entry("akdt", -480),
            Map.entry("hst", -600), Map.entry("nzst", 720), Map.entry("nzdt", 780));

    private final String text;
    private int at;
    private int[] date; // year (-1: the current one), month, day
    private Integer year;
    private LocalTime time;
    private long nanos;
    private Integer zoneMinutes;
    private Integer weekday;
    private int weekdayOrdinal;
    private long relYears;
    private long relMonths;
    private long relDays;
    private long relSeconds;
    private boolean timeJustParsed;

    private DateInput(String text) {
        this.text = text;
    }

    /**
     * The instant {@code text} names, relative to {@code now} in {@code zone}.
     *
     * @throws IllegalArgumentException when it is not a date GNU would take
     */
    static Instant parse(String text, Instant now, ZoneId zone) {
        try {
            return new DateInput(text).parse(now, zone);
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private Instant parse(Instant now, ZoneId zone) {
        Matcher epoch = EPOCH.matcher(text.trim());
        if (epoch.matches()) {
            long seconds = Long.parseLong(epoch.group(1).replace("+", ""));
            long fraction = fraction(epoch.group(2));
            return Instant.ofEpochSecond(seconds, seconds < 0 && fraction > 0 ? -fraction : fraction);
        }
        while (true) {
            skipSeparators();
            if (at >= text.length()) {
                break;
            }
            boolean wasTime = timeJustParsed;
            timeJustParsed = false;
            if (!(wasTime && zoneAfterTime()) && !item()) {
                throw new IllegalArgumentException(text);
            }
        }
        ZoneId effective = zoneMinutes != null ? ZoneOffset.ofTotalSeconds(zoneMinutes * 60) : zone;
        ZonedDateTime base = now.atZone(zone).withZoneSameInstant(effective);
        LocalDate day = base.toLocalDate();
        if (date != null) {
            day = LocalDate.of(date[0] >= 0 ? date[0] : year != null ? year : day.getYear(), date[1], date[2]);
        } else if (year != null) {
            day = day.withYear(year);
        }
        LocalTime clock;
        long nano;
        if (time != null) {
            clock = time;
            nano = nanos;
        } else if (date != null || weekday != null || text.isBlank()) {
            clock = LocalTime.MIDNIGHT;
            nano = 0;
        } else {
            clock = base.toLocalTime().withNano(0);
            nano = base.getNano();
        }
        if (weekday != null && date == null) {
            int today = day.getDayOfWeek().getValue() % 7;
            int target = weekday % 7;
            int ordinal = weekdayOrdinal;
            day = day.plusDays((target - today + 7) % 7 + 7L * (ordinal - (ordinal > 0 && today != target ? 1 : 0)));
        }
        // calendar offsets on the fields, then normalised as mktime does (Feb 31 is Mar 2 or 3)
        long months = day.getYear() * 12L + day.getMonthValue() - 1 + relMonths + relYears * 12;
        LocalDate shifted = LocalDate.of((int) Math.floorDiv(months, 12), (int) Math.floorMod(months, 12) + 1, 1)
                .plusDays(day.getDayOfMonth() - 1 + relDays);
        ZonedDateTime result = LocalDateTime.of(shifted, clock).withNano((int) nano).atZone(effective);
        return result.toInstant().plusSeconds(relSeconds);
    }

    private void skipSeparators() {
        while (at < text.length() && (Character.isWhitespace(text.charAt(at)) || text.charAt(at) == ',')) {
            at++;
        }
    }

    private Matcher match(Pattern pattern) {
        Matcher m = pattern.matcher(text).region(at, text.length()); // a fixed pattern
        if (m.lookingAt()) {
            at = m.end();
            return m;
        }
        return null;
    }

    private boolean zoneAfterTime() {
        Matcher m = match(SIGNED_ZONE);
        if (m == null) {
            return false;
        }
        int hours = Integer.parseInt(m.group(2));
        int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        if (m.group(3) == null && m.group(2).length() > 2) {
            return false;
        }
        setZone((m.group(1).equals("-") ? -1 : 1) * (hours * 60 + minutes));
        return true;
    }

    private boolean item() {
        Matcher m;
        if ((m = match(ISO)) != null) {
            setDate(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            if (m.group(4) != null) {
                setTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), m.group(6), m.group(7), null);
            }
            if (at < text.length() && (text.charAt(at) == 'Z' || text.charAt(at) == 'z') && m.group(4) != null) {
                at++;
                setZone(0);
            }
            return true;
        }
        if ((m = match(TIME)) != null) {
            setTime(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3), m.group(4), m.group(5));
            return true;
        }
        if ((m = match(HOUR_MERIDIAN)) != null) {
            setTime(Integer.parseInt(m.group(1)), 0, null, null, m.group(2));
            return true;
        }
        if ((m = match(US)) != null) {
            int y = m.group(3) == null ? -1 : twoDigitYear(m.group(3));
            setDate(y, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            return true;
        }
        if ((m = match(RELATIVE)) != null) {
            long count = m.group(2) == null ? 1 : Long.parseLong(m.group(2));
            if ("-".equals(m.group(1))) {
                count = -count;
            }
            relative(m.group(3), m.group(4) != null ? -count : count);
            return true;
        }
        int save = at;
        if ((m = match(MONTH_FIRST)) != null) {
            int month = month(m.group(1));
            if (month > 0) {
                setDate(m.group(3) == null ? -1 : twoDigitYear(m.group(3)), month, Integer.parseInt(m.group(2)));
                return true;
            }
            at = save;
        }
        if ((m = match(DAY_FIRST)) != null) {
            int month = month(m.group(2));
            if (month > 0) {
                setDate(m.group(3) == null ? -1 : twoDigitYear(m.group(3)), month, Integer.parseInt(m.group(1)));
                return true;
            }
            at = save;
        }
        if ((m = match(WORD)) != null) {
            if (word(m.group(1).toLowerCase(Locale.ROOT))) {
                return true;
            }
            at = save;
            return false;
        }
        if ((m = match(NUMBER)) != null) {
            return number(m.group(1), m.group(2));
        }
        return false;
    }

    private boolean word(String word) {
        switch (word) {
            case "now", "today" -> {
                return true;
            }
            case "yesterday" -> {
                relDays -= 1;
                return true;
            }
            case "tomorrow" -> {
                relDays += 1;
                return true;
            }
            case "ago" -> {
                return false;
            }
            case "next", "last", "this" -> {
                int ordinal = word.equals("next") ? 1 : word.equals("last") ? -1 : 0;
                skipSeparators();
                Matcher m = match(WORD);
                if (m == null) {
                    return false;
                }
                String unit = m.group(1).toLowerCase(Locale.ROOT);
                int day = weekday(unit);
                if (day > 0) {
                    setWeekday(day, ordinal);
                    return true;
                }
                Matcher rel = RELATIVE.matcher(unit);
                if (rel.matches()) {
                    relative(rel.group(3), ordinal);
                    return true;
                }
                return false;
            }
            default -> {
                int day = weekday(word);
                if (day > 0) {
                    setWeekday(day, 0);
                    return true;
                }
                Integer zone = ZONES.get(word);
                if (zone != null) {
                    setZone(zone);
                    return true;
                }
                return false;
            }
        }
    }

    private boolean number(String sign, String digits) {
        if (!sign.isEmpty()) {
            return false;
        }
        if (date == null && digits.length() > 4) {
            int value = digits.length() > 8 ? -1 : Integer.parseInt(digits);
            if (value < 0) {
                return false;
            }
            setDate(value / 10000, value / 100 % 100, value % 100);
            return true;
        }
        if (date != null && time == null && digits.length() <= 4) {
            int value = Integer.parseInt(digits);
            setTime(digits.length() <= 2 ? value : value / 100, digits.length() <= 2 ? 0 : value % 100, null, null, null);
            return true;
        }
        if (time != null && digits.length() == 4 && year == null && (date == null || date[0] < 0)) {
            year = Integer.parseInt(digits);
            return true;
        }
        return false;
    }

    private void relative(String unit, long count) {
        switch (unit.toLowerCase(Locale.ROOT)) {
            case "year" -> relYears += count;
            case "month" -> relMonths += count;
            case "fortnight" -> relDays += 14 * count;
            case "week" -> relDays += 7 * count;
            case "day" -> relDays += count;
            case "hour" -> relSeconds += 3600 * count;
            case "minute", "min" -> relSeconds += 60 * count;
            default -> relSeconds += count;
        }
    }

    private void setDate(int y, int month, int day) {
        if (date != null) {
            throw new IllegalArgumentException("two dates");
        }
        LocalDate.of(y >= 0 ? y : 2000, month, day); // validates month and day (Feb 29 in a leap year)
        date = new int[] {y, month, day};
    }

    private void setTime(int hour, int minute, String seconds, String fraction, String meridian) {
        if (time != null) {
            throw new IllegalArgumentException("two times");
        }
        int h = hour;
        if (meridian != null) {
            if (h < 1 || h > 12) {
                throw new IllegalArgumentException("hour");
            }
            h = h % 12 + (meridian.equalsIgnoreCase("p") ? 12 : 0);
        }
        time = LocalTime.of(h, minute, seconds == null ? 0 : Integer.parseInt(seconds));
        nanos = fraction(fraction);
        timeJustParsed = true;
    }

    private void setZone(int minutes) {
        if (zoneMinutes != null) {
            throw new IllegalArgumentException("two zones");
        }
        zoneMinutes = minutes;
    }

    private void setWeekday(int day, int ordinal) {
        if (weekday != null && date == null) {
            throw new IllegalArgumentException("two week days");
        }
        weekday = day;
        weekdayOrdinal = ordinal;
    }

    private static long fraction(String digits) {
        if (digits == null) {
            return 0;
        }
        return Long.parseLong((digits + "000000000").substring(0, 9));
    }

    private static int twoDigitYear(String digits) {
        int value = Integer.parseInt(digits);
        if (digits.length() == 2) {
            return value < 69 ? 2000 + value : 1900 + value;
        }
        return value;
    }

    private static int month(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.length() < 3) {
            return 0;
        }
        for (int i = 0; i < MONTHS.length; i++) {
            String full = Strftime.monthName(i + 1).toLowerCase(Locale.ROOT);
            if (lower.equals(MONTHS[i]) || lower.equals(full) || (i == 8 && lower.equals("sept"))) {
                return i + 1;
            }
        }
        return 0;
    }

    /** ISO day (Monday 1) of a week-day name or abbreviation, or 0. */
    private static int weekday(String word) {
        for (int i = 0; i < DAYS.length; i++) {
            String full = Strftime.dayName(i + 1).toLowerCase(Locale.ROOT);
            if (word.equals(DAYS[i]) || word.equals(full) || (word.length() > 3 && full.startsWith(word)
                    && (word.equals("tues") || word.equals("wednes") || word.equals("thur") || word.equals("thurs")))) {
                return i + 1;
            }
        }
        return 0;
    }
}
