package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.OpenFlags;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.X5455_ExtendedTimestamp;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * unzip [-lvtpcqojn] ZIPFILE [MEMBER]... [-x PATTERN...] [-d DIR]: Info-ZIP's unzip on Commons
 * Compress: lists ({@code -l}, {@code -v}), tests, prints ({@code -p}, {@code -c}) or extracts
 * members with their Unix modes, symbolic links and "UT" times, asking before replacing a file
 * (the answer read from standard input; none reads as "[N]one") unless {@code -o} or {@code -n}.
 * Messages and exit statuses (11 for unmatched names, 9 for a missing or broken archive) are
 * unzip 6.0's.
 */
final class UnzipCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("lvtpcqojnd:Z");

    private ProcessApi process;
    private BufferedOutput stdout;
    private int quiet;
    private boolean overwrite;
    private boolean never;
    private boolean junk;
    private String exdir;
    private int status;
    private BufferedReader answers;
    private boolean all;
    private boolean none;
    private final List<String[]> deferredLinks = new ArrayList<>();

    @Override
    public int run(ProcessApi process) throws Exception {
        this.process = process;
        List<String> args = new ArrayList<>();
        List<String> excludes = new ArrayList<>();
        boolean inExcludes = false;
        for (String arg : process.args()) {
            if (arg.equals("-x")) {
                inExcludes = true;
            } else if (inExcludes && !arg.startsWith("-")) {
                excludes.add(arg);
            } else {
                inExcludes = false;
                args.add(arg);
            }
        }
        Options options = PARSER.parse(args);
        char mode = 'x';
        for (Options.Given given : options.given()) {
            switch (given.option()) {
                case 'l', 'v', 't', 'p', 'c' -> mode = given.option() == 'v' && mode == 'x' ? 'v' : given.option();
                case 'q' -> quiet++;
                case 'o' -> overwrite = true;
                case 'n' -> never = true;
                case 'j' -> junk = true;
                case 'd' -> exdir = given.value();
                default -> { }
            }
        }
        if (mode == 'p') {
            quiet = 2;
        }
        List<String> operands = options.operands();
        if (operands.isEmpty()) {
            return say("UnZip 6.00 of 20 April 2009, by Debian. Original by Info-ZIP.\n", 0);
        }
        String name = operands.get(0);
        stdout = BufferedOutput.standardOutput(process);
        String archive = name;
        if (FileOps.statOrNull(process, archive) == null) {
            archive = name + ".zip";
            if (FileOps.statOrNull(process, archive) == null) {
                archive = name + ".ZIP";
                if (FileOps.statOrNull(process, archive) == null) {
                    return error("unzip:  cannot find or open " + name + ", " + name + ".zip or " + name + ".ZIP.\n", 9);
                }
            }
        }
        byte[] data;
        try (InputStream in = InputFiles.openFile(process, archive)) {
            data = in.readAllBytes();
        } catch (KernelException | IOException e) {
            return error("unzip:  cannot find or open " + name + ", " + name + ".zip or " + name + ".ZIP.\n", 9);
        }
        Map<String, Boolean> patterns = new LinkedHashMap<>();
        for (String pattern : operands.subList(1, operands.size())) {
            patterns.put(pattern, false);
        }
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(data)).get()) {
            if (quiet == 0 || mode == 'l' || mode == 'v') {
                if (mode != 'p' && quiet < 2) {
                    ByteText.writeUtf8(stdout, "Archive:  " + archive + "\n");
                }
            }
            List<ZipArchiveEntry> entries = new ArrayList<>();
            for (ZipArchiveEntry entry : Collections.list(zip.getEntriesInPhysicalOrder())) {
                if (selected(entry.getName(), patterns, excludes)) {
                    entries.add(entry);
                }
            }
            switch (mode) {
                case 'l' -> list(entries);
                case 'v' -> verbose(entries);
                case 't' -> test(zip, entries, archive);
                default -> extract(zip, entries, mode);
            }
        } catch (IOException e) {
            if (quiet < 2) {
                ByteText.writeUtf8(stdout, "Archive:  " + archive + "\n");
            }
            stdout.flush();
            return error("  End-of-central-directory signature not found.  Either this file is not\n"
                    + "  a zipfile, or it constitutes one disk of a multi-part archive.  In the\n"
                    + "  latter case the central directory and zipfile comment will be found on\n"
                    + "  the last disk(s) of this archive.\n"
                    + "unzip:  cannot find zipfile directory in one of " + name + " or\n"
                    + "        " + name + ".zip, and cannot find " + name + ".ZIP, period.\n", 9);
        }
        stdout.flush();
        for (Map.Entry<String, Boolean> pattern : patterns.entrySet()) {
            if (!pattern.getValue()) {
                if (mode != 'l' && mode != 'v') {
                    error("caution: filename not matched:  " + pattern.getKey() + "\n", 11);
                }
                status = 11;
            }
        }
        return status;
    }

    private int say(String text, int code) throws IOException {
        OutputStream out = ByteText.stdout(process);
        ByteText.writeUtf8(out, text);
        out.flush();
        return code;
    }

    private int error(String text, int code) {
        if (stdout != null) {
            stdout.flush();
        }
        process.stderr().writeBytes(text.getBytes(StandardCharsets.UTF_8));
        process.stderr().flush();
        status = Math.max(status, code);
        return code;
    }

    private static boolean selected(String name, Map<String, Boolean> patterns, List<String> excludes) {
        for (String exclude : excludes) {
            if (Fnmatch.matches(exclude, name, 0)) {
                return false;
            }
        }
        if (patterns.isEmpty()) {
            return true;
        }
        boolean any = false;
        for (Map.Entry<String, Boolean> pattern : patterns.entrySet()) {
            if (Fnmatch.matches(pattern.getKey(), name, 0)) {
                pattern.setValue(true);
                any = true;
            }
        }
        return any;
    }

    private ZonedDateTime time(ZipArchiveEntry entry) {
        String tz = process.env().get("TZ");
        ZoneId zone;
        try {
            zone = tz == null || tz.isEmpty() ? ZoneId.of("UTC") : ZoneId.of(tz);
        } catch (RuntimeException e) {
            zone = ZoneId.of("UTC");
        }
        long millis = entry.getTime();
        if (entry.getExtraField(X5455_ExtendedTimestamp.HEADER_ID) instanceof X5455_ExtendedTimestamp ut
                && ut.isBit0_modifyTimePresent()) {
            millis = ut.getModifyJavaTime().getTime();
        }
        return ZonedDateTime.ofInstant(Instant.ofEpochMilli(millis), zone);
    }

    private static String date(ZonedDateTime t) {
        return String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d", t.getYear(), t.getMonthValue(),
                t.getDayOfMonth(), t.getHour(), t.getMinute());
    }

    private void list(List<ZipArchiveEntry> entries) throws IOException {
        StringBuilder b = new StringBuilder("  Length      Date    Time    Name\n---------  ---------- -----   ----\n");
        long total = 0;
        for (ZipArchiveEntry entry : entries) {
            b.append(String.format(Locale.ROOT, "%9d  %s   %s%n", entry.getSize(), date(time(entry)),
                    entry.getName()));
            total += entry.getSize();
        }
        b.append("---------                     -------\n");
        b.append(String.format(Locale.ROOT, "%9d                     %d file%s%n", total, entries.size(),
                entries.size() == 1 ? "" : "s"));
        ByteText.writeUtf8(stdout, b.toString());
    }

    private void verbose(List<ZipArchiveEntry> entries) throws IOException {
        StringBuilder b = new StringBuilder(" Length   Method    Size  Cmpr    Date    Time   CRC-32   Name\n"
                + "--------  ------  ------- ---- ---------- ----- --------  ----\n");
        long total = 0;
        long totalCompressed = 0;
        for (ZipArchiveEntry entry : entries) {
            // bits 1 and 2 of the flags say how hard deflate worked: normal, maximum, fast, super fast
            String method = entry.getMethod() == 0 ? "Stored" : "Defl:" + "NXFS".charAt((entry.getRawFlag() >> 1) & 3);
            b.append(String.format(Locale.ROOT, "%8d  %-6s %8d %3d%% %s %08x  %s%n", entry.getSize(), method,
                    entry.getCompressedSize(), percent(entry.getSize(), entry.getCompressedSize()), date(time(entry)),
                    entry.getCrc(), entry.getName()));
            total += entry.getSize();
            totalCompressed += entry.getCompressedSize();
        }
        b.append("--------          -------  ---                            -------\n");
        b.append(String.format(Locale.ROOT, "%8d         %8d %3d%%                            %d file%s%n", total,
                totalCompressed, percent(total, totalCompressed), entries.size(), entries.size() == 1 ? "" : "s"));
        ByteText.writeUtf8(stdout, b.toString());
    }

    private static long percent(long size, long compressed) {
        return size == 0 ? 0 : ((size - compressed) * 100 + size / 2) / size;
    }

    private static String padded(String name) {
        return name.length() >= 22 ? name : name + " ".repeat(22 - name.length());
    }

    private void test(ZipFile zip, List<ZipArchiveEntry> entries, String archive) throws IOException {
        int errors = 0;
        for (ZipArchiveEntry entry : entries) {
            boolean ok;
            try (InputStream in = zip.getInputStream(entry)) {
                in.transferTo(OutputStream.nullOutputStream());
                ok = true;
            } catch (IOException e) {
                ok = false;
                errors++;
            }
            if (quiet == 0) {
                ByteText.writeUtf8(stdout, "    testing: " + padded(entry.getName()) + "   " + (ok ? "OK" : "bad CRC")
                        + "\n");
            }
        }
        if (errors == 0) {
            if (quiet < 2) {
                ByteText.writeUtf8(stdout, "No errors detected in compressed data of " + archive + ".\n");
            }
        } else {
            ByteText.writeUtf8(stdout, "At least one error was detected in " + archive + ".\n");
            status = 2;
        }
    }

    private void extract(ZipFile zip, List<ZipArchiveEntry> entries, char mode) throws IOException {
        if (exdir != null && mode == 'x' && FileOps.statOrNull(process, exdir) == null) {
            makeDirectories(exdir);
        }
        int umask = FileModes.umask(process);
        for (ZipArchiveEntry entry : entries) {
            new CpuCheckpoint(process).poll();
            String name = junk ? FileOps.baseName(entry.getName()) : entry.getName();
            if (mode == 'p' || mode == 'c') {
                if (entry.isDirectory()) {
                    continue;
                }
                if (mode == 'c' && quiet == 0) {
                    ByteText.writeUtf8(stdout, " extracting: " + padded(name) + "  \n");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    in.transferTo(stdout);
                }
                if (mode == 'c') {
                    stdout.write('\n'); // unzip -c ends each member with an empty line
                }
                continue;
            }
            if (junk && entry.isDirectory()) {
                continue;
            }
            String path = exdir == null ? name : FileOps.join(exdir, name);
            String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            if (entry.isDirectory()) {
                if (FileOps.statOrNull(process, trimmed) == null) {
                    if (quiet == 0) {
                        ByteText.writeUtf8(stdout, "   creating: " + path + "\n");
                    }
                    makeDirectories(trimmed);
                }
                continue;
            }
            String parent = FileOps.parent(trimmed);
            if (!parent.equals(".") && FileOps.statOrNull(process, parent) == null) {
                makeDirectories(parent);
            }
            io.sandkernel.api.fs.Stat existing = FileOps.lstatOrNull(process, trimmed);
            if (existing != null) {
                if (entry.isUnixSymlink() && !overwrite && !all) {
                    if (never || none || existing.isSymbolicLink()) {
                        ByteText.writeUtf8(stdout, trimmed + " exists and is a symbolic link.\n");
                        continue;
                    }
                }
                if (!entry.isUnixSymlink() && !replace(trimmed)) {
                    continue;
                }
            }
            byte[] content;
            try (InputStream in = zip.getInputStream(entry)) {
                content = in.readAllBytes();
            }
            if (entry.isUnixSymlink()) {
                String target = new String(content, StandardCharsets.UTF_8);
                if (quiet == 0) {
                    ByteText.writeUtf8(stdout, "    linking: " + padded(trimmed) + "  -> " + target + " \n");
                }
                deferredLinks.add(new String[] {trimmed, target});
                continue;
            }
            if (quiet == 0) {
                ByteText.writeUtf8(stdout, (entry.getMethod() == 0 ? " extracting: " : "  inflating: ") + padded(trimmed)
                        + "  \n");
            }
            try {
                if (FileOps.lstatOrNull(process, trimmed) != null) {
                    process.unlink(trimmed);
                }
                try (OutputStream out = BufferedOutput.open(process, trimmed, false)) {
                    out.write(content);
                }
                int unixMode = entry.getUnixMode();
                if (unixMode != 0) {
                    process.chmod(trimmed, unixMode & 0777);
                } else {
                    process.chmod(trimmed, 0666 & ~umask);
                }
                long nanos = time(entry).toInstant().getEpochSecond() * 1_000_000_000L;
                process.utimensat(OpenFlags.AT_FDCWD, trimmed, nanos, nanos, 0);
            } catch (KernelException | WriteError e) {
                error("error:  cannot create " + trimmed + "\n        " + Diagnostics.describe(e) + "\n", 50);
            }
        }
        if (!deferredLinks.isEmpty()) {
            if (quiet == 0) {
                ByteText.writeUtf8(stdout, "finishing deferred symbolic links:\n");
            }
            for (String[] link : deferredLinks) {
                if (quiet == 0) {
                    ByteText.writeUtf8(stdout, "  " + padded(link[0]) + " -> " + link[1] + "\n");
                }
                try {
                    if (FileOps.lstatOrNull(process, link[0]) != null) {
                        process.unlink(link[0]);
                    }
                    process.symlink(link[1], link[0]);
                } catch (KernelException e) {
                    error("error:  cannot create " + link[0] + "\n", 50);
                }
            }
        }
    }

    /** Whether to replace an existing file: -o, -n, or the answer to unzip's question. */
    private boolean replace(String path) throws IOException {
        if (overwrite || all) {
            return true;
        }
        if (never || none) {
            return false;
        }
        stdout.flush();
        process.stderr().writeBytes(("replace " + path + "? [y]es, [n]o, [A]ll, [N]one, [r]ename: ")
                .getBytes(StandardCharsets.UTF_8));
        process.stderr().flush();
        if (answers == null) {
            answers = new BufferedReader(new InputStreamReader(process.stdin(), StandardCharsets.UTF_8));
        }
        String answer = answers.readLine();
        if (answer == null) {
            process.stderr().writeBytes(" NULL\n(EOF or read error, treating as \"[N]one\" ...)\n".getBytes());
            process.stderr().flush();
            none = true;
            status = Math.max(status, 1);
            return false;
        }
        return switch (answer.isEmpty() ? ' ' : answer.charAt(0)) {
            case 'y' -> true;
            case 'A' -> {
                all = true;
                yield true;
            }
            case 'N' -> {
                none = true;
                yield false;
            }
            default -> false;
        };
    }

    private void makeDirectories(String path) {
        String parent = FileOps.parent(path);
        if (!parent.equals(".") && !parent.equals("/") && FileOps.statOrNull(process, parent) == null) {
            makeDirectories(parent);
        }
        try {
            process.mkdir(path, 0777);
        } catch (KernelException e) {
            // it exists, or cannot be made: the files below it will report the failure
        }
    }
}
