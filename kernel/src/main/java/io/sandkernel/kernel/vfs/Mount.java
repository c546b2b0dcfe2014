package io.sandkernel.kernel.vfs;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One mounted filesystem: a backend attached at a guest path. Created by {@link Vfs#mount}; the
 * system-call layer only reads it.
 */
public final class Mount {
    private static final Mount[] NONE = new Mount[0];

    private final long dev;
    private final String path;
    private final FileSystemBackend backend;
    private final boolean readOnly;
    private final Mount parent;
    private final Node covered;
    private final long rootIno;
    /** Bytes charged for growth of a {@link FileSystemBackend.Accounting#HOST} mount. */
    private final AtomicLong hostCharged = new AtomicLong();
    /** The mounts attached to directories of this one; replaced as a whole (copy on write). */
    private volatile Mount[] children = NONE;

    Mount(long dev, String path, FileSystemBackend backend, boolean readOnly, Mount parent, Node covered) {
        this.dev = dev;
        this.path = path;
        this.backend = backend;
        this.readOnly = readOnly;
        this.parent = parent;
        this.covered = covered;
        this.rootIno = backend.root().ino();
    }

    /** The device id {@code stat} reports for every file of this mount. */
    public long dev() {
        return dev;
    }

    /** The canonical guest path of the mount point. */
    public String path() {
        return path;
    }

    /** The backend's type name, as {@code /proc/mounts} shows it. */
    public String typeName() {
        return backend.typeName();
    }

    /** Whether every modifying operation on this mount fails with EROFS. */
    public boolean readOnly() {
        return readOnly;
    }

    FileSystemBackend backend() {
        return backend;
    }

    /** The mount this one is attached in; null for the root mount. */
    Mount parent() {
        return parent;
    }

    /** The directory of {@link #parent()} this mount covers; null for the root mount. */
    Node covered() {
        return covered;
    }

    long rootIno() {
        return rootIno;
    }

    AtomicLong hostCharged() {
        return hostCharged;
    }

    Mount[] children() {
        return children;
    }

    /** The mount attached on the directory {@code ino} of this mount, or null. */
    Mount mountedOn(long ino) {
        Mount[] current = children;
        for (Mount child : current) {
            if (child.covered.ino() == ino) {
                return child;
            }
        }
        return null;
    }

    synchronized void attach(Mount child) {
        Mount[] current = children;
        Mount[] next = java.util.Arrays.copyOf(current, current.length + 1);
        next[current.length] = child;
        children = next;
    }

    @Override
    public String toString() {
        return "Mount[" + path + " " + backend.typeName() + (readOnly ? " ro" : " rw") + " dev " + dev + "]";
    }
}
