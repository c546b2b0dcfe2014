package io.sandkernel.kernel.vfs;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.FileType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The mounts of one {@link Vfs}: the root mount and the tree of mounts attached to directories.
 * Mounting is serialized by the {@code Vfs}'s namespace lock; reading needs no lock.
 */
final class MountTable {
    private final List<Mount> all = new CopyOnWriteArrayList<>();
    private volatile Mount root;
    /** The root directory, when its backend always returns the same root node (in-memory ones do). */
    private volatile Resolved stableRoot;

    /** The root directory of the guest namespace. @throws KernelException ENOENT before "/" is mounted */
    Resolved root() {
        Resolved stable = stableRoot;
        if (stable != null) {
            return stable;
        }
        Mount mount = root;
        if (mount == null) {
            throw new KernelException(Errno.ENOENT, "no filesystem is mounted at /");
        }
        return new Resolved(mount, mount.backend().root());
    }

    boolean hasRoot() {
        return root != null;
    }

    /** Mounts {@code backend} as the root. @throws KernelException EBUSY when there is one already */
    Mount mountRoot(FileSystemBackend backend, boolean readOnly) {
        if (root != null) {
            throw new KernelException(Errno.EBUSY, "a filesystem is already mounted at /");
        }
        Mount mount = new Mount(1, "/", backend, readOnly, null, null);
        all.add(mount);
        root = mount;
        Node node = backend.root();
        if (node == backend.root()) {
            stableRoot = new Resolved(mount, node);
        }
        return mount;
    }

    /**
     * Mounts {@code backend} on the directory {@code at} (canonical path {@code path}).
     *
     * @throws KernelException ENOTDIR when {@code at} is not a directory, EBUSY when it is the
     *                         root of a mount already
     */
    Mount mountAt(Resolved at, String path, FileSystemBackend backend, boolean readOnly) {
        if (at.type() != FileType.DIRECTORY) {
            throw new KernelException(Errno.ENOTDIR, "mount point " + path + " is not a directory");
        }
        if (at.isMountRoot()) {
            throw new KernelException(Errno.EBUSY, "something is already mounted at " + path);
        }
        Mount mount = new Mount(all.size() + 1, path, backend, readOnly, at.mount(), at.node());
        at.mount().attach(mount);
        all.add(mount);
        return mount;
    }

    /** Whether the directory {@code node} of {@code mount} has a mount attached. */
    static boolean isMountPoint(Mount mount, Node node) {
        return node.type() == FileType.DIRECTORY && mount.mountedOn(node.ino()) != null;
    }

    /**
     * Whether the directory {@code dir} of {@code mount} is a mount point or an ancestor of one
     * (such directories cannot be renamed).
     */
    static boolean holdsMountPoint(Mount mount, Node dir) {
        for (Mount child : mount.children()) {
            Node node = child.covered();
            while (true) {
                if (node.ino() == dir.ino()) {
                    return true;
                }
                if (node.ino() == mount.rootIno()) {
                    break;
                }
                node = mount.backend().parent(node);
            }
        }
        return false;
    }

    /** Every mount, the root first, for {@code /proc/mounts}. */
    List<MountInfo> infos() {
        List<MountInfo> infos = new ArrayList<>(all.size());
        for (Mount mount : all) {
            infos.add(new MountInfo(mount.path(), mount.typeName(), mount.readOnly()));
        }
        return List.copyOf(infos);
    }

    List<Mount> mounts() {
        return all;
    }
}
