package io.sandkernel.driver.wasm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.driver.wasm.module.ExecutionMode;
import io.sandkernel.driver.wasm.module.ModuleCache;
import io.sandkernel.process.Signals;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The driver on its own: programs of the C corpus that need only standard streams. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WasmDriverTest {
    private static WasmDriver driver(ExecutionMode mode, String... names) {
        WasmDriver.Builder builder = WasmDriver.builder().mode(mode);
        for (String name : names) {
            builder.command(name, Corpus.program(name));
        }
        return builder.build();
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void helloWorldPrintsAndExitsZero(ExecutionMode mode) throws Exception {
        WasmFixture.Run run = WasmFixture.start(driver(mode, "hello"), "hello", List.of());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("hello, world\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void argumentsAndExactlyTheGivenEnvironmentReachTheProgram() throws Exception {
        WasmFixture.Run run = WasmFixture.start(driver(ExecutionMode.COMPILED, "args_env"), "args_env",
                List.of("one", "two words", ""), Map.of("B", "2", "A", "x=y"), new ByteArrayInputStream(new byte[0]));
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("argc=4\nargv[0]=args_env\nargv[1]=one\nargv[2]=two words\nargv[3]=\n"
                + "env A=x=y\nenv B=2\n");
    }

    @Test
    void exitStatusIsTheLowByteOfProcExit() throws Exception {
        WasmDriver driver = driver(ExecutionMode.COMPILED, "exit_code");
        assertThat(WasmFixture.start(driver, "exit_code", List.of("3")).exitCode()).isEqualTo(3);
        assertThat(WasmFixture.start(driver, "exit_code", List.of("300")).exitCode()).isEqualTo(300 & 0xFF);
        assertThat(WasmFixture.start(driver, "exit_code", List.of("0")).exitCode()).isZero();
    }

    @Test
    void standardInputReachesStandardOutputThroughReadAndWrite() throws Exception {
        byte[] input = "abc\ndef\n".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        WasmFixture.Run run = WasmFixture.start(driver(ExecutionMode.COMPILED, "upper"), "upper", List.of(), Map.of(),
                new ByteArrayInputStream(input));
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("ABC\nDEF\n".repeat(10_000));
        assertThat(run.err()).isEqualTo(input.length + " bytes\n");
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void clocksAreSaneAndSleepLastsItsTime(ExecutionMode mode) throws Exception {
        WasmFixture.Run run = WasmFixture.start(driver(mode, "clocks"), "clocks", List.of());
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).isEqualTo("clocks ok\n");
    }

    @Test
    void randomBytesDiffer() throws Exception {
        WasmFixture.Run run = WasmFixture.start(driver(ExecutionMode.COMPILED, "random"), "random", List.of());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("random ok\n");
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void trapsEndWithTheSignalStatusOfANativeCrashAndOneLineOnStderr(ExecutionMode mode) throws Exception {
        WasmDriver driver = driver(mode, "trap");
        assertTrap(driver, "unreachable", 128 + Signals.SIGILL, "unreachable");
        assertTrap(driver, "oob", 128 + Signals.SIGSEGV, "out of bounds memory access");
        // C recursion overflows the shadow stack in linear memory first: out of bounds
        assertTrap(driver, "stack", 128 + Signals.SIGSEGV, "");
        assertTrap(driver, "div", 128 + Signals.SIGFPE, "integer divide by zero");
    }

    private static void assertTrap(WasmDriver driver, String what, int status, String message) throws Exception {
        WasmFixture.Run run = WasmFixture.start(driver, "trap", List.of(what));
        assertThat(run.exitCode()).as(what + ": " + run.err()).isEqualTo(status);
        assertThat(run.out()).isEqualTo("trapping: " + what + "\n");
        assertThat(run.err()).startsWith("trap: wasm trap: ").contains(message).endsWith("\n");
        assertThat(run.err().lines()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void sigkillEndsABusyLoopAtOnce(ExecutionMode mode) throws Exception {
        WasmFixture.Run run = WasmFixture.start(driver(mode, "busy"), "busy", List.of());
        run.awaitOutput("ready\n");
        run.process.kill(Signals.SIGKILL);
        assertThat(run.exitCode()).isEqualTo(128 + Signals.SIGKILL);
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void sigtermEndsABusyLoopThatNeverCallsTheHost(ExecutionMode mode) throws Exception {
        WasmFixture.Run run = WasmFixture.start(driver(mode, "busy"), "busy", List.of());
        run.awaitOutput("ready\n");
        long sent = System.nanoTime();
        run.process.kill(Signals.SIGTERM);
        assertThat(run.exitCode()).isEqualTo(128 + Signals.SIGTERM);
        long latencyMs = (System.nanoTime() - sent) / 1_000_000;
        assertThat(latencyMs).as("kill to exit, ms").isLessThan(1_000);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void ignoredSignalsLeaveABusyLoopRunning() throws Exception {
        WasmFixture.Run run = WasmFixture.start(driver(ExecutionMode.COMPILED, "busy"), "busy", List.of());
        run.awaitOutput("ready\n");
        run.process.kill(Signals.SIGCHLD);
        run.process.kill(Signals.SIGWINCH);
        run.process.kill(Signals.SIGCONT);
        assertThat(run.process.waitFor(java.time.Duration.ofMillis(200))).isEmpty();
        run.process.kill(Signals.SIGINT);
        assertThat(run.exitCode()).isEqualTo(128 + Signals.SIGINT);
    }

    @Test
    void mallocReturnsNullAtTheMemoryLimitInsteadOfCrashing() throws Exception {
        WasmDriver driver = WasmDriver.builder().memoryLimit(16L << 20).command("memhog", Corpus.program("memhog")).build();
        WasmFixture.Run run = WasmFixture.start(driver, "memhog", List.of());
        assertThat(run.exitCode()).as(run.err()).isZero();
        int mib = Integer.parseInt(run.out().replaceAll("\\D+", " ").trim().split(" ")[0]);
        assertThat(mib).isBetween(8, 15);
        assertThat(run.out()).endsWith("then malloc returned NULL\n");
    }

    @Test
    void aModuleWhoseInitialMemoryExceedsTheLimitIsRefused() {
        WasmDriver driver = WasmDriver.builder().memoryLimit(65536).command("hello", Corpus.program("hello")).build();
        assertThatThrownBy(() -> WasmFixture.start(driver, "hello", List.of()))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOMEM));
    }

    @Test
    void bytesThatAreNotAModuleAreAnExecFormatError() {
        WasmDriver driver = WasmDriver.builder().command("junk", new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 99}).build();
        assertThatThrownBy(() -> WasmFixture.start(driver, "junk", List.of()))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOEXEC));
    }

    @Test
    void raiseOfATerminatingSignalEndsTheProcessWithItsStatus() throws Exception {
        WasmFixture.Run run = WasmFixture.start(driver(ExecutionMode.COMPILED, "raise"), "raise", List.of("15"));
        // without a process table the kill is refused: the program survives with the errno
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("survived ");
    }

    @Test
    void compiledClassesAreKeptOnDiskAndReusedByAnotherCache(@TempDir Path cacheDir) throws Exception {
        byte[] hello = Corpus.program("hello");
        WasmDriver first = WasmDriver.builder().moduleCache(new ModuleCache(4)).classCache(cacheDir)
                .command("hello", hello).build();
        assertThat(WasmFixture.start(first, "hello", List.of()).exitCode()).isZero();
        List<Path> jars;
        try (var files = Files.list(cacheDir)) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).toList();
        }
        assertThat(jars).hasSize(1);
        // a new in-memory cache (another JVM, say) finds the classes on disk
        WasmDriver second = WasmDriver.builder().moduleCache(new ModuleCache(4)).classCache(cacheDir)
                .command("hello", hello).build();
        WasmFixture.Run run = WasmFixture.start(second, "hello", List.of());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("hello, world\n");
        // a damaged cache file costs a compilation, not the program
        Files.write(jars.get(0), new byte[] {1, 2, 3});
        WasmDriver third = WasmDriver.builder().moduleCache(new ModuleCache(4)).classCache(cacheDir)
                .command("hello", hello).build();
        WasmFixture.Run again = WasmFixture.start(third, "hello", List.of());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).isEqualTo("hello, world\n");
        assertThat(Files.size(jars.get(0))).as("rewritten").isGreaterThan(3);
    }

    @Test
    void aModuleIsParsedOncePerDigest() {
        ModuleCache cache = new ModuleCache(2);
        byte[] hello = Corpus.program("hello");
        assertThat(cache.load(hello)).isSameAs(cache.load(hello.clone()));
        cache.load(Corpus.program("busy"));
        cache.load(Corpus.program("trap"));
        assertThat(cache.size()).isEqualTo(2);
    }
}
