package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * ls [-aAdFhlprRStU1] [FILE]...: lists directory contents one per line (standard output is never
 * a terminal here), long format with {@code -l}, recursively with {@code -R}; names in C-locale
 * order unless sorted by time ({@code -t}) or size ({@code -S}). Exit 2 when an operand is missing.
 */
final class LsCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("aAdFhlnprRStU1C",
            "all:a", "almost-all:A", "directory:d", "classify:F", "human-readable:h", "numeric-uid-gid:n",
            "recursive:R", "reverse:r", "color?:\u0001");
    private static final DateTimeFormatter RECENT = DateTimeFormatter.ofPattern("MMM ppd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter OLD = DateTimeFormatter.ofPattern("MMM ppd  yyyy", Locale.ROOT);

    /** A listed entry: the name shown and the path it stands for. */
    private record Entry(String name, Path path, BasicFileAttributes attributes) {}

    private ProcessApi process;
    private Options options;
    private Diagnostics diagnostics;
    private OutputStream out;
    private UserDatabase users;
    private boolean firstBlock = true;
    private int status;

    @Override
    public int run(ProcessApi process) throws Exception {
        this.process = process;
        this.options = PARSER.parse(process.args());
        this.diagnostics = new Diagnostics(process, "ls");
        this.out = ByteText.stdout(process);
        List<String> operands = options.operands().isEmpty() ? List.of(".") : options.operands();
        List<Entry> files = new ArrayList<>();
        List<Entry> directories = new ArrayList<>();
        for (String operand : operands) {
            Path path = process.resolve(operand);
            BasicFileAttributes attributes;
            try {
                attributes = options.has('l') || options.has('d')
                        ? Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                        : Files.readAttributes(path, BasicFileAttributes.class);
            } catch (IOException e) {
                try {
                    attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException dangling) {
                    diagnostics.actionError("cannot access", operand, e);
                    status = 2;
                    continue;
                }
            }
            Entry entry = new Entry(operand, path, attributes);
            (attributes.isDirectory() && !options.has('d') ? directories : files).add(entry);
        }
        sort(files);
        sort(directories);
        if (!files.isEmpty()) {
            printBlock(files, false);
            firstBlock = false;
        }
        boolean headers = operands.size() > 1 || options.has('R');
        for (Entry directory : directories) {
            listDirectory(directory.name, directory.path, headers);
        }
        out.flush();
        return status != 0 ? status : diagnostics.failed() ? 1 : 0;
    }

    private void listDirectory(String shown, Path path, boolean header) throws IOException {
        if (header) {
            ByteText.writeUtf8(out, (firstBlock ? "" : "\n") + shown + ":\n");
        }
        firstBlock = false;
        List<Entry> entries = new ArrayList<>();
        boolean all = options.has('a');
        boolean almostAll = options.has('A');
        if (all) {
            entries.add(entry(".", path));
            entries.add(entry("..", path.resolve("..").normalize()));
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(path)) {
            for (Path child : stream) {
                String name = child.getFileName().toString();
                if (!name.startsWith(".") || all || almostAll) {
                    entries.add(entry(name, child));
                }
            }
        } catch (IOException | RuntimeException e) {
            diagnostics.actionError("cannot open directory", shown, e);
            status = 2;
            return;
        }
        sort(entries);
        printBlock(entries, true);
        if (options.has('R')) {
            for (Entry entry : entries) {
                if (entry.attributes != null && entry.attributes.isDirectory() && !entry.attributes.isSymbolicLink()
                        && !entry.name.equals(".") && !entry.name.equals("..")) {
                    listDirectory(shown.endsWith("/") ? shown + entry.name : shown + "/" + entry.name, entry.path, true);
                }
            }
        }
    }

    private static Entry entry(String name, Path path) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            attributes = null;
        }
        return new Entry(name, path, attributes);
    }

    private void sort(List<Entry> entries) {
        if (options.has('U')) {
            return;
        }
        Comparator<Entry> byName = Comparator.comparing(e -> ByteText.fromArg(e.name));
        Comparator<Entry> order = byName;
        if (options.has('t')) {
            order = Comparator.<Entry, Instant>comparing(e -> e.attributes == null ? Instant.EPOCH
                    : e.attributes.lastModifiedTime().toInstant()).reversed().thenComparing(byName);
        } else if (options.has('S')) {
            order = Comparator.<Entry>comparingLong(e -> e.attributes == null ? 0 : e.attributes.size()).reversed()
                    .thenComparing(byName);
        }
        entries.sort(options.has('r') ? order.reversed() : order);
    }

    private void printBlock(List<Entry> entries, boolean total) throws IOException {
        if (!(options.has('l') || options.has('n'))) {
            for (Entry entry : entries) {
                ByteText.writeUtf8(out, entry.name + suffix(entry) + "\n");
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
            blocks += entry.attributes == null ? 0 : (entry.attributes.size() + 4095) / 4096 * 4;
        }
        if (total) {
            ByteText.writeUtf8(out, "total " + (options.has('h') ? human(blocks * 1024) : Long.toString(blocks)) + "\n");
        }
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            String line = row[0] + " " + pad(row[1], widths[1], true) + " " + pad(row[2], widths[2], false) + " "
                    + pad(row[3], widths[3], false) + " " + pad(row[4], widths[4], true) + " " + row[5] + " "
                    + entries.get(r).name + suffix(entries.get(r)) + row[6];
            ByteText.writeUtf8(out, line + "\n");
        }
    }

    private static String pad(String text, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - text.length()));
        return right ? fill + text : text + fill;
    }

    /** mode, links, owner, group, size, date, link target suffix. */
    private String[] longRow(Entry entry) {
        Path path = entry.path;
        BasicFileAttributes attributes = entry.attributes;
        String links = "1";
        try {
            links = String.valueOf(Files.getAttribute(path, "unix:nlink", LinkOption.NOFOLLOW_LINKS));
        } catch (IOException | RuntimeException e) {
            // no link counts on this filesystem
        }
        int uid = process.identity().uid();
        int gid = process.identity().gid();
        boolean numeric = options.has('n');
        String owner = numeric ? Integer.toString(uid) : users.userLabel(uid);
        String group = numeric ? Integer.toString(gid) : users.groupLabel(gid);
        long size = attributes == null ? 0 : attributes.size();
        String target = "";
        if (attributes != null && attributes.isSymbolicLink()) {
            try {
                target = " -> " + Files.readSymbolicLink(path);
            } catch (IOException e) {
                target = " -> ?";
            }
        }
        Instant modified = attributes == null ? Instant.EPOCH : attributes.lastModifiedTime().toInstant();
        return new String[] {FileModes.describe(path), links, owner, group,
                options.has('h') ? human(size) : Long.toString(size), date(modified), target};
    }

    private String date(Instant modified) {
        ZoneId zone;
        try {
            String tz = process.env().get("TZ");
            zone = tz == null || tz.isEmpty() ? ZoneOffset.UTC : ZoneId.of(tz);
        } catch (RuntimeException e) {
            zone = ZoneOffset.UTC;
        }
        ZonedDateTime time = modified.atZone(zone);
        Instant now = Instant.now();
        boolean recent = modified.isAfter(now.minusSeconds(182L * 24 * 3600)) && !modified.isAfter(now.plusSeconds(3600));
        return (recent ? RECENT : OLD).format(time);
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

    private String suffix(Entry entry) {
        BasicFileAttributes attributes = entry.attributes;
        if (attributes == null) {
            return "";
        }
        if (options.has('F') || options.has('p')) {
            if (attributes.isDirectory()) {
                return "/";
            }
        }
        if (options.has('F')) {
            if (attributes.isSymbolicLink()) {
                return "@";
            }
            if (attributes.isRegularFile() && (FileModes.mode(entry.path, 0) & 0111) != 0) {
                return "*";
            }
        }
        return "";
    }
}
