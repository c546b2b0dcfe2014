package io.sandkernel.kernel.vfs;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import java.time.Instant;

/**
 * One time of {@code utimensat(2)}: leave it ({@code UTIME_OMIT}), set it to now
 * ({@code UTIME_NOW}) or to an explicit instant.
 *
 * @param kind what to do
 * @param time the explicit time, for {@link Kind#AT} only (null otherwise)
 */
public record TimeUpdate(Kind kind, Instant time) {
    private static final TimeUpdate NOW = new TimeUpdate(Kind.NOW, null);
    private static final TimeUpdate OMIT = new TimeUpdate(Kind.OMIT, null);

    /** What a {@link TimeUpdate} does. */
    public enum Kind {
        /** Leave the time as it is. */
        OMIT,
        /** Set the time to the VFS clock's now. */
        NOW,
        /** Set the time to {@link TimeUpdate#time()}. */
        AT
    }

    /** Validates that exactly {@link Kind#AT} has a time. */
    public TimeUpdate {
        if (kind == null || (kind == Kind.AT) != (time != null)) {
            throw new KernelException(Errno.EINVAL, "a time update needs a kind, and a time exactly for AT");
        }
    }

    /** {@code UTIME_NOW}. */
    public static TimeUpdate now() {
        return NOW;
    }

    /** {@code UTIME_OMIT}. */
    public static TimeUpdate omit() {
        return OMIT;
    }

    /** An explicit time. */
    public static TimeUpdate at(Instant time) {
        return new TimeUpdate(Kind.AT, time);
    }
}
