package io.sandkernel.coreutils;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * C's {@code %.*g} for doubles and floats, and gnulib's {@code ftoastr}/{@code dtoastr}: the
 * shortest {@code %g} that reads back as the same value, as od prints floating-point data.
 */
final class CFloat {
    private CFloat() {}

    /** {@code printf("%.*g", precision, value)} (finite values; inf and nan as glibc spells them). */
    static String general(double value, int precision) {
        if (Double.isNaN(value)) {
            return (Double.doubleToRawLongBits(value) < 0 ? "-" : "") + "nan";
        }
        if (Double.isInfinite(value)) {
            return value < 0 ? "-inf" : "inf";
        }
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        return general(new BigDecimal(value).abs(), negative, precision);
    }

    /** {@code %.*g} of an exact magnitude with its sign. */
    static String general(BigDecimal magnitude, boolean negative, int precision) {
        int p = precision == 0 ? 1 : precision;
        String body;
        if (magnitude.signum() == 0) {
            body = "0";
        } else {
            BigDecimal rounded = magnitude.round(new MathContext(p, RoundingMode.HALF_EVEN));
            int exponent = rounded.precision() - rounded.scale() - 1;
            if (exponent < -4 || exponent >= p) {
                String digits = rounded.unscaledValue().toString();
                digits = (digits + "0".repeat(p)).substring(0, p);
                String mantissa = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
                mantissa = stripZeros(mantissa);
                body = mantissa + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "")
                        + Math.abs(exponent);
            } else {
                body = stripZeros(rounded.setScale(Math.max(0, p - 1 - exponent), RoundingMode.HALF_EVEN)
                        .toPlainString());
            }
        }
        return (negative ? "-" : "") + body;
    }

    private static String stripZeros(String number) {
        if (number.indexOf('.') < 0) {
            return number;
        }
        int end = number.length();
        while (number.charAt(end - 1) == '0') {
            end--;
        }
        if (number.charAt(end - 1) == '.') {
            end--;
        }
        return number.substring(0, end);
    }

    /** dtoastr: the shortest {@code %g} (from 15 digits up) that parses back to {@code value}. */
    static String shortest(double value) {
        int start = Math.abs(value) < Double.MIN_NORMAL ? 1 : 15;
        for (int p = start; ; p++) {
            String text = general(value, p);
            if (p >= 17 || !Double.isFinite(value) || Double.parseDouble(text) == value) {
                return text;
            }
        }
    }

    /** ftoastr: the same for a float, from 6 digits up. */
    static String shortest(float value) {
        int start = Math.abs(value) < Float.MIN_NORMAL ? 1 : 6;
        for (int p = start; ; p++) {
            String text = general(value, p);
            if (p >= 9 || !Float.isFinite(value) || Float.parseFloat(text) == value) {
                return text;
            }
        }
    }

    /**
     * ldtoastr for an x87 80-bit extended value (the 10 significant bytes of a 16-byte long
     * double, little-endian): the shortest {@code %Lg} from 18 digits up that reads back to the
     * same value.
     */
    static String shortestExtended(byte[] bytes, int offset) {
        long mantissa = 0;
        for (int i = 7; i >= 0; i--) {
            mantissa = (mantissa << 8) | (bytes[offset + i] & 0xFF);
        }
        int top = ((bytes[offset + 9] & 0xFF) << 8) | (bytes[offset + 8] & 0xFF);
        boolean negative = (top & 0x8000) != 0;
        int exponent = top & 0x7FFF;
        if ((exponent != 0 && mantissa >= 0) || (exponent == 0x7FFF && (mantissa << 1) != 0)) {
            // an unnormal (integer bit clear) is an invalid operand to the x87: glibc prints it as a NaN
            return (negative ? "-" : "") + "nan";
        }
        if (exponent == 0x7FFF) {
            if ((mantissa << 1) == 0) {
                return negative ? "-inf" : "inf";
            }
            return (negative ? "-" : "") + "nan";
        }
        java.math.BigInteger m = new java.math.BigInteger(Long.toUnsignedString(mantissa));
        int power = (exponent == 0 ? 1 : exponent) - 16383 - 63;
        BigDecimal magnitude = power >= 0 ? new BigDecimal(m.shiftLeft(power))
                : new BigDecimal(m).divide(new BigDecimal(java.math.BigInteger.ONE.shiftLeft(-power)));
        boolean tiny = exponent == 0 || magnitude.signum() == 0;
        for (int p = tiny ? 1 : 18; ; p++) {
            String text = general(magnitude, negative, p);
            if (p >= 21 || magnitude.signum() == 0 || sameExtended(text, m, power)) {
                return text;
            }
        }
    }

    /** Whether the decimal {@code text} rounds (to nearest, 64-bit mantissa) to {@code m * 2^power}. */
    private static boolean sameExtended(String text, java.math.BigInteger m, int power) {
        BigDecimal value = new BigDecimal(text).abs();
        // normalise m to 64 significant bits, as the parse would produce it
        int shift = 64 - m.bitLength();
        java.math.BigInteger target = m.shiftLeft(shift);
        int targetPower = power - shift;
        java.math.BigInteger unscaled = value.unscaledValue();
        int scale = value.scale();
        java.math.BigInteger numerator = unscaled;
        java.math.BigInteger denominator = java.math.BigInteger.ONE;
        if (scale > 0) {
            denominator = java.math.BigInteger.TEN.pow(scale);
        } else if (scale < 0) {
            numerator = numerator.multiply(java.math.BigInteger.TEN.pow(-scale));
        }
        // value / 2^targetPower, rounded half-even, must equal target
        if (targetPower >= 0) {
            denominator = denominator.shiftLeft(targetPower);
        } else {
            numerator = numerator.shiftLeft(-targetPower);
        }
        java.math.BigInteger[] division = numerator.divideAndRemainder(denominator);
        int half = division[1].shiftLeft(1).compareTo(denominator);
        java.math.BigInteger rounded = division[0];
        if (half > 0 || (half == 0 && rounded.testBit(0))) {
            rounded = rounded.add(java.math.BigInteger.ONE);
        }
        return rounded.equals(target);
    }
}
