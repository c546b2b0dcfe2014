package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.StatFs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * df [-ahHikPT] [-B SIZE] [-t TYPE] [-x TYPE] [FILE]...: space on the kernel's file systems,
 * from {@code /proc/mounts} and {@code statfs}: every mount with blocks (all with {@code -a}),
 * or the ones holding the FILEs, in GNU's table (1K blocks, {@code -h} human sizes,
 * {@code -i} inodes, {@code -T} types, {@code -P} the POSIX layout). Nothing is reserved for
 * root, so Available is Free.
 */
final class DfCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("aB:hHiklmPt:Tx:",
            "all:a", "block-size:B", "human-readable:h", "si:H", "inodes:i", "local:l", "portability:P",
            "type:t", "print-type:T", "exclude-type:x", "total:\u0001", "sync:\u0002", "no-sync:\u0003");

    /** A mount: where its device comes from, where it is mounted, its type. */
    private record Mount(String source, String target, String type) {}

    private ProcessApi process;
    private Options options;
    private long blockSize = 1024;
    private char human;

    @Override
    public int run(ProcessApi process) throws Exception {
        this.options = PARSER.parse(process.args());
        this.process = process;
        Diagnostics diagnostics = new Diagnostics(process, "df");
        for (Options.Given given : options.given()) {
            switch (given.option()) {
                case 'h' -> human = 'h';
                case 'H' -> human = 'H';
                case 'k' -> { blockSize = 1024; human = 0; }
                case 'm' -> { blockSize = 1024 * 1024; human = 0; }
                case 'B' -> {
                    blockSize = Sizes.parse(given.value(), "bBcEgGkKmMPtTwYZ0");
                    if (blockSize <= 0) {
                        throw UsageException.withoutHint("invalid --block-size argument " + Diagnostics.quote(given.value()));
                    }
                    human = 0;
                }
                default -> { }
            }
        }
        List<Mount> mounts = mounts();
        List<Mount> chosen = new ArrayList<>();
        if (options.operands().isEmpty()) {
            for (Mount mount : mounts) {
                if (selected(mount)) {
                    chosen.add(mount);
                }
            }
        } else {
            for (String file : options.operands()) {
                String canonical;
                try {
                    process.stat(file);
                    canonical = PathResolver.canonicalize(process, file, PathResolver.Mode.EXISTING, true, false);
                } catch (KernelException e) {
                    diagnostics.fileError(file, e);
                    continue;
                }
                Mount best = null;
                for (Mount mount : mounts) {
                    if (PathResolver.isWithin(canonical, mount.target)
                            && (best == null || mount.target.length() >= best.target.length())) {
                        best = mount;
                    }
                }
                if (best != null) {
                    chosen.add(best);
                }
            }
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(header());
        long[] totals = new long[3];
        for (Mount mount : chosen) {
            StatFs fs;
            try {
                fs = process.statfs(mount.target);
            } catch (KernelException e) {
                diagnostics.fileError(mount.target, e);
                continue;
            }
            if (options.operands().isEmpty() && !options.has('a') && fs.totalBlocks() == 0 && fs.totalInodes() == 0) {
                continue;
            }
            rows.add(row(mount, fs, totals));
        }
        if (options.has('\u0001')) {
            rows.add(totalRow(totals));
        }
        print(rows);
        return diagnostics.failed() ? 1 : 0;
    }

    private boolean selected(Mount mount) {
        List<String> only = options.values('t');
        if (!only.isEmpty() && !only.contains(mount.type)) {
            return false;
        }
        return !options.values('x').contains(mount.type);
    }

    private List<Mount> mounts() {
        List<Mount> mounts = new ArrayList<>();
        try (InputStream in = process.openRead("/proc/mounts")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] fields = line.split(" ");
                if (fields.length > 2) {
                    mounts.add(new Mount(fields[0], fields[1], fields[2]));
                }
            }
        } catch (IOException | KernelException e) {
            mounts.add(new Mount("rootfs", "/", "rootfs"));
        }
        return mounts;
    }

    private String[] header() {
        List<String> header = new ArrayList<>();
        header.add("Filesystem");
        if (options.has('T')) {
            header.add("Type");
        }
        if (options.has('i')) {
            header.addAll(List.of("Inodes", "IUsed", "IFree", "IUse%"));
        } else if (human != 0) {
            header.addAll(List.of("Size", "Used", "Avail", "Use%"));
        } else {
            String size = blockSize == 1024 ? (options.has('P') ? "1024-blocks" : "1K-blocks")
                    : blockSize == 1024 * 1024 ? "1M-blocks" : blockSize + "-blocks";
            header.addAll(List.of(size, "Used", options.has('P') ? "Available" : "Available",
                    options.has('P') ? "Capacity" : "Use%"));
        }
        header.add("Mounted on");
        return header.toArray(String[]::new);
    }

    private String[] row(Mount mount, StatFs fs, long[] totals) {
        List<String> row = new ArrayList<>();
        row.add(mount.source);
        if (options.has('T')) {
            row.add(mount.type);
        }
        long total;
        long used;
        long free;
        if (options.has('i')) {
            total = fs.totalInodes();
            free = fs.freeInodes();
            used = total - free;
            row.addAll(List.of(Long.toString(total), Long.toString(used), Long.toString(free), percent(used, free)));
        } else {
            total = fs.totalBlocks() * fs.blockSize();
            free = fs.freeBlocks() * fs.blockSize();
            used = total - free;
            row.addAll(List.of(size(total), size(used), size(free), percent(used, free)));
        }
        totals[0] += total;
        totals[1] += used;
        totals[2] += free;
        row.add(mount.target);
        return row.toArray(String[]::new);
    }

    private String[] totalRow(long[] totals) {
        List<String> row = new ArrayList<>();
        row.add("total");
        if (options.has('T')) {
            row.add("-");
        }
        if (options.has('i')) {
            row.addAll(List.of(Long.toString(totals[0]), Long.toString(totals[1]), Long.toString(totals[2]),
                    percent(totals[1], totals[2])));
        } else {
            row.addAll(List.of(size(totals[0]), size(totals[1]), size(totals[2]), percent(totals[1], totals[2])));
        }
        row.add("-");
        return row.toArray(String[]::new);
    }

    private String size(long bytes) {
        if (human == 'h') {
            return LsCommand.human(bytes);
        }
        if (human == 'H') {
            return DuCommand.si(bytes);
        }
        return Long.toString((bytes + blockSize - 1) / blockSize);
    }

    /** GNU's Use%: used over used plus available, rounded up; "-" when both are 0. */
    private static String percent(long used, long available) {
        long whole = used + available;
        if (whole == 0) {
            return "-";
        }
        long scaled = used * 100;
        return (scaled / whole + (scaled % whole != 0 ? 1 : 0)) + "%";
    }

    /** Columns as wide as their widest cell (the first at least 14, numbers at least 5), one space apart. */
    private void print(List<String[]> rows) throws IOException {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        boolean typed = options.has('T');
        widths[0] = Math.max(widths[0], 14);
        OutputStream out = ByteText.stdout(process);
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                boolean left = c == 0 || (typed && c == 1) || c == columns - 1;
                int width = c == columns - 1 ? 0 : left ? widths[c] : Math.max(widths[c], c == columns - 2 ? 4 : 5);
                String cell = row[c];
                String fill = " ".repeat(Math.max(0, width - cell.length()));
                line.append(c == 0 ? "" : " ").append(left ? cell + fill : fill + cell);
            }
            ByteText.writeUtf8(out, line.toString().stripTrailing() + "\n");
        }
        out.flush();
    }
}
