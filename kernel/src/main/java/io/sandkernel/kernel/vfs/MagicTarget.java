package io.sandkernel.kernel.vfs;

import io.sandkernel.api.fs.Stat;
import java.util.Objects;

/**
 * What a magic link ({@link Node#isMagicLink()}) leads to when the walker follows it: either a file
 * of the VFS, where the walk continues, or an object outside the namespace (a pipe, a socket, an
 * already-open file) that only the kernel layer understands.
 */
public sealed interface MagicTarget permits MagicTarget.File, MagicTarget.Foreign {
    /**
     * A file or directory of the VFS: following the link continues there (as {@code /proc/PID/cwd}).
     *
     * @param resolved the target, as a {@link Vfs} resolved it earlier
     */
    record File(Resolved resolved) implements MagicTarget {
        /** Rejects null. */
        public File {
            Objects.requireNonNull(resolved, "resolved");
        }
    }

    /**
     * An object outside the namespace: {@link Vfs#open} returns it as
     * {@link OpenResult#foreign()}, {@link Vfs#stat} returns {@code stat}.
     *
     * @param object the kernel's object (for example its open file description); never null
     * @param stat   what {@code stat} reports for it (type, mode and owner are used for permission
     *               checks when opening); never null
     */
    record Foreign(Object object, Stat stat) implements MagicTarget {
        /** Rejects nulls. */
        public Foreign {
            Objects.requireNonNull(object, "object");
            Objects.requireNonNull(stat, "stat");
        }
    }
}
