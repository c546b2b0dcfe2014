package io.sandkernel.coreutils;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Shared by head and tail: GNU counts with multiplier suffixes ({@code 2K}, {@code 1MB}, {@code 3b}),
 * the legacy {@code -NUM} option form and the {@code ==> name <==} headers between files.
 */
final class Counts {
    private Counts() {}

    /** A parsed count: its magnitude and whether it was written with a leading sign. */
    record Count(long value, char sign) {}

    /**
     * Parses {@code [+-]NUM[suffix]}.
     *
     * @param what "lines" or "bytes", for the message
     */
    static Count parse(String text, String what) {
        String body = text;
        char sign = 0;
        if (!body.isEmpty() && (body.charAt(0) == '+' || body.charAt(0) == '-')) {
            sign = body.charAt(0);
            body = body.substring(1);
        }
        int digits = 0;
        while (digits < body.length() && Character.isDigit(body.charAt(digits))) {
            digits++;
        }
        long multiplier = multiplier(body.substring(digits));
        if (digits == 0 || multiplier < 0) {
            throw UsageException.withoutHint("invalid number of " + what + ": " + Diagnostics.quote(text));
        }
        java.math.BigInteger exact = new java.math.BigInteger(body.substring(0, digits))
                .multiply(java.math.BigInteger.valueOf(multiplier));
        if (exact.bitLength() > 64) {
            // past uintmax_t, as GNU's xstrtoumax: EOVERFLOW; below it, counts saturate (no input is longer)
            throw UsageException.withoutHint("invalid number of " + what + ": " + Diagnostics.quote(text)
                    + ": Value too large for defined data type");
        }
        long value = exact.bitLength() > 63 ? Long.MAX_VALUE : exact.longValueExact();
        return new Count(value, sign);
    }

    private static long multiplier(String suffix) {
        if (suffix.isEmpty()) {
            return 1;
        }
        if (suffix.equals("b")) {
            return 512;
        }
        int power = "kKMGTPE".indexOf(suffix.charAt(0));
        if (power < 0) {
            return -1;
        }
        power = Math.max(power, 1);
        String rest = suffix.substring(1);
        long base = switch (rest) {
            case "", "iB" -> 1024;
            case "B" -> 1000;
            default -> -1;
        };
        if (base < 0 || (suffix.charAt(0) == 'k' && !rest.equals("B") && !rest.isEmpty())) {
            return -1;
        }
        long result = 1;
        for (int i = 0; i < power; i++) {
            result *= base;
        }
        return result;
    }

    /** Rewrites a leading legacy {@code -NUM} argument to {@code -n NUM}. */
    static List<String> legacyArguments(List<String> args) {
        List<String> result = new ArrayList<>(args);
        if (!result.isEmpty() && result.get(0).matches("-[0-9]+")) {
            result.set(0, "-n");
            result.add(1, args.get(0).substring(1));
        }
        return result;
    }

    /** Writes the {@code ==> name <==} header, preceded by a blank line after the first file. */
    static void header(OutputStream out, String name, boolean first) throws IOException {
        String shown = name.equals("-") ? "standard input" : name;
        ByteText.writeUtf8(out, (first ? "" : "\n") + "==> " + shown + " <==\n");
    }

    /**
     * Where the last {@code lines} lines of {@code data} begin (an unterminated last line counts);
     * lines end with {@code delimiter}.
     */
    static int lastLinesStart(byte[] data, long lines, byte delimiter) {
        int at = data.length;
        if (lines == 0) {
            return at;
        }
        if (at > 0 && data[at - 1] == delimiter) {
            at--;
        }
        long seen = 0;
        while (at > 0) {
            if (data[at - 1] == delimiter && ++seen == lines) {
                return at;
            }
            at--;
        }
        return 0;
    }
}
