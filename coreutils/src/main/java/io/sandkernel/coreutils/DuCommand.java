package io.sandkernel.coreutils;

import io.sandkernel.api.Checkpoints;
import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.DirEntry;
import io.sandkernel.api.fs.Stat;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * du [-abcDhHklLmsSx0] [-B SIZE] [-d N] [--apparent-size] [--si] [--exclude=PATTERN] [FILE]...:
 * disk usage of each file and, recursively, each directory, from {@code lstat}'s block counts
 * (or sizes with {@code --apparent-size}/{@code -b}), in 1024-byte units rounded up, after the
 * directory's entries. A file with several links, or a directory named twice, is counted once
 * unless {@code -l}; entries come in name order.
 */
final class DuCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("0abB:cd:DhHklLmsSx",
            "null:0", "all:a", "apparent-size:\u0001", "block-size:B", "bytes:b", "total:c", "max-depth:d",
            "dereference-args:D", "human-readable:h", "si:\u0002", "kilobytes:k", "count-links:l", "dereference:L",
            "megabytes:m", "summarize:s", "separate-dirs:S", "one-file-system:x", "exclude=:\u0003",
            "no-dereference:P", "threshold=:\u0004", "time?:\u0005", "time-style=:\u0006");

    private ProcessApi process;
    private Diagnostics diagnostics;
    private OutputStream out;
    private boolean all;
    private boolean apparent;
    private boolean countLinks;
    private boolean separate;
    private boolean follow;
    private boolean oneFileSystem;
    private long maxDepth = Long.MAX_VALUE;
    private long blockSize = 1024;
    private char human;
    private char end = '\n';
    private List<String> excludes;
    private final Set<String> seen = new HashSet<>();
    private boolean hashAll;
    private String timeKind;
    private String timeStyle = "+%Y-%m-%d %H:%M";
    private java.time.Instant newest = java.time.Instant.EPOCH;

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        this.process = process;
        this.diagnostics = new Diagnostics(process, "du");
        this.out = ByteText.stdout(process);
        this.all = options.has('a');
        this.apparent = options.has('\u0001') || options.has('b');
        this.countLinks = options.has('l');
        this.separate = options.has('S');
        this.follow = options.has('L');
        this.oneFileSystem = options.has('x');
        this.excludes = options.values('\u0003');
        if (options.has('0')) {
            end = '\0';
        }
        for (Options.Given given : options.given()) {
            switch (given.option()) {
                case 'b' -> { blockSize = 1; human = 0; }
                case 'k' -> { blockSize = 1024; human = 0; }
                case 'm' -> { blockSize = 1024 * 1024; human = 0; }
                case 'h' -> human = 'h';
                case '\u0002' -> human = 's';
                case 'B' -> {
                    blockSize = Sizes.parse(given.value(), "bBcEgGkKmMPtTwYZ0");
                    if (blockSize <= 0) {
                        boolean longForm = process.args().stream().anyMatch(a -> a.startsWith("--block-size"));
                        throw UsageException.withoutHint("invalid " + (longForm ? "--block-size" : "-B") + " argument "
                                + Diagnostics.quote(given.value()));
                    }
                    human = 0;
                }
                default -> { }
            }
        }
        if (options.has('s')) {
            if (options.has('d') && !options.value('d', "").equals("0")) {
                diagnostics.error("warning: summarizing conflicts with --max-depth=" + options.value('d', ""));
                throw UsageException.hintOnly();
            }
            maxDepth = 0;
        }
        if (options.has('d')) {
            String depth = options.value('d', "");
            long parsed = Sizes.parse(depth, "");
            if (parsed < 0) {
                throw new UsageException("invalid maximum depth " + Diagnostics.quote(depth));
            }
            maxDepth = parsed;
        }
        if (all && options.has('s')) {
            throw new UsageException("cannot both summarize and show all entries");
        }
        if (options.has('\u0005')) {
            String kind = options.value('\u0005', null);
            timeKind = kind == null ? "mtime" : kind;
            if (!timeKind.matches("mtime|atime|access|use|ctime|status")) {
                throw new UsageException("invalid argument " + Diagnostics.quote(kind) + " for '--time'");
            }
        }
        if (options.has('\u0006')) {
            String style = options.value('\u0006', "");
            timeStyle = switch (style) {
                case "full-iso" -> "+%Y-%m-%d %H:%M:%S.%N %z";
                case "long-iso" -> "+%Y-%m-%d %H:%M";
                case "iso" -> "+%Y-%m-%d";
                default -> style;
            };
        }
        List<String> operands = options.operands().isEmpty() ? List.of(".") : options.operands();
        hashAll = operands.size() > 1;
        long total = 0;
        for (String operand : operands) {
            Stat stat;
            try {
                stat = follow || options.has('D') || options.has('H') ? process.stat(operand) : process.lstat(operand);
            } catch (KernelException e) {
                diagnostics.actionError("cannot access", operand, e);
                continue;
            }
            total += visit(operand, stat, 0, stat.dev());
        }
        if (options.has('c')) {
            print(total, "total");
        }
        out.flush();
        return diagnostics.failed() ? 1 : 0;
    }

    /** Counts {@code path} and what lies below it, printing as it goes; returns its total in bytes. */
    private long visit(String path, Stat stat, int depth, long device) throws IOException {
        if (!countLinks && (hashAll || (!stat.isDirectory() && stat.nlink() > 1))
                && !seen.add(stat.dev() + ":" + stat.ino())) {
            return 0;
        }
        long own = apparent ? stat.size() : StatFormatter.blocks(stat) * 512;
        java.time.Instant outer = newest;
        newest = time(stat);
        if (!stat.isDirectory()) {
            if (all || depth == 0) {
                if (depth <= maxDepth) {
                    print(own, path);
                }
            }
            newest = max(outer, newest);
            return own;
        }
        long sum = own;
        long below = 0;
        List<DirEntry> entries;
        try {
            entries = process.listDirectory(path);
        } catch (KernelException e) {
            diagnostics.actionError("cannot read directory", path, e);
            entries = List.of();
        }
        for (DirEntry entry : entries) {
            if (excluded(entry.name())) {
                continue;
            }
            String child = FileOps.join(path, entry.name());
            Stat childStat;
            try {
                childStat = follow ? process.stat(child) : process.lstat(child);
            } catch (KernelException e) {
                diagnostics.actionError("cannot access", child, e);
                continue;
            }
            if (oneFileSystem && childStat.dev() != device) {
                continue;
            }
            long size = visit(child, childStat, depth + 1, device);
            if (childStat.isDirectory() && separate) {
                below += size;
            } else {
                sum += size;
            }
        }
        if (depth <= maxDepth) {
            print(sum, path);
        }
        newest = max(outer, newest);
        return sum + below;
    }

    private java.time.Instant time(Stat stat) {
        if (timeKind == null) {
            return java.time.Instant.EPOCH;
        }
        return switch (timeKind) {
            case "atime", "access", "use" -> stat.atime();
            case "ctime", "status" -> stat.ctime();
            default -> stat.mtime();
        };
    }

    private static java.time.Instant max(java.time.Instant a, java.time.Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private boolean excluded(String name) {
        for (String pattern : excludes) {
            if (Fnmatch.matches(pattern, name, 0)) {
                return true;
            }
        }
        return false;
    }

    private void print(long bytes, String path) throws IOException {
        Checkpoints.poll(process);
        String size;
        if (human == 'h') {
            size = LsCommand.human(bytes);
        } else if (human == 's') {
            size = si(bytes);
        } else {
            size = Long.toString(bytes == 0 ? 0 : (bytes + blockSize - 1) / blockSize);
        }
        String time = "";
        if (timeKind != null) {
            Strftime.Zone zone = Strftime.zone(process.env().get("TZ"));
            time = Strftime.format(timeStyle.startsWith("+") ? timeStyle.substring(1) : timeStyle,
                    newest.atZone(zone.id()), zone) + "\t";
        }
        ByteText.writeUtf8(out, size + "\t" + time + path + end);
    }

    /** Powers of 1000 rounded up, as {@code --si}: 999, 1.0k, 21k, 1.5M. */
    static String si(long bytes) {
        if (bytes < 1000) {
            return Long.toString(bytes);
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < 7) {
            value /= 1000;
            unit++;
        }
        String suffix = String.valueOf("kMGTPEZY".charAt(unit));
        if (value < 10) {
            double rounded = Math.ceil(value * 10) / 10;
            if (rounded < 10) {
                return String.format(Locale.ROOT, "%.1f%s", rounded, suffix);
            }
        }
        return (long) Math.ceil(value) + suffix;
    }
}
