package io.sandkernel.api;

/**
 * A change to a new process's descriptors, applied in order after it inherited its parent's
 * descriptors and after its standard streams were connected, like {@code posix_spawn}'s file
 * actions. A failing action fails the spawn with its errno and nothing runs.
 */
public sealed interface FileAction {
    /** {@code dup2(from, to)} in the child: {@code to} refers to what {@code from} refers to. */
    record Dup2(int from, int to) implements FileAction {}

    /** {@code close(fd)} in the child; closing a descriptor that is not open is not an error. */
    record Close(int fd) implements FileAction {}

    /**
     * {@code open(path, flags, mode)} in the child, at descriptor {@code fd} (relative paths
     * against the child's working directory).
     */
    record Open(int fd, String path, int flags, int mode) implements FileAction {
        /** Validates. */
        public Open {
            java.util.Objects.requireNonNull(path, "path");
        }
    }

    /** {@code dup2(from, to)}. */
    static FileAction dup2(int from, int to) {
        return new Dup2(from, to);
    }

    /** {@code close(fd)}. */
    static FileAction close(int fd) {
        return new Close(fd);
    }

    /** {@code open(path, flags, mode)} at {@code fd}. */
    static FileAction open(int fd, String path, int flags, int mode) {
        return new Open(fd, path, flags, mode);
    }
}
