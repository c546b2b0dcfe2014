package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.FileType;
import io.sandkernel.api.fs.Stat;

/**
 * One file find visits: the name it is shown by ({@code %p}), its start point, depth and the
 * status the walk read ({@code lstat}, or {@code stat} when links are followed, falling back to
 * the link itself when it dangles).
 */
final class FindFile {
    final String path;
    final String start;
    final int depth;
    private Stat stat;
    private final FileType knownType;
    private final StatReader reader;
    private Stat linkStat;
    private boolean linkStatRead;

    /** How the walk reads a file's status; a failure is reported there and ends the file's visit. */
    interface StatReader {
        Stat read(String path);
    }

    /** A status that could not be read when it was first needed: the file is left, as if it had not been listed. */
    static final class Unreadable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unreadable() {
            super(null, null, false, false);
        }
    }

    FindFile(String path, String start, int depth, Stat stat) {
        this(path, start, depth, null, null);
        this.stat = stat;
    }

    /**
     * A file whose type the directory listing gave and whose status is read only when an
     * expression asks for more than its name or type (as GNU find uses d_type): a walk that
     * tests names stats no leaf.
     */
    FindFile(String path, String start, int depth, FileType type, StatReader reader) {
        this.path = path;
        this.start = start;
        this.depth = depth;
        this.knownType = type;
        this.reader = reader;
    }

    /** The status the walk read, reading it now if it was left for later. */
    Stat stat() {
        if (stat == null) {
            stat = reader.read(path);
            if (stat == null) {
                throw new Unreadable();
            }
        }
        return stat;
    }

    /** The file's type, from the listing's type when the status was not read. */
    FileType type() {
        return stat == null && knownType != null ? knownType : stat().type();
    }

    /** Whether this is a directory, from the listing's type when the status was not read. */
    boolean isDirectory() {
        return stat == null && knownType != null ? knownType == FileType.DIRECTORY : stat().isDirectory();
    }

    /** The last component ({@code %f}, what -name matches): the start point keeps its trailing slash in %f. */
    String name() {
        if (depth == 0) {
            String trimmed = FileOps.stripTrailingSlashes(path);
            return trimmed.equals("/") ? "/" : trimmed.substring(trimmed.lastIndexOf('/') + 1);
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** {@code %f} as GNU prints it: a start point is shown whole after its directory part. */
    String printedName() {
        if (depth == 0) {
            int slash = FileOps.stripTrailingSlashes(path).lastIndexOf('/');
            return slash < 0 || path.equals("/") ? path : path.substring(slash + 1);
        }
        return name();
    }

    /** The directory part ({@code %h}): "." for a start point without one. */
    String directory() {
        if (depth == 0) {
            String trimmed = FileOps.stripTrailingSlashes(path);
            int slash = trimmed.lastIndexOf('/');
            if (trimmed.equals("/")) {
                return "";
            }
            return slash < 0 ? "." : slash == 0 ? "/" : trimmed.substring(0, slash);
        }
        int slash = path.lastIndexOf('/');
        return slash == 0 ? "/" : path.substring(0, slash);
    }

    /** The path below the start point ({@code %P}). */
    String relative() {
        if (depth == 0) {
            return "";
        }
        String prefix = start.endsWith("/") ? start : start + "/";
        return path.startsWith(prefix) ? path.substring(prefix.length()) : path;
    }

    /** The file itself even when links are followed ({@code lstat}), for -type under -L and %Y. */
    Stat linkStat(ProcessApi process) {
        if (!linkStatRead) {
            linkStatRead = true;
            try {
                linkStat = process.lstat(path);
            } catch (KernelException e) {
                linkStat = stat();
            }
        }
        return linkStat;
    }
}
