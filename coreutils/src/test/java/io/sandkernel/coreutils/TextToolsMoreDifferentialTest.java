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
 * join, fmt, column, od, strings, split and csplit against the reference programs (GNU
 * coreutils, util-linux, binutils): output, messages and exit status, byte for byte
 * ({@link TextToolMoreCases}).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TextToolsMoreDifferentialTest {
    private static final List<TextCase> CASES = TextToolMoreCases.all();

    @TempDir
    static Path hosts;

    private static TextOracle oracle;

    @BeforeAll
    static void runTheReferencePrograms() {
        oracle = new TextOracle(hosts, TextToolFixtures.FILES).start(CASES.stream());
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
    void agreesWithTheReferenceProgram(String line, TextCase c) throws Exception {
        oracle.check(c);
    }
}
