package io.sandkernel.coreutils;

import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Permission bits of files in the kernel filesystem: reading and setting them as octal modes
 * (where the filesystem has POSIX permissions), the process umask, {@code ls -l}'s
 * {@code drwxr-xr-x} form and chmod-style mode arguments ({@code 755}, {@code u+x,go-w}).
 */
final class FileModes {
    private static final PosixFilePermission[] BITS = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
    };

    private static final Pattern CLAUSE = Pattern.compile("([ugoa]*)([-+=])([rwxX]*)");

    private FileModes() {}

    /** The process's umask (read by setting and restoring it). */
    static int umask(ProcessApi process) {
        int mask = process.umask(022);
        process.umask(mask);
        return mask;
    }

    /** The permission bits of {@code path}, or {@code fallback} when the filesystem has none. */
    static int mode(Path path, int fallback) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
            int mode = 0;
            for (int bit = 0; bit < BITS.length; bit++) {
                if (permissions.contains(BITS[bit])) {
                    mode |= 1 << bit;
                }
            }
            return mode;
        } catch (IOException | UnsupportedOperationException e) {
            return fallback;
        }
    }

    /** Sets the permission bits of {@code path} where the filesystem supports them. */
    static void setMode(Path path, int mode) throws IOException {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        for (int bit = 0; bit < BITS.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                permissions.add(BITS[bit]);
            }
        }
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException e) {
            // no POSIX permissions on this filesystem
        }
    }

    /** The {@code -rwxr-xr-x} form: type letter and nine permission letters. */
    static String describe(Path path) {
        char type = Files.isSymbolicLink(path) ? 'l' : Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? 'd'
                : Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) ? '-' : 'c';
        int mode = mode(path, type == 'd' ? 0755 : 0644);
        StringBuilder text = new StringBuilder().append(type);
        for (int shift = 6; shift >= 0; shift -= 3) {
            text.append((mode >> shift & 4) != 0 ? 'r' : '-')
                    .append((mode >> shift & 2) != 0 ? 'w' : '-')
                    .append((mode >> shift & 1) != 0 ? 'x' : '-');
        }
        return text.toString();
    }

    /**
     * Applies a chmod-style mode to {@code base}: octal digits replace it; symbolic clauses
     * ({@code [ugoa]*[-+=][rwxX]*}, comma-separated) adjust it, masking by the umask when no
     * "who" is named.
     *
     * @return the new mode, or -1 when {@code spec} is not a mode
     */
    static int apply(String spec, int base, int umask, boolean directory) {
        if (spec.matches("[0-7]{1,4}")) {
            return Integer.parseInt(spec, 8) & 0777;
        }
        int mode = base;
        for (String clause : spec.split(",", -1)) {
            Matcher m = CLAUSE.matcher(clause);
            if (!m.matches()) {
                return -1;
            }
            int who = 0;
            for (char c : m.group(1).toCharArray()) {
                who |= switch (c) {
                    case 'u' -> 0700;
                    case 'g' -> 0070;
                    case 'o' -> 0007;
                    default -> 0777;
                };
            }
            boolean masked = who == 0;
            if (masked) {
                who = 0777;
            }
            int bits = 0;
            for (char c : m.group(3).toCharArray()) {
                bits |= switch (c) {
                    case 'r' -> 0444;
                    case 'w' -> 0222;
                    case 'x' -> 0111;
                    default -> directory || (mode & 0111) != 0 ? 0111 : 0;
                };
            }
            bits &= who;
            if (masked) {
                bits &= ~umask;
            }
            mode = switch (m.group(2).charAt(0)) {
                case '+' -> mode | bits;
                case '-' -> mode & ~bits;
                default -> (mode & ~who) | bits;
            };
        }
        return mode;
    }
}
