package io.sandkernel.coreutils;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One differential invocation: a command line run on the same files and input in the sandbox
 * and with the GNU binary, and how to compare the two: the lines of standard output sorted
 * (where GNU's order is the host file system's directory order), and regular-expression
 * replacements applied to both sides (random names, times). In arguments, {@code @USER@},
 * {@code @GROUP@}, {@code @UID@} and {@code @GID@} stand for the identity each side runs as, and
 * in outputs the user's name becomes {@code @USER@} when {@link #owners} is set.
 *
 * @param command the command under test (what agreement is counted for)
 * @param argv    the command line, command first
 * @param input   standard input
 * @param env     variables set on both sides besides LC_ALL=C and TZ=UTC ({@code @CWD@} is the
 *                working directory)
 * @param setup   a command line (shell-free) run before, on both sides, or null
 * @param then    a command line run after, whose output is compared too (the state the command
 *                left: modes, links, contents), or null
 * @param knownDifference why the sandbox is known to differ here (a kernel limitation), or null:
 *                such a case is reported as skipped, not failed, while it still differs
 */
record OracleCase(String command, List<String> argv, String input, Map<String, String> env, boolean sortOutput,
                List<String[]> replacements, boolean owners, List<String> setup, boolean ignoreStatus,
                List<String> then, String knownDifference) {

    static Builder of(String... argv) {
        return new Builder(List.of(argv));
    }

    @Override
    public String toString() {
        StringBuilder line = new StringBuilder();
        for (String word : argv) {
            line.append(line.isEmpty() ? "" : " ").append(word.isEmpty() || word.matches(".*[\\s'\"\\\\*?;&|<>()$`{}\\[\\]!#~].*")
                    ? "'" + word.replace("\n", "\\n").replace("\t", "\\t").replace("\0", "\\0") + "'" : word);
        }
        if (!input.isEmpty()) {
            line.append(" <<< '").append(input.replace("\n", "\\n").replace("\0", "\\0")).append("'");
        }
        if (then != null) {
            line.append(" ; ").append(String.join(" ", then));
        }
        return line.toString();
    }

    /** Builds a case. */
    static final class Builder {
        private final List<String> argv;
        private String input = "";
        private final Map<String, String> env = new LinkedHashMap<>();
        private boolean sortOutput;
        private final List<String[]> replacements = new ArrayList<>();
        private boolean owners;
        private List<String> setup;
        private boolean ignoreStatus;
        private List<String> then;
        private String knownDifference;

        private Builder(List<String> argv) {
            this.argv = argv;
        }

        Builder input(String text) {
            this.input = text;
            return this;
        }

        Builder env(String name, String value) {
            env.put(name, value);
            return this;
        }

        /** Compares standard output as a sorted list of lines. */
        Builder sorted() {
            this.sortOutput = true;
            return this;
        }

        /** Replaces matches of {@code regex} with {@code replacement} on both sides before comparing. */
        Builder replace(String regex, String replacement) {
            replacements.add(new String[] {regex, replacement});
            return this;
        }

        /** Shows the running user's and group's names as {@code @USER@} on both sides. */
        Builder owners() {
            this.owners = true;
            return this;
        }

        /** Runs {@code argv} first (its result is not compared), for cases that need a prepared state. */
        Builder after(String... argv) {
            this.setup = List.of(argv);
            return this;
        }

        /** Also compares what {@code argv} prints afterwards, such as the modes the command set. */
        Builder then(String... argv) {
            this.then = List.of(argv);
            return this;
        }

        /** Marks a difference that is known and explained, so that it is reported but does not fail. */
        Builder knownDifference(String why) {
            this.knownDifference = why;
            return this;
        }

        Builder ignoreStatus() {
            this.ignoreStatus = true;
            return this;
        }

        OracleCase build() {
            return new OracleCase(argv.get(0), argv, input, env, sortOutput, replacements, owners, setup, ignoreStatus,
                    then, knownDifference);
        }
    }
}
