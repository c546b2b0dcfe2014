package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.MemoryReservation;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.OpenFlags;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * The lines sort holds, kept within a memory budget as GNU sort keeps them: lines are charged to
 * the process ({@link MemoryReservation}) as they come; when the budget ({@code -S}) is reached or
 * the kernel refuses more memory, the lines held are sorted and written as a run to a temporary
 * file ({@code sortXXXXXX} in {@code -T DIR}, {@code $TMPDIR} or {@code /tmp}), and at the end the
 * runs and what is still held are merged. Runs are merged in the order they were made, earlier
 * first among equals, so {@code -s} stays stable. The files are removed when it is closed.
 *
 * @param <L> a line with its keys
 */
final class SortRuns<L> implements AutoCloseable {
    /** What a held line costs besides its characters: the objects around it. */
    private static final long LINE_OVERHEAD = 96;

    /** A temporary file could not be made or written: GNU's "write failed" or "cannot create". */
    static final class SpillFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SpillFailure(String message) {
            super(message, null, false, false);
        }
    }

    private final ProcessApi process;
    private final long budget;
    private final String directory;
    private final Comparator<L> order;
    private final Function<L, String> text;
    private final Function<String, L> parse;
    private final int delimiter;
    private final MemoryReservation reservation;
    private final List<L> lines = new ArrayList<>();
    private final List<String> runs = new ArrayList<>();
    private long held;

    /**
     * @param budget    the bytes of lines held before a run is written
     * @param directory where runs go
     * @param order     the sort order
     * @param text      a line's text, as written to a run
     * @param parse     a line read back from a run, its keys extracted again
     */
    SortRuns(ProcessApi process, long budget, String directory, Comparator<L> order, Function<L, String> text,
             Function<String, L> parse, int delimiter) {
        this.process = process;
        this.budget = budget;
        this.directory = directory;
        this.order = order;
        this.text = text;
        this.parse = parse;
        this.delimiter = delimiter;
        this.reservation = new MemoryReservation(process);
    }

    /**
     * Holds {@code line}, first writing a run when the budget or the kernel's memory is used up.
     *
     * @throws KernelException ENOMEM when not even this one line can be held
     * @throws SpillFailure    when a run cannot be written
     */
    void add(L line, long length) {
        long size = length * 2 + LINE_OVERHEAD;
        if (held + size > budget && !lines.isEmpty()) {
            spill();
        }
        try {
            reservation.ensure(held + size);
        } catch (KernelException e) {
            if (e.errno() != Errno.ENOMEM || lines.isEmpty()) {
                throw e;
            }
            spill();
            reservation.ensure(size);
        }
        lines.add(line);
        held += size;
    }

    /** Whether runs were written (the lines are not all held). */
    boolean spilled() {
        return !runs.isEmpty();
    }

    /** The lines held, in input order; all of them when nothing {@link #spilled()}. */
    List<L> held() {
        return lines;
    }

    /** Every line in order: the held ones sorted, merged with the runs. */
    Iterator<L> sorted() {
        lines.sort(order);
        if (runs.isEmpty()) {
            return lines.iterator();
        }
        List<Iterator<L>> sources = new ArrayList<>();
        for (String run : runs) {
            sources.add(read(run));
        }
        sources.add(lines.iterator());
        return merge(sources);
    }

    /** Sorts what is held and writes it as a run, then lets it go. */
    private void spill() {
        lines.sort(order);
        String path = create();
        runs.add(path);
        try (OutputStream out = BufferedOutput.open(process, path, false)) {
            StringBuilder chunk = new StringBuilder();
            for (L line : lines) {
                chunk.append(text.apply(line)).append((char) delimiter);
                if (chunk.length() > 1 << 16) {
                    ByteText.write(out, chunk.toString());
                    chunk.setLength(0);
                }
            }
            ByteText.write(out, chunk.toString());
        } catch (WriteError e) {
            throw new SpillFailure("write failed: " + path + ": " + Diagnostics.describe(e.failure()));
        } catch (IOException e) {
            throw new SpillFailure("write failed: " + path + ": " + Diagnostics.describe(e));
        }
        lines.clear();
        held = 0;
        reservation.shrinkTo(0);
    }

    /** A new empty {@code sortXXXXXX} in the directory, made exclusively. */
    private String create() {
        String base = directory.endsWith("/") ? directory : directory + "/";
        String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        for (int attempt = 0; ; attempt++) {
            StringBuilder name = new StringBuilder(base).append("sort");
            for (int i = 0; i < 6; i++) {
                name.append(letters.charAt(ThreadLocalRandom.current().nextInt(letters.length())));
            }
            try {
                process.close(process.open(name.toString(),
                        OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_EXCL | OpenFlags.O_CLOEXEC, 0600));
                return name.toString();
            } catch (KernelException e) {
                if (e.errno() != Errno.EEXIST || attempt > 100) {
                    throw new SpillFailure("cannot create temporary file in " + Diagnostics.quote(directory) + ": "
                            + Diagnostics.describe(e));
                }
            }
        }
    }

    /** The lines of a run, read back as they are merged. */
    private Iterator<L> read(String run) {
        InputStream in = process.openRead(run);
        LineReader reader = new LineReader(in, delimiter);
        return new Iterator<>() {
            private String next = advance();

            private String advance() {
                try {
                    String line = reader.next();
                    if (line == null) {
                        in.close();
                    }
                    return line;
                } catch (IOException e) {
                    throw new KernelException(Errno.EIO, run + ": " + Diagnostics.describe(e));
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public L next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                L line = parse.apply(next);
                next = advance();
                return line;
            }
        };
    }

    /** A k-way merge; among equal lines the earlier source first. */
    private Iterator<L> merge(List<Iterator<L>> sources) {
        record Head<T>(T line, int source) {}
        PriorityQueue<Head<L>> heads = new PriorityQueue<>((a, b) -> {
            int diff = order.compare(a.line(), b.line());
            return diff != 0 ? diff : Integer.compare(a.source(), b.source());
        });
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).hasNext()) {
                heads.add(new Head<>(sources.get(i).next(), i));
            }
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !heads.isEmpty();
            }

            @Override
            public L next() {
                Head<L> head = heads.poll();
                if (head == null) {
                    throw new NoSuchElementException();
                }
                Iterator<L> source = sources.get(head.source());
                if (source.hasNext()) {
                    heads.add(new Head<>(source.next(), head.source()));
                }
                return head.line();
            }
        };
    }

    /** Removes the runs and gives the memory back. */
    @Override
    public void close() {
        for (String run : runs) {
            try {
                process.unlink(run);
            } catch (KernelException e) {
                // already gone
            }
        }
        runs.clear();
        lines.clear();
        reservation.close();
    }
}
