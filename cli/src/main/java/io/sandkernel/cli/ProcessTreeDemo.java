package io.sandkernel.cli;

import io.sandkernel.process.DriverProcess;
import io.sandkernel.process.ProcessContext;
import io.sandkernel.process.ProcessInfo;
import io.sandkernel.process.ProcessTable;
import io.sandkernel.process.Signals;
import io.sandkernel.process.WaitOption;
import io.sandkernel.process.WaitResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntConsumer;

/**
 * Builds a small process tree on a {@link ProcessTable} and narrates job control on it: a
 * stopped and continued group, a group orphaned with a stopped member (SIGHUP then SIGCONT), and
 * zombies reaped by their parent.
 */
final class ProcessTreeDemo {
    private final PrintStream out;
    private final ProcessTable table = new ProcessTable(Duration.ofSeconds(60));

    ProcessTreeDemo(PrintStream out) {
        this.out = out;
    }

    /** A stand-in execution that prints each signal it receives. */
    private final class NarratingProcess implements DriverProcess {
        private final String name;

        NarratingProcess(String name) {
            this.name = name;
        }

        @Override
        public void kill(int signal) {
            out.printf("    %-8s <- %s%n", name, Signals.name(signal));
        }

        @Override
        public OptionalInt waitFor(Duration timeout) {
            return OptionalInt.empty();
        }

        @Override
        public void setOnExit(IntConsumer onExit) {
            // exits are reported with markExited in this demo
        }
    }

    void run() throws InterruptedException {
        out.println("Sandkernel process table demo");
        int init = spawn(0, "init");
        int shell = spawn(init, "sh");
        table.setsid(shell);
        int cat = spawn(shell, "cat");
        table.setpgid(cat, 0);
        int grep = spawn(shell, "grep");
        table.setpgid(grep, cat);
        out.printf("%nA shell (pid %d, its own session) runs the pipeline cat | grep as group %d:%n", shell, cat);
        printTable();

        out.printf("%nkill -STOP -%d: the whole pipeline stops%n", cat);
        table.kill(-cat, Signals.SIGSTOP);
        report(table.waitpid(shell, -cat, WaitOption.WUNTRACED));
        report(table.waitpid(shell, -cat, WaitOption.WUNTRACED));
        out.printf("%nkill -CONT -%d: it runs again%n", cat);
        table.kill(-cat, Signals.SIGCONT);
        report(table.waitpid(shell, -cat, WaitOption.WCONTINUED));
        report(table.waitpid(shell, -cat, WaitOption.WCONTINUED));

        out.printf("%ngrep stops again, then the shell exits: the group is orphaned with a stopped member%n");
        table.kill(grep, Signals.SIGTSTP);
        table.markExited(shell, 0);
        out.printf("  cat and grep now have ppid %d (init)%n", table.getppid(cat));

        out.printf("%nBoth exit; init reaps the zombies:%n");
        table.markExited(cat, 0);
        table.markExited(grep, 1);
        printTable();
        for (int i = 0; i < 3; i++) {
            report(table.waitpid(init, -1));
        }
        printTable();
        table.close();
    }

    private int spawn(int ppid, String command) {
        int pid = table.allocatePid();
        table.register(pid, "demo", command, List.of(), ProcessContext.ofParent(ppid), new NarratingProcess(command));
        return pid;
    }

    private void report(Optional<WaitResult> result) {
        result.ifPresent(r -> out.printf("  waitpid -> pid %d %s (status %d)%n", r.pid(), r.event(), r.status()));
    }

    private void printTable() {
        out.printf("  %5s %5s %5s %5s %-8s %s%n", "PID", "PPID", "PGID", "SID", "STAT", "COMMAND");
        for (ProcessInfo p : table.listProcesses().values()) {
            out.printf("  %5d %5d %5d %5d %-8s %s%n", p.pid(), p.ppid(), p.pgid(), p.sid(), p.status(), p.command());
        }
    }
}
