package io.sandkernel.kernel;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.user.ProcessIdentity;
import java.util.List;

/**
 * A user of the kernel, as a line of {@code /etc/passwd}: the guest identity processes run as
 * unless told otherwise.
 *
 * @param name   login name
 * @param uid    user id
 * @param gid    primary group id
 * @param groups supplementary group ids
 * @param home   home directory, absolute
 * @param shell  login shell
 */
public record UserAccount(String name, int uid, int gid, List<Integer> groups, String home, String shell) {
    /** Validates and copies. */
    public UserAccount {
        if (name == null || name.isEmpty() || name.contains(":") || name.contains("\n")
                || home == null || !home.startsWith("/") || shell == null || groups == null || uid < 0 || gid < 0) {
            throw new KernelException(Errno.EINVAL, "invalid user account");
        }
        groups = List.copyOf(groups);
    }

    /** The default guest: {@code user}, uid and gid 1000, home {@code /home/user}, shell {@code /bin/sh}. */
    public static UserAccount guest() {
        return new UserAccount("user", 1000, 1000, List.of(1000), "/home/user", "/bin/sh");
    }

    /** The superuser entry: {@code root}, 0, 0, home {@code /root}. */
    public static UserAccount root() {
        return new UserAccount("root", 0, 0, List.of(0), "/root", "/bin/sh");
    }

    /** The credentials of a process run as this user. */
    public ProcessIdentity identity() {
        return new ProcessIdentity(uid, gid, uid, gid, groups);
    }
}
