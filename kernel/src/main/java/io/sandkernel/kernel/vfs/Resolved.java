package io.sandkernel.kernel.vfs;

import io.sandkernel.api.fs.FileType;
import java.util.Objects;

/**
 * A file the {@link Vfs} found: the mount it lives in and its node. This is what the system-call
 * layer keeps for a working directory, a directory descriptor ({@code *at} calls) or an open file,
 * and hands back to the {@code Vfs}. Two values are equal when they name the same inode of the
 * same mount.
 *
 * <p>A value stays usable after the file is renamed (in-memory filesystems follow it; host
 * directories check it again on every use and fail with ENOENT when it moved) or removed
 * (operations on it then fail with ENOENT, except {@link Vfs#stat(Resolved)}).
 */
public final class Resolved {
    private final Mount mount;
    private final Node node;

    Resolved(Mount mount, Node node) {
        this.mount = Objects.requireNonNull(mount, "mount");
        this.node = Objects.requireNonNull(node, "node");
    }

    /** The mount holding the file. */
    public Mount mount() {
        return mount;
    }

    /** The backend's node for the file. */
    public Node node() {
        return node;
    }

    /** The file's type (a symbolic link only when resolved without following it). */
    public FileType type() {
        return node.type();
    }

    /** Whether the file is a directory. */
    public boolean isDirectory() {
        return node.type() == FileType.DIRECTORY;
    }

    /** The inode number. */
    public long ino() {
        return node.ino();
    }

    /**
     * The canonical absolute guest path of the file now (after renames, on in-memory filesystems):
     * what {@code getcwd} and {@code readlink /proc/PID/cwd} report.
     *
     * @throws io.sandkernel.KernelException ENOENT when the file was removed
     */
    public String path() {
        String relative = mount.backend().pathOf(node);
        if (relative.isEmpty()) {
            return mount.path();
        }
        return mount.path().equals("/") ? "/" + relative : mount.path() + "/" + relative;
    }

    boolean isMountRoot() {
        return node.ino() == mount.rootIno();
    }

    boolean sameFile(Resolved other) {
        return other != null && mount == other.mount && node.ino() == other.node.ino();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Resolved that && sameFile(that);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(node.ino()) * 31 + mount.hashCode();
    }

    @Override
    public String toString() {
        return "Resolved[" + mount.path() + " ino " + node.ino() + " " + node.type() + "]";
    }
}
