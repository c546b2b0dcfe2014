package io.sandkernel.coreutils;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.provider.Arguments;

/**
 * One differential case of the text-processing commands: the command lines run in Sandkernel
 * (usually one; more for {@code sed -i} followed by {@code cat}), the command line of the
 * reference program (by default the same), the standard input, and how the results compare. A
 * case may carry a known difference: it is still run and counted, but a mismatch skips it with
 * that reason instead of failing.
 */
final class TextCase {
    /** What must agree. */
    enum Compare {
        /** Standard output, standard error and exit status, byte for byte (GNU tools). */
        EXACT,
        /** Standard output and exit status; standard error only empty or not (awk, jq: other wording). */
        LOOSE_ERRORS
    }

    final String command;
    final String input;
    final List<List<String>> steps = new ArrayList<>();
    List<String> oracle;
    Compare compare = Compare.EXACT;
    String knownDifference;
    boolean fullDevice;
    /** Whether both sides run with LC_ALL=C.UTF-8 (else C). */
    boolean utf8;

    private TextCase(String command, String input, List<String> argv) {
        this.command = command;
        this.input = input;
        this.steps.add(argv);
        this.oracle = argv;
    }

    /** A case running {@code argv} (command name first) with {@code input}, the oracle running the same. */
    static TextCase of(String input, String... argv) {
        return new TextCase(argv[0], input, List.of(argv));
    }

    /** The reference runs {@code argv} instead (another program name, extra options). */
    TextCase oracle(String... argv) {
        this.oracle = List.of(argv);
        return this;
    }

    /** Compare output and status only; both must fail or both succeed on standard error. */
    TextCase loose() {
        this.compare = Compare.LOOSE_ERRORS;
        return this;
    }

    /** Runs {@code argv} after the previous steps, in the same directory (outputs concatenated). */
    TextCase then(String... argv) {
        steps.add(List.of(argv));
        return this;
    }

    /** Runs with standard output on /dev/full on both sides, to compare how write errors are reported. */
    TextCase toFullDevice() {
        this.fullDevice = true;
        return this;
    }

    /**
     * Runs with LC_ALL=C.UTF-8 on both sides. The input is then given as text where
     * U+DC80..U+DCFF stand for bytes that are no UTF-8 (as {@link Utf8#decode} keeps them).
     */
    TextCase inUtf8Locale() {
        this.utf8 = true;
        return this;
    }

    /** The standard input's bytes. */
    byte[] inputBytes() {
        return utf8 ? Utf8.encode(input).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)
                : input.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A difference known and accepted, for now: reported, not failed. */
    TextCase known(String why) {
        this.knownDifference = why;
        return this;
    }

    /** The reference's argv: for several steps, a shell running them one after the other. */
    List<String> oracleArgv() {
        if (steps.size() == 1) {
            return oracle;
        }
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            List<String> step = i == 0 ? oracle : steps.get(i);
            if (i > 0) {
                script.append("; ");
            }
            for (String word : step) {
                script.append('\'').append(word.replace("'", "'\\''")).append("' ");
            }
        }
        return List.of("sh", "-c", script.toString());
    }

    /** The case as a parameterized-test argument, named by its command line. */
    Arguments arguments() {
        StringBuilder name = new StringBuilder();
        for (List<String> step : steps) {
            if (!name.isEmpty()) {
                name.append(" ; ");
            }
            name.append(String.join(" ", step));
        }
        if (!input.isEmpty()) {
            name.append("  <<< ").append(input.length() > 30 ? input.substring(0, 30) + "..." : input)
                    .append("");
        }
        if (fullDevice) {
            name.append("  > /dev/full");
        }
        if (utf8) {
            name.insert(0, "LC_ALL=C.UTF-8 ");
        }
        return Arguments.of(name.toString().replace("\n", "\\n"), this);
    }
}
