package io.sandkernel.coreutils;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Map;

/**
 * GNU {@code strftime} as date(1) and find's {@code -printf %T} use it, in the C locale: every
 * conversion of glibc ({@code %a %A %b %B %c %C %d %D %e %F %g %G %h %H %I %j %k %l %m %M %n %p %P
 * %r %R %s %S %t %T %u %U %V %w %W %x %X %y %Y %z %Z %%}), GNU's {@code %N} (nanoseconds, its
 * width the number of digits), {@code %q} and {@code %:z %::z %:::z}, the flags {@code - _ 0 ^ #},
 * field widths, and the ignored {@code E}/{@code O} modifiers. An unknown conversion is copied
 * as written, as glibc does.
 */
final class Strftime {
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    private static final Map<String, String> ALIASES = Map.of("UTC", "UTC", "UTC0", "UTC", "GMT", "GMT",
            "GMT0", "GMT", "UCT", "UCT", "Z", "UTC", "Etc/UTC", "UTC", "Universal", "UTC", "Zulu", "UTC");

    // the flags of the conversion being formatted, reset after each one
    private final ZonedDateTime time;
    private final Zone zone;
    private boolean upper;
    private boolean swap;
    private char padFlag;

    private Strftime(ZonedDateTime time, Zone zone) {
        this.time = time;
        this.zone = zone;
    }

    /** A time zone and the abbreviation {@code %Z} shows when the zone names none of its own. */
    record Zone(ZoneId id, String abbreviation) {}

    /**
     * The zone of the {@code TZ} variable: unset or empty is UTC (the sandbox has no
     * /etc/localtime), a zone name or POSIX rule Java knows is that zone, anything else UTC under
     * the name given, as glibc treats an unknown {@code TZ}.
     */
    static Zone zone(String tz) {
        if (tz == null || tz.isEmpty()) {
            return new Zone(ZoneOffset.UTC, "UTC");
        }
        String name = tz.startsWith(":") ? tz.substring(1) : tz;
        String alias = ALIASES.get(name);
        if (alias != null) {
            return new Zone(ZoneOffset.UTC, alias);
        }
        try {
            return new Zone(ZoneId.of(name), null);
        } catch (DateTimeException e) {
            String letters = name.replaceAll("[^A-Za-z].*$", "");
            return new Zone(ZoneOffset.UTC, letters.length() >= 3 ? letters : "UTC");
        }
    }

    /** Formats {@code time} (with its nanoseconds) by {@code format}. */
    static String format(String format, ZonedDateTime time, Zone zone) {
        return new Strftime(time, zone).apply(format);
    }

    private String apply(String format) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                out.append(c);
                i++;
                continue;
            }
            int start = i;
            i++;
            while (i < format.length() && "-_0^#".indexOf(format.charAt(i)) >= 0) {
                char f = format.charAt(i++);
                if (f == '^') {
                    upper = true;
                } else if (f == '#') {
                    swap = true;
                } else {
                    padFlag = f;
                }
            }
            int width = -1;
            while (i < format.length() && Character.isDigit(format.charAt(i))) {
                width = Math.max(width, 0) * 10 + (format.charAt(i++) - '0');
            }
            int colons = 0;
            while (i < format.length() && format.charAt(i) == ':') {
                colons++;
                i++;
            }
            while (i < format.length() && (format.charAt(i) == 'E' || format.charAt(i) == 'O')) {
                i++;
            }
            if (i >= format.length()) {
                out.append(badFormat(format.substring(start), width));
                break;
            }
            char conversion = format.charAt(i++);
            String text = convert(conversion, colons, width, time);
            out.append(text == null ? badFormat(format.substring(start, i), width) : text);
            upper = false;
            swap = false;
            padFlag = 0;
        }
        return out.toString();
    }

    private String convert(char c, int colons, int width, ZonedDateTime t) {
        int dow = t.getDayOfWeek().getValue(); // Monday 1 .. Sunday 7
        int yday = t.getDayOfYear() - 1;
        int sundayDow = dow % 7;
        return switch (c) {
            case 'a' -> text(DAYS[dow - 1].substring(0, 3), width, true);
            case 'A' -> text(DAYS[dow - 1], width, true);
            case 'b', 'h' -> text(MONTHS[t.getMonthValue() - 1].substring(0, 3), width, true);
            case 'B' -> text(MONTHS[t.getMonthValue() - 1], width, true);
            case 'c' -> text(sub("%a %b %e %H:%M:%S %Y"), width, false);
            case 'C' -> number(Math.floorDiv(t.getYear(), 100), 2, '0', width);
            case 'd' -> number(t.getDayOfMonth(), 2, '0', width);
            case 'D', 'x' -> text(sub("%m/%d/%y"), width, false);
            case 'e' -> number(t.getDayOfMonth(), 2, ' ', width);
            case 'F' -> text(number(t.getYear(), padFlag == 0 && width < 0 ? 4 : Math.max(1, width - 6), '0', -1)
                    + sub("-%m-%d"), width, false);
            case 'g' -> number(Math.floorMod(t.get(IsoFields.WEEK_BASED_YEAR), 100), 2, '0', width);
            case 'G' -> number(t.get(IsoFields.WEEK_BASED_YEAR), 4, '0', width);
            case 'H' -> number(t.getHour(), 2, '0', width);
            case 'I' -> number(twelve(t.getHour()), 2, '0', width);
            case 'j' -> number(yday + 1, 3, '0', width);
            case 'k' -> number(t.getHour(), 2, ' ', width);
            case 'l' -> number(twelve(t.getHour()), 2, ' ', width);
            case 'm' -> number(t.getMonthValue(), 2, '0', width);
            case 'M' -> number(t.getMinute(), 2, '0', width);
            case 'n' -> text("\n", width, false);
            case 't' -> text("\t", width, false);
            case 'N' -> nanos(t.getNano(), width);
            case 'p' -> ampm(t.getHour() < 12 ? "AM" : "PM", width, false);
            case 'P' -> ampm(t.getHour() < 12 ? "am" : "pm", width, true);
            case 'q' -> number((t.getMonthValue() - 1) / 3 + 1, 1, '0', width);
            case 'r' -> text(sub("%I:%M:%S %p"), width, false);
            case 'R' -> text(sub("%H:%M"), width, false);
            case 's' -> number(t.toEpochSecond(), 1, '0', width);
            case 'S' -> number(t.getSecond(), 2, '0', width);
            case 'T', 'X' -> text(sub("%H:%M:%S"), width, false);
            case 'u' -> number(dow, 1, '0', width);
            case 'U' -> number((yday + 7 - sundayDow) / 7, 2, '0', width);
            case 'V' -> number(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), 2, '0', width);
            case 'w' -> number(sundayDow, 1, '0', width);
            case 'W' -> number((yday + 7 - (dow - 1)) / 7, 2, '0', width);
            case 'y' -> number(Math.floorMod(t.getYear(), 100), 2, '0', width);
            case 'Y' -> number(t.getYear(), 1, '0', width);
            case 'z' -> offset(t.getOffset().getTotalSeconds(), colons, width);
            case 'Z' -> zoneName(t, width);
            case '%' -> colons == 0 && width < 0 && padFlag == 0 && !upper && !swap ? "%" : null;
            default -> null;
        };
    }

    /** A composite conversion: formatted without the flags of the one it stands for. */
    private String sub(String format) {
        return Strftime.format(format, time, zone);
    }

    /** {@code %Z}; the {@code #} flag lowers it, as GNU does. */
    private String zoneName(ZonedDateTime t, int width) {
        String name = abbreviation(t, zone);
        if (swap) {
            swap = false;
            name = name.toLowerCase(Locale.ROOT);
        }
        return text(name, width, false);
    }

    private static int twelve(int hour) {
        int h = hour % 12;
        return h == 0 ? 12 : h;
    }

    /** The zone's abbreviation: the one {@code TZ} named, else Java's short name (CET, EST...). */
    static String abbreviation(ZonedDateTime t, Zone zone) {
        if (zone.abbreviation() != null) {
            return zone.abbreviation();
        }
        if (t.getZone() instanceof ZoneOffset) {
            return t.getOffset().equals(ZoneOffset.UTC) ? "UTC" : t.getOffset().getId().replace(":", "");
        }
        // tzdata's abbreviations are the US English ones of CLDR; zones without one use a number
        String name = DateTimeFormatter.ofPattern("zzz", Locale.US).format(t);
        if (name.startsWith("GMT") && name.length() > 3) {
            int seconds = t.getOffset().getTotalSeconds();
            String full = String.format(Locale.ROOT, "%c%02d%02d", seconds < 0 ? '-' : '+', Math.abs(seconds) / 3600,
                    Math.abs(seconds) / 60 % 60);
            return full.endsWith("00") ? full.substring(0, 3) : full;
        }
        return name;
    }

    /** gnulib's bad_format: an unknown or unfinished directive is copied, padded to its width. */
    private static String badFormat(String directive, int width) {
        return width > directive.length() ? " ".repeat(width - directive.length()) + directive : directive;
    }

    private String text(String value, int width, boolean name) {
        String shown = value;
        if (upper || (swap && name)) {
            shown = shown.toUpperCase(Locale.ROOT);
        }
        if (width > shown.length() && padFlag != '-') {
            char fill = padFlag == '0' ? '0' : ' ';
            shown = String.valueOf(fill).repeat(width - shown.length()) + shown;
        }
        return shown;
    }

    private String ampm(String value, int width, boolean lower) {
        String shown = swap ? (lower ? value : value.toLowerCase(Locale.ROOT)) : value;
        boolean wasSwap = swap;
        swap = false;
        String result = text(shown, width, false);
        swap = wasSwap;
        return result;
    }

    private String number(long value, int digits, char defaultFill, int width) {
        char fill = padFlag == '_' ? ' ' : padFlag == '0' ? '0' : defaultFill;
        int size = padFlag == '-' ? 0 : width >= 0 ? width : digits;
        String digitsText = Long.toString(Math.abs(value));
        String sign = value < 0 ? "-" : "";
        int missing = size - digitsText.length() - sign.length();
        if (missing <= 0) {
            return sign + digitsText;
        }
        return fill == '0' ? sign + "0".repeat(missing) + digitsText : " ".repeat(missing) + sign + digitsText;
    }

    private String nanos(int nanos, int width) {
        String all = String.format(Locale.ROOT, "%09d", nanos);
        if (width < 0) {
            return padFlag == '-' ? all.replaceFirst("0+$", "") : all;
        }
        return width <= 9 ? all.substring(0, width) : all + "0".repeat(width - 9);
    }

    private static String offset(int totalSeconds, int colons, int width) {
        char sign = totalSeconds < 0 ? '-' : '+';
        int seconds = Math.abs(totalSeconds);
        int hours = seconds / 3600;
        int minutes = seconds / 60 % 60;
        int secs = seconds % 60;
        String body = switch (colons) {
            case 0 -> String.format(Locale.ROOT, "%02d%02d", hours, minutes);
            case 1 -> String.format(Locale.ROOT, "%02d:%02d", hours, minutes);
            case 2 -> String.format(Locale.ROOT, "%02d:%02d:%02d", hours, minutes, secs);
            case 3 -> secs != 0 ? String.format(Locale.ROOT, "%02d:%02d:%02d", hours, minutes, secs)
                    : minutes != 0 ? String.format(Locale.ROOT, "%02d:%02d", hours, minutes)
                    : String.format(Locale.ROOT, "%02d", hours);
            default -> null;
        };
        if (body == null) {
            return null;
        }
        String value = sign + body;
        if (width > value.length()) {
            value = sign + "0".repeat(width - value.length()) + body;
        }
        return value;
    }

    /** The English name of ISO day {@code dow} (Monday 1). */
    static String dayName(int dow) {
        return DAYS[dow - 1];
    }

    /** The English name of month {@code month} (January 1). */
    static String monthName(int month) {
        return MONTHS[month - 1];
    }
}
