package io.sandkernel.coreutils;

import io.sandkernel.api.Checkpoints;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.FileType;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.Stat;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * find's primaries: the tests ({@code -name -iname -path -ipath -lname -regex -type -xtype
 * -size -empty -mtime -mmin -atime -amin -ctime -cmin -newer -newerXY -perm -user -group -uid
 * -gid -nouser -nogroup -links -inum -samefile -readable -writable -executable -true -false}),
 * the actions ({@code -print -print0 -printf -fprint -fprint0 -fprintf -ls -fls -delete -prune
 * -quit}, and the {@code -exec} family through {@link FindExec}) and the options, each checked
 * at parse time with findutils' messages.
 */
final class FindPredicates {
    private static final long DAY = 86400;

    private final FindContext context;
    private final FindParser.Settings settings;
    private final FindParser parser;

    FindPredicates(FindContext context, FindParser.Settings settings, FindParser parser) {
        this.context = context;
        this.settings = settings;
        this.parser = parser;
    }

    private static FindExpr test(String name, FindExpr.Test test) {
        return new FindExpr.Leaf(name, test, false);
    }

    private static FindExpr action(String name, FindExpr.Test test) {
        return new FindExpr.Leaf(name, test, true);
    }

    private static final FindExpr.Test TRUE = (c, f) -> true;

    FindExpr primary(String name) {
        switch (name) {
            case "-name", "-iname" -> {
                String pattern = parser.argument(name);
                int flags = name.equals("-iname") ? Fnmatch.CASEFOLD : 0;
                return test(name, (c, f) -> Fnmatch.matches(pattern, f.name(), flags));
            }
            case "-path", "-wholename", "-ipath", "-iwholename" -> {
                String pattern = parser.argument(name);
                int flags = name.startsWith("-i") ? Fnmatch.CASEFOLD : 0;
                return test(name, (c, f) -> Fnmatch.matches(pattern, f.path, flags));
            }
            case "-lname", "-ilname" -> {
                String pattern = parser.argument(name);
                int flags = name.equals("-ilname") ? Fnmatch.CASEFOLD : 0;
                return test(name, (c, f) -> {
                    Stat link = f.linkStat(c.process);
                    if (link == null || !link.isSymbolicLink()) {
                        return false;
                    }
                    try {
                        return Fnmatch.matches(pattern, c.process.readlink(f.path), flags);
                    } catch (KernelException e) {
                        return false;
                    }
                });
            }
            case "-regex", "-iregex" -> {
                String text = parser.argument(name);
                Pattern pattern = regex(text, name.equals("-iregex"));
                return test(name, (c, f) -> pattern.matcher(Checkpoints.text(ByteText.fromArg(f.path), c.process)).matches());
            }
            case "-type", "-xtype" -> {
                String types = typeList(parser.argument(name));
                boolean x = name.equals("-xtype");
                return test(name, (c, f) -> {
                    if (!x) {
                        return types.indexOf(typeLetter(f.type())) >= 0;
                    }
                    Stat stat = c.followLinks ? f.linkStat(c.process) : FileOps.statOrNull(c.process, f.path);
                    if (x && stat == null) {
                        stat = f.stat();
                    }
                    return stat != null && types.indexOf(typeLetter(stat.type())) >= 0;
                });
            }
            case "-size" -> {
                return size(parser.argument(name));
            }
            case "-empty" -> {
                return test(name, (c, f) -> {
                    if (f.stat().isRegularFile()) {
                        return f.stat().size() == 0;
                    }
                    if (f.stat().isDirectory()) {
                        try {
                            return c.process.listDirectory(f.path).isEmpty();
                        } catch (KernelException e) {
                            return false;
                        }
                    }
                    return false;
                });
            }
            case "-mtime", "-atime", "-ctime", "-mmin", "-amin", "-cmin" -> {
                String text = parser.argument(name);
                Comparison age = Comparison.parse(text, name, true);
                long window = name.endsWith("min") ? 60 : DAY;
                Function<Stat, Instant> time = timeOf(name.charAt(1));
                return test(name, (c, f) -> {
                    Instant t = time.apply(f.stat());
                    double seconds = (c.now.getEpochSecond() - t.getEpochSecond()) + (c.now.getNano() - t.getNano()) / 1e9;
                    double delta = seconds - age.value * window;
                    return switch (age.sign) {
                        case '+' -> delta > window;
                        case '-' -> delta < 0;
                        default -> delta >= 0 && delta < window;
                    };
                });
            }
            case "-newer", "-anewer", "-cnewer" -> {
                String reference = parser.argument(name);
                Instant mark = referenceStat(reference).mtime();
                Function<Stat, Instant> time = timeOf(name.equals("-newer") ? 'm' : name.charAt(1));
                return test(name, (c, f) -> time.apply(f.stat()).isAfter(mark));
            }
            case "-perm" -> {
                return perm(parser.argument(name));
            }
            case "-user", "-group" -> {
                String who = parser.argument(name);
                boolean user = name.equals("-user");
                int id = owner(who, user);
                return test(name, (c, f) -> (user ? f.stat().uid() : f.stat().gid()) == id);
            }
            case "-uid", "-gid", "-links", "-inum" -> {
                String text = parser.argument(name);
                Comparison n = Comparison.parse(text, name, false);
                return test(name, (c, f) -> n.matches(switch (name) {
                    case "-uid" -> f.stat().uid();
                    case "-gid" -> f.stat().gid();
                    case "-links" -> f.stat().nlink();
                    default -> f.stat().ino();
                }));
            }
            case "-nouser" -> {
                return test(name, (c, f) -> c.users().userName(f.stat().uid()) == null);
            }
            case "-nogroup" -> {
                return test(name, (c, f) -> c.users().groupName(f.stat().gid()) == null);
            }
            case "-samefile" -> {
                Stat target = referenceStat(parser.argument(name));
                return test(name, (c, f) -> FileOps.sameFile(f.stat(), target));
            }
            case "-readable", "-writable", "-executable" -> {
                int mode = name.equals("-readable") ? OpenFlags.R_OK : name.equals("-writable") ? OpenFlags.W_OK : OpenFlags.X_OK;
                return test(name, (c, f) -> {
                    try {
                        c.process.access(f.path, mode);
                        return true;
                    } catch (KernelException e) {
                        return false;
                    }
                });
            }
            case "-true" -> {
                return test(name, TRUE);
            }
            case "-false" -> {
                return test(name, (c, f) -> false);
            }
            case "-prune" -> {
                settings.pruneSeen = true;
                return test(name, (c, f) -> {
                    c.prune = true;
                    return true;
                });
            }
            case "-quit" -> {
                return action(name, (c, f) -> {
                    c.quit = true;
                    return true;
                });
            }
            case "-print", "-print0" -> {
                String end = name.equals("-print") ? "\n" : "\0";
                return action(name, (c, f) -> {
                    c.write(c.out, f.path + end);
                    return true;
                });
            }
            case "-fprint", "-fprint0" -> {
                OutputStream file = open(parser.argument(name));
                String end = name.equals("-fprint") ? "\n" : "\0";
                return action(name, (c, f) -> {
                    c.write(file, f.path + end);
                    return true;
                });
            }
            case "-printf" -> {
                FindPrintf format = new FindPrintf(parser.argument(name), context);
                return action(name, (c, f) -> {
                    c.write(c.out, format.format(f));
                    return true;
                });
            }
            case "-fprintf" -> {
                OutputStream file = open(parser.argument(name));
                FindPrintf format = new FindPrintf(parser.argument(name), context);
                return action(name, (c, f) -> {
                    c.write(file, format.format(f));
                    return true;
                });
            }
            case "-ls", "-fls" -> {
                OutputStream file = name.equals("-fls") ? open(parser.argument(name)) : context.out;
                return action(name, (c, f) -> {
                    c.write(file, FindPrintf.ls(c, f));
                    return true;
                });
            }
            case "-delete" -> {
                settings.depthFirst = true;
                settings.deleteSeen = true;
                return action(name, FindPredicates::delete);
            }
            case "-exec", "-execdir", "-ok", "-okdir" -> {
                return action(name, FindExec.parse(name, parser, context));
            }
            default -> {
                if (name.matches("-newer[aBcm][aBcmt]")) {
                    return newerXY(name);
                }
                return option(name);
            }
        }
    }

    private FindExpr option(String name) {
        switch (name) {
            case "-maxdepth", "-mindepth" -> {
                String text = parser.argument(name);
                if (!text.matches("[0-9]+")) {
                    throw FindParser.error("Expected a positive decimal integer argument to " + name + ", but got "
                            + Diagnostics.quote(text));
                }
                int value = (int) Math.min(Integer.MAX_VALUE, Long.parseLong(text.length() > 12 ? "999999999999" : text));
                if (name.equals("-maxdepth")) {
                    settings.maxDepth = value;
                } else {
                    settings.minDepth = value;
                }
            }
            case "-depth", "-d" -> settings.depthFirst = true;
            case "-xdev", "-mount" -> settings.xdev = true;
            case "-follow" -> context.followLinks = true;
            case "-daystart" -> context.now = LocalDate.now(Strftime.zone(context.process.env().get("TZ")).id())
                    .plusDays(1).atStartOfDay(Strftime.zone(context.process.env().get("TZ")).id()).toInstant();
            case "-regextype" -> {
                String type = parser.argument(name);
                if (!type.matches("findutils-default|ed|emacs|gnu-awk|grep|posix-awk|awk|posix-basic|posix-egrep|egrep"
                        + "|posix-extended|posix-minimal-basic|sed")) {
                    throw FindParser.error("Unknown regular expression type " + Diagnostics.quote(type) + "; valid types are "
                            + "'findutils-default', 'ed', 'emacs', 'gnu-awk', 'grep', 'posix-awk', 'awk', 'posix-basic', "
                            + "'posix-egrep', 'egrep', 'posix-extended', 'posix-minimal-basic', 'sed'.");
                }
                settings.regexType = type;
            }
            case "-noleaf", "-ignore_readdir_race", "-noignore_readdir_race", "-warn", "-nowarn" -> { }
            case "-help", "--help" -> throw UsageException.help();
            case "-version", "--version" -> throw UsageException.version();
            default -> {
                if (name.startsWith("-") && name.length() > 1) {
                    throw FindParser.error("unknown predicate `" + name + "'");
                }
                throw FindParser.error("paths must precede expression: `" + name + "'");
            }
        }
        return test(name, TRUE);
    }

    private static boolean delete(FindContext c, FindFile f) {
        if (f.depth == 0 && FileOps.stripTrailingSlashes(f.path).equals(".")) {
            return true;
        }
        try {
            if (f.linkStat(c.process).isDirectory()) {
                c.process.rmdir(f.path);
            } else {
                c.process.unlink(f.path);
            }
            return true;
        } catch (KernelException e) {
            c.diagnostics.actionError("cannot delete", f.path, e);
            return false;
        }
    }

    private OutputStream open(String file) {
        if (file.equals("/dev/stdout")) {
            return context.out;
        }
        try {
            OutputStream out = BufferedOutput.open(context.process, file, false);
            context.addFile(out);
            return out;
        } catch (KernelException e) {
            throw FindParser.error(Diagnostics.quote(file) + ": " + Diagnostics.describe(e));
        }
    }

    private Stat referenceStat(String file) {
        try {
            return context.followLinks ? context.process.stat(file) : context.process.lstat(file);
        } catch (KernelException e) {
            throw FindParser.error(Diagnostics.quote(file) + ": " + Diagnostics.describe(e));
        }
    }

    private FindExpr newerXY(String name) {
        char x = name.charAt(6);
        char y = name.charAt(7);
        String argument = parser.argument(name);
        if (x == 'B' || y == 'B') {
            throw FindParser.error("This system does not provide a way to find the birth time of a file.");
        }
        Instant mark;
        if (y == 't') {
            try {
                mark = DateInput.parse(argument, context.now, Strftime.zone(context.process.env().get("TZ")).id());
            } catch (IllegalArgumentException e) {
                throw FindParser.error("I cannot figure out how to interpret " + Diagnostics.quote(argument) + " as a date or time");
            }
        } else {
            mark = timeOf(y).apply(referenceStat(argument));
        }
        Function<Stat, Instant> time = timeOf(x);
        return test(name, (c, f) -> time.apply(f.stat()).isAfter(mark));
    }

    private static Function<Stat, Instant> timeOf(char which) {
        return switch (which) {
            case 'a' -> Stat::atime;
            case 'c' -> Stat::ctime;
            default -> Stat::mtime;
        };
    }

    private FindExpr size(String text) {
        String body = text;
        char sign = 0;
        if (!body.isEmpty() && (body.charAt(0) == '+' || body.charAt(0) == '-')) {
            sign = body.charAt(0);
            body = body.substring(1);
        }
        long unit = 512;
        if (!body.isEmpty() && !Character.isDigit(body.charAt(body.length() - 1))) {
            char suffix = body.charAt(body.length() - 1);
            unit = switch (suffix) {
                case 'b' -> 512;
                case 'c' -> 1;
                case 'w' -> 2;
                case 'k' -> 1024;
                case 'M' -> 1024L * 1024;
                case 'G' -> 1024L * 1024 * 1024;
                default -> throw FindParser.error("invalid -size type `" + suffix + "'");
            };
            body = body.substring(0, body.length() - 1);
        }
        if (!body.matches("[0-9]+")) {
            throw FindParser.error("invalid argument `" + text + "' to `-size'");
        }
        long n = Long.parseLong(body);
        long size = unit;
        char comparison = sign;
        return test("-size", (c, f) -> {
            long units = (f.stat().size() + size - 1) / size;
            return switch (comparison) {
                case '+' -> units > n;
                case '-' -> units < n;
                default -> units == n;
            };
        });
    }

    private FindExpr perm(String text) {
        char kind = text.startsWith("-") ? '-' : text.startsWith("/") ? '/' : '=';
        String modeText = kind == '=' ? text : text.substring(1);
        ModeChange change = ModeChange.compile(modeText);
        if (change == null) {
            throw FindParser.error("invalid mode " + Diagnostics.quote(text));
        }
        int mode = change.apply(0, false, 0);
        return test("-perm", (c, f) -> {
            int bits = f.stat().permissions();
            return switch (kind) {
                case '-' -> (bits & mode) == mode;
                case '/' -> mode == 0 || (bits & mode) != 0;
                default -> bits == mode;
            };
        });
    }

    private int owner(String who, boolean user) {
        UserDatabase users = context.users();
        if (user) {
            int[] account = users.user(who);
            if (account != null) {
                return account[0];
            }
        } else {
            Integer id = users.groupId(who);
            if (id != null) {
                return id;
            }
        }
        if (who.matches("[0-9]+") && who.length() < 10) {
            return Integer.parseInt(who);
        }
        throw FindParser.error(Diagnostics.quote(who) + (user ? " is not the name of a known user"
                : " is not the name of an existing group"));
    }

    private static String typeList(String text) {
        StringBuilder types = new StringBuilder();
        String[] parts = text.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty()) {
                if (i == parts.length - 1 && i > 0) {
                    throw FindParser.error("Last file type in list argument to -type is missing, i.e., list is ending on: ','");
                }
                throw FindParser.error("Unknown argument to -type: " + text);
            }
            if (part.length() > 1) {
                throw FindParser.error("Must separate multiple arguments to -type using: ','");
            }
            char c = part.charAt(0);
            if ("bcdpflsD".indexOf(c) < 0) {
                throw FindParser.error("Unknown argument to -type: " + c);
            }
            if (types.indexOf(part) >= 0) {
                throw FindParser.error("Duplicate file type '" + c + "' in the argument list to -type.");
            }
            types.append(c);
        }
        return types.toString();
    }

    /** find's -type letter of a file type. */
    static char typeLetter(FileType type) {
        return switch (type) {
            case REGULAR -> 'f';
            case DIRECTORY -> 'd';
            case SYMLINK -> 'l';
            case CHARACTER_DEVICE -> 'c';
            case BLOCK_DEVICE -> 'b';
            case FIFO -> 'p';
            case SOCKET -> 's';
            default -> 'U';
        };
    }

    private Pattern regex(String text, boolean ignoreCase) {
        String type = settings.regexType;
        boolean extended = type.matches("posix-extended|posix-egrep|egrep|awk|posix-awk|gnu-awk|emacs|findutils-default");
        String source = ByteText.fromArg(type.equals("emacs") || type.equals("findutils-default") ? emacsToExtended(text) : text);
        try {
            return PosixRegex.compile(source, extended, false, ignoreCase, false, true, warning -> { });
        } catch (UsageException e) {
            throw FindParser.error("failed to compile regular expression " + Diagnostics.quote(text) + ": " + e.getMessage());
        }
    }

    /** Emacs syntax, find's default, as ERE: {@code \( \| \)} group, bare {@code ( | ) { }} are literal. */
    static String emacsToExtended(String emacs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < emacs.length(); i++) {
            char c = emacs.charAt(i);
            if (c == '\\' && i + 1 < emacs.length()) {
                char next = emacs.charAt(++i);
                switch (next) {
                    case '(', ')', '|' -> out.append(next);
                    case '{', '}' -> out.append('\\').append(next);
                    default -> out.append('\\').append(next);
                }
            } else if (c == '(' || c == ')' || c == '|' || c == '{' || c == '}') {
                out.append('\\').append(c);
            } else if (c == '[') {
                int end = i + 1;
                if (end < emacs.length() && emacs.charAt(end) == '^') {
                    end++;
                }
                if (end < emacs.length() && emacs.charAt(end) == ']') {
                    end++;
                }
                while (end < emacs.length() && emacs.charAt(end) != ']') {
                    end++;
                }
                int stop = Math.min(end + 1, emacs.length());
                out.append(emacs, i, stop);
                i = stop - 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A numeric argument with an optional sign: {@code +N} more than, {@code -N} less than, {@code N} exactly. */
    record Comparison(char sign, double value) {
        static Comparison parse(String text, String predicate, boolean fractions) {
            char sign = 0;
            String body = text;
            if (!body.isEmpty() && (body.charAt(0) == '+' || body.charAt(0) == '-')) {
                sign = body.charAt(0);
                body = body.substring(1);
            }
            String pattern = fractions ? "[0-9]+(\\.[0-9]*)?|\\.[0-9]+" : "[0-9]+";
            if (!body.matches(pattern)) {
                throw FindParser.error("invalid argument `" + text + "' to `" + predicate + "'");
            }
            return new Comparison(sign, Double.parseDouble(body));
        }

        boolean matches(long actual) {
            return switch (sign) {
                case '+' -> actual > value;
                case '-' -> actual < value;
                default -> actual == value;
            };
        }
    }
}
