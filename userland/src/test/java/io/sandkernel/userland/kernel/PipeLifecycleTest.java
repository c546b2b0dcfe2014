package io.sandkernel.userland.kernel;

import io.sandkernel.api.Redirect;
import io.sandkernel.api.SpawnRequest;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.kernel.KernelProcess;
import io.sandkernel.kernel.SpawnOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandkernel.KernelException;
import io.sandkernel.process.Signals;
import io.sandkernel.process.WaitResult;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class PipeLifecycleTest {
    private final Kernel kernel = TestPrograms.kernel();

    @AfterEach
    void close() {
        kernel.close();
    }

    @Test
    void yesPipedToHeadTerminatesThroughSigpipe() throws Exception {
        TestPrograms.SCRIPTS.put("yes-head", p -> {
            // close-on-exec, as a C program would make it: otherwise t-yes inherits the read end too
            // and never gets SIGPIPE
            int[] fds = p.pipe2(OpenFlags.O_CLOEXEC);
            int yes = p.spawn(new SpawnRequest(List.of("t-yes"), p.env(), p.cwd(), Redirect.inherit(),
                    new Redirect.Descriptor(fds[1]), Redirect.inherit(), -1, false));
            int head = p.spawn(new SpawnRequest(List.of("t-head", "1"), p.env(), p.cwd(),
                    new Redirect.Descriptor(fds[0]), Redirect.inherit(), Redirect.inherit(), -1, false));
            p.close(fds[0]);
            p.close(fds[1]);
            WaitResult headExit = p.waitpid(head).orElseThrow();
            WaitResult yesExit = p.waitpid(yes).orElseThrow();
            p.stderr().println("head=" + headExit.status() + " yes=" + yesExit.status());
            return 0;
        });
        ExecResult result = kernel.exec(List.of("t-script", "yes-head"),
                ExecOptions.defaults().withTimeout(Duration.ofSeconds(10)));
        assertThat(result.timedOut()).isFalse();
        assertThat(result.stdout()).isEqualTo("y\n");
        assertThat(result.stderr()).isEqualTo("head=0 yes=" + (128 + Signals.SIGPIPE) + "\n");
    }

    @Test
    void aChildInheritingStdoutKeepsThePipeOpen() throws Exception {
        TestPrograms.SCRIPTS.put("parent-exits-first", p -> {
            p.spawn(new SpawnRequest(List.of("t-script", "late-child"), p.env(), p.cwd(), Redirect.inherit(),
                    Redirect.inherit(), Redirect.inherit(), -1, false));
            p.stdout().println("parent");
            return 0;
        });
        TestPrograms.SCRIPTS.put("late-child", p -> {
            p.sleep(Duration.ofMillis(200));
            p.stdout().println("child");
            return 0;
        });
        KernelProcess parent = kernel.spawn("t-script", List.of("parent-exits-first"), SpawnOptions.defaults());
        assertThat(parent.waitFor(Duration.ofSeconds(5))).hasValue(0);
        String output = new String(parent.stdout().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(output).isEqualTo("parent\nchild\n");
    }

    @Test
    void descriptorsAreClosedWhenAProcessExits() throws Exception {
        KernelProcess echo = kernel.spawn("t-echo", List.of("bye"), SpawnOptions.defaults());
        assertThat(echo.waitFor()).isZero();
        assertThat(new String(echo.stdout().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("bye\n");
        assertThat(echo.stderr().read()).isEqualTo(-1);
        // the process's stdin pipe has no reader left
        assertThatThrownBy(() -> echo.stdin().write(1)).isInstanceOf(IOException.class);
    }

    @Test
    void pipeRedirectIsForTheHostOnly() {
        TestPrograms.SCRIPTS.put("bad-redirect", p -> {
            try {
                p.spawn(new SpawnRequest(List.of("t-true"), p.env(), p.cwd(), new Redirect.Pipe(),
                        Redirect.inherit(), Redirect.inherit(), -1, false));
            } catch (KernelException e) {
                p.stdout().println(e.errno());
            }
            return 0;
        });
        assertThat(kernel.exec("t-script", "bad-redirect").stdout()).isEqualTo("EINVAL\n");
    }
}
