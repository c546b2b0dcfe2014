package io.sandkernel.kernel.vfs;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.FileType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A directory of a {@link SyntheticBackend}: fixed entries, plus optionally entries generated on
 * demand by a {@link Source} ({@code /proc}'s process directories, {@code /proc/PID/fd}). A source
 * costs nothing until the directory is looked into. Immutable; build one with {@link #builder}.
 */
public final class SyntheticDirectory implements SyntheticEntry {
    /** Entries generated when asked for. */
    public interface Source {
        /**
         * The entry {@code name} for {@code caller}, or null when there is none. Called for every
         * lookup; the entry may be built on the spot.
         */
        SyntheticEntry lookup(Caller caller, String name);

        /** The names of the generated entries for {@code caller}, when the directory is listed. */
        List<String> names(Caller caller);
    }

    private final int permissions;
    private final int uid;
    private final int gid;
    private final Map<String, SyntheticEntry> entries;
    private final Source source;

    private SyntheticDirectory(Builder builder) {
        this.permissions = builder.permissions;
        this.uid = builder.uid;
        this.gid = builder.gid;
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(builder.entries));
        this.source = builder.source;
    }

    /** A builder for a root-owned directory of mode {@code permissions} (usually 0555 or 0755). */
    public static Builder builder(int permissions) {
        return new Builder(permissions);
    }

    /** The fixed entries, in insertion order. */
    public Map<String, SyntheticEntry> entries() {
        return entries;
    }

    /** The source of generated entries, or null. */
    public Source source() {
        return source;
    }

    /** The entry {@code name}: a fixed one, else a generated one, else null. */
    SyntheticEntry lookup(Caller caller, String name) {
        SyntheticEntry fixed = entries.get(name);
        if (fixed != null || source == null) {
            return fixed;
        }
        return source.lookup(caller, name);
    }

    @Override
    public FileType type() {
        return FileType.DIRECTORY;
    }

    @Override
    public int permissions() {
        return permissions;
    }

    @Override
    public int uid() {
        return uid;
    }

    @Override
    public int gid() {
        return gid;
    }

    /** Builds a {@link SyntheticDirectory}. */
    public static final class Builder {
        private final int permissions;
        private int uid;
        private int gid;
        private final Map<String, SyntheticEntry> entries = new LinkedHashMap<>();
        private Source source;

        private Builder(int permissions) {
            if ((permissions & ~07777) != 0) {
                throw new KernelException(Errno.EINVAL, "bad permissions " + Integer.toOctalString(permissions));
            }
            this.permissions = permissions;
        }

        /** Sets the owner (root by default). */
        public Builder owner(int uid, int gid) {
            this.uid = uid;
            this.gid = gid;
            return this;
        }

        /** Adds the fixed entry {@code name}. @throws KernelException EINVAL for a bad or repeated name */
        public Builder add(String name, SyntheticEntry entry) {
            Objects.requireNonNull(entry, "entry");
            if (name == null || name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0
                    || name.indexOf('\0') >= 0 || entries.containsKey(name)) {
                throw new KernelException(Errno.EINVAL, "bad or repeated entry name: " + name);
            }
            entries.put(name, entry);
            return this;
        }

        /** Adds the read-only generated file {@code name} (mode 0444, root). */
        public Builder file(String name, java.util.function.Function<Caller, byte[]> content) {
            return add(name, SyntheticFile.readOnly(content));
        }

        /** Adds the symbolic link {@code name} to the fixed {@code target}. */
        public Builder symlink(String name, String target) {
            return add(name, SyntheticLink.to(target));
        }

        /** Adds the subdirectory {@code name}. */
        public Builder directory(String name, SyntheticDirectory directory) {
            return add(name, directory);
        }

        /** Sets the source of entries generated on demand. */
        public Builder source(Source source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /** The directory. */
        public SyntheticDirectory build() {
            return new SyntheticDirectory(this);
        }
    }
}
