package io.sandkernel.coreutils;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled chmod mode, as gnulib's {@code modechange.c}: octal ({@code 755}, {@code 00755})
 * or symbolic clauses {@code [ugoa]*([-+=]([rwxXst]*|[ugo]))+} separated by commas
 * ({@code u+x,g=u,o-rwx}). {@link #apply} is {@code mode_adjust}: without "who" the umask
 * limits the change, {@code X} adds execute only to directories and files already executable
 * by someone, {@code g=u} copies bits, and a directory keeps its set-user-id and set-group-id
 * bits unless the mode names them (or has five or more octal digits).
 */
final class ModeChange {
    private static final int ALL = 07777;
    private static final int SUID = 04000;
    private static final int SGID = 02000;
    private static final int STICKY = 01000;

    private enum Flag { ORDINARY, COPY, X_IF_ANY_X }

    private record Step(char op, Flag flag, int affected, int value, int mentioned) {}

    private final List<Step> steps;

    private ModeChange(List<Step> steps) {
        this.steps = steps;
    }

    /** Compiles {@code text}, or returns null when it is not a mode. */
    static ModeChange compile(String text) {
        if (!text.isEmpty() && text.charAt(0) >= '0' && text.charAt(0) <= '7') {
            int value = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < '0' || c > '7') {
                    return null;
                }
                value = value * 8 + (c - '0');
                if (value > ALL) {
                    return null;
                }
            }
            int mentioned = text.length() < 5 ? (value & (SUID | SGID)) | STICKY | 0777 : ALL;
            return new ModeChange(List.of(new Step('=', Flag.ORDINARY, ALL, value, mentioned)));
        }
        List<Step> steps = new ArrayList<>();
        int i = 0;
        int n = text.length();
        do {
            int affected = 0;
            while (i < n && "ugoa".indexOf(text.charAt(i)) >= 0) {
                affected |= switch (text.charAt(i)) {
                    case 'u' -> SUID | 0700;
                    case 'g' -> SGID | 0070;
                    case 'o' -> STICKY | 0007;
                    default -> ALL;
                };
                i++;
            }
            if (i >= n || "=+-".indexOf(text.charAt(i)) < 0) {
                return null;
            }
            while (i < n && "=+-".indexOf(text.charAt(i)) >= 0) {
                char op = text.charAt(i++);
                int value = 0;
                Flag flag = Flag.COPY;
                if (i < n && "ugo".indexOf(text.charAt(i)) >= 0) {
                    value = switch (text.charAt(i)) {
                        case 'u' -> 0700;
                        case 'g' -> 0070;
                        default -> 0007;
                    };
                    i++;
                } else {
                    flag = Flag.ORDINARY;
                    while (i < n && "rwxXst".indexOf(text.charAt(i)) >= 0) {
                        switch (text.charAt(i)) {
                            case 'r' -> value |= 0444;
                            case 'w' -> value |= 0222;
                            case 'x' -> value |= 0111;
                            case 'X' -> flag = Flag.X_IF_ANY_X;
                            case 's' -> value |= SUID | SGID;
                            default -> value |= STICKY;
                        }
                        i++;
                    }
                }
                steps.add(new Step(op, flag, affected, value, affected != 0 ? affected & value : value));
            }
            if (i < n && text.charAt(i) != ',') {
                return null;
            }
        } while (i++ < n);
        return new ModeChange(steps);
    }

    /** {@code mode_adjust}: the permission bits (07777) after the change. */
    int apply(int oldMode, boolean directory, int umask) {
        int mode = oldMode & ALL;
        for (Step step : steps) {
            int omit = (directory ? SUID | SGID : 0) & ~step.mentioned;
            int value = step.value;
            switch (step.flag) {
                case COPY -> {
                    value &= mode;
                    value |= ((value & 0444) != 0 ? 0444 : 0) | ((value & 0222) != 0 ? 0222 : 0)
                            | ((value & 0111) != 0 ? 0111 : 0);
                }
                case X_IF_ANY_X -> {
                    if ((mode & 0111) != 0 || directory) {
                        value |= 0111;
                    }
                }
                default -> { }
            }
            value &= (step.affected != 0 ? step.affected : ~umask) & ~omit;
            switch (step.op) {
                case '=' -> {
                    int preserved = (step.affected != 0 ? ~step.affected : 0) | omit;
                    mode = (mode & preserved) | value;
                }
                case '+' -> mode |= value;
                default -> mode &= ~value;
            }
        }
        return mode & ALL;
    }

    /** The nine {@code rwxr-xr-x} letters of permission bits, with s/S/t/T, as chmod -v shows them. */
    static String letters(int mode) {
        return FileModes.describe(mode).substring(1);
    }
}
