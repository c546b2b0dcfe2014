package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.fs.FileType;
import io.sandkernel.api.fs.Stat;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * find's {@code -printf} formats and {@code -ls} lines. Directives: {@code %p %f %h %P %H %d %s
 * %k %b %m %M %u %g %U %G %i %n %l %y %Y %D %t %a %c %Tk %Ak %Ck %%} (with {@code k} a strftime
 * letter, {@code @} or {@code +}), each with {@code -} and a width and precision applied to its
 * text, as findutils does; escapes {@code \n \t \0 \\ \a \b \f \r \v \NNN} and {@code \c} (stop).
 * Times with seconds carry findutils' ten-digit fraction.
 */
final class FindPrintf {
    private static final long SIX_MONTHS = 31_556_952L / 2;

    private final String format;
    private final FindContext context;

    /** Checks the format now, printing findutils' warnings for what it does not know. */
    FindPrintf(String format, FindContext context) {
        this.format = format;
        this.context = context;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '\\' && i + 1 < format.length()) {
                char e = format.charAt(++i);
                if ("ntabfrv0123456789\\c".indexOf(e) < 0) {
                    context.diagnostics.warn("warning: unrecognized escape `\\" + e + "'");
                }
            } else if (c == '%' && i + 1 < format.length()) {
                int j = i + 1;
                while (j < format.length() && "-+ #0.0123456789".indexOf(format.charAt(j)) >= 0) {
                    j++;
                }
                if (j < format.length()) {
                    char d = format.charAt(j);
                    if ("%pfhPHdskbmMugUGinlyYDtacTACSF".indexOf(d) < 0) {
                        context.diagnostics.warn("warning: unrecognized format directive `%" + d + "'");
                    }
                    i = (d == 'T' || d == 'A' || d == 'C') ? j + 1 : j;
                }
            }
        }
    }

    /** The text for {@code file}. */
    String format(FindFile file) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c == '\\' && i + 1 < format.length()) {
                char e = format.charAt(++i);
                i++;
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'a' -> out.append('\u0007');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'r' -> out.append('\r');
                    case 'v' -> out.append('\u000b');
                    case '\\' -> out.append('\\');
                    case 'c' -> {
                        context.flush();
                        return out.toString();
                    }
                    default -> {
                        if (e >= '0' && e <= '7') {
                            int value = e - '0';
                            int digits = 1;
                            while (digits < 3 && i < format.length() && format.charAt(i) >= '0' && format.charAt(i) <= '7') {
                                value = value * 8 + format.charAt(i++) - '0';
                                digits++;
                            }
                            out.append(ByteText.toUnicode(String.valueOf((char) (value & 0xff))));
                        } else {
                            out.append('\\').append(e);
                        }
                    }
                }
                continue;
            }
            if (c != '%' || i + 1 >= format.length()) {
                out.append(c);
                i++;
                continue;
            }
            int start = i++;
            while (i < format.length() && "-+ #0".indexOf(format.charAt(i)) >= 0) {
                i++;
            }
            String flags = format.substring(start + 1, i);
            int widthStart = i;
            while (i < format.length() && Character.isDigit(format.charAt(i))) {
                i++;
            }
            String width = format.substring(widthStart, i);
            String precision = null;
            if (i < format.length() && format.charAt(i) == '.') {
                int p = ++i;
                while (i < format.length() && Character.isDigit(format.charAt(i))) {
                    i++;
                }
                precision = format.substring(p, i);
            }
            if (i >= format.length()) {
                out.append(format, start, i);
                break;
            }
            char d = format.charAt(i++);
            String value;
            if (d == 'T' || d == 'A' || d == 'C') {
                if (i >= format.length()) {
                    out.append(format, start, i);
                    break;
                }
                char k = format.charAt(i++);
                value = time(d == 'T' ? file.stat().mtime() : d == 'A' ? file.stat().atime() : file.stat().ctime(), k);
            } else {
                value = directive(d, file);
            }
            if (value == null) {
                out.append(format, start, i);
                continue;
            }
            out.append(pad(value, flags, width, precision));
        }
        return out.toString();
    }

    private static String pad(String value, String flags, String width, String precision) {
        String text = value;
        if (precision != null) {
            int p = precision.isEmpty() ? 0 : Integer.parseInt(precision);
            text = text.substring(0, Math.min(p, text.length()));
        }
        int size = width.isEmpty() ? 0 : Integer.parseInt(width);
        if (text.length() >= size) {
            return text;
        }
        String fill = " ".repeat(size - text.length());
        return flags.indexOf('-') >= 0 ? text + fill : fill + text;
    }

    private String directive(char d, FindFile f) {
        Stat stat = f.stat();
        return switch (d) {
            case '%' -> "%";
            case 'p' -> f.path;
            case 'f' -> f.printedName();
            case 'h' -> f.directory();
            case 'P' -> f.relative();
            case 'H' -> f.start;
            case 'd' -> Integer.toString(f.depth);
            case 's' -> Long.toString(stat.size());
            case 'k' -> Long.toString((StatFormatter.blocks(stat) + 1) / 2);
            case 'b' -> Long.toString(StatFormatter.blocks(stat));
            case 'm' -> Integer.toOctalString(stat.permissions());
            case 'M' -> FileModes.describe(stat.mode());
            case 'u' -> context.users().userLabel(stat.uid());
            case 'g' -> context.users().groupLabel(stat.gid());
            case 'U' -> Integer.toString(stat.uid());
            case 'G' -> Integer.toString(stat.gid());
            case 'i' -> Long.toString(stat.ino());
            case 'n' -> Integer.toString(stat.nlink());
            case 'D' -> Long.toString(stat.dev());
            case 'l' -> linkTarget(f);
            case 'y' -> String.valueOf(FindPredicates.typeLetter(f.stat().type()));
            case 'Y' -> typeThroughLink(f);
            case 't' -> time(stat.mtime(), '\u0000');
            case 'a' -> time(stat.atime(), '\u0000');
            case 'c' -> time(stat.ctime(), '\u0000');
            case 'S' -> Double.toString(stat.size() == 0 ? 1.0 : Math.min(1.0, StatFormatter.blocks(stat) * 512.0 / stat.size()));
            case 'F' -> "tmpfs";
            default -> null;
        };
    }

    /** The target of a link as the walk saw it: under -L only a dangling link is still a link. */
    private String linkTarget(FindFile f) {
        if (!f.stat().isSymbolicLink()) {
            return "";
        }
        try {
            return context.process.readlink(f.path);
        } catch (KernelException e) {
            return "";
        }
    }

    /** {@code %Y}: the type behind a link, N when it dangles (L when it loops). */
    private String typeThroughLink(FindFile f) {
        if (!f.stat().isSymbolicLink()) {
            return String.valueOf(FindPredicates.typeLetter(f.stat().type()));
        }
        try {
            return String.valueOf(FindPredicates.typeLetter(context.process.stat(f.path).type()));
        } catch (KernelException e) {
            return e.errno() == io.sandkernel.Errno.ELOOP ? "L" : "N";
        }
    }

    /** A time directive: {@code k} a strftime letter, {@code @}, {@code +}, or 0 for the %t form. */
    private String time(Instant time, char k) {
        Strftime.Zone zone = Strftime.zone(context.process.env().get("TZ"));
        ZonedDateTime local = time.atZone(zone.id());
        String fraction = "." + String.format(Locale.ROOT, "%09d", time.getNano()) + "0";
        return switch (k) {
            case '\u0000' -> Strftime.format("%a %b %e %H:%M:%S", local, zone) + fraction
                    + Strftime.format(" %Y", local, zone);
            case '@' -> time.getEpochSecond() + fraction;
            case '+' -> Strftime.format("%Y-%m-%d+%H:%M:%S", local, zone) + fraction;
            case 'S', 'T', 'X' -> Strftime.format("%" + k, local, zone) + fraction;
            default -> {
                String text = Strftime.format("%" + k, local, zone);
                yield text.equals("%" + k) && k != '%' ? null : text;
            }
        };
    }

    /** A {@code -ls} line: inode, 1K blocks, mode, links, owner, group, size, date, name (-> target). */
    static String ls(FindContext context, FindFile f) {
        Stat stat = f.stat();
        UserDatabase users = context.users();
        String size = stat.type() == FileType.CHARACTER_DEVICE || stat.type() == FileType.BLOCK_DEVICE
                ? LsCommand.major(stat.rdev()) + ", " + LsCommand.minor(stat.rdev()) : Long.toString(stat.size());
        Strftime.Zone zone = Strftime.zone(context.process.env().get("TZ"));
        Instant modified = stat.mtime();
        Instant now = Instant.now();
        boolean recent = modified.isAfter(now.minusSeconds(SIX_MONTHS)) && !modified.isAfter(now.plusSeconds(3600));
        String date = Strftime.format(recent ? "%b %e %H:%M" : "%b %e  %Y", modified.atZone(zone.id()), zone);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%9d %6d %s %3d %-8s %-8s %8s %s %s",
                stat.ino(), (StatFormatter.blocks(stat) + 1) / 2, FileModes.describe(stat.mode()), stat.nlink(),
                users.userLabel(stat.uid()), users.groupLabel(stat.gid()), size, date, f.path));
        if (stat.isSymbolicLink()) {
            try {
                line.append(" -> ").append(context.process.readlink(f.path));
            } catch (KernelException e) {
                // unreadable link: shown without its target
            }
        }
        return line.append('\n').toString();
    }
}
