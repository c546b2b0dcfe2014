package io.sandkernel.kernel.tty;

import io.sandkernel.api.tty.TerminalSize;
import io.sandkernel.api.tty.Termios;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.process.Signals;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A kernel pseudo-terminal: a master side for the host (keystrokes in through {@link #input()},
 * the screen's bytes out through {@link #output()}) and a slave side that processes use as
 * standard input, output and error. Between them sits a {@link LineDiscipline}.
 *
 * <p>The terminal belongs to one session (its controlling terminal) and has a foreground
 * process group: ^C, ^\ and ^Z send SIGINT, SIGQUIT and SIGTSTP to that group, {@link #resize}
 * sends it SIGWINCH, and a process of the session outside that group that reads the terminal
 * gets SIGTTIN (its group stops; it reads once it is back in the foreground) — after a grace of
 * 250 ms, since a job spawned in the foreground starts running before its shell can hand it the
 * terminal. Writes from the
 * background are allowed (TOSTOP off). {@link #hangup()} ends it: readers see EOF and the
 * session's groups get SIGHUP and SIGCONT.
 *
 * <p>The slave methods ({@link #read}, {@link #write}, {@link #tcgetpgrp}, {@link #tcsetpgrp})
 * take the calling process's pid; the kernel calls them for its processes' descriptors.
 */
public final class PseudoTerminal implements AutoCloseable {
    /** Bytes of output that may wait for the host before writers block. */
    static final int OUTPUT_LIMIT = 64 * 1024;

    /** How long a background reader may wait to be put in the foreground before it gets SIGTTIN. */
    static final Duration BACKGROUND_READ_GRACE = Duration.ofMillis(250);

    /** How the terminal reaches the process table. */
    public interface Control {
        /** Sends {@code signal} to process group {@code pgid}; a group that is gone is ignored. */
        void signalGroup(int pgid, int signal);

        /** The process group of {@code pid}, or -1 when there is no such process. */
        int pgidOf(int pid);

        /** The session of {@code pid}, or -1 when there is no such process. */
        int sidOf(int pid);

        /** Whether group {@code pgid} has a live member in session {@code sid}. */
        boolean groupInSession(int pgid, int sid);

        /** The process groups with a live member in session {@code sid}. */
        List<Integer> groupsOfSession(int sid);

        /**
         * The terminal's readiness for {@link #poll} may have changed. Called with the terminal's
         * lock held: it must only wake waiting threads, never call back into the terminal.
         */
        default void changed() {}
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition inputChanged = lock.newCondition();
    private final Condition outputChanged = lock.newCondition();
    private final LineDiscipline discipline = new LineDiscipline();
    private final Control control;
    private final Map<Integer, Integer> waitingReaders = new HashMap<>();
    private byte[] out = new byte[4096];
    private int outStart;
    private int outEnd;
    private long outTotal;
    private TerminalSize size;
    private int session;
    private int foreground = -1;
    private int slaveRefs;
    private boolean slaveEverOpened;
    private boolean hungUp;
    private final OutputStream input = new MasterInput();
    private final InputStream output = new MasterOutput();

    public PseudoTerminal(TerminalSize size, Control control) {
        this.size = Objects.requireNonNull(size, "size");
        this.control = Objects.requireNonNull(control, "control");
    }

    // ------------------------------------------------------------------ master (host) side

    /** Keystrokes: what the user types, processed by the line discipline. */
    public OutputStream input() {
        return input;
    }

    /** The screen: what processes write, and the echo. EOF after {@link #hangup()}, or once every slave descriptor is closed and the output is drained. */
    public InputStream output() {
        return output;
    }

    /** Types {@code text} (UTF-8). */
    public void type(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        receive(bytes, 0, bytes.length);
    }

    /**
     * Hands in a line edited by a front end of the host (with its own editor and history): it
     * becomes readable as it is, without echo or editing.
     */
    public void submit(String text) {
        lock.lock();
        try {
            discipline.deliver(text.getBytes(StandardCharsets.UTF_8));
            inputChanged.signalAll();
            control.changed();
        } finally {
            lock.unlock();
        }
    }

    /** Changes the window size; the foreground group gets SIGWINCH when it changed. */
    public void resize(TerminalSize newSize) {
        Objects.requireNonNull(newSize, "newSize");
        int group;
        lock.lock();
        try {
            if (newSize.equals(size)) {
                return;
            }
            size = newSize;
            group = foreground;
        } finally {
            lock.unlock();
        }
        if (group > 0) {
            control.signalGroup(group, Signals.SIGWINCH);
        }
    }

    /** The window size. */
    public TerminalSize size() {
        lock.lock();
        try {
            return size;
        } finally {
            lock.unlock();
        }
    }

    /** The modes. */
    public Termios termios() {
        lock.lock();
        try {
            return discipline.termios();
        } finally {
            lock.unlock();
        }
    }

    /** Changes the modes. */
    public void setTermios(Termios termios) {
        Objects.requireNonNull(termios, "termios");
        lock.lock();
        try {
            discipline.setTermios(termios);
            inputChanged.signalAll();
            control.changed();
        } finally {
            lock.unlock();
        }
    }

    /** The foreground process group, -1 when none is set. */
    public int foregroundGroup() {
        lock.lock();
        try {
            return foreground;
        } finally {
            lock.unlock();
        }
    }

    /** Sets the foreground process group from the host side, without checks. */
    public void setForegroundGroup(int pgid) {
        lock.lock();
        try {
            foreground = pgid;
            inputChanged.signalAll();
            control.changed();
        } finally {
            lock.unlock();
        }
    }

    /** The session this is the controlling terminal of, 0 when none. */
    public int session() {
        lock.lock();
        try {
            return session;
        } finally {
            lock.unlock();
        }
    }

    /** Makes this the controlling terminal of session {@code sid}, its leader's group in the foreground. */
    public void attach(int sid) {
        lock.lock();
        try {
            session = sid;
            foreground = sid;
            inputChanged.signalAll();
            control.changed();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether process {@code pid} is blocked reading a line and nothing has been typed for it:
     * the moment a front end may edit the line itself and {@link #submit} it.
     */
    public boolean awaitingLine(int pid) {
        lock.lock();
        try {
            return !hungUp && waitingReaders.containsKey(pid) && discipline.idle() && discipline.termios().canonical();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Counts {@code pid} as blocked reading the terminal ({@code waiting}) or no longer: a
     * process waiting in {@code poll(2)} for input is, for {@link #awaitingLine}, as one in
     * {@code read(2)}.
     */
    public void readerWaiting(int pid, boolean waiting) {
        lock.lock();
        try {
            if (waiting) {
                waitingReaders.merge(pid, 1, Integer::sum);
            } else {
                waitingReaders.computeIfPresent(pid, (k, v) -> v == 1 ? null : v - 1);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The pids of the processes blocked reading the terminal now. */
    public java.util.Set<Integer> waitingReaders() {
        lock.lock();
        try {
            return java.util.Set.copyOf(waitingReaders.keySet());
        } finally {
            lock.unlock();
        }
    }

    /** Whether a line is being typed: the edit buffer is not empty (canonical mode). */
    public boolean lineBegun() {
        lock.lock();
        try {
            return discipline.lineBegun();
        } finally {
            lock.unlock();
        }
    }

    /** Whether typed input waits: a partly typed line, or lines not read yet. */
    public boolean inputPending() {
        lock.lock();
        try {
            return !discipline.idle();
        } finally {
            lock.unlock();
        }
    }

    /** Bytes written and not yet read from {@link #output()}. */
    public int pendingOutput() {
        lock.lock();
        try {
            return outEnd - outStart;
        } finally {
            lock.unlock();
        }
    }

    /** Bytes ever written to the screen: a front end compares it with what it has shown. */
    public long outputTotal() {
        lock.lock();
        try {
            return outTotal;
        } finally {
            lock.unlock();
        }
    }

    /** Whether {@link #hangup()} happened. */
    public boolean isHungUp() {
        lock.lock();
        try {
            return hungUp;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Hangs up, as closing the master: readers see EOF, writers EIO, and every process group of
     * the session gets SIGHUP then SIGCONT. Idempotent.
     */
    public void hangup() {
        int sid;
        lock.lock();
        try {
            if (hungUp) {
                return;
            }
            hungUp = true;
            sid = session;
            inputChanged.signalAll();
            outputChanged.signalAll();
            control.changed();
        } finally {
            lock.unlock();
        }
        if (sid > 0) {
            for (int group : control.groupsOfSession(sid)) {
                control.signalGroup(group, Signals.SIGHUP);
                control.signalGroup(group, Signals.SIGCONT);
            }
        }
    }

    /** {@link #hangup()}. */
    @Override
    public void close() {
        hangup();
    }

    private void receive(byte[] bytes, int off, int len) {
        List<Integer> signals = new ArrayList<>(1);
        int group;
        lock.lock();
        try {
            if (hungUp) {
                return;
            }
            discipline.receive(bytes, off, len, new LineDiscipline.Sink() {
                @Override
                public void echo(byte[] echo) {
                    appendOutput(discipline.processOutput(echo, 0, echo.length));
                }

                @Override
                public void signal(int signal) {
                    signals.add(signal);
                }
            });
            group = foreground;
            inputChanged.signalAll();
            control.changed();
        } finally {
            lock.unlock();
        }
        if (group > 0) {
            for (int signal : signals) {
                control.signalGroup(group, signal);
            }
        }
    }

    /** Under the lock. */
    private void appendOutput(byte[] bytes) {
        if (bytes.length == 0) {
            return;
        }
        if (outEnd + bytes.length > out.length) {
            int used = outEnd - outStart;
            byte[] target = used + bytes.length > out.length
                    ? new byte[Math.max(out.length * 2, used + bytes.length)] : out;
            System.arraycopy(out, outStart, target, 0, used);
            out = target;
            outStart = 0;
            outEnd = used;
        }
        System.arraycopy(bytes, 0, out, outEnd, bytes.length);
        outEnd += bytes.length;
        outTotal += bytes.length;
        outputChanged.signalAll();
        control.changed();
    }

    // ------------------------------------------------------------------ slave (process) side

    /** A process descriptor now refers to the slave side. */
    public void slaveOpened() {
        lock.lock();
        try {
            slaveRefs++;
            slaveEverOpened = true;
        } finally {
            lock.unlock();
        }
    }

    /** A process descriptor referring to the slave side was closed. */
    public void slaveClosed() {
        lock.lock();
        try {
            slaveRefs--;
            outputChanged.signalAll();
            control.changed();
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@code read(2)} on the slave side by process {@code pid}: blocks until a line (canonical) or
     * a byte is readable. A process of the terminal's session outside the foreground group that is
     * not put in the foreground within {@link #BACKGROUND_READ_GRACE} gets SIGTTIN sent to its
     * group and the read fails with {@link InterruptedIOException}, to be retried once the process
     * continues (the JVM driver stops it at that point).
     *
     * @return the count, or -1 for EOF (^D, or a hang-up)
     * @throws InterruptedIOException when the thread is interrupted (its status set again), or
     *                                after SIGTTIN
     */
    public int read(int pid, byte[] b, int off, int len) throws IOException {
        return read(pid, b, off, len, false);
    }

    /**
     * {@link #read(int, byte[], int, int)}, failing with EAGAIN instead of waiting for input when
     * {@code nonBlocking} ({@code O_NONBLOCK}).
     *
     * @throws KernelException EAGAIN when non-blocking and nothing is readable
     */
    public int read(int pid, byte[] b, int off, int len, boolean nonBlocking) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        while (true) {
            int backgroundGroup = -1;
            lock.lock();
            try {
                if (hungUp) {
                    return -1;
                }
                backgroundGroup = backgroundGroupOf(pid);
                if (backgroundGroup > 0) {
                    // A job just started may read before its shell has made it the foreground
                    // (spawning starts the program at once, unlike fork and exec): give the shell
                    // a moment before the SIGTTIN.
                    long deadline = System.nanoTime() + BACKGROUND_READ_GRACE.toNanos();
                    long remaining;
                    while (backgroundGroup > 0 && !hungUp && (remaining = deadline - System.nanoTime()) > 0) {
                        try {
                            inputChanged.awaitNanos(remaining);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new InterruptedIOException("terminal read interrupted");
                        }
                        backgroundGroup = backgroundGroupOf(pid);
                    }
                    if (hungUp) {
                        return -1;
                    }
                }
                if (backgroundGroup < 0) {
                    int n = discipline.read(b, off, len);
                    if (n != LineDiscipline.NOTHING) {
                        return n;
                    }
                    if (nonBlocking) {
                        throw new KernelException(Errno.EAGAIN, "nothing to read from the terminal");
                    }
                    waitingReaders.merge(pid, 1, Integer::sum);
                    try {
                        inputChanged.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("terminal read interrupted");
                    } finally {
                        waitingReaders.computeIfPresent(pid, (k, v) -> v == 1 ? null : v - 1);
                    }
                    continue;
                }
            } finally {
                lock.unlock();
            }
            control.signalGroup(backgroundGroup, Signals.SIGTTIN);
            lock.lock();
            try {
                // the stop interrupts this thread; a process that catches or ignores SIGTTIN retries later
                inputChanged.await(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                lock.unlock();
            }
            throw new InterruptedIOException("SIGTTIN: read from the terminal by a background process");
        }
    }

    /**
     * {@code write(2)} on the slave side: output processing, then the bytes wait for the host.
     * Blocks while more than {@value #OUTPUT_LIMIT} bytes wait.
     *
     * @throws IOException EIO after a hang-up; {@link InterruptedIOException} when interrupted
     */
    public void write(int pid, byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        lock.lock();
        try {
            while (!hungUp && outEnd - outStart > OUTPUT_LIMIT) {
                try {
                    outputChanged.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("terminal write interrupted");
                }
            }
            if (hungUp) {
                throw new IOException("EIO: terminal hung up");
            }
            appendOutput(discipline.processOutput(b, off, len));
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@code poll(2)} on the slave side: {@code POLLIN} (0x1) when a read would not block (input,
     * or end of file after a hang-up), {@code POLLOUT} (0x4) when a write would not block,
     * {@code POLLHUP} (0x10) after a hang-up; only the requested events besides POLLHUP.
     */
    public int poll(int events) {
        lock.lock();
        try {
            int ready = 0;
            if (hungUp) {
                ready |= 0x10 | 0x1;
            } else {
                if (discipline.readable()) {
                    ready |= 0x1;
                }
                if (outEnd - outStart <= OUTPUT_LIMIT) {
                    ready |= 0x4;
                }
            }
            return ready & (events | 0x10);
        } finally {
            lock.unlock();
        }
    }

    /** Bytes a read by a foreground process would get at once. */
    public int available() {
        lock.lock();
        try {
            return discipline.readable() ? 1 : 0;
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@code tcgetpgrp(3)} by process {@code pid}.
     *
     * @throws KernelException ENOTTY when this is not the process's controlling terminal
     */
    public int tcgetpgrp(int pid) {
        lock.lock();
        try {
            requireControlling(pid);
            return foreground;
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@code tcsetpgrp(3)} by process {@code pid}: puts {@code pgid} in the foreground.
     *
     * @throws KernelException ENOTTY when this is not the process's controlling terminal, EPERM
     *                         when {@code pgid} is not a group of its session, EINVAL for a
     *                         negative pgid
     */
    public void tcsetpgrp(int pid, int pgid) {
        if (pgid <= 0) {
            throw new KernelException(Errno.EINVAL, "tcsetpgrp: invalid process group " + pgid);
        }
        lock.lock();
        try {
            requireControlling(pid);
            if (!control.groupInSession(pgid, session)) {
                throw new KernelException(Errno.EPERM, "tcsetpgrp: no process group " + pgid + " in session " + session);
            }
            foreground = pgid;
            inputChanged.signalAll();
            control.changed();
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: the group of {@code pid} when it is a background group of this terminal's session, else -1. */
    private int backgroundGroupOf(int pid) {
        if (session > 0 && foreground > 0) {
            int sid = control.sidOf(pid);
            int pgid = control.pgidOf(pid);
            if (sid == session && pgid > 0 && pgid != foreground) {
                return pgid;
            }
        }
        return -1;
    }

    private void requireControlling(int pid) {
        if (session <= 0 || control.sidOf(pid) != session) {
            throw new KernelException(Errno.ENOTTY, "not the controlling terminal of process " + pid);
        }
    }

    /** Waits until {@code pid} reads a line with nothing typed ({@link #awaitingLine}), at most {@code timeout}. */
    public boolean awaitLineReader(int pid, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!awaitingLine(pid)) {
            if (System.nanoTime() >= deadline || isHungUp()) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    // ------------------------------------------------------------------ master streams

    private final class MasterInput extends OutputStream {
        @Override
        public void write(int b) {
            receive(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            Objects.checkFromIndexSize(off, len, b.length);
            receive(b, off, len);
        }
    }

    private final class MasterOutput extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            lock.lock();
            try {
                while (outEnd == outStart) {
                    if (hungUp || (slaveEverOpened && slaveRefs <= 0)) {
                        return -1;
                    }
                    try {
                        outputChanged.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("terminal output read interrupted");
                    }
                }
                int n = Math.min(len, outEnd - outStart);
                System.arraycopy(out, outStart, b, off, n);
                outStart += n;
                if (outStart == outEnd) {
                    outStart = 0;
                    outEnd = 0;
                }
                outputChanged.signalAll();
                control.changed();
                return n;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public int available() {
            return pendingOutput();
        }
    }

    @Override
    public String toString() {
        return "PseudoTerminal[session=" + session() + ", foreground=" + foregroundGroup() + ", size=" + size() + "]";
    }

}
