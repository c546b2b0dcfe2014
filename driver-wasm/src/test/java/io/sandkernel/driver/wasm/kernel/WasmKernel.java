package io.sandkernel.driver.wasm.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.api.Program;
import io.sandkernel.driver.jvm.JvmDriver;
import io.sandkernel.driver.wasm.Corpus;
import io.sandkernel.driver.wasm.WasmDriver;
import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.kernel.KernelLimits;
import io.sandkernel.shell.Shell;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A real kernel with the JVM driver's {@code sh} and a few Java commands ({@link JavaCommands}) and the
 * WebAssembly driver offering the C corpus under the programs' names, as {@code wcat},
 * {@code wwc}, {@code wgrep}... for the trio that shares its names with the coreutils.
 */
public final class WasmKernel implements AutoCloseable {
    /** The longest any one run may take. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    public static final String HOME = "/home/user";
    static final List<String> CORPUS = List.of("hello", "args_env", "exit_code", "clocks", "random", "upper",
            "isatty", "raise", "busy", "memhog", "trap", "files", "seek", "poll", "escape", "nap");

    private final Kernel kernel;

    public WasmKernel() {
        this(builder -> builder);
    }

    /** A kernel whose WebAssembly driver {@code configure} may change (memory limit, mode...). */
    public WasmKernel(UnaryOperator<WasmDriver.Builder> configure) {
        this(configure, KernelLimits.defaults());
    }

    /** A kernel with {@code limits} whose WebAssembly driver {@code configure} may change. */
    public WasmKernel(UnaryOperator<WasmDriver.Builder> configure, KernelLimits limits) {
        WasmDriver.Builder wasm = WasmDriver.builder();
        for (String name : CORPUS) {
            wasm.command(name, Corpus.program(name));
        }
        for (String name : List.of("cat", "wc", "grep")) {
            wasm.command("w" + name, Corpus.program(name));
        }
        Map<String, Program> programs = new HashMap<>(JavaCommands.all());
        programs.put("sh", Shell.program());
        kernel = Kernel.builder().limits(limits).driver(new JvmDriver(programs)).driver(configure.apply(wasm).build()).build();
    }

    public Kernel kernel() {
        return kernel;
    }

    /** Runs {@code argv} in the guest's home directory with {@code stdin}; fails on a timeout. */
    public ExecResult run(String stdin, String... argv) {
        ExecResult result = kernel.exec(List.of(argv), options(stdin));
        assertThat(result.timedOut()).as("%s timed out", List.of(argv)).isFalse();
        return result;
    }

    /** Runs {@code script} with {@code sh -c}. */
    public ExecResult sh(String script) {
        List<String> argv = new ArrayList<>(List.of("sh", "-c", script));
        return run("", argv.toArray(String[]::new));
    }

    public static ExecOptions options(String stdin) {
        return ExecOptions.defaults().withStdin(stdin).withTimeout(TIMEOUT).withCwd(HOME);
    }

    @Override
    public void close() {
        kernel.close();
    }
}
