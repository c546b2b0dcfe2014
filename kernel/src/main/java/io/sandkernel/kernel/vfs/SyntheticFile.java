package io.sandkernel.kernel.vfs;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.FileType;
import java.util.Objects;
import java.util.function.Function;

/**
 * A read-only regular file whose contents are generated when it is opened ({@code /proc/uptime}),
 * for the caller opening it. {@code stat} reports size 0, as Linux does for {@code /proc}.
 *
 * @param permissions the permission bits (usually 0444)
 * @param uid         the owner
 * @param gid         the group
 * @param content     the bytes for the caller opening the file; may throw a
 *                    {@link KernelException} (ENOENT when the process is gone)
 */
public record SyntheticFile(int permissions, int uid, int gid, Function<Caller, byte[]> content)
        implements SyntheticEntry {
    /** Validates the fields. */
    public SyntheticFile {
        Objects.requireNonNull(content, "content");
        if ((permissions & ~07777) != 0) {
            throw new KernelException(Errno.EINVAL, "bad permissions " + Integer.toOctalString(permissions));
        }
    }

    /** A root-owned file of mode 0444. */
    public static SyntheticFile readOnly(Function<Caller, byte[]> content) {
        return new SyntheticFile(0444, 0, 0, content);
    }

    @Override
    public FileType type() {
        return FileType.REGULAR;
    }
}
