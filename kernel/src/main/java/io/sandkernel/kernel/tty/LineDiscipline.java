package io.sandkernel.kernel.tty;

import io.sandkernel.api.tty.Termios;

import io.sandkernel.process.Signals;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The input and output processing of a terminal (N_TTY): turns keystrokes into what programs
 * read, echo and signals, and newlines written into CR LF. Not thread-safe: {@link
 * PseudoTerminal} calls it under its lock; tests drive it directly.
 *
 * <p>In canonical mode typed bytes collect in an edit buffer until a newline or EOF (^D) makes
 * them a line that reads can take; erase (DEL, ^H) removes the last character (a whole UTF-8
 * sequence), kill (^U) the line and word erase (^W) the last word, each rubbing it out on the
 * screen with {@code "\b \b"}. Without canonical mode every byte is readable at once. With ISIG,
 * ^C, ^\ and ^Z discard pending input, echo as {@code ^C}, {@code ^\} and {@code ^Z} and are
 * reported to the {@link Sink} as SIGINT, SIGQUIT and SIGTSTP.
 */
public final class LineDiscipline {
    /** At most this many bytes wait to be read; typing beyond is dropped, as a full Linux tty does. */
    public static final int MAX_INPUT = 64 * 1024;

    private static final byte[] EOF_MARK = new byte[0];
    private static final byte[] RUBOUT = {'\b', ' ', '\b'};

    /** Where echo and signals go. */
    public interface Sink {
        /** Bytes to show on the screen (before output processing). */
        void echo(byte[] bytes);

        /** A signal for the foreground process group. */
        void signal(int signal);
    }

    private Termios termios = Termios.defaults();
    private byte[] line = new byte[128];
    private int lineLength;
    private final ArrayDeque<byte[]> ready = new ArrayDeque<>();
    private int headOffset;
    private int readyBytes;

    public Termios termios() {
        return termios;
    }

    /** Changes the modes; leaving canonical mode makes the edit buffer readable as it is. */
    public void setTermios(Termios termios) {
        if (this.termios.canonical() && !termios.canonical() && lineLength > 0) {
            enqueue(Arrays.copyOf(line, lineLength));
            lineLength = 0;
        }
        this.termios = termios;
    }

    /** Processes typed bytes. */
    public void receive(byte[] data, int off, int len, Sink sink) {
        for (int i = 0; i < len; i++) {
            receive(data[off + i], sink);
        }
    }

    /** Processes one typed byte. */
    public void receive(int b, Sink sink) {
        int c = b & 0xFF;
        if (termios.mapCrToNl() && c == '\r') {
            c = '\n';
        }
        if (termios.signals()) {
            int signal = switch (c) {
                case Termios.VINTR -> Signals.SIGINT;
                case Termios.VQUIT -> Signals.SIGQUIT;
                case Termios.VSUSP -> Signals.SIGTSTP;
                default -> 0;
            };
            if (signal != 0) {
                flushInput();
                if (termios.echo()) {
                    sink.echo(control(c));
                }
                sink.signal(signal);
                return;
            }
        }
        if (!termios.canonical()) {
            if (readyBytes < MAX_INPUT) {
                enqueue(new byte[] {(byte) c});
                if (termios.echo()) {
                    sink.echo(printable(c));
                }
            }
            return;
        }
        switch (c) {
            case Termios.VERASE, '\b' -> {
                if (lineLength > 0) {
                    int removed = eraseChar();
                    echoRubout(sink, removed);
                }
            }
            case Termios.VKILL -> {
                while (lineLength > 0) {
                    echoRubout(sink, eraseChar());
                }
            }
            case Termios.VWERASE -> {
                while (lineLength > 0 && isSpace(line[lineLength - 1])) {
                    echoRubout(sink, eraseChar());
                }
                while (lineLength > 0 && !isSpace(line[lineLength - 1])) {
                    echoRubout(sink, eraseChar());
                }
            }
            case Termios.VEOF -> {
                enqueue(lineLength == 0 ? EOF_MARK : Arrays.copyOf(line, lineLength));
                lineLength = 0;
            }
            case '\n' -> {
                append((byte) '\n');
                enqueue(Arrays.copyOf(line, lineLength));
                lineLength = 0;
                if (termios.echo()) {
                    sink.echo(new byte[] {'\n'});
                }
            }
            default -> {
                if (readyBytes + lineLength >= MAX_INPUT - 1) {
                    return;
                }
                append((byte) c);
                if (termios.echo()) {
                    sink.echo(printable(c));
                }
            }
        }
    }

    /**
     * Makes {@code text} readable as it is, as if typed and edited elsewhere: no echo, no
     * editing, no signals. A front end with its own line editor hands its lines in this way.
     */
    public void deliver(byte[] text) {
        if (text.length > 0) {
            enqueue(text.clone());
        }
    }

    /** Discards typed input that was not read yet, the edit buffer included. */
    public void flushInput() {
        ready.clear();
        headOffset = 0;
        readyBytes = 0;
        lineLength = 0;
    }

    /** Whether a read would return now (data or EOF). */
    public boolean readable() {
        return !ready.isEmpty();
    }

    /** Whether nothing is typed: nothing readable and an empty edit buffer. */
    public boolean idle() {
        return ready.isEmpty() && lineLength == 0;
    }

    /** Whether the edit buffer holds a line being typed. */
    public boolean lineBegun() {
        return lineLength > 0;
    }

    /** The bytes in the edit buffer (typed, not yet a line). */
    public String pendingLine() {
        return new String(line, 0, lineLength, StandardCharsets.UTF_8);
    }

    /** Result of {@link #read} when nothing is readable: the caller waits. */
    public static final int NOTHING = -2;

    /**
     * Takes readable bytes: at most one line in canonical mode.
     *
     * @return the count, -1 for an EOF (^D on an empty line), {@link #NOTHING} when nothing is
     *         readable
     */
    public int read(byte[] b, int off, int len) {
        if (ready.isEmpty()) {
            return NOTHING;
        }
        if (len == 0) {
            return 0;
        }
        if (ready.peekFirst() == EOF_MARK) {
            ready.pollFirst();
            return -1;
        }
        int n = 0;
        while (n < len && !ready.isEmpty() && ready.peekFirst() != EOF_MARK) {
            byte[] head = ready.peekFirst();
            int take = Math.min(len - n, head.length - headOffset);
            System.arraycopy(head, headOffset, b, off + n, take);
            n += take;
            headOffset += take;
            if (headOffset == head.length) {
                ready.pollFirst();
                headOffset = 0;
                if (termios.canonical()) {
                    break;
                }
            }
        }
        readyBytes -= n;
        return n;
    }

    /** Output processing: with {@link Termios#mapNlToCrNl()} every LF becomes CR LF. */
    public byte[] processOutput(byte[] b, int off, int len) {
        if (!termios.mapNlToCrNl()) {
            return Arrays.copyOfRange(b, off, off + len);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(len + 16);
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                out.write('\r');
            }
            out.write(b[i]);
        }
        return out.toByteArray();
    }

    private void enqueue(byte[] chunk) {
        ready.addLast(chunk);
        readyBytes += chunk.length;
    }

    private void append(byte b) {
        if (lineLength == line.length) {
            line = Arrays.copyOf(line, line.length * 2);
        }
        line[lineLength++] = b;
    }

    /** Removes the last character (a whole UTF-8 sequence); returns its first byte. */
    private int eraseChar() {
        do {
            lineLength--;
        } while (lineLength > 0 && (line[lineLength] & 0xC0) == 0x80);
        return line[lineLength] & 0xFF;
    }

    private void echoRubout(Sink sink, int removed) {
        if (!termios.echo()) {
            return;
        }
        sink.echo(RUBOUT);
        if (removed < 0x20 && removed != '\t') {
            sink.echo(RUBOUT); // it showed as ^X: two cells
        }
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t';
    }

    private static byte[] control(int c) {
        return new byte[] {'^', (byte) (c == 0x7f ? '?' : c + 0x40)};
    }

    private static byte[] printable(int c) {
        if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f) {
            return control(c);
        }
        return new byte[] {(byte) c};
    }
}
