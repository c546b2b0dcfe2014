package io.sandkernel.shell;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/** bash's {@code printf '%(format)T'}: {@code strftime} on a time in seconds (-1 or none: now). */
final class Times {
    private Times() {}

    static String strftime(String format, String arg) {
        return strftime(format, arg, ZoneId.of("UTC"));
    }

    /** The zone named by TZ (as {@code Area/City} or {@code UTC}), else UTC. */
    static ZoneId zone(String tz) {
        if (tz == null || tz.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(tz.startsWith(":") ? tz.substring(1) : tz);
        } catch (java.time.DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    static String strftime(String format, String arg, ZoneId zone) {
        long seconds;
        try {
            seconds = arg == null || arg.isBlank() || arg.strip().equals("-1") || arg.strip().equals("-2")
                    ? System.currentTimeMillis() / 1000 : Long.parseLong(arg.strip());
        } catch (NumberFormatException e) {
            seconds = 0;
        }
        ZonedDateTime time = Instant.ofEpochSecond(seconds).atZone(zone);
        if (format.isEmpty()) {
            format = "%X";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                out.append(c);
                continue;
            }
            char f = format.charAt(++i);
            out.append(switch (f) {
                case 'Y' -> String.valueOf(time.getYear());
                case 'y' -> two(time.getYear() % 100);
                case 'C' -> two(time.getYear() / 100);
                case 'm' -> two(time.getMonthValue());
                case 'd' -> two(time.getDayOfMonth());
                case 'e' -> String.format("%2d", time.getDayOfMonth());
                case 'H' -> two(time.getHour());
                case 'I' -> two(time.getHour() % 12 == 0 ? 12 : time.getHour() % 12);
                case 'M' -> two(time.getMinute());
                case 'S' -> two(time.getSecond());
                case 'p' -> time.getHour() < 12 ? "AM" : "PM";
                case 'j' -> String.format("%03d", time.getDayOfYear());
                case 's' -> Long.toString(seconds);
                case 'F' -> time.getYear() + "-" + two(time.getMonthValue()) + "-" + two(time.getDayOfMonth());
                case 'T', 'X' -> two(time.getHour()) + ":" + two(time.getMinute()) + ":" + two(time.getSecond());
                case 'R' -> two(time.getHour()) + ":" + two(time.getMinute());
                case 'D', 'x' -> two(time.getMonthValue()) + "/" + two(time.getDayOfMonth()) + "/" + two(time.getYear() % 100);
                case 'a' -> time.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT);
                case 'A' -> time.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ROOT);
                case 'b', 'h' -> time.getMonth().getDisplayName(TextStyle.SHORT, Locale.ROOT);
                case 'B' -> time.getMonth().getDisplayName(TextStyle.FULL, Locale.ROOT);
                case 'u' -> String.valueOf(time.getDayOfWeek().getValue());
                case 'w' -> String.valueOf(time.getDayOfWeek().getValue() % 7);
                case 'Z' -> time.getZone().getDisplayName(TextStyle.SHORT, Locale.ROOT);
                case 'z' -> time.getOffset().getId().replace(":", "").replace("Z", "+0000");
                case 'n' -> "\n";
                case 't' -> "\t";
                case '%' -> "%";
                default -> "%" + f;
            });
        }
        return out.toString();
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}
