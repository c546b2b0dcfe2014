package io.sandkernel.coreutils;

import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What find's expression works with while it walks: the process, standard output and the files
 * opened by {@code -fprint}, the reference time, the user database, and the walk's signals
 * back from the expression ({@code -prune}, {@code -quit}) and the exit status.
 */
final class FindContext {
    final ProcessApi process;
    final Diagnostics diagnostics;
    final OutputStream out;
    /** The time find started, or the end of today with -daystart: what ages are measured from. */
    Instant now;
    /** Whether -L is in effect (stat follows links). */
    boolean followLinks;
    /** Set by -prune for the file being evaluated. */
    boolean prune;
    /** Set by -quit. */
    boolean quit;
    /** Whether the walk is depth-first (-depth, -delete), where -prune has no effect. */
    boolean depthFirst;
    private UserDatabase users;
    private final List<Runnable> finishers = new ArrayList<>();
    private final List<OutputStream> files = new ArrayList<>();

    FindContext(ProcessApi process, Diagnostics diagnostics, OutputStream out) {
        this.process = process;
        this.diagnostics = diagnostics;
        this.out = out;
        this.now = Instant.now();
    }

    UserDatabase users() {
        if (users == null) {
            users = new UserDatabase(process);
        }
        return users;
    }

    /** Writes text (file names as UTF-8) to {@code stream}. */
    void write(OutputStream stream, String text) {
        try {
            ByteText.writeUtf8(stream, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes standard output, before a child command writes to it too. */
    void flush() {
        try {
            out.flush();
            for (OutputStream file : files) {
                file.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Registers an output file opened by -fprint and friends, closed at the end. */
    void addFile(OutputStream file) {
        files.add(file);
    }

    /** Registers work to do when the walk is over (pending {@code -exec ... +} batches). */
    void atEnd(Runnable finisher) {
        finishers.add(finisher);
    }

    /** Runs the end-of-walk work and closes the output files. */
    void finish() {
        for (Runnable finisher : finishers) {
            finisher.run();
        }
        try {
            out.flush();
            for (OutputStream file : files) {
                file.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
