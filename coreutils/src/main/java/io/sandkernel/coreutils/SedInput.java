package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The input of sed: the lines of its file operands in turn ({@code -} is standard input), read
 * one line ahead so that {@code $} can be recognised. A file that cannot be opened is reported
 * ({@code "sed: can't read x: No such file or directory"}, exit status 2 at the end) and skipped;
 * one that fails while being read (a directory) ends sed with status 4, as GNU's panic. With
 * {@code -s} or {@code -i} each file is a unit of its own: {@code $} is its last line and line
 * numbers start again.
 */
final class SedInput {
    /** Told when a new file starts being read, for -i. */
    interface FileListener {
        void fileStarted(String name);
    }

    private final ProcessApi process;
    private final Diagnostics diagnostics;
    private final List<String> files;
    private final int delimiter;
    private final boolean separate;
    private final FileListener listener;
    private final java.io.Flushable output;
    private int nextFile;
    private LineReader reader;
    private InputStream stream;
    private String currentName = "-";
    private String readerName;
    /** The line read ahead, or null. */
    private String ahead;
    private boolean aheadTerminated;
    /** Whether the line read ahead starts a new file (a new unit when separate). */
    private boolean aheadStartsFile;
    private String aheadFile;
    private boolean exhausted;

    private long lineNumber;
    private boolean terminated;

    /**
     * @param listener told of each file as its first line is read (for -i); may be null
     * @param output   flushed before each read that may block, so results show while sed waits
     */
    SedInput(ProcessApi process, Diagnostics diagnostics, List<String> files, int delimiter, boolean separate,
             FileListener listener, java.io.Flushable output) {
        this.process = process;
        this.diagnostics = diagnostics;
        this.files = files;
        this.delimiter = delimiter;
        this.separate = separate;
        this.listener = listener;
        this.output = output;
    }

    /** The number of the current line (per file when separate). */
    long lineNumber() {
        return lineNumber;
    }

    /** Whether the current line ended with the delimiter. */
    boolean terminated() {
        return terminated;
    }

    /** The name of the file being read, {@code -} for standard input. */
    String fileName() {
        return currentName;
    }

    /**
     * Reads the next line, or returns null at the end of the input (of the current file when
     * {@code withinFile} and separate: n and N do not cross into the next file then).
     */
    String next(boolean withinFile) throws IOException {
        if (!fill()) {
            return null;
        }
        if (withinFile && separate && aheadStartsFile) {
            return null;
        }
        String line = ahead;
        ahead = null;
        terminated = aheadTerminated;
        if (aheadStartsFile) {
            currentName = aheadFile;
            if (separate) {
                lineNumber = 0;
            }
            if (listener != null) {
                listener.fileStarted(aheadFile);
            }
        }
        lineNumber++;
        return line;
    }

    /** Whether the current line is the last one ({@code $}): of the file when separate, else of all input. */
    boolean isLast() throws IOException {
        if (!fill()) {
            return true;
        }
        return separate && aheadStartsFile;
    }

    /** Reads a line ahead if none is; false at the end of all input. */
    private boolean fill() throws IOException {
        if (ahead != null) {
            return true;
        }
        boolean startsFile = false;
        while (!exhausted) {
            if (reader == null) {
                if (!openNext()) {
                    exhausted = true;
                    return false;
                }
                startsFile = true;
            }
            String line;
            try {
                line = reader.next();
            } catch (KernelException | IOException e) {
                throw new SedException("read error on " + (readerName.equals("-") ? "stdin" : readerName) + ": "
                        + Diagnostics.describe(e), 4);
            }
            if (line != null) {
                ahead = line;
                aheadTerminated = reader.terminated();
                aheadStartsFile = startsFile;
                aheadFile = readerName;
                return true;
            }
            closeCurrent();
            startsFile = false;
        }
        return false;
    }

    private boolean openNext() {
        while (nextFile < files.size()) {
            String name = files.get(nextFile++);
            if (name.equals("-")) {
                stream = process.stdin();
            } else {
                try {
                    stream = process.openRead(name);
                } catch (KernelException e) {
                    if (e.errno() == Errno.EISDIR) {
                        if (listener != null) {
                            diagnostics.error("couldn't edit " + name + ": not a regular file");
                            throw new SedException(null, 4);
                        }
                        throw new SedException("read error on " + name + ": " + Diagnostics.strerror(Errno.EISDIR), 4);
                    }
                    diagnostics.error("can't read " + name + ": " + Diagnostics.describe(e));
                    continue;
                }
            }
            readerName = name;
            reader = new LineReader(stream, delimiter, output);
            return true;
        }
        return false;
    }

    private void closeCurrent() {
        if (stream != null && stream != process.stdin()) {
            try {
                stream.close();
            } catch (IOException e) {
                // an input: nothing to lose
            }
        }
        stream = null;
        reader = null;
    }

    /** Closes what is open. */
    void close() {
        closeCurrent();
    }
}
