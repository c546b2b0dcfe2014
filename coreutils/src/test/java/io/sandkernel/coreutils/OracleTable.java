package io.sandkernel.coreutils;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A table of differential cases, built when the table is read so that a case can be refined after it is added. */
final class OracleTable {
    private final List<OracleCase.Builder> builders = new ArrayList<>();
    private final boolean sorted;

    private OracleTable(boolean sorted) {
        this.sorted = sorted;
    }

    /** A table whose outputs are compared as they are. */
    static OracleTable ordered() {
        return new OracleTable(false);
    }

    /** A table whose outputs are compared as sorted lines (directory order differs between file systems). */
    static OracleTable sortedOutput() {
        return new OracleTable(true);
    }

    /** Adds a case; refine it with the returned builder. */
    OracleCase.Builder add(String... argv) {
        OracleCase.Builder builder = OracleCase.of(argv);
        if (sorted) {
            builder.sorted();
        }
        builders.add(builder);
        return builder;
    }

    Stream<OracleCase> stream() {
        return builders.stream().map(OracleCase.Builder::build);
    }
}
