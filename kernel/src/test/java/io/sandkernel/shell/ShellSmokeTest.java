package io.sandkernel.shell;

import io.sandkernel.driver.jvm.JvmDriver;
import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ShellSmokeTest {
    @Test
    void smoke() throws Exception {
        try (Kernel kernel = Kernel.builder().driver(JvmDriver.withDefaults(Map.of("sh", new Shell()))).build()) {
            String[] scripts = {
                "echo hello; pwd; echo $HOME",
                "seq 3 | tr 1 x | sort -r",
                "echo a > f; cat f; ls",
                "for i in 1 2; do echo $i; done | wc -l",
                "x=$(echo sub | tr a-z A-Z); echo $x",
                "cat <<EOF | grep b\na\nb\nEOF",
                "(echo sub; exit 3); echo $?",
                "sleep 0.1 & wait $!; echo waited $?",
                "nosuch",
                "trap 'echo got' USR1; kill -USR1 $$; echo after",
                "echo x | while read l; do echo got $l; done",
            };
            for (String script : scripts) {
                ExecResult r = kernel.exec(List.of("sh", "-c", script), ExecOptions.defaults().withTimeout(Duration.ofSeconds(10)));
                System.out.println("=== " + script + "\n" + r.stdout() + "--- err: " + r.stderr() + "--- status " + r.exitCode() + " " + r.timedOut());
            }
        }
    }
}
