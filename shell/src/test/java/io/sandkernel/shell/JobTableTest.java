package io.sandkernel.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sandkernel.process.Signals;
import io.sandkernel.process.WaitEvent;
import io.sandkernel.process.WaitResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobTableTest {
    @Test
    void formatsJobsLikeBash() {
        JobTable table = new JobTable();
        JobTable.Job first = table.add(10, List.of(10, 11), "sleep 100 | cat");
        JobTable.Job second = table.add(20, List.of(20), "sleep 200");
        assertThat(table.format(second)).isEqualTo("[2]+  Running                 sleep 200 &");
        assertThat(table.format(first)).isEqualTo("[1]-  Running                 sleep 100 | cat &");
        table.record(new WaitResult(10, Signals.SIGTSTP, WaitEvent.STOPPED));
        table.record(new WaitResult(11, Signals.SIGTSTP, WaitEvent.STOPPED));
        assertThat(first.state).isEqualTo(JobTable.State.STOPPED);
        assertThat(table.current()).isSameAs(first);
        assertThat(table.format(first)).isEqualTo("[1]+  Stopped                 sleep 100 | cat");
        table.record(new WaitResult(20, 0, WaitEvent.EXITED));
        assertThat(table.format(second)).isEqualTo("[2]-  Done                    sleep 200");
        table.record(new WaitResult(10, Signals.SIGCONT, WaitEvent.CONTINUED));
        table.record(new WaitResult(11, Signals.SIGCONT, WaitEvent.CONTINUED));
        assertThat(first.state).isEqualTo(JobTable.State.RUNNING);
        table.record(new WaitResult(10, 143, WaitEvent.EXITED));
        table.record(new WaitResult(11, 143, WaitEvent.EXITED));
        assertThat(table.format(first)).contains("Terminated");
    }

    @Test
    void findsJobsBySpec() {
        JobTable table = new JobTable();
        JobTable.Job a = table.add(1, List.of(1), "sleep 1");
        JobTable.Job b = table.add(2, List.of(2), "cat file");
        assertThat(table.find("%1")).isSameAs(a);
        assertThat(table.find("%%")).isSameAs(b);
        assertThat(table.find("%+")).isSameAs(b);
        assertThat(table.find("%-")).isSameAs(a);
        assertThat(table.find("%sle")).isSameAs(a);
        assertThat(table.find("%?file")).isSameAs(b);
        assertThatThrownBy(() -> table.find("%7")).isInstanceOf(ShellError.class).hasMessage("No such job: %7");
        table.remove(a);
        assertThat(table.add(3, List.of(3), "x").id).isEqualTo(3);
    }

    @Test
    void exitDescriptions() {
        assertThat(JobTable.describeExit(0)).isEqualTo("Done");
        assertThat(JobTable.describeExit(1)).isEqualTo("Exit 1");
        assertThat(JobTable.describeExit(137)).isEqualTo("Killed");
    }
}
