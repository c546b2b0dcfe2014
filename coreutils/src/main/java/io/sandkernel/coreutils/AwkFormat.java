package io.sandkernel.coreutils;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * awk's number-to-string conversions and its printf/sprintf: C's conversions {@code d i o x X u
 * c s e E f F g G %} with flags {@code - + space # 0}, widths and precisions (also {@code *}).
 * Floating-point conversions round the exact binary value half-to-even, as glibc does, so the
 * digits agree with C awks'.
 */
final class AwkFormat {
    private AwkFormat() {}

    /**
     * A number as a string: integral values as integers, others with {@code format} (CONVFMT
     * or OFMT, normally {@code %.6g}).
     */
    static String number(double d, String format) {
        if (d == (long) d) {
            return Long.toString((long) d); // -0 too prints as 0, as in both awks
        }
        if (Double.isNaN(d)) {
            return Double.doubleToRawLongBits(d) < 0 ? "-nan" : "+nan"; // as gawk shows them
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+inf" : "-inf";
        }
        if (d == Math.rint(d)) {
            return new BigDecimal(d).toPlainString(); // any integral value prints as an integer
        }
        if (format.equals("%.6g")) {
            return general(d, 6, false);
        }
        return sprintf(format, List.of(d), null);
    }

    /**
     * sprintf: formats {@code args} (awk values) with {@code format}; strings of numbers follow
     * {@code rt}'s CONVFMT (%.6g without one).
     */
    static String sprintf(String format, List<Object> args, AwkRuntime rt) {
        StringBuilder out = new StringBuilder(format.length() + 16);
        int next = 0;
        int i = 0;
        int n = format.length();
        while (i < n) {
            char c = format.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            int start = i++;
            if (i < n && format.charAt(i) == '%') {
                out.append('%');
                i++;
                continue;
            }
            boolean left = false;
            boolean plus = false;
            boolean space = false;
            boolean alternate = false;
            boolean zero = false;
            while (i < n && "-+ #0'".indexOf(format.charAt(i)) >= 0) {
                switch (format.charAt(i)) {
                    case '-' -> left = true;
                    case '+' -> plus = true;
                    case ' ' -> space = true;
                    case '#' -> alternate = true;
                    case '0' -> zero = true;
                    default -> { }
                }
                i++;
            }
            int width = -1;
            if (i < n && format.charAt(i) == '*') {
                i++;
                width = (int) AwkValue.num(next < args.size() ? args.get(next++) : AwkValue.UNINIT);
                if (width < 0) {
                    left = true;
                    width = -width;
                }
            } else {
                int s = i;
                while (i < n && Character.isDigit(format.charAt(i))) {
                    i++;
                }
                if (i > s) {
                    width = Integer.parseInt(format.substring(s, i));
                }
            }
            int precision = -1;
            if (i < n && format.charAt(i) == '.') {
                i++;
                if (i < n && format.charAt(i) == '*') {
                    i++;
                    precision = (int) AwkValue.num(next < args.size() ? args.get(next++) : AwkValue.UNINIT);
                } else {
                    int s = i;
                    while (i < n && Character.isDigit(format.charAt(i))) {
                        i++;
                    }
                    precision = i > s ? Integer.parseInt(format.substring(s, i)) : 0;
                }
            }
            while (i < n && "hlLqjzt".indexOf(format.charAt(i)) >= 0) {
                i++;
            }
            if (i >= n) {
                out.append(format, start, n);
                break;
            }
            char conversion = format.charAt(i++);
            if ("diouxXcseEfFgGaA".indexOf(conversion) < 0) {
                out.append(format, start, i);
                continue;
            }
            if (next >= args.size()) {
                throw new AwkFatal("not enough arguments to satisfy format string `" + format + "'");
            }
            Object arg = args.get(next++);
            String sign = plus ? "+" : space ? " " : "";
            String body;
            String prefix = "";
            boolean numeric = true;
            switch (conversion) {
                case 'd', 'i' -> {
                    double v = arg == null ? 0 : AwkValue.num(arg);
                    if (Double.isNaN(v) || Double.isInfinite(v)) {
                        body = Double.isNaN(v) ? "nan" : "inf";
                        prefix = v < 0 ? "-" : sign;
                        zero = false;
                        break;
                    }
                    BigDecimal whole = new BigDecimal(v).setScale(0, RoundingMode.DOWN);
                    String digits = whole.abs().toPlainString();
                    if (precision >= 0) {
                        zero = false;
                        digits = precision == 0 && digits.equals("0") ? "" : pad(digits, precision);
                    }
                    body = digits;
                    prefix = whole.signum() < 0 ? "-" : sign;
                }
                case 'o', 'u', 'x', 'X' -> {
                    double v = arg == null ? 0 : AwkValue.num(arg);
                    long bits = v < 0 ? (long) v : v >= 0x1p63 ? (long) (v - 0x1p64) : (long) v;
                    String digits = switch (conversion) {
                        case 'o' -> Long.toOctalString(bits);
                        case 'x' -> Long.toHexString(bits);
                        case 'X' -> Long.toHexString(bits).toUpperCase();
                        default -> Long.toUnsignedString(bits);
                    };
                    if (precision >= 0) {
                        zero = false;
                        digits = precision == 0 && digits.equals("0") ? "" : pad(digits, precision);
                    }
                    if (alternate && conversion == 'o' && !digits.startsWith("0")) {
                        digits = "0" + digits;
                    } else if (alternate && bits != 0 && (conversion == 'x' || conversion == 'X')) {
                        prefix = conversion == 'x' ? "0x" : "0X";
                    }
                    body = digits;
                }
                case 'c' -> {
                    numeric = false;
                    if (arg instanceof Double || (arg instanceof AwkValue.Strnum sn && sn != AwkValue.UNINIT
                            && sn.looksNumeric())) {
                        body = character((long) AwkValue.num(arg), rt.utf8);
                    } else {
                        String s = arg == null ? "" : str(arg, rt);
                        body = s.isEmpty() ? "" : s.substring(0, Character.charCount(s.codePointAt(0)));
                    }
                }
                case 's' -> {
                    numeric = false;
                    String s = arg == null ? "" : str(arg, rt);
                    body = precision >= 0 && precision < s.length() && precision < s.codePointCount(0, s.length())
                            ? s.substring(0, s.offsetByCodePoints(0, precision)) : s;
                }
                default -> {
                    double v = arg == null ? 0 : AwkValue.num(arg);
                    prefix = v < 0 || (v == 0 && 1 / v < 0) ? "-" : sign;
                    double magnitude = Math.abs(v);
                    int p = precision < 0 ? 6 : precision;
                    if (Double.isNaN(v) || Double.isInfinite(v)) {
                        body = Double.isNaN(v) ? "nan" : "inf";
                        if (Character.isUpperCase(conversion)) {
                            body = body.toUpperCase();
                        }
                        prefix = Double.isNaN(v) ? sign : prefix;
                        zero = false;
                    } else {
                        body = switch (Character.toLowerCase(conversion)) {
                            case 'f' -> fixed(magnitude, p, alternate);
                            case 'e' -> scientific(magnitude, p, alternate);
                            case 'a' -> Double.toHexString(magnitude);
                            default -> general(magnitude, p == 0 ? 1 : p, alternate);
                        };
                        if (Character.isUpperCase(conversion)) {
                            body = body.toUpperCase();
                        }
                    }
                }
            }
            // widths count characters, as gawk's in a UTF-8 locale (byte strings hold no surrogate pairs)
            int length = prefix.length() + (width > 0 ? body.codePointCount(0, body.length()) : body.length());
            if (width > length) {
                if (left) {
                    out.append(prefix).append(body).append(" ".repeat(width - length));
                } else if (zero && numeric) {
                    out.append(prefix).append("0".repeat(width - length)).append(body);
                } else {
                    out.append(" ".repeat(width - length)).append(prefix).append(body);
                }
            } else {
                out.append(prefix).append(body);
            }
        }
        return out.toString();
    }

    private static String str(Object v, AwkRuntime rt) {
        if (rt != null) {
            return rt.str(v);
        }
        if (v instanceof Double d) {
            return number(d, "%.6g");
        }
        return v.toString();
    }

    private static String pad(String digits, int precision) {
        return digits.length() >= precision ? digits : "0".repeat(precision - digits.length()) + digits;
    }

    /** %f of a non-negative value. */
    static String fixed(double magnitude, int precision, boolean alternate) {
        String s = new BigDecimal(magnitude).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
        return alternate && precision == 0 ? s + "." : s;
    }

    /** %e of a non-negative value. */
    static String scientific(double magnitude, int precision, boolean alternate) {
        if (magnitude == 0) {
            return (precision > 0 ? "0." + "0".repeat(precision) : alternate ? "0." : "0") + "e+00";
        }
        BigDecimal rounded = new BigDecimal(magnitude).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
        String digits = rounded.unscaledValue().toString();
        int exponent = digits.length() - 1 - rounded.scale();
        if (digits.length() < precision + 1) {
            digits = digits + "0".repeat(precision + 1 - digits.length());
        } else if (digits.length() > precision + 1) {
            digits = digits.substring(0, precision + 1);
        }
        StringBuilder b = new StringBuilder();
        b.append(digits.charAt(0));
        if (precision > 0 || alternate) {
            b.append('.');
        }
        b.append(digits, 1, digits.length());
        b.append('e').append(exponent < 0 ? '-' : '+');
        int abs = Math.abs(exponent);
        if (abs < 10) {
            b.append('0');
        }
        return b.append(abs).toString();
    }

    /** %g of a value, its sign handled by the caller when negative. */
    static String general(double value, int precision, boolean alternate) {
        if (value < 0) {
            return "-" + general(-value, precision, alternate);
        }
        double magnitude = value;
        if (magnitude == 0) {
            return alternate ? "0." + "0".repeat(precision - 1) : "0";
        }
        BigDecimal rounded = new BigDecimal(magnitude).round(new MathContext(precision, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        String s;
        if (exponent < -4 || exponent >= precision) {
            s = scientific(magnitude, precision - 1, alternate);
            if (!alternate) {
                int e = s.indexOf('e');
                s = stripZeros(s.substring(0, e)) + s.substring(e);
            }
        } else {
            s = rounded.setScale(Math.max(precision - 1 - exponent, 0), RoundingMode.HALF_EVEN).toPlainString();
            if (!alternate) {
                s = stripZeros(s);
            }
        }
        return s;
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    /**
     * printf's %c of a number: its low byte; in a UTF-8 locale the character of that code point,
     * and for a surrogate (which no UTF-8 spells) its low byte as gawk writes it.
     */
    private static String character(long value, boolean utf8) {
        if (utf8 && value >= 0x80 && value < 0x110000 && !(value >= 0xD800 && value <= 0xDFFF)) {
            return new String(Character.toChars((int) value));
        }
        return String.valueOf(Utf8.byteAsChar((int) (value & 0xFF), utf8));
    }
}
