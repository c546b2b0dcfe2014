package io.sandkernel.driver.wasm.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.driver.wasm.Corpus;
import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.user.ProcessIdentity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Programs stored in the kernel's filesystem: a wasm file with an execute bit runs by path or
 * {@code PATH} lookup with its argv and environment, {@code exec} replaces the shell, and
 * {@code #!} scripts run by their interpreter.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExecutablesTest {
    private final WasmKernel box = new WasmKernel();

    @AfterEach
    void close() {
        box.close();
    }

    private void install(String path, byte[] content, String mode) {
        box.kernel().writeFile(path, content);
        ExecResult chmod = box.kernel().exec(List.of("chmod", mode, path), ExecOptions.defaults()
                .withIdentity(ProcessIdentity.root()).withTimeout(Duration.ofSeconds(10)));
        assertThat(chmod.exitCode()).as(chmod.stderr()).isZero();
    }

    @Test
    void aWasmFileRunsByPathAndByPathLookup() {
        install("/usr/local/bin/greet", Corpus.program("hello"), "755");
        assertThat(box.sh("/usr/local/bin/greet").stdout()).isEqualTo("hello, world\n");
        assertThat(box.sh("greet").stdout()).isEqualTo("hello, world\n");
        assertThat(box.sh("cd /usr/local/bin && ./greet").stdout()).isEqualTo("hello, world\n");
        assertThat(box.kernel().exec(List.of("greet"), WasmKernel.options("")).stdout()).isEqualTo("hello, world\n");
    }

    @Test
    void argvZeroIsThePathAsInvokedAndArgumentsAndEnvironmentPassThrough() {
        install("/usr/local/bin/show", Corpus.program("args_env"), "755");
        ExecResult result = box.sh("X=1 /usr/local/bin/show a 'b c'");
        assertThat(result.stdout()).startsWith("argc=3\nargv[0]=/usr/local/bin/show\nargv[1]=a\nargv[2]=b c\n")
                .contains("env X=1\n");
    }

    @Test
    void execReplacesTheShell() {
        install("/usr/local/bin/code", Corpus.program("exit_code"), "755");
        ExecResult result = box.sh("exec /usr/local/bin/code 7; echo not reached");
        assertThat(result.stdout()).isEmpty();
        assertThat(result.exitCode()).isEqualTo(7);
    }

    @Test
    void withoutAnExecuteBitAFileIsNotRun() {
        install("/tmp/noexec", Corpus.program("hello"), "644");
        ExecResult result = box.sh("/tmp/noexec");
        assertThat(result.stdout()).isEmpty();
        assertThat(result.exitCode()).isEqualTo(126);
    }

    @Test
    void shebangScriptsRunThroughTheirInterpreter() {
        install("/tmp/script", "#!/bin/sh\necho \"script $0 $1\"\n".getBytes(StandardCharsets.UTF_8), "755");
        assertThat(box.sh("/tmp/script one").stdout()).isEqualTo("script /tmp/script one\n");
        install("/usr/local/bin/up", Corpus.program("upper"), "755");
        install("/tmp/upper-script", "#!/usr/local/bin/up\n".getBytes(StandardCharsets.UTF_8), "755");
        // the interpreter is a wasm program: it gets the script's path as its argument and reads stdin
        ExecResult piped = box.sh("echo hi | /tmp/upper-script");
        assertThat(piped.stdout()).isEqualTo("HI\n");
    }

    @Test
    void aWasmProgramInAPipelineFromThePath() {
        install("/usr/local/bin/count", Corpus.program("wc"), "755");
        assertThat(box.sh("seq 1 10 | count").stdout()).isEqualTo("10 10 21\n");
    }
}
