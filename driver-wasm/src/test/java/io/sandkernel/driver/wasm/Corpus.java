package io.sandkernel.driver.wasm;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The C test corpus, compiled to wasm32-wasi by {@code src/test/c/build.sh} during the build
 * into the directory named by the system property {@code sandkernel.wasm.corpus}.
 */
public final class Corpus {
    private Corpus() {}

    /** The directory of the compiled corpus; skips the calling test, saying why, when it was not built. */
    public static Path directory() {
        String dir = System.getProperty("sandkernel.wasm.corpus", "target/wasm");
        Path path = Path.of(dir);
        assumeTrue(Files.exists(path.resolve(".complete")),
                "the C corpus was not compiled (clang with wasi-libc missing; .ci/run installs them)");
        return path;
    }

    /** The bytes of program {@code name} ({@code name.c} of the corpus). */
    public static byte[] program(String name) {
        try {
            return Files.readAllBytes(directory().resolve(name + ".wasm"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
