package io.sandkernel.userland.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.api.FileAction;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.Redirect;
import io.sandkernel.api.SpawnRequest;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.process.WaitResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link ProcessApi#spawn(SpawnRequest, io.sandkernel.api.Program)}: a child running a program
 * object of its parent's runtime, as after fork without exec.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ProgramSpawnTest {
    private final Kernel kernel = TestPrograms.kernel();

    @AfterEach
    void close() {
        kernel.close();
    }

    private static SpawnRequest request(ProcessApi p, List<String> argv, Map<String, String> env) {
        return new SpawnRequest(argv, env, p.cwd(), Redirect.inherit(), Redirect.inherit(), Redirect.inherit(), -1,
                false);
    }

    @Test
    void childRunsTheObjectWithItsOwnPidAndTheParentsDescriptors() {
        TestPrograms.SCRIPTS.put("fork", p -> {
            String captured = "from the parent's memory";
            int child = p.spawn(request(p, List.of("forked"), Map.of()), c -> {
                c.stdout().println(captured + " in " + (c.pid() != p.pid()) + " " + (c.ppid() == p.pid())
                        + " " + c.command());
                return 7;
            });
            WaitResult result = p.waitpid(child).orElseThrow();
            p.stdout().println("status " + result.status());
            return 0;
        });
        ExecResult result = kernel.exec("t-script", "fork");
        assertThat(result.stdout()).isEqualTo("from the parent's memory in true true forked\nstatus 7\n");
    }

    @Test
    void argvAndEnvironmentOfAnyLengthAreAccepted() {
        String big = "x".repeat(2_000_000);
        TestPrograms.SCRIPTS.put("bigfork", p -> {
            int child = p.spawn(request(p, List.of("forked", big), Map.of("BIG", big)),
                    c -> c.env().get("BIG").length() == big.length() ? 0 : 1);
            return p.waitpid(child).orElseThrow().status();
        });
        assertThat(kernel.exec("t-script", "bigfork").exitCode()).isZero();
    }

    @Test
    void fileActionsApplyToTheChild() {
        TestPrograms.SCRIPTS.put("pipefork", p -> {
            int[] pipe = p.pipe();
            SpawnRequest request = request(p, List.of("forked"), Map.of())
                    .withFileActions(List.of(FileAction.dup2(pipe[1], 1), FileAction.close(pipe[0]),
                            FileAction.close(pipe[1])));
            int child = p.spawn(request, c -> {
                c.stdout().print("through the pipe");
                c.stdout().flush();
                return 0;
            });
            p.close(pipe[1]);
            byte[] bytes = p.input(pipe[0]).readAllBytes();
            p.waitpid(child);
            p.stdout().println(new String(bytes, StandardCharsets.UTF_8));
            return 0;
        });
        assertThat(kernel.exec("t-script", "pipefork").stdout()).isEqualTo("through the pipe\n");
    }
}
