package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * seq [-w] [-s SEP] [-f FORMAT] [FIRST [INCREMENT]] LAST: prints a sequence of numbers, with as
 * many decimals as FIRST and INCREMENT have, equal widths with {@code -w}, or printf's
 * {@code FORMAT} for each number.
 */
final class SeqCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("f:s:w",
            "format:f", "separator:s", "equal-width:w").stopAtFirstOperand().negativeNumbersAreOperands();

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        List<String> operands = options.operands();
        if (operands.isEmpty()) {
            throw new UsageException("missing operand");
        }
        if (operands.size() > 3) {
            throw new UsageException("extra operand " + Diagnostics.quote(operands.get(3)));
        }
        Operand first = operands.size() > 1 ? Operand.parse(operands.get(0)) : Operand.ONE;
        Operand step = operands.size() > 2 ? Operand.parse(operands.get(1)) : Operand.ONE;
        Operand last = Operand.parse(operands.get(operands.size() - 1));
        if (step.isZero()) {
            throw new UsageException("invalid Zero increment value: " + Diagnostics.quote(operands.get(1)));
        }
        String format = options.value('f', null);
        boolean equalWidth = options.has('w');
        if (format != null && equalWidth) {
            throw new UsageException("format string may not be specified when printing equal width strings");
        }
        if (format != null && !format.replace("%%", "").matches("[^%]*%[-+ #0']*[0-9]*(\\.[0-9]*)?[lL]?[eEfFgGaA][^%]*")) {
            throw new UsageException("format " + Diagnostics.quote(format) + " has unknown or missing directive");
        }
        // GNU prints with %.<decimals>Lf, or with %Lg when FIRST or INCREMENT is a hex float whose
        // decimals it cannot count
        boolean general = first.scale < 0 || step.scale < 0;
        int scale = Math.max(0, Math.max(first.scale, step.scale));
        int width = equalWidth && !general && last.value != null
                ? Math.max(first.render(first.value, scale, 0).length(), plain(last.value, scale, 0).length()) : 0;
        String separator = ByteText.fromArg(options.value('s', "\n"));
        Diagnostics diagnostics = new Diagnostics(process, "seq");
        PrintfFormatter formatter = format == null ? null : new PrintfFormatter(diagnostics, Locales.isUtf8(process));
        String byteFormat = format == null ? null : ByteText.fromArg(format);
        OutputStream out = ByteText.stdout(process);
        boolean any = false;
        StringBuilder text = new StringBuilder();
        boolean ascending = step.value == null ? !step.negative : step.value.signum() > 0;
        if (first.value == null) {
            // FIRST is an infinity: it never moves, so GNU prints it for ever when LAST lies its way
            boolean lastInfinite = last.value == null;
            if (ascending ? first.negative || lastInfinite && !last.negative : !first.negative || lastInfinite && last.negative) {
                String shown = (first.negative ? "-inf" : "inf") + separator;
                while (true) {
                    ByteText.write(out, shown);
                }
            }
            return 0;
        }
        for (BigDecimal value = first.value; value != null && (ascending ? last.above(value) : last.below(value));
                value = step.value == null ? null : value.add(step.value)) {
            if (any) {
                text.append(separator);
            }
            any = true;
            boolean negativeZero = value == first.value && first.negativeZero();
            if (formatter != null) {
                formatter.formatOnce(byteFormat, List.of((negativeZero ? "-" : "") + value.toPlainString()), 0, text);
            } else if (general) {
                text.append(CFloat.general(value.abs(), value.signum() < 0 || negativeZero, 6));
            } else {
                text.append(first.render(value, scale, width));
            }
            if (text.length() > 8192) {
                ByteText.write(out, text.toString());
                text.setLength(0);
            }
        }
        if (any) {
            text.append('\n');
        }
        ByteText.write(out, text.toString());
        out.flush();
        return 0;
    }

    /**
     * An operand as strtold reads it: a decimal or hexadecimal number, or an infinity (value
     * null); {@code scale} is the decimals it shows, -1 for a hex float with a point or exponent.
     */
    private record Operand(BigDecimal value, boolean negative, int scale) {
        static final Operand ONE = new Operand(BigDecimal.ONE, false, 0);
        private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");
        private static final Pattern HEX = Pattern.compile("[-+]?0[xX]([0-9a-fA-F]*)(?:\\.([0-9a-fA-F]*))?(?:[pP]([-+]?[0-9]+))?");

        static Operand parse(String operand) {
            String text = operand.strip();
            boolean negative = text.startsWith("-");
            String unsigned = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
            if (unsigned.equalsIgnoreCase("inf") || unsigned.equalsIgnoreCase("infinity")) {
                return new Operand(null, negative, 0);
            }
            if (unsigned.regionMatches(true, 0, "nan", 0, 3)) {
                throw new UsageException("invalid " + Diagnostics.quote("not-a-number") + " argument: "
                        + Diagnostics.quote(operand));
            }
            Matcher hex = HEX.matcher(text);
            if (hex.matches() && !(hex.group(1).isEmpty() && (hex.group(2) == null || hex.group(2).isEmpty()))) {
                String digits = hex.group(1) + (hex.group(2) == null ? "" : hex.group(2));
                int power = (hex.group(3) == null ? 0 : Integer.parseInt(hex.group(3)))
                        - 4 * (hex.group(2) == null ? 0 : hex.group(2).length());
                BigDecimal magnitude = new BigDecimal(new BigInteger(digits, 16));
                BigDecimal factor = new BigDecimal(BigInteger.ONE.shiftLeft(Math.abs(power)));
                magnitude = power >= 0 ? magnitude.multiply(factor) : magnitude.divide(factor);
                boolean counted = hex.group(2) == null && hex.group(3) == null;
                return new Operand(negative ? magnitude.negate() : magnitude, negative, counted ? 0 : -1);
            }
            if (!DECIMAL.matcher(text).matches()) {
                throw new UsageException("invalid floating point argument: " + Diagnostics.quote(operand));
            }
            String plain = unsigned.endsWith(".") ? unsigned + "0" : unsigned.replace(".e", ".0e").replace(".E", ".0E");
            BigDecimal magnitude = new BigDecimal(plain);
            return new Operand(negative ? magnitude.negate() : magnitude, negative, Math.max(0, magnitude.scale()));
        }

        boolean isZero() {
            return value != null && value.signum() == 0;
        }

        boolean negativeZero() {
            return negative && isZero();
        }

        /** Whether {@code v} is at most this LAST (an infinity bounds nothing, or everything). */
        boolean above(BigDecimal v) {
            return value == null ? !negative : v != null && v.compareTo(value) <= 0;
        }

        boolean below(BigDecimal v) {
            return value == null ? negative : v != null && v.compareTo(value) >= 0;
        }

        /** {@code v} as GNU's %.*Lf prints it, -0 kept for this operand's own value. */
        String render(BigDecimal v, int scale, int width) {
            String shown = plain(v, scale, width - (v == value && negativeZero() ? 1 : 0));
            return v == value && negativeZero() ? "-" + shown : shown;
        }
    }

    /** The value with {@code scale} decimals, zero-padded after any sign to {@code width}. */
    private static String plain(BigDecimal value, int scale, int width) {
        String text = value.setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
        if (text.length() >= width) {
            return text;
        }
        boolean negative = text.startsWith("-");
        String digits = negative ? text.substring(1) : text;
        return (negative ? "-" : "") + "0".repeat(width - text.length()) + digits;
    }
}
