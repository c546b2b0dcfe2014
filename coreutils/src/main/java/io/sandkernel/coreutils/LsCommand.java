package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.DirEntry;
import io.sandkernel.api.fs.FileType;
import io.sandkernel.api.fs.Stat;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * ls [-aAdFhilLnprRStU1] [FILE]...: lists directory contents one per line (standard output is
 * never a terminal here), long format with {@code -l} (type and mode letters, links, owner and
 * group names from /etc/passwd and /etc/group, size or device numbers, modification time, link
 * targets), inode numbers with {@code -i}, recursively with {@code -R}; names in C-locale order
 * unless sorted by time ({@code -t}) or size ({@code -S}). Everything comes from {@code lstat}
 * and {@code readdir}. Exits 2 when an operand cannot be listed, 1 for a problem below it.
 */
final class LsCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("aAdFhilLnprRStU1C",
            "all:a", "almost-all:A", "directory:d", "classify:F", "human-readable:h", "inode:i",
            "dereference:L", "numeric-uid-gid:n", "recursive:R", "reverse:r", "color?:\u0001");
    private static final DateTimeFormatter RECENT = DateTimeFormatter.ofPattern("MMM ppd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter OLD = DateTimeFormatter.ofPattern("MMM ppd  yyyy", Locale.ROOT);
    private static final long SIX_MONTHS_SECONDS = 31_556_952L / 2;

    /**
     * A listed entry: the name shown, the path it is reached by, its status (null when it could
     * not be read) and what the directory said of its type and inode.
     */
    private record Entry(String name, String path, Stat stat, FileType type, long ino) {
        boolean isDirectory() {
            return stat != null ? stat.isDirectory() : type == FileType.DIRECTORY;
        }
    }

    private ProcessApi process;
    private Options options;
    private Diagnostics diagnostics;
    private OutputStream out;
    private UserDatabase users;
    private boolean longFormat;
    private boolean firstBlock = true;
    private int status;

    @Override
    public int run(ProcessApi process) throws Exception {
        this.process = process;
        this.options = PARSER.parse(process.args());
        this.diagnostics = new Diagnostics(process, "ls");
        this.out = ByteText.stdout(process);
        this.longFormat = options.has('l') || options.has('n');
        List<String> operands = options.operands().isEmpty() ? List.of(".") : options.operands();
        List<Entry> files = new ArrayList<>();
        List<Entry> directories = new ArrayList<>();
        for (String operand : operands) {
            Entry entry = operand(operand);
            if (entry != null) {
                (entry.isDirectory() && !options.has('d') ? directories : files).add(entry);
            }
        }
        sort(files);
        sort(directories);
        if (!files.isEmpty()) {
            printBlock(files, false);
            firstBlock = false;
        }
        boolean headers = operands.size() > 1 || options.has('R');
        for (Entry directory : directories) {
            listDirectory(directory.name, directory.path, headers, true);
        }
        out.flush();
        return status != 0 ? status : diagnostics.failed() ? 1 : 0;
    }

    /**
     * A command-line operand: its link is followed unless the long format or {@code -d} shows
     * links themselves (and a dangling link is shown as a link); null when it does not exist.
     */
    private Entry operand(String operand) {
        boolean follow = options.has('L') || !(longFormat || options.has('d') || options.has('F'));
        try {
            Stat stat = follow ? process.stat(operand) : process.lstat(operand);
            return new Entry(operand, operand, stat, stat.type(), stat.ino());
        } catch (KernelException e) {
            Stat link = follow && e.errno() == Errno.ENOENT ? FileOps.lstatOrNull(process, operand) : null;
            if (link != null) {
                return new Entry(operand, operand, link, link.type(), link.ino());
            }
            diagnostics.actionError("cannot access", operand, e);
            status = 2;
            return null;
        }
    }

    private void listDirectory(String shown, String path, boolean header, boolean commandLine) throws IOException {
        List<DirEntry> children;
        try {
            children = process.listDirectory(path);
        } catch (KernelException e) {
            diagnostics.actionError("cannot open directory", shown, e);
            if (commandLine) {
                status = 2;
            }
            return;
        }
        if (header) {
            ByteText.writeUtf8(out, (firstBlock ? "" : "\n") + shown + ":\n");
        }
        firstBlock = false;
        List<Entry> entries = new ArrayList<>();
        boolean all = options.has('a');
        if (all) {
            entries.add(child(".", path, null));
            entries.add(child("..", FileOps.join(path, ".."), null));
        }
        for (DirEntry child : children) {
            if (!child.name().startsWith(".") || all || options.has('A')) {
                entries.add(child(child.name(), FileOps.join(path, child.name()), child));
            }
        }
        sort(entries);
        printBlock(entries, true);
        if (options.has('R')) {
            for (Entry entry : entries) {
                boolean realDirectory = entry.stat != null && !options.has('L')
                        ? entry.stat.isDirectory() : entry.isDirectory();
                if (realDirectory && !entry.name.equals(".") && !entry.name.equals("..")) {
                    listDirectory(FileOps.join(shown, entry.name), entry.path, true, false);
                }
            }
        }
    }

    /** An entry of a directory; its status is read now, and a failure reported where it is needed. */
    private Entry child(String name, String path, DirEntry dirEntry) {
        Stat stat = null;
        try {
            stat = options.has('L') ? statOrLink(path) : process.lstat(path);
        } catch (KernelException e) {
            if (needsStatus()) {
                diagnostics.actionError("cannot access", path, e);
            }
        }
        FileType type = stat != null ? stat.type() : dirEntry != null ? dirEntry.type() : FileType.UNKNOWN;
        long ino = dirEntry != null ? dirEntry.ino() : stat != null ? stat.ino() : 0;
        return new Entry(name, path, stat, type, ino);
    }

    private Stat statOrLink(String path) {
        try {
            return process.stat(path);
        } catch (KernelException e) {
            return process.lstat(path);
        }
    }

    private boolean needsStatus() {
        return longFormat || options.has('t') || options.has('S') || options.has('F');
    }

    private void sort(List<Entry> entries) {
        if (options.has('U')) {
            return;
        }
        Comparator<Entry> byName = Comparator.comparing(e -> ByteText.fromArg(e.name));
        Comparator<Entry> order = byName;
        if (options.has('t')) {
            order = Comparator.<Entry, Instant>comparing(e -> e.stat == null ? Instant.EPOCH : e.stat.mtime())
                    .reversed().thenComparing(byName);
        } else if (options.has('S')) {
            order = Comparator.<Entry>comparingLong(e -> e.stat == null ? 0 : e.stat.size()).reversed()
                    .thenComparing(byName);
        }
        entries.sort(options.has('r') ? order.reversed() : order);
    }

    private void printBlock(List<Entry> entries, boolean total) throws IOException {
        int inodeWidth = 0;
        if (options.has('i')) {
            for (Entry entry : entries) {
                inodeWidth = Math.max(inodeWidth, inode(entry).length());
            }
        }
        if (!longFormat) {
            for (Entry entry : entries) {
                String inode = options.has('i') ? pad(inode(entry), inodeWidth, true) + " " : "";
                ByteText.writeUtf8(out, inode + entry.name + suffix(entry.stat, entry.type) + "\n");
            }
            return;
        }
        if (users == null) {
            users = new UserDatabase(process);
        }
        List<String[]> rows = new ArrayList<>();
        long blocks = 0;
        int[] widths = new int[5];
        for (Entry entry : entries) {
            String[] row = longRow(entry);
            rows.add(row);
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
            blocks += entry.stat == null ? 0 : entry.stat.blocks() / 2;
        }
        if (total) {
            ByteText.writeUtf8(out, "total " + (options.has('h') ? human(blocks * 1024) : Long.toString(blocks)) + "\n");
        }
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            Entry entry = entries.get(r);
            String inode = options.has('i') ? pad(inode(entry), inodeWidth, true) + " " : "";
            String line = inode + row[0] + " " + pad(row[1], widths[1], true) + " " + pad(row[2], widths[2], false)
                    + " " + pad(row[3], widths[3], false) + " " + pad(row[4], widths[4], true) + " " + row[5] + " "
                    + entry.name + row[6];
            ByteText.writeUtf8(out, line + "\n");
        }
    }

    private static String inode(Entry entry) {
        return entry.stat != null ? Long.toString(entry.stat.ino()) : entry.ino != 0 ? Long.toString(entry.ino) : "?";
    }

    private static String pad(String text, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - text.length()));
        return right ? fill + text : text + fill;
    }

    /** mode, links, owner, group, size, date, name suffix (classification, link target). */
    private String[] longRow(Entry entry) {
        Stat stat = entry.stat;
        if (stat == null) {
            return new String[] {FileModes.typeLetter(entry.type) + "?????????", "?", "?", "?", "?",
                    "           ?", ""};
        }
        boolean numeric = options.has('n');
        String owner = numeric ? Integer.toString(stat.uid()) : users.userLabel(stat.uid());
        String group = numeric ? Integer.toString(stat.gid()) : users.groupLabel(stat.gid());
        String size;
        if (stat.type() == FileType.CHARACTER_DEVICE || stat.type() == FileType.BLOCK_DEVICE) {
            size = major(stat.rdev()) + ", " + minor(stat.rdev());
        } else {
            size = options.has('h') ? human(stat.size()) : Long.toString(stat.size());
        }
        String trailer = "";
        if (stat.isSymbolicLink()) {
            trailer = " -> " + target(entry.path);
            if (options.has('F')) {
                Stat pointed = FileOps.statOrNull(process, entry.path);
                trailer += pointed == null ? "" : suffix(pointed, pointed.type());
            }
        } else {
            trailer = suffix(stat, stat.type());
        }
        return new String[] {FileModes.describe(stat.mode()), Integer.toString(stat.nlink()), owner, group, size,
                date(stat.mtime()), trailer};
    }

    private String target(String path) {
        try {
            return process.readlink(path);
        } catch (KernelException e) {
            diagnostics.actionError("cannot read symbolic link", path, e);
            return "";
        }
    }

    /** Linux's major number of a device id (glibc's gnu_dev_major). */
    static long major(long rdev) {
        return ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL);
    }

    /** Linux's minor number of a device id (glibc's gnu_dev_minor). */
    static long minor(long rdev) {
        return (rdev & 0xff) | ((rdev >>> 12) & ~0xffL);
    }

    private String date(Instant modified) {
        ZoneId zone;
        try {
            String tz = process.env().get("TZ");
            zone = tz == null || tz.isEmpty() ? ZoneOffset.UTC : ZoneId.of(tz);
        } catch (RuntimeException e) {
            zone = ZoneOffset.UTC;
        }
        Instant now = Instant.now();
        boolean recent = modified.isAfter(now.minusSeconds(SIX_MONTHS_SECONDS))
                && !modified.isAfter(now.plusSeconds(3600));
        return (recent ? RECENT : OLD).format(modified.atZone(zone));
    }

    /** GNU -h sizes: 1023, 1.0K, 9.9K, 10K, 1.5M. */
    static String human(long size) {
        if (size < 1024) {
            return Long.toString(size);
        }
        double value = size;
        int unit = -1;
        while (value >= 1024 && unit < 7) {
            value /= 1024;
            unit++;
        }
        String suffix = String.valueOf("KMGTPEZY".charAt(unit));
        if (value < 10) {
            double rounded = Math.ceil(value * 10) / 10;
            if (rounded < 10) {
                return String.format(Locale.ROOT, "%.1f%s", rounded, suffix);
            }
        }
        return (long) Math.ceil(value) + suffix;
    }

    /** The -F / -p indicator: {@code / @ | = *}. */
    private String suffix(Stat stat, FileType type) {
        boolean classify = options.has('F');
        if (!classify && !options.has('p')) {
            return "";
        }
        if (type == FileType.DIRECTORY) {
            return "/";
        }
        if (!classify || (longFormat && type == FileType.SYMLINK)) {
            return "";
        }
        return switch (type) {
            case SYMLINK -> "@";
            case FIFO -> "|";
            case SOCKET -> "=";
            case REGULAR -> stat != null && (stat.mode() & 0111) != 0 ? "*" : "";
            default -> "";
        };
    }
}
