package io.sandkernel.api;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;

/**
 * A soft and a hard limit of a {@link Resource}, as {@code struct rlimit}: the soft limit is the
 * one enforced, the hard limit the ceiling a process without privileges may raise it to.
 * {@link #UNLIMITED} stands for {@code RLIM_INFINITY}.
 *
 * @param soft the limit in force
 * @param hard the ceiling of {@code soft}
 */
public record ResourceLimit(long soft, long hard) {
    /** No limit ({@code RLIM_INFINITY}). */
    public static final long UNLIMITED = Long.MAX_VALUE;

    /** @throws KernelException EINVAL for a negative value or a soft limit above the hard one */
    public ResourceLimit {
        if (soft < 0 || hard < 0 || soft > hard) {
            throw new KernelException(Errno.EINVAL, "invalid resource limit " + soft + " > " + hard);
        }
    }

    /** Both limits at {@code value}. */
    public static ResourceLimit of(long value) {
        return new ResourceLimit(value, value);
    }
}
