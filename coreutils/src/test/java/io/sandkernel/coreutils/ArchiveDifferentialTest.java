package io.sandkernel.coreutils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * tar, gzip, gunzip, zcat, zip and unzip against GNU tar 1.34, gzip 1.12 and Info-ZIP: output,
 * messages, status and the resulting tree, archives created here being listed and extracted by
 * the GNU tools ({@link ArchiveCases}, {@link ArchiveOracle}).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ArchiveDifferentialTest {
    private static final List<ArchiveCase> CASES = ArchiveCases.all();

    @TempDir
    static Path work;

    private static ArchiveOracle oracle;

    @BeforeAll
    static void buildTheFixture() throws Exception {
        oracle = new ArchiveOracle(work);
    }

    @AfterAll
    static void report() {
        ArchiveOracle.report();
    }

    static Stream<Arguments> arguments() {
        return CASES.stream().map(ArchiveCase::arguments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arguments")
    void agreesWithTheGnuTools(String line, ArchiveCase c) throws Exception {
        oracle.check(c);
    }
}
