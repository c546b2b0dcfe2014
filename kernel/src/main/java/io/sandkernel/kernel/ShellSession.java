package io.sandkernel.kernel;

import io.sandkernel.kernel.tty.PseudoTerminal;
import io.sandkernel.api.tty.TerminalSize;
import io.sandkernel.process.Signals;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * An interactive shell running on a kernel {@link PseudoTerminal}, from {@link
 * Kernel#openShell}. The host is the terminal's other side: it types into {@link #input()} (or
 * {@link #write}) — ^C (0x03), ^Z (0x1a) and ^\ (0x1c) included — and reads what the screen
 * would show from {@link #output()}: the shell's prompts, the programs' output and the echo,
 * with CR LF line ends.
 */
public final class ShellSession implements AutoCloseable {
    private final KernelProcess shell;
    private final PseudoTerminal terminal;

    ShellSession(KernelProcess shell, PseudoTerminal terminal) {
        this.shell = shell;
        this.terminal = terminal;
    }

    /** The keyboard: bytes typed at the terminal. */
    public OutputStream input() {
        return terminal.input();
    }

    /** Types {@code text} (UTF-8). */
    public void write(String text) {
        try {
            terminal.input().write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The screen: what is written to the terminal; EOF once it is hung up or nothing has it open. */
    public InputStream output() {
        return terminal.output();
    }

    /** Changes the window size; the foreground job gets SIGWINCH. */
    public void resize(int columns, int rows) {
        terminal.resize(new TerminalSize(columns, rows));
    }

    /** The terminal the shell runs on. */
    public PseudoTerminal terminal() {
        return terminal;
    }

    /** The shell's process. */
    public KernelProcess process() {
        return shell;
    }

    /** The shell's pid (also its session and the terminal's). */
    public int pid() {
        return shell.pid();
    }

    /** Whether the shell still runs. */
    public boolean isAlive() {
        return shell.isAlive();
    }

    /** Waits for the shell to exit; returns its status. */
    public int waitFor() throws InterruptedException {
        return shell.waitFor();
    }

    /** Waits at most {@code timeout}; empty when the shell still runs. */
    public OptionalInt waitFor(Duration timeout) throws InterruptedException {
        return shell.waitFor(timeout);
    }

    /** Sends {@code signal} to the shell process. */
    public void kill(int signal) {
        shell.kill(signal);
    }

    /** Kills the shell (SIGKILL). */
    public void kill() {
        if (shell.isAlive()) {
            try {
                shell.kill(Signals.SIGKILL);
            } catch (io.sandkernel.KernelException e) {
                // exited meanwhile
            }
        }
    }

    /**
     * Hangs up the terminal (the session's jobs get SIGHUP and SIGCONT), waits up to a second
     * for the shell and kills it if it is still there. Idempotent.
     */
    @Override
    public void close() {
        terminal.hangup();
        try {
            if (shell.waitFor(Duration.ofSeconds(1)).isEmpty()) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }
}
