package io.sandkernel.coreutils;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * glibc's {@code %La} on x86: a long double (64-bit significand with an explicit leading bit)
 * printed as hexadecimal, the leading hex digit holding the top four bits, so 1 is
 * {@code 0x8p-3} where a double's {@code %a} would say {@code 0x1p+0}. GNU printf converts every
 * floating argument to long double, so this is what its {@code %a} prints.
 */
final class HexFloat {
    private HexFloat() {}

    /**
     * The digits and exponent of a non-negative magnitude ({@code 0x}, the point and the sign left
     * to the caller): {@code precision} hex digits after the point (-1: as many as needed),
     * rounded to nearest with ties to even, as glibc's printf_fphex rounds.
     */
    static String format(BigDecimal magnitude, int precision, boolean alternate, boolean upper) {
        char leading;
        String fraction;
        int exponent;
        if (magnitude.signum() == 0) {
            leading = '0';
            fraction = "";
            exponent = 0;
        } else {
            BigDecimal value = PrintfFormatter.toLongDouble(magnitude);
            int binary = value.toBigInteger().bitLength() - 1;
            if (value.compareTo(BigDecimal.ONE) < 0) {
                binary = -1;
                while (scale(value, -binary).compareTo(BigDecimal.ONE) < 0) {
                    binary--;
                }
            }
            BigInteger significand = scale(value, 63 - binary).setScale(0, RoundingMode.HALF_EVEN).toBigInteger();
            String digits = String.format("%016x", significand);
            leading = digits.charAt(0);
            fraction = digits.substring(1).replaceAll("0+$", "");
            exponent = binary - 3;
            if (precision >= 0 && precision < fraction.length()) {
                int last = Character.digit(precision > 0 ? fraction.charAt(precision - 1) : leading, 16);
                int next = Character.digit(fraction.charAt(precision), 16);
                boolean more = (next & 7) != 0 || precision + 1 < fraction.length();
                BigInteger kept = new BigInteger(leading + fraction.substring(0, precision), 16);
                if (next >= 8 && ((last & 1) != 0 || more)) {
                    kept = kept.add(BigInteger.ONE);
                }
                String rounded = kept.toString(16);
                if (rounded.length() > precision + 1) { // f.ff... carried into a fifth bit: 0x1.00...p(e+4)
                    rounded = "1" + "0".repeat(precision);
                    exponent += 4;
                }
                leading = rounded.charAt(0);
                fraction = rounded.substring(1);
            }
        }
        int shown = precision < 0 ? fraction.length() : precision;
        StringBuilder text = new StringBuilder().append(leading);
        if (shown > 0 || alternate) {
            text.append('.').append(fraction).append("0".repeat(shown - fraction.length()));
        }
        text.append('p').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        return upper ? text.toString().toUpperCase() : text.toString();
    }

    private static BigDecimal scale(BigDecimal value, int power) {
        BigDecimal factor = new BigDecimal(BigInteger.ONE.shiftLeft(Math.abs(power)));
        return power >= 0 ? value.multiply(factor) : value.divide(factor);
    }
}
