package io.sandkernel.userland.containment;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.kernel.Kernel;
import io.sandkernel.process.ProcessInfo;
import io.sandkernel.process.ProcessStatus;
import java.time.Duration;
import java.util.List;

/** What a kill left behind in a kernel's process table: its live processes other than init. */
final class LiveProcesses {
    private LiveProcesses() {}

    /** The processes of {@code kernel} that are neither init nor zombies. */
    static List<ProcessInfo> of(Kernel kernel) {
        return kernel.processes().values().stream()
                .filter(p -> p.pid() != 1 && p.status() != ProcessStatus.EXITED).toList();
    }

    /** Asserts that within {@code limit} no process but init is left alive. */
    static void assertNoneWithin(Kernel kernel, Duration limit) throws InterruptedException {
        assertThat(ProgramCpu.eventually(limit, () -> of(kernel).isEmpty()))
                .as("left in the table: %s", of(kernel)).isTrue();
    }
}
