package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.DirEntry;
import io.sandkernel.api.fs.Stat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.X5455_ExtendedTimestamp;
import org.apache.commons.compress.archivers.zip.X7875_NewUnix;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * zip [-rjqmuDXy0-9] [-d] ZIPFILE [FILE]...: Info-ZIP's zip on Commons Compress. Adds (or with
 * {@code -u} updates, with {@code -d} deletes) entries, each deflated unless that does not make it
 * smaller, with Unix modes, the "UT" timestamp and "ux" owner extra fields as Info-ZIP writes them;
 * prints {@code   adding: NAME (deflated N%)}, {@code updating:}, {@code deleting:}, and Info-ZIP's
 * warnings and statuses ("name not matched", 12 for "Nothing to do!"). Directories are walked in
 * name order.
 */
final class ZipCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("rRjqmudfDXyvTx:i:0123456789",
            "recurse-paths:r", "junk-paths:j", "quiet:q", "move:m", "update:u", "delete:d", "freshen:f",
            "no-dir-entries:D", "no-extra:X", "symlinks:y", "verbose:v", "test:T", "exclude:x", "include:i");

    /** An entry of the archive being built: its header and content (null for directories). */
    private record Item(ZipArchiveEntry entry, byte[] data, String source) {}

    private ProcessApi process;
    private BufferedOutput stdout;
    private boolean quiet;
    private boolean junk;
    private boolean noDirs;
    private boolean noExtra;
    private boolean symlinks;
    private boolean recurse;
    private int level = 6;
    private final List<String> excludes = new ArrayList<>();
    private final Map<String, Item> items = new LinkedHashMap<>();
    private final List<String> added = new ArrayList<>();
    private int warnings;

    @Override
    public int run(ProcessApi process) throws Exception {
        this.process = process;
        stdout = BufferedOutput.standardOutput(process);
        Options options;
        try {
            options = PARSER.parse(process.args());
        } catch (UsageException e) {
            if (e.kind() != UsageException.Kind.ERROR) {
                throw e;
            }
            String message = e.getMessage() != null && e.getMessage().contains("requires an argument -- 'x'")
                    ? "option 'x' (exclude files matching patterns) requires a value" : e.getMessage();
            return message("\nzip error: Invalid command arguments (" + message + ")", 16);
        }
        boolean delete = false;
        boolean update = false;
        boolean move = false;
        for (Options.Given given : options.given()) {
            char option = given.option();
            switch (option) {
                case 'r', 'R' -> recurse = true;
                case 'j' -> junk = true;
                case 'q' -> quiet = true;
                case 'm' -> move = true;
                case 'u', 'f' -> update = true;
                case 'd' -> delete = true;
                case 'D' -> noDirs = true;
                case 'X' -> noExtra = true;
                case 'y' -> symlinks = true;
                case 'x' -> excludes.add(given.value());
                default -> {
                    if (option >= '0' && option <= '9') {
                        level = option - '0';
                    }
                }
            }
        }
        List<String> operands = new ArrayList<>(options.operands());
        if (operands.isEmpty()) {
            return message("zip error: Nothing to do! (try: zip --help)", 16);
        }
        String archive = operands.remove(0);
        if (!FileOps.baseName(archive).contains(".")) {
            archive = archive + ".zip";
        }
        byte[] existing = null;
        if (FileOps.statOrNull(process, archive) != null) {
            try (InputStream in = InputFiles.openFile(process, archive)) {
                existing = in.readAllBytes();
            }
            try {
                readExisting(existing);
            } catch (IOException e) {
                warn("missing end signature--probably not a zip file (did you");
                warn("remember to use binary mode when you transferred it?)");
                warn("(if you are trying to read a damaged archive try -F)");
                return message("\nzip error: Zip file structure invalid (" + archive + ")", 3);
            }
        }
        if (delete) {
            boolean any = false;
            for (String name : operands) {
                boolean matched = false;
                for (String key : new ArrayList<>(items.keySet())) {
                    if (Fnmatch.matches(name, key, 0)) {
                        items.remove(key);
                        say("deleting: " + key);
                        matched = true;
                        any = true;
                    }
                }
                if (!matched) {
                    warn("name not matched: " + name);
                }
            }
            if (!any) {
                return message("\nzip error: Nothing to do! (" + archive + ")", 12);
            }
        } else {
            // Info-ZIP resolves every name first (warning about the missing ones), then adds
            List<String> found = new ArrayList<>();
            List<Stat> stats = new ArrayList<>();
            for (String name : operands) {
                Stat stat = symlinks ? FileOps.lstatOrNull(process, name) : FileOps.statOrNull(process, name);
                if (stat == null) {
                    warn("name not matched: " + name);
                    continue;
                }
                found.add(name);
                stats.add(stat);
            }
            for (int i = 0; i < found.size(); i++) {
                add(found.get(i), stats.get(i), update);
            }
            if (added.isEmpty()) {
                // with -u an archive already up to date is "nothing to do" too, silently
                return update && existing != null && warnings == 0 ? 12
                        : message("\nzip error: Nothing to do! (" + archive + ")", 12);
            }
        }
        stdout.flush();
        write(archive);
        if (move) {
            for (int i = added.size() - 1; i >= 0; i--) {
                try {
                    process.unlinkat(io.sandkernel.api.fs.OpenFlags.AT_FDCWD, added.get(i),
                            FileOps.isDirectory(process, added.get(i)) ? io.sandkernel.api.fs.OpenFlags.AT_REMOVEDIR : 0);
                } catch (KernelException e) {
                    warn("could not delete " + added.get(i));
                }
            }
        }
        return warnings > 0 && added.isEmpty() ? 18 : 0;
    }

    /** Info-ZIP writes its warnings and errors to standard output. */
    private int message(String text, int status) throws IOException {
        ByteText.writeUtf8(stdout, text + "\n");
        stdout.flush();
        return status;
    }

    private void warn(String text) throws IOException {
        ByteText.writeUtf8(stdout, "\tzip warning: " + text + "\n");
        warnings++;
    }

    private void say(String line) throws IOException {
        if (!quiet) {
            ByteText.writeUtf8(stdout, line + "\n");
        }
    }

    private void readExisting(byte[] data) throws IOException {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(data)).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntriesInPhysicalOrder())) {
                byte[] content;
                try (InputStream in = zip.getInputStream(entry)) {
                    content = in.readAllBytes();
                }
                items.put(entry.getName(), new Item(entry, entry.isDirectory() ? null : content, null));
            }
        }
    }

    private boolean excluded(String name) {
        for (String pattern : excludes) {
            if (Fnmatch.matches(pattern, name, 0)) {
                return true;
            }
        }
        return false;
    }

    private void add(String path, Stat stat, boolean update) throws IOException {
        String name = path;
        while (name.startsWith("./")) {
            name = name.substring(2);
        }
        name = name.replaceFirst("^/+", "");
        if (junk) {
            name = FileOps.baseName(name);
        }
        boolean directory = stat.isDirectory();
        if (directory && !name.endsWith("/")) {
            name = name + "/";
        }
        if (excluded(name)) {
            return;
        }
        new CpuCheckpoint(process).poll();
        if (!(directory && (noDirs || junk))) {
            entry(path, name, stat, update);
        }
        if (directory && recurse) {
            List<String> children = new ArrayList<>();
            for (DirEntry child : process.listDirectory(path)) {
                if (!child.name().equals(".") && !child.name().equals("..")) {
                    children.add(child.name());
                }
            }
            children.sort(null);
            for (String child : children) {
                String childPath = path.endsWith("/") ? path + child : path + "/" + child;
                Stat childStat = symlinks ? FileOps.lstatOrNull(process, childPath) : FileOps.statOrNull(process, childPath);
                if (childStat != null) {
                    add(childPath, childStat, update);
                }
            }
        }
    }

    private void entry(String path, String name, Stat stat, boolean update) throws IOException {
        Item old = items.get(name);
        long mtime = stat.mtime().getEpochSecond();
        if (update && old != null && old.entry().getTime() / 1000 >= mtime - 1) {
            return; // not newer than the archived copy
        }
        byte[] data = null;
        if (stat.isSymbolicLink()) {
            data = process.readlink(path).getBytes(StandardCharsets.UTF_8);
        } else if (stat.isRegularFile()) {
            try (InputStream in = InputFiles.openFile(process, path)) {
                data = in.readAllBytes();
            } catch (KernelException e) {
                warn("could not open for reading: " + name);
                return;
            }
        } else if (!stat.isDirectory()) {
            warn("ignoring special file: " + name);
            return;
        }
        ZipArchiveEntry entry = new ZipArchiveEntry(name);
        entry.setUnixMode(stat.mode());
        entry.setTime(stat.mtime().toEpochMilli());
        if (!noExtra) {
            X5455_ExtendedTimestamp time = new X5455_ExtendedTimestamp();
            time.setModifyFileTime(FileTime.fromMillis(mtime * 1000));
            time.setAccessFileTime(FileTime.fromMillis(stat.atime().getEpochSecond() * 1000));
            entry.addExtraField(time);
            X7875_NewUnix owner = new X7875_NewUnix();
            owner.setUID(stat.uid());
            owner.setGID(stat.gid());
            entry.addExtraField(owner);
        }
        String method = "stored 0%";
        if (data != null && data.length > 0 && level > 0) {
            int compressed = deflatedSize(data, level);
            if (compressed < data.length) {
                entry.setMethod(ZipEntry.DEFLATED);
                long percent = ((data.length - compressed) * 100L + data.length / 2) / data.length;
                method = "deflated " + percent + "%";
            }
        }
        if (entry.getMethod() != ZipEntry.DEFLATED) {
            entry.setMethod(ZipEntry.STORED);
            CRC32 crc = new CRC32();
            if (data != null) {
                crc.update(data);
            }
            entry.setSize(data == null ? 0 : data.length);
            entry.setCompressedSize(data == null ? 0 : data.length);
            entry.setCrc(crc.getValue());
        }
        say((old != null ? "updating: " : "  adding: ") + name + " (" + method + ")");
        items.put(name, new Item(entry, data, path));
        added.add(path);
    }

    private static int deflatedSize(byte[] data, int level) {
        Deflater deflater = new Deflater(level, true);
        try {
            deflater.setInput(data);
            deflater.finish();
            byte[] buffer = new byte[8192];
            int size = 0;
            while (!deflater.finished()) {
                size += deflater.deflate(buffer);
            }
            return size;
        } finally {
            deflater.end();
        }
    }

    private void write(String archive) throws IOException {
        SeekableInMemoryByteChannel channel = new SeekableInMemoryByteChannel();
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(channel)) {
            out.setLevel(level == 0 ? Deflater.DEFAULT_COMPRESSION : level);
            for (Item item : items.values()) {
                out.putArchiveEntry(item.entry());
                if (item.data() != null) {
                    out.write(item.data());
                }
                out.closeArchiveEntry();
            }
        }
        byte[] bytes = java.util.Arrays.copyOf(channel.array(), (int) channel.size());
        try (OutputStream file = BufferedOutput.open(process, archive, false)) {
            file.write(bytes);
        }
    }
}
