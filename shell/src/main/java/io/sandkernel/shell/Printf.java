package io.sandkernel.shell;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

/**
 * The formatting of {@code printf}, as dash's and bash's: C's conversions on the arguments
 * ({@code %d %i %o %u %x %X %e %E %f %F %g %G %a %A %s %b %c}, bash's {@code %q}), flags, width
 * and precision (also from {@code *}), numeric arguments as C's {@code strtoimax} reads them
 * ({@code +0x10}, {@code 010}, {@code 'c} for a character's value) with an error and the status
 * 1 for what is not completely converted, the format reused while arguments remain.
 */
final class Printf {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private final boolean bash;
    private java.time.ZoneId zone = java.time.ZoneId.of("UTC");
    /** Widths and precisions up to this size are made without asking for memory. */
    private static final long UNCHARGED = 1 << 16;

    private final StringBuilder out = new StringBuilder();
    private final java.util.function.LongConsumer reserve;
    private final StringBuilder errors = new StringBuilder();
    private int status;
    private boolean stopped;

    /** What {@code printf} produced: the text, error messages (one a line) and the status. */
    record Result(String text, String errors, int status) {}

    private Printf(boolean bash, java.util.function.LongConsumer reserve) {
        this.bash = bash;
        this.reserve = reserve;
    }

    static Result format(String format, List<String> args, boolean bash) {
        return format(format, args, bash, null, bytes -> { });
    }

    /**
     * Formats, with {@code %(...)T} in the zone TZ names; {@code reserve} is told the size of the
     * text before a large width or precision is made (it may refuse by throwing).
     */
    static Result format(String format, List<String> args, boolean bash, String tz,
                         java.util.function.LongConsumer reserve) {
        Printf printf = new Printf(bash, reserve);
        printf.zone = Times.zone(tz);
        int used = 0;
        do {
            int before = used;
            used = printf.once(format, args, used);
            if (printf.stopped || used == before) {
                break;
            }
        } while (used < args.size());
        return new Result(printf.out.toString(), printf.errors.toString(), printf.status);
    }

    private void error(String message) {
        errors.append("printf: ").append(message).append('\n');
        status = 1;
    }

    /** One pass over the format; returns the index of the next unused argument. */
    private int once(String format, List<String> args, int next) {
        int i = 0;
        int n = format.length();
        while (i < n) {
            char c = format.charAt(i);
            if (c == '\\') {
                i = escape(format, i);
                if (stopped) {
                    return next;
                }
                continue;
            }
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 < n && format.charAt(i + 1) == '%') {
                out.append('%');
                i += 2;
                continue;
            }
            int start = i++;
            StringBuilder flags = new StringBuilder();
            while (i < n && "-+ #0'".indexOf(format.charAt(i)) >= 0) {
                flags.append(format.charAt(i++));
            }
            Integer width = null;
            if (i < n && format.charAt(i) == '*') {
                long w = next < args.size() ? integer(args.get(next++)) : 0;
                if (w < 0) {
                    flags.append('-');
                    w = -w;
                }
                width = (int) w;
                i++;
            } else {
                int w = 0;
                boolean any = false;
                while (i < n && Character.isDigit(format.charAt(i))) {
                    w = w * 10 + (format.charAt(i++) - '0');
                    any = true;
                }
                width = any ? w : null;
            }
            Integer precision = null;
            if (i < n && format.charAt(i) == '.') {
                i++;
                if (i < n && format.charAt(i) == '*') {
                    long p = next < args.size() ? integer(args.get(next++)) : 0;
                    precision = p < 0 ? null : (int) p;
                    i++;
                } else {
                    int p = 0;
                    while (i < n && Character.isDigit(format.charAt(i))) {
                        p = p * 10 + (format.charAt(i++) - '0');
                    }
                    precision = p;
                }
            }
            long largest = Math.max(width == null ? 0 : width, precision == null ? 0 : precision);
            if (largest > UNCHARGED) {
                reserve.accept((out.length() + largest) * 3); // the text, its padding, and the copy made of them
            }
            while (i < n && "hlLqjzt".indexOf(format.charAt(i)) >= 0 && !(bash && format.charAt(i) == 'q')) {
                i++; // length modifiers mean nothing here
            }
            if (i >= n) {
                error(bash ? "`%': missing format character" : "missing format character");
                status = bash ? 1 : 2;
                stopped = true;
                return next;
            }
            char conversion = format.charAt(i++);
            if (bash && conversion == '(') {
                int close = format.indexOf(")T", i);
                if (close > 0) {
                    String arg = next < args.size() ? args.get(next++) : null;
                    out.append(pad(Times.strftime(format.substring(i, close), arg, zone), flags.toString(), width));
                    i = close + 2;
                    continue;
                }
            }
            String arg = next < args.size() ? args.get(next++) : null;
            if (!convert(conversion, flags.toString(), width, precision, arg, format.substring(start, i))) {
                stopped = true;
                return next;
            }
            if (stopped) {
                return next;
            }
        }
        return next;
    }

    /** A backslash escape of the format at {@code i}; returns the index after it. */
    private int escape(String format, int i) {
        int n = format.length();
        if (i + 1 >= n) {
            out.append('\\');
            return i + 1;
        }
        char e = format.charAt(i + 1);
        if (e >= '0' && e <= '7') {
            int end = i + 1;
            int value = 0;
            while (end < n && end < i + 4 && format.charAt(end) >= '0' && format.charAt(end) <= '7') {
                value = value * 8 + (format.charAt(end) - '0');
                end++;
            }
            out.append(Strings.rawByte(value));
            return end;
        }
        if (e == 'c') {
            stopped = true;
            return n;
        }
        if (bash) {
            return Escapes.ansiC(format, i + 1, out);
        }
        switch (e) {
            case 'a' -> out.append('\007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'v' -> out.append('\013');
            case '\\' -> out.append('\\');
            default -> out.append('\\').append(e);
        }
        return i + 2;
    }

    /** One conversion; false when it was invalid (printing stops there). */
    private boolean convert(char conversion, String flags, Integer width, Integer precision, String arg, String spec) {
        switch (conversion) {
            case 's' -> out.append(pad(truncate(arg == null ? "" : arg, precision), flags, width));
            case 'b' -> {
                StringBuilder expanded = new StringBuilder();
                boolean stop = Escapes.echo(arg == null ? "" : arg, expanded, true, bash);
                out.append(pad(truncate(expanded.toString(), precision), flags, width));
                if (stop) {
                    stopped = true;
                }
            }
            case 'q' -> {
                if (!bash) {
                    invalid(conversion, spec);
                    return false;
                }
                out.append(pad(Quoting.backslash(arg == null ? "" : arg), flags, width));
            }
            case 'c' -> out.append(pad(arg == null || arg.isEmpty() ? "\0" : truncate(arg, 1), flags, width));
            case 'd', 'i' -> out.append(integer(flags, width, precision, arg == null ? 0 : integer(arg), 'd'));
            case 'u', 'o', 'x', 'X' -> out.append(integer(flags, width, precision, arg == null ? 0 : integer(arg),
                    conversion));
            case 'e', 'E', 'f', 'F', 'g', 'G', 'a', 'A' -> out.append(floating(flags, width, precision,
                    arg == null ? 0 : floating(arg), conversion));
            default -> {
                invalid(conversion, spec);
                return false;
            }
        }
        return true;
    }

    /** An unknown conversion: dash names the whole directive and fails with 2, bash the character, with 1. */
    private void invalid(char conversion, String spec) {
        if (bash) {
            error("`" + conversion + "': invalid format character");
        } else {
            error(spec + ": invalid directive");
            status = 2;
        }
    }

    /** The first {@code precision} bytes, as C's printf counts (a character may be cut in two). */
    private static String truncate(String text, Integer precision) {
        if (precision == null || precision >= text.length() && isAscii(text)) {
            return text;
        }
        byte[] bytes = Strings.encode(text);
        return precision >= bytes.length ? text : Strings.decode(bytes, 0, precision);
    }

    /** Pads to {@code width} bytes, as C's printf counts. */
    private static String pad(String text, String flags, Integer width) {
        if (width == null || text.length() >= width) {
            return text;
        }
        int length = isAscii(text) ? text.length() : Strings.encode(text).length;
        if (length >= width) {
            return text;
        }
        String padding = " ".repeat(width - length);
        return flags.indexOf('-') >= 0 ? text + padding : padding + text;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** An integer argument as {@code strtoimax} reads it, with dash's and bash's errors. */
    long integer(String arg) {
        String text = arg;
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i < text.length() && (text.charAt(i) == '\'' || text.charAt(i) == '"')) {
            return i + 1 < text.length() ? text.codePointAt(i + 1) : 0;
        }
        int start = i;
        boolean negative = false;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        int radix = 10;
        if (i + 1 < text.length() && text.charAt(i) == '0' && (text.charAt(i + 1) == 'x' || text.charAt(i + 1) == 'X')
                && i + 2 < text.length() && Character.digit(text.charAt(i + 2), 16) >= 0) {
            radix = 16;
            i += 2;
        } else if (i < text.length() && text.charAt(i) == '0') {
            radix = 8;
        }
        int digitsStart = i;
        BigInteger value = BigInteger.ZERO;
        while (i < text.length() && Character.digit(text.charAt(i), radix) >= 0) {
            value = value.multiply(BigInteger.valueOf(radix)).add(BigInteger.valueOf(Character.digit(text.charAt(i), radix)));
            i++;
        }
        if (negative) {
            value = value.negate();
        }
        boolean none = i == digitsStart;
        if (none || i < text.length()) {
            if (bash) {
                String kind = radix == 16 ? "invalid hex number" : radix == 8 && !none ? "invalid octal number"
                        : "invalid number";
                error(arg + ": " + kind);
            } else {
                error(arg + ": " + (none && i == start ? "expected numeric value" : "not completely converted"));
            }
        }
        if (value.bitLength() > 63) {
            if (!bash || value.signum() < 0 || value.compareTo(TWO_64) >= 0) {
                error(arg + ": " + (bash ? "Numerical result out of range" : "Result too large"));
            }
            if (value.signum() > 0 && value.compareTo(TWO_64) < 0 && bash) {
                return value.longValue();
            }
            return value.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return value.longValue();
    }

    private static String integer(String flags, Integer width, Integer precision, long value, char conversion) {
        String digits = switch (conversion) {
            case 'o' -> Long.toOctalString(value);
            case 'x' -> Long.toHexString(value);
            case 'X' -> Long.toHexString(value).toUpperCase(Locale.ROOT);
            case 'u' -> Long.toUnsignedString(value);
            default -> value == Long.MIN_VALUE ? "9223372036854775808" : Long.toString(Math.abs(value));
        };
        String sign = "";
        if (conversion == 'd') {
            sign = value < 0 ? "-" : flags.indexOf('+') >= 0 ? "+" : flags.indexOf(' ') >= 0 ? " " : "";
        }
        if (precision != null) {
            if (precision == 0 && value == 0) {
                digits = "";
            }
            StringBuilder padded = new StringBuilder();
            for (int k = digits.length(); k < precision; k++) {
                padded.append('0');
            }
            digits = padded + digits;
        }
        if (flags.indexOf('#') >= 0 && value != 0) {
            if (conversion == 'o' && !digits.startsWith("0")) {
                digits = "0" + digits;
            } else if (conversion == 'x') {
                sign = "0x";
            } else if (conversion == 'X') {
                sign = "0X";
            }
        }
        return padNumber(sign, digits, flags, width, precision == null);
    }

    private static String padNumber(String sign, String digits, String flags, Integer width, boolean zeroAllowed) {
        StringBuilder text = new StringBuilder(sign).append(digits);
        if (width != null && text.length() < width) {
            int pad = width - text.length();
            if (flags.indexOf('-') >= 0) {
                text.append(" ".repeat(pad));
            } else if (flags.indexOf('0') >= 0 && zeroAllowed) {
                text.insert(sign.length(), "0".repeat(pad));
            } else {
                text.insert(0, " ".repeat(pad));
            }
        }
        return text.toString();
    }

    private double floating(String arg) {
        String text = arg.strip();
        if (text.startsWith("'") || text.startsWith("\"")) {
            return text.length() > 1 ? text.codePointAt(1) : 0;
        }
        try {
            if (text.matches("[+-]?0[xX][0-9a-fA-F]+")) {
                return (double) integer(text);
            }
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            String prefix = text.replaceFirst("^([+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?).*$", "$1");
            error(arg + ": " + (bash ? "invalid number" : prefix.equals(text) || prefix.isEmpty()
                    ? "expected numeric value" : "not completely converted"));
            try {
                return prefix.isEmpty() || prefix.equals(text) ? 0 : Double.parseDouble(prefix);
            } catch (NumberFormatException again) {
                return 0;
            }
        }
    }

    private static String floating(String flags, Integer width, Integer precision, double value, char conversion) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            String text = Double.isNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
            if (Character.isUpperCase(conversion)) {
                text = text.toUpperCase(Locale.ROOT);
            }
            return padNumber("", text, flags.replace("0", ""), width, false);
        }
        int p = precision == null ? 6 : precision;
        boolean alternate = flags.indexOf('#') >= 0;
        String body = switch (Character.toLowerCase(conversion)) {
            case 'f' -> new BigDecimal(Math.abs(value)).setScale(p, java.math.RoundingMode.HALF_EVEN).toPlainString()
                    + (alternate && p == 0 ? "." : "");
            case 'e' -> exponent(Math.abs(value), p, alternate);
            case 'g' -> general(Math.abs(value), precision, alternate);
            default -> hexFloat(Math.abs(value));
        };
        if (Character.isUpperCase(conversion)) {
            body = body.toUpperCase(Locale.ROOT);
        }
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        String sign = negative ? "-" : flags.indexOf('+') >= 0 ? "+" : flags.indexOf(' ') >= 0 ? " " : "";
        return padNumber(sign, body, flags, width, true);
    }

    private static String exponent(double value, int precision, boolean alternate) {
        String text = String.format(Locale.ROOT, "%." + precision + "e", value);
        if (alternate && precision == 0) {
            text = text.replace("e", ".e");
        }
        return text;
    }

    /** C's %g: %e or %f, whichever suits the precision, trailing zeros removed unless '#'. */
    static String general(double value, Integer precision, boolean alternate) {
        int p = precision == null ? 6 : Math.max(1, precision);
        if (value == 0) {
            return alternate ? "0." + "0".repeat(p - 1) : "0";
        }
        String e = String.format(Locale.ROOT, "%." + (p - 1) + "e", value);
        int exponent = Integer.parseInt(e.substring(e.indexOf('e') + 1));
        String text;
        if (exponent < -4 || exponent >= p) {
            String mantissa = e.substring(0, e.indexOf('e'));
            text = (alternate ? mantissa : stripZeros(mantissa)) + e.substring(e.indexOf('e'));
        } else {
            String fixed = new BigDecimal(value).setScale(Math.max(0, p - 1 - exponent), java.math.RoundingMode.HALF_EVEN)
                    .toPlainString();
            text = alternate ? (fixed.contains(".") ? fixed : fixed + ".") : stripZeros(fixed);
        }
        return text;
    }

    private static String stripZeros(String number) {
        if (number.indexOf('.') < 0) {
            return number;
        }
        String stripped = number.replaceAll("0+$", "");
        return stripped.endsWith(".") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }

    private static String hexFloat(double value) {
        String text = Double.toHexString(value);
        return text.replace(".0p", "p").replace("p", "p+").replace("p+-", "p-");
    }
}
