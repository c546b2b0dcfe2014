package io.sandkernel.kernel.vfs;

import io.sandkernel.api.fs.FileType;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One name of a file of a {@link MemoryTree}: its {@link Inode}, where it is (path, parent, name,
 * kept up to date across renames, so a working directory follows its directory), and for a
 * directory the cache of its looked-up entries (a dentry cache: lookups after the first do not
 * touch the NIO filesystem). There is one node per name while it exists, so that cache stays
 * consistent. Fields change only with the {@link Vfs} namespace lock held exclusively.
 */
final class MemNode implements Node {
    final Inode inode;
    volatile Path path;
    volatile MemNode parent;
    volatile String name;
    /** Set when the name was removed; the node then only serves open handles and fstat. */
    volatile boolean removed;
    /** Looked-up entries of a directory; null for other types. */
    final ConcurrentHashMap<String, MemNode> children;
    /**
     * Whether {@link #children} holds every entry of this directory (it was made empty by the
     * kernel, which records every change): a name missing from it then does not exist, with no
     * NIO lookup (and no exception) to find that out.
     */
    volatile boolean complete;

    MemNode(Inode inode, Path path, MemNode parent, String name) {
        this.inode = inode;
        this.path = path;
        this.parent = parent;
        this.name = name;
        this.children = inode.type == FileType.DIRECTORY ? new ConcurrentHashMap<>() : null;
    }

    @Override
    public FileType type() {
        return inode.type;
    }

    @Override
    public long ino() {
        return inode.ino;
    }

    @Override
    public int permissions() {
        return inode.permissions;
    }

    @Override
    public int uid() {
        return inode.uid;
    }

    @Override
    public int gid() {
        return inode.gid;
    }

    /** Updates the paths of this directory's cached descendants after it moved. */
    void moved() {
        if (children == null) {
            return;
        }
        for (MemNode child : children.values()) {
            child.path = path.resolve(child.name);
            child.moved();
        }
    }

    @Override
    public String toString() {
        return "MemNode[" + path + " ino " + inode.ino + "]";
    }
}
