package io.sandkernel.kernel.vfs;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.DirEntry;
import io.sandkernel.api.fs.FileType;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.Stat;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A generated filesystem ({@code /dev}, {@code /proc}): a tree of {@link SyntheticEntry}s whose
 * contents, link targets and directory listings are functions of the {@link Caller}, computed only
 * when asked. Devices open to their own {@link FileHandle}s; magic links lead where their function
 * says ({@link MagicTarget}). Nothing can be created, removed, renamed, chmod-ed or chown-ed
 * (EPERM); setting times is accepted and ignored ({@code touch /dev/null}); generated files cannot
 * be opened for writing (EACCES). Not counted against the limits. Times are the clock's now.
 *
 * <p>Example, a {@code /dev} with {@code zero} and a {@code /proc}-like {@code self}:
 * <pre>{@code
 * SyntheticDirectory dev = SyntheticDirectory.builder(0755)
 *         .add("zero", SyntheticDevice.of(0666, SyntheticDevice.makedev(1, 5), flags -> new ZeroHandle()))
 *         .add("self", SyntheticLink.of(caller -> Integer.toString(caller.pid())))
 *         .build();
 * vfs.mount("/dev", new SyntheticBackend("devtmpfs", dev, clock), false);
 * }</pre>
 */
public final class SyntheticBackend implements FileSystemBackend {
    private final String typeName;
    private final SyntheticNode root;
    private final Clock clock;

    /**
     * @param typeName the name {@code /proc/mounts} shows ({@code "proc"}, {@code "devtmpfs"})
     * @param root     the root directory
     * @param clock    the time {@code stat} reports
     */
    public SyntheticBackend(String typeName, SyntheticDirectory root, Clock clock) {
        this.typeName = Objects.requireNonNull(typeName, "typeName");
        this.root = new SyntheticNode(Objects.requireNonNull(root, "root"), null, "");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String typeName() {
        return typeName;
    }

    @Override
    public Accounting accounting() {
        return Accounting.NONE;
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node lookup(Caller caller, Node dir, String name) {
        SyntheticNode parent = (SyntheticNode) dir;
        SyntheticEntry entry = ((SyntheticDirectory) parent.entry).lookup(caller, name);
        return entry == null ? null : new SyntheticNode(entry, parent, name);
    }

    @Override
    public Node parent(Node dir) {
        SyntheticNode parent = ((SyntheticNode) dir).parent;
        return parent == null ? root : parent;
    }

    @Override
    public Stat stat(Node node, long dev) {
        SyntheticNode file = (SyntheticNode) node;
        SyntheticEntry entry = file.entry;
        long rdev = entry instanceof SyntheticDevice device ? device.rdev() : 0;
        int nlink = entry.type() == FileType.DIRECTORY ? 2 : 1;
        Instant now = clock.instant();
        return new Stat(dev, file.ino(), entry.type().modeBits() | entry.permissions(), nlink, entry.uid(),
                entry.gid(), rdev, 0, now, now, now);
    }

    @Override
    public List<DirEntry> readdir(Caller caller, Node dir) {
        SyntheticNode parent = (SyntheticNode) dir;
        SyntheticDirectory directory = (SyntheticDirectory) parent.entry;
        List<DirEntry> listing = new ArrayList<>();
        for (Map.Entry<String, SyntheticEntry> entry : directory.entries().entrySet()) {
            listing.add(new DirEntry(entry.getKey(), SyntheticNode.inoOf(parent.ino(), entry.getKey()),
                    entry.getValue().type()));
        }
        if (directory.source() != null) {
            for (String name : directory.source().names(caller)) {
                SyntheticEntry entry = directory.entries().containsKey(name) ? null
                        : directory.source().lookup(caller, name);
                if (entry != null) {
                    listing.add(new DirEntry(name, SyntheticNode.inoOf(parent.ino(), name), entry.type()));
                }
            }
        }
        return listing;
    }

    @Override
    public String readlink(Caller caller, Node link) {
        return ((SyntheticLink) ((SyntheticNode) link).entry).target().apply(caller);
    }

    @Override
    public MagicTarget followMagic(Caller caller, Node link) {
        SyntheticLink entry = (SyntheticLink) ((SyntheticNode) link).entry;
        MagicTarget target = entry.magic().apply(caller);
        if (target == null) {
            throw new KernelException(Errno.ENOENT, "/" + ((SyntheticNode) link).path() + " leads nowhere");
        }
        return target;
    }

    @Override
    public FileHandle open(Caller caller, Node node, int flags) {
        SyntheticNode file = (SyntheticNode) node;
        return switch (file.entry) {
            case SyntheticDevice device -> device.opener().open(caller, flags);
            case SyntheticFile generated -> {
                if ((flags & OpenFlags.O_ACCMODE) != OpenFlags.O_RDONLY) {
                    throw new KernelException(Errno.EACCES, "generated file /" + file.path() + " is read-only");
                }
                yield new BytesHandle(generated.content().apply(caller));
            }
            default -> throw new KernelException(Errno.EACCES, "cannot open /" + file.path());
        };
    }

    @Override
    public String pathOf(Node node) {
        return ((SyntheticNode) node).path();
    }

    @Override
    public void setTimes(Node node, Instant atime, Instant mtime) {
        // generated files have no stored times; accepted so that touch works on devices
    }

    @Override
    public String toString() {
        return "SyntheticBackend[" + typeName + "]";
    }
}
