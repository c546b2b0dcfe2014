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
 * The digest and encoding commands against GNU coreutils: sums, tagged and untagged output,
 * {@code -c} checking with its messages and statuses, base64 and base32 both ways
 * ({@link DigestCases}).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DigestDifferentialTest {
    private static final List<TextCase> CASES = DigestCases.all();

    @TempDir
    static Path hosts;

    private static TextOracle oracle;

    @BeforeAll
    static void runTheReferencePrograms() {
        oracle = new TextOracle(hosts, DigestCases.FILES).start(CASES.stream());
    }

    @AfterAll
    static void report() {
        oracle.close();
        TextOracle.report();
    }

    static Stream<Arguments> arguments() {
        return CASES.stream().map(TextCase::arguments);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arguments")
    void agreesWithGnu(String line, TextCase c) throws Exception {
        oracle.check(c);
    }
}
