package io.sandkernel.userland.tty;

import io.sandkernel.userland.Sandkernel;

import io.sandkernel.api.tty.TerminalSize;
import io.sandkernel.api.tty.Termios;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.driver.jvm.JvmDriver;
import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.kernel.ShellOptions;
import io.sandkernel.kernel.ShellSession;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The terminal calls of {@link io.sandkernel.api.ProcessApi} from a program of the JVM driver. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TerminalApiTest {
    private static final String PROMPT = "user@sandkernel:/home/user$ ";

    /** Prints what it learns about its terminal. */
    private static final Program TTYINFO = process -> {
        if (!process.isatty(0)) {
            process.stdout().println("not a tty");
            return 1;
        }
        TerminalSize size = process.terminalSize(0);
        process.stdout().println("tty pgrp=" + (process.tcgetpgrp(0) == process.getpgid(0) ? "mine" : "other")
                + " size=" + size.columns() + "x" + size.rows() + " canonical=" + process.tcgetattr(0).canonical());
        return 0;
    };

    /** Reads one key without waiting for a newline, then restores the modes. */
    private static final Program GETKEY = process -> {
        Termios saved = process.tcgetattr(0);
        process.tcsetattr(0, saved.withCanonical(false).withEcho(false));
        try {
            int key = process.stdin().read();
            process.stdout().println("key=" + (char) key);
        } finally {
            process.tcsetattr(0, saved);
        }
        return 0;
    };

    private Kernel kernel() {
        return Kernel.builder().driver(Sandkernel.jvmDriver(Map.of("ttyinfo", TTYINFO, "getkey", GETKEY))).build();
    }

    @Test
    void aForegroundJobSeesItsTerminal() throws Exception {
        try (Kernel kernel = kernel(); ShellSession session = kernel.openShell(ShellOptions.defaults().withSize(100, 30));
             Screen screen = new Screen(session.output())) {
            screen.await(PROMPT);
            session.write("ttyinfo\n");
            screen.await("tty pgrp=mine size=100x30 canonical=true\n");
        }
    }

    @Test
    void aProgramCanTurnOffCanonicalModeAndEcho() throws Exception {
        try (Kernel kernel = kernel(); ShellSession session = kernel.openShell(ShellOptions.defaults());
             Screen screen = new Screen(session.output())) {
            screen.await(PROMPT);
            session.write("getkey\n");
            screen.await("getkey\n");
            Thread.sleep(200);
            session.write("x");
            assertThat(screen.await("key=x\n")).isEqualTo("key=x\n");
            screen.await(PROMPT);
            assertThat(session.terminal().termios()).isEqualTo(Termios.defaults());
        }
    }

    @Test
    void withoutATerminalTheCallsFailWithEnotty() {
        try (Kernel kernel = kernel()) {
            assertThat(kernel.exec("ttyinfo; echo $?", ExecOptions.defaults()).stdout()).isEqualTo("not a tty\n1\n");
            Program probe = process -> {
                try {
                    process.tcgetpgrp(0);
                    return 0;
                } catch (KernelException e) {
                    process.stdout().println(e.errno());
                    return 1;
                }
            };
            try (Kernel other = Kernel.builder().driver(new JvmDriver(Map.of("probe", probe))).build()) {
                assertThat(other.exec("probe").stdout()).isEqualTo("ENOTTY\n");
            }
        }
    }

    @Test
    void ttyAndSttyReportAndChangeTheModes() throws Exception {
        try (Kernel kernel = kernel(); ShellSession session = kernel.openShell(ShellOptions.defaults().withSize(90, 20));
             Screen screen = new Screen(session.output())) {
            screen.await(PROMPT);
            session.write("tty; stty size; stty -echo; stty\n");
            screen.awaitMatch("/dev/pts/\\d+\n20 90\n-echo\n");
            screen.await(PROMPT);
            session.write("stty sane\n");
            screen.await(PROMPT);
            assertThat(session.terminal().termios()).isEqualTo(Termios.defaults());
            assertThat(kernel.exec("tty", ExecOptions.defaults()).stdout()).isEqualTo("not a tty\n");
            assertThat(kernel.exec("tty", ExecOptions.defaults()).exitCode()).isEqualTo(1);
        }
    }
}
