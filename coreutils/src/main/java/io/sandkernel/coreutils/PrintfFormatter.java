package io.sandkernel.coreutils;

import io.sandkernel.api.MemoryReservation;
import io.sandkernel.api.ProcessApi;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The C printf engine of printf(1) and seq -f, on byte strings: flags {@code -+ #0}, widths and
 * precisions (also {@code *}), conversions {@code d i o u x X c s b q f F e E g G %}, escapes in
 * the format, GNU's numeric argument rules (character constants, hex and octal, "expected a
 * numeric value") and format reuse until the arguments run out.
 */
final class PrintfFormatter {
    /** Widths and precisions up to this size are made without asking for memory. */
    private static final long UNCHARGED = 1 << 16;
    private MemoryReservation memory;
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger ULONG_MAX = TWO_TO_64.subtract(BigInteger.ONE);
    private static final Pattern INTEGER = Pattern.compile("^[ \\t\\n\\v\\f\\r]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)");
    private static final Pattern FLOAT = Pattern.compile("^[ \\t\\n\\v\\f\\r]*([+-]?)(?:(0[xX](?:[0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)(?:[pP][+-]?[0-9]+)?)"
            + "|((?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?)|((?i:infinity|inf))|((?i:nan)))");

    private final Diagnostics diagnostics;
    private final boolean utf8;
    private boolean stopped;

    /** @param utf8 whether {@code \\u} escapes may print as UTF-8 (else they stay as text, as in the C locale) */
    PrintfFormatter(Diagnostics diagnostics, boolean utf8) {
        this.diagnostics = diagnostics;
        this.utf8 = utf8;
    }

    /** Whether {@code \c} ended the output. */
    boolean stopped() {
        return stopped;
    }

    /** Formats {@code args} with {@code format}, reusing the format while arguments remain. */
    void formatAll(String format, List<String> args, StringBuilder out) {
        int index = 0;
        do {
            int used = formatOnce(format, args, index, out);
            index += used;
            if (used == 0) {
                break;
            }
        } while (index < args.size() && !stopped);
        if (index < args.size() && !stopped) {
            diagnostics.warn("warning: ignoring excess arguments, starting with "
                    + Diagnostics.quote(ByteText.toUnicode(args.get(index))));
        }
    }

    /** Formats one pass over {@code format}; returns how many arguments it used. */
    int formatOnce(String format, List<String> args, int first, StringBuilder out) {
        int next = first;
        int i = 0;
        while (i < format.length() && !stopped) {
            char c = format.charAt(i);
            if (c == '\\') {
                i = Escapes.decodeOne(format, i, Escapes.Style.PRINTF, out, utf8);
                if (i == Escapes.STOP) {
                    stopped = true;
                }
                continue;
            }
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            int start = i++;
            if (i < format.length() && format.charAt(i) == '%') {
                out.append('%');
                i++;
                continue;
            }
            int flagsStart = i;
            while (i < format.length() && "-+ #0'".indexOf(format.charAt(i)) >= 0) {
                i++;
            }
            String flags = format.substring(flagsStart, i);
            int width = -1;
            if (i < format.length() && format.charAt(i) == '*') {
                i++;
                width = (int) clampInt(next < args.size() ? args.get(next) : "0");
                next++;
                if (width < 0) {
                    flags += "-";
                    width = -width;
                }
            } else {
                int digitsStart = i;
                while (i < format.length() && Character.isDigit(format.charAt(i))) {
                    i++;
                }
                if (i > digitsStart) {
                    width = saturated(format.substring(digitsStart, i));
                }
            }
            int precision = -1;
            if (i < format.length() && format.charAt(i) == '.') {
                i++;
                if (i < format.length() && format.charAt(i) == '*') {
                    i++;
                    precision = (int) clampInt(next < args.size() ? args.get(next) : "0");
                    next++;
                } else {
                    int digitsStart = i;
                    while (i < format.length() && Character.isDigit(format.charAt(i))) {
                        i++;
                    }
                    precision = i > digitsStart ? saturated(format.substring(digitsStart, i)) : 0;
                }
            }
            while (i < format.length() && "hlLjzt".indexOf(format.charAt(i)) >= 0) {
                i++;
            }
            if (i >= format.length()) {
                throw invalid(format.substring(start));
            }
            char conversion = format.charAt(i++);
            String arg = next < args.size() ? args.get(next) : null;
            if (!allowed(conversion, flags, i - start > 2, precision >= 0)) {
                throw invalid(format.substring(start, i));
            }
            next++;
            long largest = Math.max(width, precision);
            if (largest > UNCHARGED && memory != null) {
                memory.ensure((out.length() + largest) * 3); // the text, its padding, and the copy made of them
            }
            convert(conversion, new Spec(flags, width, precision), arg, out);
        }
        return Math.min(next, args.size()) - first;
    }

    private static UsageException invalid(String directive) {
        return UsageException.withoutHint(ByteText.toUnicode(directive) + ": invalid conversion specification");
    }

    /**
     * GNU printf's checks: %b and %q take nothing between '%' and the letter; '#' does not go with
     * c d i s u, '0' not with c s, a precision not with c, and ' only with d i u f F g G.
     */
    private static boolean allowed(char conversion, String flags, boolean decorated, boolean precision) {
        if (conversion == 'b' || conversion == 'q') {
            return !decorated;
        }
        if ("diouxXcsfFeEgGaA".indexOf(conversion) < 0) {
            return false;
        }
        return !(flags.indexOf('#') >= 0 && "cdisu".indexOf(conversion) >= 0)
                && !(flags.indexOf('0') >= 0 && "cs".indexOf(conversion) >= 0)
                && !(precision && conversion == 'c')
                && !(flags.indexOf('\'') >= 0 && "cosxXeE".indexOf(conversion) >= 0);
    }

    /** A width or precision as written; past an int it saturates (and then no memory suffices). */
    private static int saturated(String digits) {
        String significant = digits.replaceFirst("^0+(?=.)", "");
        return significant.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(significant);
    }

    /**
     * This formatter, charging large widths and precisions to {@code process} before making
     * them: past its memory, ENOMEM ("memory exhausted") instead of the JVM's heap.
     */
    PrintfFormatter charging(ProcessApi process) {
        memory = new MemoryReservation(process);
        return this;
    }

    private record Spec(String flags, int width, int precision) {
        boolean has(char flag) {
            return flags.indexOf(flag) >= 0;
        }
    }

    private void convert(char conversion, Spec spec, String arg, StringBuilder out) {
        switch (conversion) {
            case 'd', 'i' -> {
                long value = clampInt(arg == null ? "0" : arg);
                integer(value < 0 ? "-" : sign(spec), Long.toString(Math.abs(value)).replace("-", ""), "", spec, out);
            }
            case 'o', 'u', 'x', 'X' -> {
                BigInteger value = unsigned(arg == null ? "0" : arg);
                int radix = conversion == 'o' ? 8 : conversion == 'u' ? 10 : 16;
                String digits = value.toString(radix);
                if (conversion == 'X') {
                    digits = digits.toUpperCase();
                }
                String prefix = "";
                if (spec.has('#') && conversion != 'u' && value.signum() != 0) {
                    prefix = conversion == 'o' ? "" : conversion == 'x' ? "0x" : "0X";
                }
                if (spec.has('#') && conversion == 'o' && (spec.precision <= digits.length()) && !digits.startsWith("0")) {
                    digits = "0" + digits;
                }
                integer("", digits, prefix, spec, out);
            }
            case 'c' -> pad("", "", arg == null ? "" : arg.isEmpty() ? "\0" : arg.substring(0, 1), spec, false, out);
            case 's' -> {
                String text = arg == null ? "" : arg;
                if (spec.precision >= 0 && spec.precision < text.length()) {
                    text = text.substring(0, spec.precision);
                }
                pad("", "", text, spec, false, out);
            }
            case 'q' -> pad("", "", shellQuote(arg == null ? "" : arg), spec, false, out);
            case 'b' -> {
                Escapes.Decoded decoded = Escapes.decode(arg == null ? "" : arg, Escapes.Style.PRINTF_ARGUMENT, utf8);
                out.append(decoded.text());
                stopped |= decoded.stopped();
            }
            default -> floating(conversion, spec, arg == null ? "0" : arg, out);
        }
    }

    /** {@code %q}: the argument quoted for the shell, as GNU's shell-escape style does. */
    private static String shellQuote(String arg) {
        if (!arg.isEmpty() && arg.chars().allMatch(c -> c > 127 || Character.isLetterOrDigit(c) || "._/+-,:@%^=".indexOf(c) >= 0)) {
            return arg;
        }
        if (arg.indexOf('\'') < 0) {
            return "'" + arg + "'";
        }
        if (arg.chars().noneMatch(c -> "\"$`\\!".indexOf(c) >= 0)) {
            return "\"" + arg + "\"";
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    private static String sign(Spec spec) {
        return spec.has('+') ? "+" : spec.has(' ') ? " " : "";
    }

    private static void integer(String sign, String digits, String prefix, Spec spec, StringBuilder out) {
        if (spec.precision >= 0) {
            if (spec.precision == 0 && digits.equals("0")) {
                digits = "";
            }
            digits = "0".repeat(Math.max(0, spec.precision - digits.length())) + digits;
        }
        pad(sign, prefix, digits, spec, spec.precision < 0, out);
    }

    /** Lays out sign, prefix and body in the field width, zero-filling when allowed and asked for. */
    private static void pad(String sign, String prefix, String body, Spec spec, boolean zeroFillAllowed, StringBuilder out) {
        int fill = spec.width - sign.length() - prefix.length() - body.length();
        if (fill <= 0) {
            out.append(sign).append(prefix).append(body);
        } else if (spec.has('-')) {
            out.append(sign).append(prefix).append(body).append(" ".repeat(fill));
        } else if (spec.has('0') && zeroFillAllowed) {
            out.append(sign).append(prefix).append("0".repeat(fill)).append(body);
        } else {
            out.append(" ".repeat(fill)).append(sign).append(prefix).append(body);
        }
    }

    private void floating(char conversion, Spec spec, String arg, StringBuilder out) {
        Object parsed = parseFloat(arg);
        boolean upper = Character.isUpperCase(conversion);
        if (parsed instanceof String special) {
            String sign = special.startsWith("-") ? "-" : sign(spec);
            String body = special.replace("-", "");
            pad(sign, "", upper ? body.toUpperCase() : body, spec, false, out);
            return;
        }
        BigDecimal value = (BigDecimal) parsed;
        boolean negative = value.signum() < 0 || arg.trim().startsWith("-");
        BigDecimal magnitude = value.abs();
        if (conversion == 'a' || conversion == 'A') {
            String prefix = conversion == 'a' ? "0x" : "0X";
            pad(negative ? "-" : sign(spec), prefix, HexFloat.format(magnitude, spec.precision, spec.has('#'), upper),
                    spec, true, out);
            return;
        }
        int precision = spec.precision < 0 ? 6 : spec.precision;
        String body = switch (Character.toLowerCase(conversion)) {
            case 'f' -> fixed(magnitude, precision, spec.has('#'));
            case 'e' -> scientific(magnitude, precision, spec.has('#'));
            default -> general(magnitude, precision, spec.has('#'));
        };
        pad(negative ? "-" : sign(spec), "", upper ? body.toUpperCase() : body, spec, true, out);
    }

    private static String fixed(BigDecimal magnitude, int precision, boolean alternate) {
        String text = magnitude.setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
        return precision == 0 && alternate ? text + "." : text;
    }

    private static String scientific(BigDecimal magnitude, int precision, boolean alternate) {
        String digits;
        int exponent;
        if (magnitude.signum() == 0) {
            digits = "0".repeat(precision + 1);
            exponent = 0;
        } else {
            BigDecimal rounded = magnitude.round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
            String unscaled = rounded.unscaledValue().toString();
            exponent = unscaled.length() - 1 - rounded.scale();
            digits = (unscaled + "0".repeat(precision + 1)).substring(0, precision + 1);
        }
        StringBuilder text = new StringBuilder().append(digits.charAt(0));
        if (precision > 0 || alternate) {
            text.append('.').append(digits, 1, digits.length());
        }
        text.append('e').append(exponent < 0 ? '-' : '+');
        String exp = Integer.toString(Math.abs(exponent));
        return text.append(exp.length() < 2 ? "0" + exp : exp).toString();
    }

    private static String general(BigDecimal magnitude, int precision, boolean alternate) {
        int p = precision == 0 ? 1 : precision;
        int exponent = 0;
        if (magnitude.signum() != 0) {
            BigDecimal rounded = magnitude.round(new MathContext(p, RoundingMode.HALF_EVEN));
            exponent = rounded.precision() - 1 - rounded.scale();
        }
        String text = p > exponent && exponent >= -4
                ? fixed(magnitude, p - 1 - exponent, alternate)
                : scientific(magnitude, p - 1, alternate);
        if (alternate) {
            return text;
        }
        int e = text.indexOf('e');
        String mantissa = e < 0 ? text : text.substring(0, e);
        String suffix = e < 0 ? "" : text.substring(e);
        if (mantissa.indexOf('.') >= 0) {
            mantissa = mantissa.replaceAll("0+$", "");
            if (mantissa.endsWith(".")) {
                mantissa = mantissa.substring(0, mantissa.length() - 1);
            }
        }
        return mantissa + suffix;
    }

    /** A signed integer argument as strtoimax would read it, reporting bad input like GNU. */
    private long clampInt(String arg) {
        BigInteger value = integerValue(arg);
        if (value.compareTo(LONG_MAX) > 0 || value.compareTo(LONG_MIN) < 0) {
            diagnostics.error(quoted(arg) + ": Numerical result out of range");
            return value.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return value.longValue();
    }

    /** An unsigned argument as strtoumax would read it: negatives wrap modulo 2^64. */
    private BigInteger unsigned(String arg) {
        BigInteger value = integerValue(arg);
        if (value.abs().compareTo(ULONG_MAX) > 0) {
            diagnostics.error(quoted(arg) + ": Numerical result out of range");
            return ULONG_MAX;
        }
        return value.signum() < 0 ? value.add(TWO_TO_64) : value;
    }

    private BigInteger integerValue(String arg) {
        if (isCharacterConstant(arg)) {
            return BigInteger.valueOf(characterConstant(arg));
        }
        Matcher m = INTEGER.matcher(arg);
        if (!m.find()) {
            diagnostics.error(quoted(arg) + ": expected a numeric value");
            return BigInteger.ZERO;
        }
        String digits = m.group(2);
        BigInteger value;
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            value = new BigInteger(digits.substring(2), 16);
        } else if (digits.startsWith("0") && digits.length() > 1) {
            value = new BigInteger(digits.substring(1), 8);
        } else {
            value = new BigInteger(digits);
        }
        if (m.end() != arg.length()) {
            diagnostics.error(quoted(arg) + ": value not completely converted");
        }
        return m.group(1).equals("-") ? value.negate() : value;
    }

    private static boolean isCharacterConstant(String arg) {
        return !arg.isEmpty() && (arg.charAt(0) == '\'' || arg.charAt(0) == '"');
    }

    /** The byte after the quote of {@code 'c}; warns, as GNU does, about anything after it. */
    private int characterConstant(String arg) {
        if (arg.length() > 2) {
            diagnostics.warnBytes("warning: " + arg.substring(2) + ": character(s) following character constant have been ignored");
        }
        return arg.length() > 1 ? arg.charAt(1) : 0;
    }

    /** A floating argument: a BigDecimal, or "inf", "-inf", "nan" as a string. */
    private Object parseFloat(String arg) {
        if (isCharacterConstant(arg)) {
            return BigDecimal.valueOf(characterConstant(arg));
        }
        Matcher m = FLOAT.matcher(arg);
        if (!m.find()) {
            diagnostics.error(quoted(arg) + ": expected a numeric value");
            return BigDecimal.ZERO;
        }
        if (m.end() != arg.length()) {
            diagnostics.error(quoted(arg) + ": value not completely converted");
        }
        boolean negative = m.group(1).equals("-");
        if (m.group(4) != null) {
            return negative ? "-inf" : "inf";
        }
        if (m.group(5) != null) {
            return negative ? "-nan" : "nan";
        }
        BigDecimal value = m.group(2) != null
                ? new BigDecimal(Double.parseDouble(m.group(2) + (m.group(2).matches("(?i).*p.*") ? "" : "p0")))
                : toLongDouble(new BigDecimal(m.group(3).endsWith(".") ? m.group(3) + "0" : m.group(3)));
        return negative ? value.negate() : value;
    }

    /**
     * Rounds a non-negative decimal to the nearest x87 long double (64-bit significand), the type
     * GNU printf converts arguments to, so that {@code %.2f 2.675} prints 2.67 as it does there.
     */
    static BigDecimal toLongDouble(BigDecimal value) {
        if (value.signum() == 0) {
            return value;
        }
        double approximate = value.doubleValue();
        if (approximate == 0 || Double.isInfinite(approximate)) {
            return value;
        }
        int exponent = Math.getExponent(approximate);
        BigDecimal low = new BigDecimal(BigInteger.ONE.shiftLeft(63));
        BigDecimal high = new BigDecimal(TWO_TO_64);
        BigDecimal scaled = scaleByPowerOfTwo(value, 63 - exponent);
        while (scaled.compareTo(high) >= 0) {
            exponent++;
            scaled = scaleByPowerOfTwo(value, 63 - exponent);
        }
        while (scaled.compareTo(low) < 0) {
            exponent--;
            scaled = scaleByPowerOfTwo(value, 63 - exponent);
        }
        BigDecimal significand = scaled.setScale(0, RoundingMode.HALF_EVEN);
        return scaleByPowerOfTwo(significand, exponent - 63).stripTrailingZeros();
    }

    private static BigDecimal scaleByPowerOfTwo(BigDecimal value, int power) {
        BigDecimal factor = new BigDecimal(BigInteger.ONE.shiftLeft(Math.abs(power)));
        return power >= 0 ? value.multiply(factor) : value.divide(factor);
    }

    private static String quoted(String arg) {
        return Diagnostics.quote(ByteText.toUnicode(arg));
    }
}
