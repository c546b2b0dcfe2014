package io.sandkernel.coreutils;

import io.sandkernel.api.Checkpoints;
import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.DirEntry;
import io.sandkernel.api.fs.Stat;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * tree [-adfFilpsx] [-L LEVEL] [-I PATTERN] [-P PATTERN] [--dirsfirst] [--noreport] [DIR]...:
 * directory trees in tree 2.1's format: {@code |-- } and {@code `-- } branches (box-drawing
 * characters in a UTF-8 locale), names in byte order, symbolic links as {@code name -> target}
 * (followed only with {@code -l}), and the "N directories, M files" report, in which a root is
 * counted only when it has entries, as tree counts it.
 */
final class TreeCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("adfFiI:lL:pP:sx",
            "noreport:\u0001", "dirsfirst:\u0002", "filelimit=:\u0003", "charset=:\u0004", "matchdirs:\u0005");

    private ProcessApi process;
    private Options options;
    private OutputStream out;
    private String branch;
    private String last;
    private String pipe;
    private String blank;
    private long maxLevel = Long.MAX_VALUE;
    private long directories;
    private long files;

    @Override
    public int run(ProcessApi process) throws Exception {
        this.options = PARSER.parse(process.args());
        this.process = process;
        this.out = ByteText.stdout(process);
        if (options.has('L')) {
            String level = options.value('L', "");
            long parsed = Sizes.parse(level, "");
            if (parsed <= 0) {
                process.stderr().print("tree: Invalid level, must be greater than 0.\n");
                process.stderr().flush();
                return 1;
            }
            maxLevel = parsed;
        }
        boolean utf8 = options.has('\u0004') ? options.value('\u0004', "").toLowerCase(Locale.ROOT).contains("utf")
                : Locales.isUtf8(process);
        branch = utf8 ? "\u251c\u2500\u2500 " : "|-- ";
        last = utf8 ? "\u2514\u2500\u2500 " : "`-- ";
        pipe = utf8 ? "\u2502\u00a0\u00a0 " : "|   ";
        blank = "    ";
        List<String> roots = options.operands().isEmpty() ? List.of(".") : options.operands();
        int status = 0;
        for (String root : roots) {
            Stat stat = FileOps.statOrNull(process, root);
            if (stat == null || !stat.isDirectory()) {
                ByteText.writeUtf8(out, root + "  [error opening dir]\n");
                if (stat == null) {
                    status = 2;
                } else {
                    files++;
                }
                continue;
            }
            ByteText.writeUtf8(out, attributes(root, stat, false) + escape(root) + (options.has('F') ? "/" : "") + "\n");
            long before = directories + files;
            list(root, "", 1, stat.dev());
            if (directories + files > before) {
                directories++;
            }
        }
        if (!options.has('\u0001')) {
            String dirWord = directories == 1 ? "directory" : "directories";
            String report = options.has('d') ? directories + " " + dirWord
                    : directories + " " + dirWord + ", " + files + " " + (files == 1 ? "file" : "files");
            ByteText.writeUtf8(out, "\n" + report + "\n");
        }
        out.flush();
        return status;
    }

    /** A listed entry: its name, path, status through links, and whether it is a link. */
    private record Entry(String name, String path, Stat stat, boolean link) {
        boolean isDirectory() {
            return stat != null && stat.isDirectory();
        }
    }

    private void list(String directory, String indent, int level, long device) throws IOException {
        List<DirEntry> children;
        try {
            children = process.listDirectory(directory);
        } catch (KernelException e) {
            return;
        }
        List<Entry> entries = new ArrayList<>();
        for (DirEntry child : children) {
            String name = child.name();
            if (name.startsWith(".") && !options.has('a')) {
                continue;
            }
            String path = FileOps.join(directory, name);
            Stat link = FileOps.lstatOrNull(process, path);
            Stat stat = link != null && link.isSymbolicLink() ? FileOps.statOrNull(process, path) : link;
            Entry entry = new Entry(name, path, stat, link != null && link.isSymbolicLink());
            if (!shown(entry)) {
                continue;
            }
            entries.add(entry);
        }
        Comparator<Entry> order = Comparator.comparing(e -> ByteText.fromArg(e.name));
        if (options.has('\u0002')) {
            order = Comparator.<Entry, Boolean>comparing(e -> !e.isDirectory()).thenComparing(order);
        }
        entries.sort(order);
        for (int i = 0; i < entries.size(); i++) {
            Checkpoints.poll(process);
            Entry entry = entries.get(i);
            boolean lastEntry = i == entries.size() - 1;
            String prefix = options.has('i') ? "" : indent + (lastEntry ? last : branch);
            StringBuilder line = new StringBuilder(prefix);
            line.append(attributes(entry.path, entry.link ? FileOps.lstatOrNull(process, entry.path) : entry.stat,
                    entry.link));
            line.append(escape(options.has('f') ? entry.path : entry.name));
            boolean recursive = false;
            if (entry.link) {
                String target;
                try {
                    target = process.readlink(entry.path);
                } catch (KernelException e) {
                    target = "";
                }
                line.append(" -> ").append(escape(target)).append(classify(entry));
                if (options.has('l') && entry.isDirectory() && FileOps.isInside(process, directory, entry.stat)) {
                    line.append("  [recursive, not followed]");
                    recursive = true;
                }
            } else {
                line.append(classify(entry));
            }
            ByteText.writeUtf8(out, line.append('\n').toString());
            if (entry.isDirectory()) {
                directories++;
                boolean descend = !entry.link || (options.has('l') && !recursive);
                if (descend && level < maxLevel && !(options.has('x') && entry.stat.dev() != device)) {
                    list(entry.path, options.has('i') ? "" : indent + (lastEntry ? blank : pipe), level + 1, device);
                }
            } else {
                files++;
            }
        }
    }

    /** The {@code [mode size]  } prefix of -p and -s. */
    private String attributes(String path, Stat stat, boolean link) {
        if (!options.has('p') && !options.has('s')) {
            return "";
        }
        StringBuilder text = new StringBuilder("[");
        if (options.has('p')) {
            text.append(link ? "lrwxrwxrwx" : FileModes.describe(stat == null ? 0 : stat.mode()));
        }
        if (options.has('s')) {
            text.append(options.has('p') ? " " : "").append(String.format(Locale.ROOT, "%11d", stat == null ? 0 : stat.size()));
        }
        return text.append("]  ").toString();
    }

    /**
     * A name as tree prints it: blanks and backslashes escaped, control characters (and, outside
     * a UTF-8 locale, every non-ASCII byte) as octal escapes.
     */
    private String escape(String name) {
        boolean utf8 = Locales.isUtf8(process);
        StringBuilder text = new StringBuilder();
        byte[] bytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xff;
            if (b >= 0x80 && utf8) {
                int start = i++;
                while (i < bytes.length && (bytes[i] & 0xc0) == 0x80) {
                    i++;
                }
                text.append(new String(bytes, start, i - start, java.nio.charset.StandardCharsets.UTF_8));
                continue;
            }
            switch (b) {
                case ' ' -> text.append("\\ ");
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                default -> {
                    if (b < 32 || b >= 127) {
                        text.append(String.format(Locale.ROOT, "\\%03o", b));
                    } else {
                        text.append((char) b);
                    }
                }
            }
            i++;
        }
        return text.toString();
    }

    private boolean shown(Entry entry) {
        if (options.has('d') && !entry.isDirectory()) {
            return false;
        }
        for (String pattern : options.values('I')) {
            if (matches(pattern, entry.name)) {
                return false;
            }
        }
        List<String> only = options.values('P');
        if (!only.isEmpty() && (!entry.isDirectory() || entry.link) && !(entry.isDirectory() && !entry.link)) {
            boolean any = false;
            for (String pattern : only) {
                any |= matches(pattern, entry.name);
            }
            return any;
        }
        return true;
    }

    /** tree's patterns: fnmatch wildcards, with {@code |} separating alternatives. */
    private static boolean matches(String pattern, String name) {
        for (String alternative : pattern.split("\\|", -1)) {
            if (Fnmatch.matches(alternative, name, 0)) {
                return true;
            }
        }
        return false;
    }

    private String classify(Entry entry) {
        if (!options.has('F') || entry.stat == null) {
            return "";
        }
        if (entry.stat.isDirectory()) {
            return "/";
        }
        return switch (entry.stat.type()) {
            case FIFO -> "|";
            case SOCKET -> "=";
            default -> (entry.stat.mode() & 0111) != 0 && !entry.link ? "*" : "";
        };
    }
}
