package io.sandkernel.kernel.vfs;

import io.sandkernel.api.fs.FileType;

/**
 * An entry of a {@link SyntheticBackend} placed in its tree: the entry, its parent and name, and an
 * inode number derived from the parent's and the name (so the same path always has the same number,
 * even for entries generated anew on every lookup).
 */
final class SyntheticNode implements Node {
    final SyntheticEntry entry;
    final SyntheticNode parent;
    final String name;
    private final long ino;

    SyntheticNode(SyntheticEntry entry, SyntheticNode parent, String name) {
        this.entry = entry;
        this.parent = parent;
        this.name = name;
        this.ino = parent == null ? 1 : inoOf(parent.ino, name);
    }

    /** A stable 63-bit hash of the parent's inode number and the name, never 0 or 1. */
    static long inoOf(long parentIno, String name) {
        long hash = parentIno * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        for (int i = 0; i < name.length(); i++) {
            hash = (hash ^ name.charAt(i)) * 0x100000001B3L;
        }
        hash ^= hash >>> 31;
        hash *= 0x94D049BB133111EBL;
        hash ^= hash >>> 29;
        hash &= Long.MAX_VALUE;
        return hash < 2 ? hash + 2 : hash;
    }

    @Override
    public FileType type() {
        return entry.type();
    }

    @Override
    public long ino() {
        return ino;
    }

    @Override
    public int permissions() {
        return entry.permissions();
    }

    @Override
    public int uid() {
        return entry.uid();
    }

    @Override
    public int gid() {
        return entry.gid();
    }

    @Override
    public boolean isMagicLink() {
        return entry instanceof SyntheticLink link && link.magic() != null;
    }

    String path() {
        if (parent == null) {
            return "";
        }
        String above = parent.path();
        return above.isEmpty() ? name : above + "/" + name;
    }

    @Override
    public String toString() {
        return "SyntheticNode[/" + path() + "]";
    }
}
