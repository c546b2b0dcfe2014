package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * seq [-w] [-s SEP] [-f FORMAT] [FIRST [INCREMENT]] LAST: prints a sequence of numbers, with as
 * many decimals as FIRST and INCREMENT have, equal widths with {@code -w}, or printf's
 * {@code FORMAT} for each number.
 */
final class SeqCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("f:s:w",
            "format:f", "separator:s", "equal-width:w").negativeNumbersAreOperands();

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
        BigDecimal first = operands.size() > 1 ? number(operands.get(0)) : BigDecimal.ONE;
        BigDecimal step = operands.size() > 2 ? number(operands.get(1)) : BigDecimal.ONE;
        BigDecimal last = number(operands.get(operands.size() - 1));
        if (step.signum() == 0) {
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
        int scale = Math.max(0, Math.max(first.scale(), step.scale()));
        int width = equalWidth ? Math.max(plain(first, scale, 0).length(), plain(last, scale, 0).length()) : 0;
        String separator = ByteText.fromArg(options.value('s', "\n"));
        Diagnostics diagnostics = new Diagnostics(process, "seq");
        PrintfFormatter formatter = format == null ? null : new PrintfFormatter(diagnostics, Locales.isUtf8(process));
        String byteFormat = format == null ? null : ByteText.fromArg(format);
        OutputStream out = ByteText.stdout(process);
        boolean any = false;
        StringBuilder text = new StringBuilder();
        for (BigDecimal value = first; step.signum() > 0 ? value.compareTo(last) <= 0 : value.compareTo(last) >= 0;
                value = value.add(step)) {
            if (any) {
                text.append(separator);
            }
            any = true;
            if (formatter != null) {
                formatter.formatOnce(byteFormat, List.of(value.toPlainString()), 0, text);
            } else {
                text.append(plain(value, scale, width));
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

    private static BigDecimal number(String operand) {
        String text = operand.startsWith("+") ? operand.substring(1) : operand;
        if (!text.matches("-?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?")) {
            throw new UsageException("invalid floating point argument: " + Diagnostics.quote(operand));
        }
        return new BigDecimal(text.endsWith(".") ? text + "0" : text.replace(".e", ".0e").replace(".E", ".0E"));
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
