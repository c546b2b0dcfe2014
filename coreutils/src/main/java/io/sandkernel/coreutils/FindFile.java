package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
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
    final Stat stat;
    private Stat linkStat;
    private boolean linkStatRead;

    FindFile(String path, String start, int depth, Stat stat) {
        this.path = path;
        this.start = start;
        this.depth = depth;
        this.stat = stat;
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
                linkStat = stat;
            }
        }
        return linkStat;
    }
}
