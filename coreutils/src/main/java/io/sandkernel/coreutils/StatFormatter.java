package io.sandkernel.coreutils;

import io.sandkernel.api.fs.FileType;
import io.sandkernel.api.fs.Stat;
import io.sandkernel.api.fs.StatFs;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.function.Function;

/**
 * The directives of stat's {@code -c}/{@code --printf} formats, with printf's flags, width and
 * precision ({@code %-10s}, {@code %04a}, {@code %.3Y}, {@code %10.10A}): a number is formatted as
 * a number, a name or date as a string, and a time's precision is its fraction digits. File
 * directives: {@code %a %A %b %B %C %d %D %f %F %g %G %h %i %m %n %N %o %s %t %T %u %U %w %W %x
 * %X %y %Y %z %Z %Hd %Ld %Hr %Lr %r %R}; file-system directives ({@code -f}): {@code %a %b %c %d
 * %f %i %l %n %s %S %t %T}.
 */
final class StatFormatter {
    /** What a directive can refer to besides the status: names, owners, quoting, mount points. */
    interface Context {
        String userName(int uid);

        String groupName(int gid);

        String linkTarget(String path);

        String mountPoint(String path);

        Strftime.Zone zone();
    }

    private final Context context;
    private final StringBuilder errors = new StringBuilder();

    StatFormatter(Context context) {
        this.context = context;
    }

    /** Expands {@code format} for a file; {@code quoteNames} decides how {@code %N} quotes. */
    String file(String format, String name, Stat stat, boolean quoteNames) {
        return expand(format, directive -> fileDirective(directive, name, stat, quoteNames));
    }

    /** Expands {@code format} for a file system. */
    String fileSystem(String format, String name, StatFs fs) {
        return expand(format, directive -> fileSystemDirective(directive, name, fs));
    }

    /** Messages the last expansion produced (the security context %C cannot be read), or "". */
    String takeErrors() {
        String text = errors.toString();
        errors.setLength(0);
        return text;
    }

    /** A directive's value: a number (Long or String of digits with sign) or text. */
    private record Value(Object value, boolean numeric, int fractionNanos) {
        static Value text(String text) {
            return new Value(text, false, -1);
        }

        static Value number(long number) {
            return new Value(number, true, -1);
        }

        static Value octal(long number) {
            return new Value(Long.toOctalString(number), true, -2);
        }

        static Value hex(long number) {
            return new Value(Long.toHexString(number), true, -3);
        }

        static Value seconds(Instant time) {
            return new Value(time.getEpochSecond(), true, time.getNano());
        }
    }

    private String expand(String format, Function<String, Value> directives) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            int start = i++;
            while (i < format.length() && "-+ #0'".indexOf(format.charAt(i)) >= 0) {
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
                int precisionStart = ++i;
                while (i < format.length() && Character.isDigit(format.charAt(i))) {
                    i++;
                }
                precision = format.substring(precisionStart, i);
            }
            if (i >= format.length()) {
                out.append(format, start, i);
                break;
            }
            char d = format.charAt(i++);
            if (d == '%') {
                out.append('%');
                continue;
            }
            String key = String.valueOf(d);
            if ((d == 'H' || d == 'L') && i < format.length() && (format.charAt(i) == 'd' || format.charAt(i) == 'r')) {
                key = d + String.valueOf(format.charAt(i++));
            }
            Value value = directives.apply(key);
            out.append(value == null ? "?" : render(value, flags, width, precision));
        }
        return out.toString();
    }

    private static String render(Value value, String flags, String width, String precision) {
        boolean left = flags.indexOf('-') >= 0;
        int size = width.isEmpty() ? 0 : Integer.parseInt(width);
        String body;
        if (!value.numeric) {
            body = (String) value.value;
            if (precision != null) {
                int p = precision.isEmpty() ? 0 : Integer.parseInt(precision);
                body = body.substring(0, Math.min(p, body.length()));
            }
            return pad(body, size, left, ' ');
        }
        String sign = "";
        if (value.value instanceof Long number) {
            body = Long.toString(Math.abs(number));
            if (number < 0) {
                sign = "-";
            } else if (flags.indexOf('+') >= 0) {
                sign = "+";
            }
        } else {
            body = (String) value.value;
            if (value.fractionNanos == -2 && flags.indexOf('#') >= 0 && !body.startsWith("0")) {
                body = "0" + body;
            }
        }
        if (value.fractionNanos >= 0) {
            int digits = precision == null ? 0 : precision.isEmpty() ? 0 : Math.min(9, Integer.parseInt(precision));
            if (digits > 0) {
                body = body + "." + String.format(Locale.ROOT, "%09d", value.fractionNanos).substring(0, digits);
            }
        } else if (precision != null && !precision.isEmpty()) {
            int p = Integer.parseInt(precision);
            if (body.length() < p) {
                body = "0".repeat(p - body.length()) + body;
            }
        }
        boolean zero = flags.indexOf('0') >= 0 && !left && precision == null;
        if (zero && size > sign.length() + body.length()) {
            return sign + "0".repeat(size - sign.length() - body.length()) + body;
        }
        return pad(sign + body, size, left, ' ');
    }

    private static String pad(String text, int size, boolean left, char fill) {
        if (text.length() >= size) {
            return text;
        }
        String padding = String.valueOf(fill).repeat(size - text.length());
        return left ? text + padding : padding + text;
    }

    private Value fileDirective(String key, String name, Stat stat, boolean quoteNames) {
        return switch (key) {
            case "a" -> Value.octal(stat.permissions());
            case "A" -> Value.text(FileModes.describe(stat.mode()));
            case "b" -> Value.number(blocks(stat));
            case "B" -> Value.number(512);
            case "C" -> {
                errors.append("failed to get security context of ").append(Diagnostics.quote(name))
                        .append(": No data available\n");
                yield Value.text("?");
            }
            case "d" -> Value.number(stat.dev());
            case "D" -> Value.hex(stat.dev());
            case "f" -> Value.hex(stat.mode() & 0xFFFFFFFFL);
            case "F" -> Value.text(typeName(stat));
            case "g" -> Value.number(stat.gid());
            case "G" -> Value.text(context.groupName(stat.gid()));
            case "h" -> Value.number(stat.nlink());
            case "i" -> Value.number(stat.ino());
            case "m" -> Value.text(context.mountPoint(name));
            case "n" -> Value.text(name);
            case "N" -> Value.text(quotedName(name, stat, quoteNames));
            case "o" -> Value.number(4096);
            case "s" -> Value.number(stat.size());
            case "t" -> Value.hex(LsCommand.major(stat.rdev()));
            case "T" -> Value.hex(LsCommand.minor(stat.rdev()));
            case "u" -> Value.number(stat.uid());
            case "U" -> Value.text(context.userName(stat.uid()));
            case "w" -> Value.text("-");
            case "W" -> Value.number(0);
            case "x" -> Value.text(date(stat.atime()));
            case "X" -> Value.seconds(stat.atime());
            case "y" -> Value.text(date(stat.mtime()));
            case "Y" -> Value.seconds(stat.mtime());
            case "z" -> Value.text(date(stat.ctime()));
            case "Z" -> Value.seconds(stat.ctime());
            case "Hd" -> Value.number(LsCommand.major(stat.dev()));
            case "Ld" -> Value.number(LsCommand.minor(stat.dev()));
            case "Hr" -> Value.number(LsCommand.major(stat.rdev()));
            case "Lr" -> Value.number(LsCommand.minor(stat.rdev()));
            case "r" -> Value.number(stat.rdev());
            case "R" -> Value.hex(stat.rdev());
            default -> null;
        };
    }

    private Value fileSystemDirective(String key, String name, StatFs fs) {
        return switch (key) {
            case "a", "f" -> Value.number(fs.freeBlocks());
            case "b" -> Value.number(fs.totalBlocks());
            case "c" -> Value.number(fs.totalInodes());
            case "d" -> Value.number(fs.freeInodes());
            case "i" -> Value.hex(0);
            case "l" -> Value.number(255);
            case "n" -> Value.text(name);
            case "s", "S" -> Value.number(fs.blockSize());
            case "t" -> Value.hex(magic(fs.type()));
            case "T" -> Value.text(fs.type());
            default -> null;
        };
    }

    /** st_blocks: what the kernel allocates for data; a short symbolic link lives in its inode. */
    static long blocks(Stat stat) {
        return stat.isSymbolicLink() ? 0 : stat.blocks();
    }

    /** The {@code %F} name of a file's type, as GNU's file_type(). */
    static String typeName(Stat stat) {
        return switch (stat.type()) {
            case REGULAR -> stat.size() == 0 ? "regular empty file" : "regular file";
            case DIRECTORY -> "directory";
            case SYMLINK -> "symbolic link";
            case CHARACTER_DEVICE -> "character special file";
            case BLOCK_DEVICE -> "block special file";
            case FIFO -> "fifo";
            case SOCKET -> "socket";
            default -> "weird file";
        };
    }

    private String quotedName(String name, Stat stat, boolean quote) {
        String shown = quote ? Diagnostics.quote(name) : name;
        if (stat.type() != FileType.SYMLINK) {
            return shown;
        }
        String target = context.linkTarget(name);
        return shown + " -> " + (quote ? Diagnostics.quote(target) : target);
    }

    /** A time as stat shows it: {@code 2024-01-15 10:20:30.123456789 +0000}. */
    String date(Instant time) {
        ZonedDateTime local = time.atZone(context.zone().id());
        return Strftime.format("%Y-%m-%d %H:%M:%S.%N %z", local, context.zone());
    }

    /** The statfs magic number of a file-system type, as {@code %t} prints it. */
    static long magic(String type) {
        return switch (type) {
            case "tmpfs" -> 0x01021994L;
            case "proc" -> 0x9fa0L;
            case "devtmpfs" -> 0x01021994L;
            case "sysfs" -> 0x62656572L;
            case "ext2/ext3", "ext4" -> 0xef53L;
            default -> 0;
        };
    }
}
