package io.sandkernel.coreutils;

import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.FileType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Permission bits: the process umask, {@code ls -l}'s {@code drwxr-xr-x} form (with the file
 * type letter and the set-user-id, set-group-id and sticky bits) and chmod-style mode arguments
 * ({@code 755}, {@code u+x,go-w}).
 */
final class FileModes {
    private static final Pattern CLAUSE = Pattern.compile("([ugoa]*)([-+=])([rwxXst]*)");

    private FileModes() {}

    /** The process's umask (read by setting and restoring it). */
    static int umask(ProcessApi process) {
        int mask = process.umask(022);
        process.umask(mask);
        return mask;
    }

    /** The type letter ls -l shows: {@code - d l c b p s}. */
    static char typeLetter(FileType type) {
        return switch (type) {
            case REGULAR -> '-';
            case DIRECTORY -> 'd';
            case SYMLINK -> 'l';
            case CHARACTER_DEVICE -> 'c';
            case BLOCK_DEVICE -> 'b';
            case FIFO -> 'p';
            case SOCKET -> 's';
            case UNKNOWN -> '?';
        };
    }

    /**
     * The {@code -rwxr-xr-x} form of a full {@code st_mode}: type letter and nine permission
     * letters, {@code s}/{@code S} for set-user-id and set-group-id, {@code t}/{@code T} for sticky.
     */
    static String describe(int mode) {
        StringBuilder text = new StringBuilder(10).append(typeLetter(FileType.ofMode(mode)));
        char[] special = {'s', 's', 't'};
        int[] specialBits = {04000, 02000, 01000};
        for (int i = 0, shift = 6; shift >= 0; i++, shift -= 3) {
            text.append((mode >> shift & 4) != 0 ? 'r' : '-');
            text.append((mode >> shift & 2) != 0 ? 'w' : '-');
            boolean execute = (mode >> shift & 1) != 0;
            if ((mode & specialBits[i]) != 0) {
                text.append(execute ? special[i] : Character.toUpperCase(special[i]));
            } else {
                text.append(execute ? 'x' : '-');
            }
        }
        return text.toString();
    }

    /**
     * Applies a chmod-style mode to {@code base}: octal digits replace it; symbolic clauses
     * ({@code [ugoa]*[-+=][rwxXst]*}, comma-separated) adjust it, masking by the umask when no
     * "who" is named.
     *
     * @return the new mode (07777 bits), or -1 when {@code spec} is not a mode
     */
    static int apply(String spec, int base, int umask, boolean directory) {
        if (spec.matches("[0-7]{1,4}")) {
            return Integer.parseInt(spec, 8) & 07777;
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
                    case 'u' -> 04700;
                    case 'g' -> 02070;
                    case 'o' -> 00007;
                    default -> 06777;
                };
            }
            boolean masked = who == 0;
            if (masked) {
                who = 06777;
            }
            int bits = 0;
            for (char c : m.group(3).toCharArray()) {
                bits |= switch (c) {
                    case 'r' -> 0444;
                    case 'w' -> 0222;
                    case 'x' -> 0111;
                    case 's' -> 06000;
                    case 't' -> 01000;
                    default -> directory || (mode & 0111) != 0 ? 0111 : 0;
                };
            }
            bits &= who | (m.group(3).indexOf('t') >= 0 ? 01000 : 0);
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
