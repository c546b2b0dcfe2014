package io.sandkernel.cli;

import io.sandkernel.kernel.Kernel;
import io.sandkernel.kernel.ShellOptions;
import io.sandkernel.kernel.ShellSession;
import io.sandkernel.kernel.tty.PseudoTerminal;
import io.sandkernel.api.tty.Termios;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jline.keymap.KeyMap;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.NonBlockingReader;

/**
 * The interactive front end: the host terminal in raw mode, connected to a kernel {@link
 * ShellSession}.
 *
 * <p>Two modes share the keyboard. While the shell itself is blocked reading a command line from
 * its terminal with nothing typed yet ({@link PseudoTerminal#awaitingLine}), JLine's {@link
 * LineReader} edits the line — arrows, Emacs keys, history (saved in {@code
 * ~/.sandkernel_history}) — with the prompt the shell printed, and the finished line is handed to
 * the kernel terminal with {@link PseudoTerminal#submit} (no second echo). When a program (not
 * the shell) is blocked reading the terminal, or a line is already begun in it, every keystroke
 * goes, byte for byte,
 * to the kernel terminal, whose line discipline echoes and edits it and turns ^C, ^Z and ^\ into
 * SIGINT, SIGTSTP and SIGQUIT for the foreground process group. Otherwise (a command runs
 * without reading the terminal) keys typed ahead stay in the host's input until a program reads
 * or the line editor takes them, arrows and all; ^C, ^\ and ^Z always go through at once. The
 * host terminal's own ISIG is
 * off, so those keys reach the kernel instead of stopping the JVM. Host window resizes become
 * {@link ShellSession#resize} (SIGWINCH in the kernel).
 */
final class InteractiveShell {
    private final Kernel kernel;
    private final Object screenLock = new Object();
    private final StringBuilder tail = new StringBuilder();
    private final AtomicLong shown = new AtomicLong();
    private volatile boolean editing;
    private volatile LineReader reader;
    private static final java.io.PrintStream DEBUG = debugLog();

    private static java.io.PrintStream debugLog() {
        String file = System.getenv("SANDKERNEL_TTY_DEBUG");
        try {
            return file == null ? null : new java.io.PrintStream(new java.io.FileOutputStream(file, true), true,
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private static void debug(String message) {
        if (DEBUG != null) {
            DEBUG.println(System.nanoTime() / 1_000_000 % 100_000 + " " + message.replace("\033", "\\e")
                    .replace("\r", "\\r").replace("\n", "\\n"));
        }
    }

    InteractiveShell(Kernel kernel) {
        this.kernel = kernel;
    }

    /** Whether standard input and output are a terminal. */
    static boolean hostIsTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+: a console exists even when redirected; isTerminal() tells
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    int run() throws IOException, InterruptedException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).name("sandkernel").build()) {
            int columns = terminal.getWidth() > 0 ? terminal.getWidth() : 80;
            int rows = terminal.getHeight() > 0 ? terminal.getHeight() : 24;
            ShellSession session = kernel.openShell(ShellOptions.defaults().withSize(columns, rows));
            Attributes saved = terminal.enterRawMode();
            Attributes raw = terminal.getAttributes();
            raw.setLocalFlag(Attributes.LocalFlag.ISIG, false);
            raw.setInputFlag(Attributes.InputFlag.ICRNL, false);
            terminal.setAttributes(raw);
            terminal.handle(Terminal.Signal.WINCH, signal -> syncSize(terminal, session));
            LineReader lineReader = LineReaderBuilder.builder().terminal(terminal).appName("sandkernel")
                    .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".sandkernel_history"))
                    .variable(LineReader.HISTORY_SIZE, 1000)
                    .option(LineReader.Option.HISTORY_IGNORE_SPACE, true)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .option(LineReader.Option.INSERT_TAB, true)
                    .build();
            lineReader.getWidgets().put("sandkernel-interrupt", () -> {
                throw new UserInterruptException(lineReader.getBuffer().toString());
            });
            lineReader.getWidgets().put("sandkernel-ignore", () -> true);
            for (String keymap : new String[] {LineReader.EMACS, LineReader.VIINS, LineReader.MAIN}) {
                KeyMap<org.jline.reader.Binding> map = lineReader.getKeyMaps().get(keymap);
                if (map != null) {
                    map.bind(new Reference("sandkernel-interrupt"), KeyMap.ctrl('C'));
                    map.bind(new Reference("sandkernel-ignore"), KeyMap.ctrl('Z'));
                    map.bind(new Reference("sandkernel-ignore"), KeyMap.ctrl('\\'));
                    // Keys typed ahead, before the editor switched the terminal to keypad mode,
                    // come as ANSI cursor sequences: give them the keypad keys' bindings.
                    bindAlike(terminal, map, org.jline.utils.InfoCmp.Capability.key_up, "\033[A");
                    bindAlike(terminal, map, org.jline.utils.InfoCmp.Capability.key_down, "\033[B");
                    bindAlike(terminal, map, org.jline.utils.InfoCmp.Capability.key_right, "\033[C");
                    bindAlike(terminal, map, org.jline.utils.InfoCmp.Capability.key_left, "\033[D");
                    bindAlike(terminal, map, org.jline.utils.InfoCmp.Capability.key_home, "\033[H");
                    bindAlike(terminal, map, org.jline.utils.InfoCmp.Capability.key_end, "\033[F");
                }
            }
            reader = lineReader;
            Thread pump = Thread.ofPlatform().daemon().name("sandkernel-screen")
                    .start(() -> pump(session.output(), terminal.output()));
            try {
                loop(session, terminal, lineReader);
            } finally {
                terminal.setAttributes(saved);
                try {
                    lineReader.getHistory().save();
                } catch (IOException e) {
                    // history is a convenience
                }
            }
            int status = session.waitFor(Duration.ofSeconds(5)).orElse(1);
            session.close();
            pump.join(Duration.ofSeconds(1));
            terminal.writer().flush();
            return status;
        }
    }

    private void loop(ShellSession session, Terminal terminal, LineReader lineReader) throws IOException {
        PseudoTerminal pty = session.terminal();
        NonBlockingReader keys = terminal.reader();
        OutputStream typing = session.input();
        String lastPrompt = "";
        long lastSizeCheck = 0;
        while (session.isAlive()) {
            if (System.nanoTime() - lastSizeCheck > 500_000_000L) {
                // LineReader handles WINCH itself while it reads: catch up with the host's size here
                syncSize(terminal, session);
                lastSizeCheck = System.nanoTime();
            }
            if (pty.awaitingLine(session.pid()) && quiet(pty)) {
                String prompt;
                synchronized (screenLock) {
                    prompt = tail.toString();
                    tail.setLength(0);
                }
                if (prompt.isEmpty()) {
                    prompt = lastPrompt;
                }
                lastPrompt = prompt;
                debug("readLine prompt=[" + prompt + "]");
                terminal.writer().print("\r");
                terminal.writer().flush();
                String line;
                editing = true;
                try {
                    line = lineReader.readLine(prompt);
                } catch (UserInterruptException e) {
                    debug("interrupt");
                    terminal.writer().print("^C\r\n");
                    terminal.writer().flush();
                    continue;
                } catch (EndOfFileException e) {
                    typing.write(Termios.VEOF);
                    waitWhileAwaiting(pty, session);
                    continue;
                } finally {
                    editing = false;
                }
                syncSize(terminal, session);
                debug("submit [" + line + "]");
                pty.submit(line + "\n");
                waitWhileAwaiting(pty, session);
                continue;
            }
            // Otherwise keys stay in the host's input (for the line editor, once the shell reads
            // again) unless a program is reading the terminal or a line is already begun there;
            // ^C, ^\ and ^Z always go through, to signal the foreground job.
            int next = keys.peek(20);
            if (next == NonBlockingReader.READ_EXPIRED) {
                continue;
            }
            if (next < 0) {
                typing.write(Termios.VEOF);
                break;
            }
            boolean signalKey = next == Termios.VINTR || next == Termios.VQUIT || next == Termios.VSUSP;
            if (!signalKey && !pty.lineBegun() && !readerOtherThan(pty, session.pid())) {
                sleep(5);
                continue;
            }
            int c = keys.read(20);
            if (c < 0) {
                continue;
            }
            StringBuilder chars = new StringBuilder().append((char) c);
            if (Character.isHighSurrogate((char) c)) {
                int low = keys.read(20);
                if (low >= 0) {
                    chars.append((char) low);
                }
            }
            debug("raw [" + chars + "] begun=" + pty.lineBegun() + " readers=" + pty.waitingReaders());
            typing.write(chars.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void bindAlike(Terminal terminal, KeyMap<org.jline.reader.Binding> map,
                                  org.jline.utils.InfoCmp.Capability key, String sequence) {
        String keypad = KeyMap.key(terminal, key);
        org.jline.reader.Binding bound = keypad == null || keypad.isEmpty() ? null : map.getBound(keypad);
        if (bound != null && !sequence.equals(keypad)) {
            map.bind(bound, sequence);
        }
    }

    /** Whether a process other than the shell is blocked reading the terminal. */
    private static boolean readerOtherThan(PseudoTerminal pty, int shell) {
        for (int pid : pty.waitingReaders()) {
            if (pid != shell) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Gives the kernel terminal the host terminal's size (SIGWINCH to the foreground job when it changed). */
    private static void syncSize(Terminal terminal, ShellSession session) {
        int columns = terminal.getWidth();
        int rows = terminal.getHeight();
        if (columns > 0 && rows > 0) {
            session.resize(columns, rows);
        }
    }

    /** After handing in a line, gives the shell a moment to take it before looking again. */
    private static void waitWhileAwaiting(PseudoTerminal pty, ShellSession session) {
        long deadline = System.nanoTime() + Duration.ofMillis(200).toNanos();
        while (System.nanoTime() < deadline && session.isAlive() && pty.awaitingLine(session.pid())) {
            Thread.onSpinWait();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Whether everything written to the kernel terminal is on the host screen. */
    private boolean quiet(PseudoTerminal pty) {
        return pty.pendingOutput() == 0 && shown.get() == pty.outputTotal();
    }

    /** Copies the kernel terminal's screen to the host's, remembering the last partial line (the prompt). */
    private void pump(InputStream screen, OutputStream host) {
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = screen.read(buffer)) >= 0) {
                synchronized (screenLock) {
                    String text = new String(buffer, 0, n, StandardCharsets.UTF_8);
                    LineReader lineReader = reader;
                    debug((editing ? "above " : "show ") + "[" + text + "]");
                    if (editing && lineReader != null) {
                        // a background job printed while a line is being edited: above the prompt
                        String above = text.endsWith("\r\n") ? text.substring(0, text.length() - 2) : text;
                        lineReader.printAbove(above.replace("\r\n", "\n"));
                    } else {
                        host.write(buffer, 0, n);
                        host.flush();
                        int newline = Math.max(text.lastIndexOf('\n'), -1);
                        if (newline >= 0) {
                            tail.setLength(0);
                            tail.append(text, newline + 1, text.length());
                        } else {
                            tail.append(text);
                        }
                    }
                    shown.addAndGet(n);
                }
            }
        } catch (IOException e) {
            // the session is over
        }
    }
}
