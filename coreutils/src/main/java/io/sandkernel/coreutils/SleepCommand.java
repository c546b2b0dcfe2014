package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/** sleep NUMBER[smhd]...: sleeps for the sum, as a kernel call so that signals interrupt it. */
final class SleepCommand implements Program {
    @Override
    public int run(ProcessApi process) throws Exception {
        List<String> operands = new Options.Parser("").negativeNumbersAreOperands().parse(process.args()).operands();
        if (operands.isEmpty()) {
            throw new UsageException("missing operand");
        }
        process.sleep(duration(operands));
        return 0;
    }

    /** The sum of the intervals, capped at what a {@link Duration} of nanoseconds holds. */
    static Duration duration(List<String> operands) {
        BigDecimal seconds = BigDecimal.ZERO;
        for (String operand : operands) {
            seconds = seconds.add(parse(operand));
        }
        BigDecimal nanos = seconds.movePointRight(9);
        return nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) >= 0
                ? Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L)
                : Duration.ofNanos(nanos.longValue());
    }

    private static BigDecimal parse(String operand) {
        String number = operand;
        long multiplier = 1;
        if (!operand.isEmpty()) {
            switch (operand.charAt(operand.length() - 1)) {
                case 's' -> multiplier = 1;
                case 'm' -> multiplier = 60;
                case 'h' -> multiplier = 3600;
                case 'd' -> multiplier = 86400;
                default -> multiplier = 0;
            }
            if (multiplier != 0) {
                number = operand.substring(0, operand.length() - 1);
            } else {
                multiplier = 1;
            }
        }
        if (!number.matches("\\+?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?")) {
            throw new UsageException("invalid time interval " + Diagnostics.quote(operand));
        }
        return new BigDecimal(number.startsWith("+") ? number.substring(1) : number.endsWith(".") ? number + "0" : number)
                .multiply(BigDecimal.valueOf(multiplier));
    }
}
