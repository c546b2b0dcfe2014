package io.sandkernel.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Zombie timers share one scheduler: neither tables nor zombies cost a thread each. */
@Timeout(120)
class ThreadUsageTest {
    private static final int TABLES = 1_000;
    private static final int EXITS = 10_000;

    private static int liveThreads() {
        return Thread.getAllStackTraces().size();
    }

    @Test
    void thousandsOfTablesAndZombiesDoNotGrowTheThreadCount() {
        // Warm up: let the shared scheduler (if lazy) start before the baseline is taken.
        try (ProcessTable warm = ProcessTable.builder().zombieTtl(Duration.ofHours(1)).build()) {
            int pid = warm.allocatePid();
            warm.register(pid, "d", "c", List.of(), ProcessContext.defaults(), new TestDriver());
            warm.markExited(pid, 0);
        }
        int before = liveThreads();

        List<ProcessTable> tables = new ArrayList<>(TABLES);
        for (int i = 0; i < TABLES; i++) {
            tables.add(ProcessTable.builder().zombieTtl(Duration.ofHours(1)).build());
        }
        for (int i = 0; i < EXITS; i++) {
            ProcessTable table = tables.get(i % TABLES);
            int pid = table.allocatePid();
            table.register(pid, "d", "c", List.of(), ProcessContext.defaults(), new TestDriver());
            table.markExited(pid, i);
        }
        int during = liveThreads();
        int zombieTimers = tables.stream().mapToInt(ProcessTable::zombieTimerCount).sum();
        tables.forEach(ProcessTable::close);
        int after = liveThreads();

        assertThat(zombieTimers).isEqualTo(EXITS);
        assertThat(during - before).as("threads added by %d tables and %d zombies", TABLES, EXITS).isLessThanOrEqualTo(4);
        assertThat(after - before).isLessThanOrEqualTo(4);
        assertThat(tables).allSatisfy(table -> assertThat(table.zombieTimerCount()).isZero());
    }
}
