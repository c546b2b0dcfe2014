package io.sandkernel.kernel.vfs;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;

/** Linux's limits on path names: components of at most 255 bytes, paths under 4096 bytes. */
final class PathNames {
    /** The longest name of a directory entry, in UTF-8 bytes ({@code NAME_MAX}). */
    static final int NAME_MAX = 255;
    /** The size of a path buffer including its terminating NUL ({@code PATH_MAX}). */
    static final int PATH_MAX = 4096;

    private PathNames() {}

    /**
     * Checks a path given to a system call.
     *
     * @throws KernelException ENOENT when empty, EINVAL when it holds NUL, ENAMETOOLONG when it has
     *                         {@code PATH_MAX} bytes or more
     */
    static void checkPath(String path) {
        if (path == null || path.isEmpty()) {
            throw new KernelException(Errno.ENOENT, "empty path");
        }
        if (path.length() > PATH_MAX / 3 && utf8Length(path) >= PATH_MAX) {
            throw new KernelException(Errno.ENAMETOOLONG, "path of " + utf8Length(path) + " bytes is too long");
        }
        if (path.indexOf('\0') >= 0) {
            throw new KernelException(Errno.EINVAL, "path contains a NUL byte");
        }
    }

    /** @throws KernelException ENAMETOOLONG when {@code name} has more than 255 bytes */
    static void checkName(String name) {
        if (name.length() > NAME_MAX / 3 && utf8Length(name) > NAME_MAX) {
            throw new KernelException(Errno.ENAMETOOLONG, "file name of " + utf8Length(name) + " bytes is too long: "
                    + name.substring(0, 32) + "...");
        }
    }

    /** The length of {@code s} in UTF-8 bytes. */
    static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** {@code dir} and {@code name} joined into a path for messages. */
    static String join(String dir, String name) {
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }
}
