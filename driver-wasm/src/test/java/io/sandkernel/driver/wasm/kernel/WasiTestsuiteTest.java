package io.sandkernel.driver.wasm.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sandkernel.driver.jvm.JvmDriver;
import io.sandkernel.driver.wasm.Preopen;
import io.sandkernel.driver.wasm.WasmDriver;
import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.user.ProcessIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The official WASI test suite (WebAssembly/wasi-testsuite, its prebuilt {@code wasm32-wasip1}
 * AssemblyScript, C and Rust tests), each test run as wasmtime's adapter runs it, but as a process
 * of a fresh kernel: its {@code args} and exactly its {@code env}; its {@code root} directory
 * copied into the kernel and preopened as {@code /} (the only preopen; none without a root); the
 * exit code, and stdout and stderr when the specification gives them, compared with it.
 *
 * <p>The suite is looked for in the directory named by the system property
 * {@code sandkernel.wasi.testsuite}, else {@code shared/wasi-testsuite} beside the repository
 * (its {@code tests/<language>/testsuite/wasm32-wasip1} directories); without it the tests are
 * skipped, saying why. {@link #EXCEPTIONS} lists the tests a kernel cannot pass, with the reason.
 */
class WasiTestsuiteTest {
    /**
     * Tests known to fail, with the reason: one that fails is reported as skipped with the reason,
     * one that passes (the reason fixed) simply passes.
     */
    static final Map<String, String> EXCEPTIONS = Map.of(
            "rust/path_link", "kernel: linkat without AT_SYMLINK_FOLLOW on a dangling symbolic link fails with ENOENT "
                    + "(Linux links the symbolic link itself)");

    private static Path suite() {
        String configured = System.getProperty("sandkernel.wasi.testsuite");
        List<Path> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            candidates.add(dir.resolve("shared/wasi-testsuite"));
            candidates.add(dir.resolveSibling("shared").resolve("wasi-testsuite"));
        }
        for (Path candidate : candidates) {
            if (Files.isDirectory(candidate.resolve("tests"))) {
                return candidate;
            }
        }
        return null;
    }

    @TestFactory
    Stream<DynamicTest> wasiTestsuite() throws IOException {
        Path suite = suite();
        assumeTrue(suite != null, "the WASI test suite is not here (set -Dsandkernel.wasi.testsuite=DIR or put it in "
                + "shared/wasi-testsuite)");
        List<Path> modules;
        try (Stream<Path> files = Files.walk(suite.resolve("tests"))) {
            modules = files.filter(p -> p.toString().endsWith(".wasm") && p.getParent().endsWith("wasm32-wasip1"))
                    .sorted().toList();
        }
        return modules.stream().map(module -> {
            String language = module.getParent().getParent().getParent().getFileName().toString();
            String name = language + "/" + module.getFileName().toString().replaceFirst("\\.wasm$", "");
            return DynamicTest.dynamicTest(name, () -> run(name, module));
        });
    }

    @SuppressWarnings("unchecked")
    private static void run(String name, Path module) throws Exception {
        String reason = EXCEPTIONS.get(name);
        try {
            check(module);
        } catch (AssertionError failure) {
            assumeTrue(reason == null, () -> "known failure: " + reason + "\n" + failure.getMessage());
            throw failure;
        }
    }

    @SuppressWarnings("unchecked")
    private static void check(Path module) throws Exception {
        String name = module.getParent().getParent().getParent().getFileName() + "/" + module.getFileName();
        Path specFile = module.resolveSibling(module.getFileName().toString().replaceFirst("\\.wasm$", ".json"));
        Map<String, Object> spec = Files.exists(specFile)
                ? (Map<String, Object>) MiniJson.parse(Files.readString(specFile)) : Map.of();
        List<String> args = ((List<Object>) spec.getOrDefault("args", List.of())).stream().map(String::valueOf).toList();
        Map<String, String> env = new java.util.TreeMap<>();
        ((Map<String, Object>) spec.getOrDefault("env", Map.of())).forEach((k, v) -> env.put(k, String.valueOf(v)));
        String root = (String) spec.get("root");
        long exitCode = (Long) spec.getOrDefault("exit_code", 0L);
        String stdout = (String) spec.get("stdout"); // compared only when specified, as the suite's runner does
        String stderr = (String) spec.get("stderr");

        String kernelRoot = "/suite/" + name.replace('/', '-');
        WasmDriver wasm = WasmDriver.builder()
                .command("test", Files.readAllBytes(module))
                .preopens(root == null ? List.of() : List.of(new Preopen("/", kernelRoot)))
                .build();
        try (Kernel kernel = Kernel.builder().driver(new JvmDriver(JavaCommands.all())).driver(wasm).build()) {
            copyInto(kernel, kernelRoot, root == null ? null : module.resolveSibling(root));
            ExecOptions options = ExecOptions.defaults().withCwd("/")
                    .withIdentity(ProcessIdentity.root()).withTimeout(Duration.ofSeconds(60));
            ExecResult result = kernel.exec(exactEnvironment(env, args), options);
            assertThat(result.timedOut()).as("timed out").isFalse();
            assertThat(result.exitCode()).as("exit code; stdout %s; stderr %s", result.stdout(), result.stderr())
                    .isEqualTo((int) exitCode);
            if (stdout != null) {
                assertThat(result.stdout()).isEqualTo(stdout);
            }
            if (stderr != null) {
                assertThat(result.stderr()).isEqualTo(stderr);
            }
        }
    }

    /** {@code env-i NAME=VALUE... test ARGS...}: the test sees exactly its specification's environment. */
    private static List<String> exactEnvironment(Map<String, String> env, List<String> args) {
        List<String> argv = new ArrayList<>(List.of("env-i"));
        env.forEach((name, value) -> argv.add(name + "=" + value));
        argv.add("test");
        argv.addAll(args);
        return argv;
    }

    /** Copies the host directory {@code source} (when not null) to {@code target} in the kernel. */
    private static void copyInto(Kernel kernel, String target, Path source) {
        mkdirs(kernel, target);
        if (source == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.sorted().toList()) {
                String relative = source.relativize(file).toString();
                if (relative.isEmpty()) {
                    continue;
                }
                String path = target + "/" + relative;
                if (Files.isDirectory(file)) {
                    mkdirs(kernel, path);
                } else {
                    kernel.writeFile(path, Files.readAllBytes(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void mkdirs(Kernel kernel, String path) {
        ExecResult made = kernel.exec(List.of("mkdir-p", path), ExecOptions.defaults()
                .withIdentity(ProcessIdentity.root()).withTimeout(Duration.ofSeconds(30)));
        assertThat(made.exitCode()).as("mkdir -p %s: %s", path, made.stderr()).isZero();
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
