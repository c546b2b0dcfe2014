package io.sandkernel.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.api.Program;
import io.sandkernel.driver.jvm.JvmDriver;
import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.process.ProcessInfo;
import io.sandkernel.process.ProcessStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real kernel for the shell's tests: the JVM driver running {@code sh} and the small programs
 * of {@link TestPrograms}, so the shell meets the kernel's descriptors, pipes, files and signals
 * as it does in use, without depending on the coreutils.
 */
final class TestKernel implements AutoCloseable {
    /** The longest any one run may take; a run that needs longer is a failure, not a hang. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    static final String HOME = "/home/user";

    private final Kernel kernel;

    TestKernel() {
        this(new Shell());
    }

    /** A kernel whose {@code sh} is {@code shell}. */
    TestKernel(Program shell) {
        Map<String, Program> programs = new HashMap<>(TestPrograms.all());
        programs.put("sh", shell);
        programs.put("bash", Shell.bash());
        kernel = Kernel.builder().driver(new JvmDriver(programs)).build();
    }

    Kernel kernel() {
        return kernel;
    }

    /** Runs {@code bash args...} with {@code stdin}; returns what it printed and its status. */
    Result bash(String stdin, String... args) {
        return run("bash", stdin, args);
    }

    /** Runs {@code sh args...} with {@code stdin}; returns what it printed and its status. */
    Result sh(String stdin, String... args) {
        return run("sh", stdin, args);
    }

    Result run(String command, String stdin, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add(command);
        argv.addAll(List.of(args));
        ExecOptions options = ExecOptions.defaults().withStdin(stdin).withTimeout(TIMEOUT).withCwd(HOME)
                .withEnv(Map.of("HOME", HOME, "PATH", "/bin"));
        ExecResult result = kernel.exec(argv, options);
        assertThat(result.timedOut()).as("%s timed out", argv).isFalse();
        return new Result(result.stdout(), result.stderr(), result.exitCode());
    }

    /** A running (not stopped) process of {@code command}, waiting for one to appear. */
    ProcessInfo awaitProcess(String command) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ProcessInfo> found = kernel.processes().values().stream()
                    .filter(info -> info.command().equals(command) && info.status() == ProcessStatus.RUNNING)
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no process " + command + " in " + kernel.processes().values());
    }

    @Override
    public void close() {
        kernel.close();
    }

    /** What a run printed and returned. */
    record Result(String out, String err, int status) {}
}
