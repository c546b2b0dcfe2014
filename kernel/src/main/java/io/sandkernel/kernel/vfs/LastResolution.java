package io.sandkernel.kernel.vfs;

import io.sandkernel.user.ProcessIdentity;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The last path that {@link PathWalker#resolve} resolved entirely, kept so that resolving the same
 * path again (a program opening or stat'ing one file over and over) costs a comparison instead of
 * a walk. An answer is only kept when every directory the walk searched belongs to a mount whose
 * names and modes change only through the kernel ({@link FileSystemBackend.Accounting#COUNTED}),
 * and it is given back only to a caller with the same identity (search permission depends on it),
 * for the same starting directory, path and following of a last symbolic link, while nothing that
 * a resolution reads has changed since.
 *
 * <p>What a resolution reads changes only under the {@link Vfs} namespace lock held exclusively
 * (names, mounts) or in {@code chmod}/{@code chown}. The former are bracketed by
 * {@link #changing()} and {@link #changed()}: the generation is odd while they run, and nothing is
 * kept or given back then. The latter call {@link #attributesChanged()} after the change, so a
 * resolution that began before it keeps an answer under the old generation, which no later
 * resolution accepts. Thread-safe without a lock: the kept answer is one immutable record.
 */
final class LastResolution {
    private record Entry(long generation, ProcessIdentity identity, Resolved base, String path, boolean follow,
                         Resolved file) {}

    /** The directory a path's all-but-last components led to: {@code prefix} ends with '/'. */
    private record Directory(long generation, ProcessIdentity identity, Resolved base, String prefix, Resolved dir) {}

    private final AtomicLong generation = new AtomicLong();
    private volatile Entry last;
    private volatile Directory lastDirectory;

    /** The generation to read before resolving, for {@link #find} and {@link #remember}. */
    long generation() {
        return generation.get();
    }

    /**
     * The file {@code path} resolved to for the same caller identity, base and {@code follow}
     * while the namespace stayed at {@code generation}, or null.
     *
     * @param base the directory a relative path starts from; null for an absolute path
     */
    Resolved find(long generation, Caller caller, Resolved base, String path, boolean follow) {
        Entry entry = last;
        if (entry == null || entry.generation != generation || (generation & 1) != 0 || entry.base != base
                || entry.follow != follow || !entry.path.equals(path)) {
            return null;
        }
        ProcessIdentity identity = caller.identity();
        return identity == entry.identity || identity.equals(entry.identity) ? entry.file : null;
    }

    /** Keeps what {@code path} resolved to, the namespace being at {@code generation} when the walk began. */
    void remember(long generation, Caller caller, Resolved base, String path, boolean follow, Resolved file) {
        if ((generation & 1) == 0) {
            last = new Entry(generation, caller.identity(), base, path, follow, file);
        }
    }

    /**
     * The directory holding the last component of {@code path} when all but that component is the
     * prefix of a path kept by {@link #rememberDirectory} for the same identity and base while the
     * namespace stayed at {@code generation}, and that component is a name with no '/'; or null.
     */
    PathWalker.Last findDirectory(long generation, Caller caller, Resolved base, String path) {
        Directory entry = lastDirectory;
        if (entry == null || entry.generation != generation || (generation & 1) != 0 || entry.base != base
                || path.length() <= entry.prefix.length() || !path.startsWith(entry.prefix)
                || path.indexOf('/', entry.prefix.length()) >= 0) {
            return null;
        }
        ProcessIdentity identity = caller.identity();
        if (identity != entry.identity && !identity.equals(entry.identity)) {
            return null;
        }
        return new PathWalker.Last(entry.dir, path.substring(entry.prefix.length()), false);
    }

    /**
     * Keeps the directory {@code dir} that {@code prefix} (ending with '/') led to, the namespace
     * being at {@code generation} when the walk began.
     */
    void rememberDirectory(long generation, Caller caller, Resolved base, String prefix, Resolved dir) {
        if ((generation & 1) == 0) {
            lastDirectory = new Directory(generation, caller.identity(), base, prefix, dir);
        }
    }

    /**
     * Names or mounts are about to change (the namespace lock is held exclusively). What was kept
     * is dropped as well, so that it keeps no removed file or directory reachable.
     */
    void changing() {
        generation.incrementAndGet();
        last = null;
        lastDirectory = null;
    }

    /** Names or mounts have changed; the namespace lock is about to be released. */
    void changed() {
        generation.incrementAndGet();
    }

    /** A mode or owner has changed (under the shared namespace lock): answers kept before are void. */
    void attributesChanged() {
        generation.addAndGet(2);
    }
}
