package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.Stat;

/**
 * Small helpers over the file system calls of {@link ProcessApi} that several commands share:
 * stat without exceptions, path names, and whether a directory lies inside another.
 */
final class FileOps {
    /** How deep {@link #isInside} climbs before giving up. */
    private static final int MAX_DEPTH = 4096;

    private FileOps() {}

    /** {@code lstat(path)}, or null when it fails. */
    static Stat lstatOrNull(ProcessApi process, String path) {
        try {
            return process.lstat(path);
        } catch (KernelException e) {
            return null;
        }
    }

    /** {@code stat(path)}, following links, or null when it fails. */
    static Stat statOrNull(ProcessApi process, String path) {
        try {
            return process.stat(path);
        } catch (KernelException e) {
            return null;
        }
    }

    /** Whether {@code path} is a directory, following links. */
    static boolean isDirectory(ProcessApi process, String path) {
        Stat stat = statOrNull(process, path);
        return stat != null && stat.isDirectory();
    }

    /** Whether both describe the same file: the same device and inode. */
    static boolean sameFile(Stat a, Stat b) {
        return a != null && b != null && a.dev() == b.dev() && a.ino() == b.ino();
    }

    /** {@code directory/name} without doubling slashes. */
    static String join(String directory, String name) {
        return directory.endsWith("/") ? directory + name : directory + "/" + name;
    }

    /** The last component of {@code path}, trailing slashes ignored ({@code "/"} for the root). */
    static String baseName(String path) {
        String trimmed = stripTrailingSlashes(path);
        if (trimmed.equals("/")) {
            return "/";
        }
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    /** The directory part of {@code path}, as dirname(1): {@code "."} when it has none. */
    static String parent(String path) {
        String trimmed = stripTrailingSlashes(path);
        int slash = trimmed.lastIndexOf('/');
        if (slash < 0) {
            return ".";
        }
        String parent = trimmed.substring(0, slash).replaceAll("/+$", "");
        return parent.isEmpty() ? "/" : parent;
    }

    /** {@code path} without trailing slashes, {@code "/"} staying {@code "/"}. */
    static String stripTrailingSlashes(String path) {
        String trimmed = path.replaceAll("/+$", "");
        return trimmed.isEmpty() && path.startsWith("/") ? "/" : trimmed;
    }

    /**
     * Whether the directory {@code path} is {@code ancestor} or lies below it, found by climbing
     * {@code ..} from {@code path} and comparing device and inode, so that symbolic links and
     * {@code ..} in the names cannot hide it.
     */
    static boolean isInside(ProcessApi process, String path, Stat ancestor) {
        String current = path;
        Stat stat = statOrNull(process, current);
        for (int depth = 0; stat != null && depth < MAX_DEPTH; depth++) {
            if (sameFile(stat, ancestor)) {
                return true;
            }
            current = join(current, "..");
            Stat up = statOrNull(process, current);
            if (sameFile(up, stat)) {
                return false; // the root: its ".." is itself
            }
            stat = up;
        }
        return false;
    }

    /** Closes {@code fd}, ignoring a failure (nothing is lost closing a descriptor read from). */
    static void closeQuietly(ProcessApi process, int fd) {
        try {
            process.close(fd);
        } catch (KernelException e) {
            // already closed or never valid: nothing to do
        }
    }

    /** {@code open(path, O_RDONLY | O_CLOEXEC)}. */
    static int openRead(ProcessApi process, String path) {
        return process.open(path, OpenFlags.O_RDONLY | OpenFlags.O_CLOEXEC, 0);
    }
}
