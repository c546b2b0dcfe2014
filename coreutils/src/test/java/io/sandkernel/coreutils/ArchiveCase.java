package io.sandkernel.coreutils;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.provider.Arguments;

/**
 * One archive case: command lines run one after the other in a copy of {@link ArchiveFixture}
 * (Sandkernel's commands on one side, GNU's on the other), the standard input of the first, and
 * whether the output's lines may come in another order (a directory walked in another order).
 * A known difference is reported, not failed.
 */
final class ArchiveCase {
    final String command;
    final String input;
    final List<List<String>> steps = new ArrayList<>();
    boolean unordered;
    String knownDifference;

    private ArchiveCase(String input, List<String> argv) {
        this.command = argv.get(0);
        this.input = input;
        steps.add(argv);
    }

    static ArchiveCase of(String input, String... argv) {
        return new ArchiveCase(input, List.of(argv));
    }

    /** Runs {@code argv} afterwards, in the same directory. */
    ArchiveCase then(String... argv) {
        steps.add(List.of(argv));
        return this;
    }

    /** The output is compared as a sorted set of lines. */
    ArchiveCase unordered() {
        this.unordered = true;
        return this;
    }

    ArchiveCase known(String why) {
        this.knownDifference = why;
        return this;
    }

    Arguments arguments() {
        StringBuilder name = new StringBuilder();
        for (List<String> step : steps) {
            if (!name.isEmpty()) {
                name.append(" ; ");
            }
            name.append(String.join(" ", step));
        }
        return Arguments.of(name.toString(), this);
    }
}
