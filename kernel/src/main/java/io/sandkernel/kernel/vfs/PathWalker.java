package io.sandkernel.kernel.vfs;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.FileType;

/**
 * Resolves guest paths one component at a time, like Linux's {@code namei}: {@code "."} and
 * {@code ".."} (which leaves a mount at its root for the directory it covers, and stays at "/" at
 * the guest root), mount points, search permission on every directory traversed, and symbolic links
 * read through the backend and resolved again here, in the guest namespace, at most
 * {@value #MAX_SYMLINKS} per resolution. Backends only ever look up one name in one directory, so no
 * host filesystem ever resolves a path. Callers hold the {@link Vfs} namespace lock.
 */
final class PathWalker {
    /** The most symbolic links one resolution follows before failing with ELOOP. */
    static final int MAX_SYMLINKS = 40;

    private final MountTable mounts;
    private final LastResolution last;

    PathWalker(MountTable mounts, LastResolution last) {
        this.mounts = mounts;
        this.last = last;
    }

    /** The state of one resolution: who resolves and how many links it followed. */
    static final class Walk {
        final Caller caller;
        int links;
        /** Set when the last link followed led to an object outside the namespace. */
        MagicTarget.Foreign foreign;
        /**
         * Whether every directory searched so far belongs to a mount that changes only through the
         * kernel, so that the answer may be kept in {@link LastResolution}.
         */
        boolean keepable = true;

        Walk(Caller caller) {
            this.caller = caller;
        }
    }

    /**
     * The last component of a path and the directory holding it.
     *
     * @param dir           the directory (already searched through), a directory
     * @param name          the last name: a normal name, {@code "."}, {@code ".."}, or {@code ""}
     *                      when the path is only slashes (the root)
     * @param trailingSlash whether the path ended with '/' (the result must be a directory)
     */
    record Last(Resolved dir, String name, boolean trailingSlash) {
        /** Whether the name is a normal entry name, not "", "." or "..". */
        boolean isNormal() {
            return !name.isEmpty() && !name.equals(".") && !name.equals("..");
        }
    }

    Resolved root() {
        return mounts.root();
    }

    /**
     * Resolves all of {@code path} but its last component.
     *
     * @param base where a relative path starts (null: the root)
     * @throws KernelException ENOENT, ENOTDIR, EACCES, ELOOP, ENAMETOOLONG, EINVAL as Linux
     */
    Last parent(Walk walk, Resolved base, String path) {
        PathNames.checkPath(path);
        return parentFrom(walk, path.charAt(0) == '/' || base == null ? mounts.root() : revalidate(base), path);
    }

    /** {@link #parent} from {@code current}, a directory found during this resolution. */
    private Last parentFrom(Walk walk, Resolved current, String path) {
        PathNames.checkPath(path);
        if (path.charAt(0) == '/') {
            current = mounts.root();
        }
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        if (end == 0) {
            return new Last(current, "", false);
        }
        int lastStart = path.lastIndexOf('/', end - 1) + 1;
        int i = 0;
        while (i < lastStart) {
            int slash = path.indexOf('/', i);
            if (slash > i) {
                current = directory(walk, current, path.substring(i, slash));
            }
            i = slash + 1;
        }
        if (!current.isDirectory()) {
            throw new KernelException(Errno.ENOTDIR, "not a directory: " + path.substring(0, lastStart));
        }
        return new Last(current, path.substring(lastStart, end), end < path.length());
    }

    /**
     * Resolves {@code path} entirely.
     *
     * @param follow whether to follow a symbolic link in the last component (a trailing slash
     *               always follows)
     * @return the file, or null when the last component was a magic link to a foreign object
     *         (then in {@link Walk#foreign})
     */
    Resolved resolve(Walk walk, Resolved base, String path, boolean follow) {
        // the same path again (a program opening one file in a loop) skips the walk
        Resolved from = path == null || path.isEmpty() || path.charAt(0) == '/' ? null : base;
        long generation = last.generation();
        Resolved known = last.find(generation, walk.caller, from, path, follow);
        if (known != null) {
            return known;
        }
        Last parent = path == null ? null : last.findDirectory(generation, walk.caller, from, path);
        if (parent != null) {
            PathNames.checkPath(path);
        } else {
            parent = parent(walk, base, path);
            keepDirectory(walk, generation, from, path, parent);
        }
        Resolved found = finish(walk, parent, follow);
        if (found != null && walk.keepable && found.mount().backend().accounting() == FileSystemBackend.Accounting.COUNTED) {
            last.remember(generation, walk.caller, from, path, follow, found);
        }
        return found;
    }

    /**
     * Keeps the directory a walk of all but the last component of {@code path} led to, when that
     * was at least one directory, followed no symbolic link (a later walk from the kept directory
     * must count the same links) and searched only directories that change through the kernel.
     */
    private void keepDirectory(Walk walk, long generation, Resolved from, String path, Last parent) {
        int prefix = path.length() - parent.name().length();
        if (walk.keepable && walk.links == 0 && !parent.trailingSlash() && !parent.name().isEmpty() && prefix > 0
                && parent.dir().mount().backend().accounting() == FileSystemBackend.Accounting.COUNTED) {
            last.rememberDirectory(generation, walk.caller, from, path.substring(0, prefix), parent.dir());
        }
    }

    /** Resolves the last component of {@code last}; null for a foreign object, as {@link #resolve}. */
    Resolved finish(Walk walk, Last last, boolean follow) {
        Resolved found = last.name().isEmpty()
                ? last.dir()
                : step(walk, last.dir(), last.name(), follow || last.trailingSlash());
        if (last.trailingSlash() && (found == null || !found.isDirectory())) {
            throw new KernelException(Errno.ENOTDIR, "not a directory: " + last.name() + "/");
        }
        return found;
    }

    /** Resolves {@code path} to a file of the namespace; a foreign object fails with {@code errno}. */
    Resolved resolveFile(Walk walk, Resolved base, String path, boolean follow, Errno errno) {
        Resolved found = resolve(walk, base, path, follow);
        if (found == null) {
            throw new KernelException(errno, path + " does not name a file of the filesystem");
        }
        return found;
    }

    /** One intermediate component: followed, and what it leads to must be usable as a directory. */
    private Resolved directory(Walk walk, Resolved current, String name) {
        Resolved next = step(walk, current, name, true);
        if (next == null) {
            throw new KernelException(Errno.ENOTDIR, "not a directory: " + name);
        }
        return next;
    }

    /**
     * Looks {@code name} up in the directory {@code current} after checking search permission.
     *
     * @return the entry (crossing into a mount attached there), or null for a foreign magic link
     */
    Resolved step(Walk walk, Resolved current, String name, boolean follow) {
        if (!current.isDirectory()) {
            throw new KernelException(Errno.ENOTDIR, "not a directory when looking up " + name);
        }
        Permissions.requireSearch(walk.caller, current.node(), name);
        if (current.mount().backend().accounting() != FileSystemBackend.Accounting.COUNTED) {
            walk.keepable = false;
        }
        if (name.length() <= 2 && name.charAt(0) == '.') {
            if (name.length() == 1) {
                return current;
            }
            if (name.charAt(1) == '.') {
                return up(current);
            }
        }
        PathNames.checkName(name);
        Resolved child = lookup(walk.caller, current, name);
        if (follow && child.type() == FileType.SYMLINK) {
            return follow(walk, current, child);
        }
        return child;
    }

    /**
     * The entry {@code name} of {@code dir}, crossing into a mount attached on it; not followed.
     *
     * @throws KernelException ENOENT when there is none
     */
    Resolved lookup(Caller caller, Resolved dir, String name) {
        Mount mount = dir.mount();
        Node node = mount.backend().lookup(caller, dir.node(), name);
        if (node == null) {
            throw new KernelException(Errno.ENOENT, "no such file or directory: " + name);
        }
        return cross(mount, node);
    }

    /** The entry {@code name} of {@code dir} itself (a mount point, not what is mounted on it), or null. */
    static Resolved entry(Caller caller, Resolved dir, String name) {
        Node node = dir.mount().backend().lookup(caller, dir.node(), name);
        return node == null ? null : new Resolved(dir.mount(), node);
    }

    /** Follows the symbolic link {@code link} found in {@code dir}; null for a foreign object. */
    Resolved follow(Walk walk, Resolved dir, Resolved link) {
        if (++walk.links > MAX_SYMLINKS) {
            throw new KernelException(Errno.ELOOP, "too many levels of symbolic links");
        }
        FileSystemBackend backend = link.mount().backend();
        if (link.node().isMagicLink()) {
            MagicTarget target = backend.followMagic(walk.caller, link.node());
            if (target instanceof MagicTarget.File file) {
                return revalidate(file.resolved());
            }
            walk.foreign = (MagicTarget.Foreign) target;
            return null;
        }
        String target = backend.readlink(walk.caller, link.node());
        if (target.isEmpty()) {
            throw new KernelException(Errno.ENOENT, "symbolic link with an empty target");
        }
        return finish(walk, parentFrom(walk, dir, target), true);
    }

    /**
     * Counts following the ordinary symbolic link {@code link} of {@code dir}, and resolves all of
     * its target but the last component (for {@code open(O_CREAT)}, which may create that name).
     */
    Last linkParent(Walk walk, Resolved dir, Resolved link) {
        if (++walk.links > MAX_SYMLINKS) {
            throw new KernelException(Errno.ELOOP, "too many levels of symbolic links");
        }
        String target = link.mount().backend().readlink(walk.caller, link.node());
        if (target.isEmpty()) {
            throw new KernelException(Errno.ENOENT, "symbolic link with an empty target");
        }
        return parentFrom(walk, dir, target);
    }

    /** The parent of the directory {@code current} in the guest namespace. */
    Resolved up(Resolved current) {
        Mount mount = current.mount();
        Node node = current.node();
        while (node.ino() == mount.rootIno()) {
            if (mount.parent() == null) {
                return current;
            }
            node = mount.covered();
            mount = mount.parent();
        }
        return cross(mount, mount.backend().parent(node));
    }

    /** {@code node} of {@code mount}, or the root of what is mounted on it. */
    static Resolved cross(Mount mount, Node node) {
        if (node.type() == FileType.DIRECTORY) {
            Mount over = mount.mountedOn(node.ino());
            while (over != null) {
                mount = over;
                node = over.backend().root();
                over = mount.mountedOn(node.ino());
            }
        }
        return new Resolved(mount, node);
    }

    /** A file kept from an earlier operation, checked again by its backend. */
    static Resolved revalidate(Resolved kept) {
        Node fresh = kept.mount().backend().revalidate(kept.node());
        return fresh == kept.node() ? kept : new Resolved(kept.mount(), fresh);
    }
}
