package io.sandkernel.kernel.vfs;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.FileType;
import java.util.Objects;
import java.util.function.Function;

/**
 * A character device ({@code /dev/zero}, {@code /dev/tty}): opening it calls {@code opener}, which
 * returns the device's own {@link FileHandle} (usually not {@link FileHandle#seekable()}).
 *
 * @param permissions the permission bits (0666 for {@code /dev/null})
 * @param uid         the owner
 * @param gid         the group
 * @param rdev        the device number {@code stat} reports ({@code makedev(1, 5)} for zero)
 * @param opener      opens the device for a caller, given the {@code open(2)} flags; may throw
 *                    {@link KernelException} (ENXIO-like failures as EIO, EACCES)
 */
public record SyntheticDevice(int permissions, int uid, int gid, long rdev, Opener opener) implements SyntheticEntry {
    /** Opens a device for a caller. */
    @FunctionalInterface
    public interface Opener {
        /** A new handle on the device for {@code caller}, opened with {@code flags}. */
        FileHandle open(Caller caller, int flags);
    }

    /** Validates the fields. */
    public SyntheticDevice {
        Objects.requireNonNull(opener, "opener");
        if ((permissions & ~07777) != 0) {
            throw new KernelException(Errno.EINVAL, "bad permissions " + Integer.toOctalString(permissions));
        }
    }

    /** A root-owned device of mode {@code permissions} whose handle does not depend on the caller. */
    public static SyntheticDevice of(int permissions, long rdev, Function<Integer, FileHandle> opener) {
        Objects.requireNonNull(opener, "opener");
        return new SyntheticDevice(permissions, 0, 0, rdev, (caller, flags) -> opener.apply(flags));
    }

    /** Linux's {@code makedev}: a device number from its major and minor numbers. */
    public static long makedev(int major, int minor) {
        return ((long) (major & 0xfffff000) << 32) | ((major & 0xfffL) << 8)
                | ((long) (minor & 0xffffff00) << 12) | (minor & 0xffL);
    }

    @Override
    public FileType type() {
        return FileType.CHARACTER_DEVICE;
    }
}
