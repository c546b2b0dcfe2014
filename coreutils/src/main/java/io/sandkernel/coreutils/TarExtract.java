package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.Stat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * {@code tar -t} and {@code tar -x}: reads the members (of a plain, gzip or bzip2 archive), picks
 * those the operands name (a name or a directory above it; patterns with {@code --wildcards}),
 * and lists them ({@code -v}: GNU's long format, whose owner/size column widens as it goes) or
 * extracts them through the kernel: directories (their modes and times set last), files (umask
 * applied unless {@code -p}, times unless {@code -m}), symbolic and hard links, with
 * {@code --strip-components}, {@code -k}, {@code -O} and {@code -C}.
 */
final class TarExtract {
    private final TarCommand tar;
    private final TarCommand.Settings settings;
    private final ProcessApi process;
    private final Map<String, Boolean> members = new LinkedHashMap<>();
    private final List<Object[]> directories = new ArrayList<>();
    private final Listing listing = new Listing();
    private OutputStream stdout;
    private String base;
    private int umask;
    private boolean warnedAbsolute;

    TarExtract(TarCommand tar, TarCommand.Settings settings) {
        this.tar = tar;
        this.settings = settings;
        this.process = tar.process();
    }

    void run() throws IOException {
        for (String[] operand : settings.operands) {
            if ("-C".equals(operand[0])) {
                base = base == null || operand[1].startsWith("/") ? operand[1] : FileOps.join(base, operand[1]);
            } else if ("-X".equals(operand[0]) || "-T".equals(operand[0])) {
                throw tar.fatal("-" + operand[0].charAt(1) + " is not supported when reading");
            } else {
                String name = operand[1];
                while (name.length() > 1 && name.endsWith("/")) {
                    name = name.substring(0, name.length() - 1);
                }
                members.put(name, false);
            }
        }
        if (base != null && settings.operation == 'x' && !FileOps.isDirectory(process, base)) {
            Stat stat = FileOps.statOrNull(process, base);
            throw tar.fatal(base + ": Cannot open: " + (stat == null ? "No such file or directory" : "Not a directory"));
        }
        umask = FileModes.umask(process);
        byte[] data = tar.readArchive(settings);
        stdout = ByteText.stdout(process);
        int entries = 0;
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(data), "UTF-8")) {
            if (!looksLikeTar(data)) {
                throw new IOException("not a tar archive");
            }
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries++;
                new CpuCheckpoint(process).poll();
                if (!selected(entry.getName())) {
                    continue;
                }
                if (settings.operation == 't') {
                    if (entry.getName().startsWith("/") && !settings.absoluteNames && !warnedAbsolute) {
                        warnedAbsolute = true;
                        tar.message("Removing leading `/' from member names");
                    }
                    String line = settings.verbose > 0 ? listing.line(entry, settings, process) : quote(entry.getName());
                    ByteText.writeUtf8(stdout, line + "\n");
                } else {
                    extract(entry, in);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            stdout.flush();
            if (entries == 0) {
                tar.error("This does not look like a tar archive");
            } else {
                tar.error("Skipping to next header");
            }
        }
        stdout.flush();
        finishDirectories();
        for (Map.Entry<String, Boolean> member : members.entrySet()) {
            if (!member.getValue()) {
                tar.error(member.getKey() + ": Not found in archive");
            }
        }
    }

    /** Whether the entry carries a file's data (not a link, device or directory). */
    private static boolean regular(TarArchiveEntry entry) {
        return !entry.isDirectory() && !entry.isSymbolicLink() && !entry.isLink() && !entry.isCharacterDevice()
                && !entry.isBlockDevice() && !entry.isFIFO();
    }

    /** GNU tar's test of the first header: a full block whose checksum is right (or all zeros). */
    private static boolean looksLikeTar(byte[] data) {
        if (data.length < 512) {
            return false;
        }
        byte[] block = java.util.Arrays.copyOf(data, 512);
        boolean zeros = true;
        for (byte b : block) {
            zeros &= b == 0;
        }
        return zeros || org.apache.commons.compress.archivers.tar.TarUtils.verifyCheckSum(block);
    }

    private boolean excluded(String trimmed) {
        String[] parts = trimmed.split("/");
        for (String pattern : settings.excludes) {
            for (int i = 0; i < parts.length; i++) {
                if (Fnmatch.matches(pattern, String.join("/", java.util.Arrays.copyOfRange(parts, i, parts.length)), 0)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean selected(String name) {
        String trimmed = name.endsWith("/") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
        if (excluded(trimmed)) {
            return false;
        }
        if (members.isEmpty()) {
            return true;
        }
        for (Map.Entry<String, Boolean> member : members.entrySet()) {
            String pattern = member.getKey();
            boolean match = settings.wildcards ? Fnmatch.matches(pattern, trimmed, 0)
                    || trimmed.startsWith(pattern + "/") : trimmed.equals(pattern) || trimmed.startsWith(pattern + "/");
            if (match) {
                member.setValue(true);
                return true;
            }
        }
        return false;
    }

    /** The name as GNU's quotearg prints member names: escapes for controls and backslashes. */
    static String quote(String name) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 32 || c == 127) {
                        b.append('\\').append(Integer.toOctalString(c + 512).substring(1));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** The {@code -tv} line of an entry, with a fresh column width (for {@code -cvv}). */
    static String longListing(TarArchiveEntry entry, TarCommand.Settings settings, ProcessApi process) {
        return new Listing().line(entry, settings, process);
    }

    /** GNU's print_header: the owner/size column is at least 19 wide and only ever widens. */
    static final class Listing {
        private int ugswidth = 19;

        String line(TarArchiveEntry entry, TarCommand.Settings settings, ProcessApi process) {
            char type = entry.isDirectory() ? 'd' : entry.isSymbolicLink() ? 'l' : entry.isLink() ? 'h'
                    : entry.isCharacterDevice() ? 'c' : entry.isBlockDevice() ? 'b' : entry.isFIFO() ? 'p' : '-';
            String modes = type + FileModes.describe(entry.getMode() & 07777 | 0100000).substring(1);
            String user = !settings.numericOwner && entry.getUserName() != null && !entry.getUserName().isEmpty()
                    ? entry.getUserName() : Long.toString(entry.getLongUserId());
            String group = !settings.numericOwner && entry.getGroupName() != null && !entry.getGroupName().isEmpty()
                    ? entry.getGroupName() : Long.toString(entry.getLongGroupId());
            String size = entry.isCharacterDevice() || entry.isBlockDevice()
                    ? entry.getDevMajor() + "," + entry.getDevMinor()
                    : Long.toString(entry.isLink() || entry.isSymbolicLink() || entry.isDirectory() ? 0 : entry.getSize());
            int pad = user.length() + 1 + group.length() + 1 + size.length();
            if (pad > ugswidth) {
                ugswidth = pad;
            }
            String tz = process.env().get("TZ");
            ZoneId zone;
            try {
                zone = tz == null || tz.isEmpty() ? ZoneId.of("UTC") : ZoneId.of(tz);
            } catch (RuntimeException e) {
                zone = ZoneId.of("UTC");
            }
            ZonedDateTime time = ZonedDateTime.ofInstant(Instant.ofEpochMilli(entry.getModTime().getTime()), zone);
            StringBuilder b = new StringBuilder();
            b.append(modes).append(' ').append(user).append('/').append(group).append(' ');
            b.append(" ".repeat(ugswidth - pad)).append(size).append(' ');
            b.append(String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d", time.getYear(), time.getMonthValue(),
                    time.getDayOfMonth(), time.getHour(), time.getMinute()));
            b.append(' ').append(quote(entry.getName()));
            if (entry.isSymbolicLink()) {
                b.append(" -> ").append(quote(entry.getLinkName()));
            } else if (entry.isLink()) {
                b.append(" link to ").append(quote(entry.getLinkName()));
            }
            return b.toString();
        }
    }

    /** The name with leading components stripped, leading slashes removed; null to skip. */
    private String target(String name) {
        String path = name;
        if (settings.strip > 0) {
            String[] parts = path.split("/+");
            int skip = 0;
            int kept = 0;
            StringBuilder rest = new StringBuilder();
            for (String part : parts) {
                if (part.isEmpty()) {
                    continue;
                }
                if (skip < settings.strip) {
                    skip++;
                    continue;
                }
                if (kept++ > 0) {
                    rest.append('/');
                }
                rest.append(part);
            }
            if (skip < settings.strip || rest.isEmpty()) {
                return null;
            }
            path = rest.toString() + (name.endsWith("/") ? "/" : "");
        }
        if (!settings.absoluteNames && path.startsWith("/")) {
            if (!warnedAbsolute) {
                warnedAbsolute = true;
                tar.message("Removing leading `/' from member names");
            }
            path = path.replaceFirst("^/+", "");
            if (path.isEmpty()) {
                return null;
            }
        }
        return base == null || path.startsWith("/") ? path : FileOps.join(base, path);
    }

    private void extract(TarArchiveEntry entry, TarArchiveInputStream in) throws IOException {
        String path = target(entry.getName());
        if (path == null) {
            return;
        }
        if (settings.verbose > 0) {
            ByteText.writeUtf8(settings.toStdout ? new java.io.PrintStream(process.stderr(), true) : stdout,
                    (settings.verbose > 1 ? listing.line(entry, settings, process) : quote(entry.getName())) + "\n");
        }
        if (settings.toStdout) {
            if (regular(entry)) {
                in.transferTo(stdout);
            }
            return;
        }
        String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        makeParents(trimmed);
        int mode = settings.preservePermissions ? entry.getMode() & 07777 : entry.getMode() & 0777 & ~umask;
        long mtime = entry.getModTime().getTime() / 1000;
        if (entry.isDirectory()) {
            Stat existing = FileOps.statOrNull(process, trimmed);
            if (existing == null) {
                try {
                    process.mkdir(trimmed, 0700);
                } catch (KernelException e) {
                    tar.error(entry.getName() + ": Cannot mkdir: " + Diagnostics.describe(e));
                    return;
                }
            } else if (!existing.isDirectory()) {
                tar.error(entry.getName() + ": Cannot mkdir: File exists");
                return;
            }
            directories.add(new Object[] {trimmed, mode, mtime});
            return;
        }
        Stat existing = FileOps.lstatOrNull(process, trimmed);
        if (existing != null) {
            if (settings.keepOld) {
                if (entry.isSymbolicLink()) {
                    tar.error(entry.getName() + ": Cannot create symlink to " + Quoting.quote(entry.getLinkName())
                            + ": File exists");
                } else if (!entry.isLink()) {
                    tar.error(entry.getName() + ": Cannot open: File exists");
                }
                return;
            }
            if (existing.isDirectory()) {
                tar.error(entry.getName() + ": Cannot open: Is a directory");
                return;
            }
            try {
                process.unlink(trimmed);
            } catch (KernelException e) {
                tar.error(entry.getName() + ": Cannot unlink: " + Diagnostics.describe(e));
                return;
            }
        }
        try {
            if (entry.isSymbolicLink()) {
                process.symlink(entry.getLinkName(), trimmed);
                if (!settings.touch) {
                    process.utimensat(OpenFlags.AT_FDCWD, trimmed, mtime * 1_000_000_000L, mtime * 1_000_000_000L,
                            OpenFlags.AT_SYMLINK_NOFOLLOW);
                }
                return;
            }
            if (entry.isLink()) {
                String from = target(entry.getLinkName());
                process.link(from == null ? entry.getLinkName() : from, trimmed);
                return;
            }
            if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
                tar.error(entry.getName() + ": Cannot mknod: Operation not supported");
                return;
            }
        } catch (KernelException e) {
            String what = entry.isSymbolicLink() ? "Cannot create symlink to " + Quoting.quote(entry.getLinkName())
                    : "Cannot hard link to " + Quoting.quote(entry.getLinkName());
            tar.error(entry.getName() + ": " + what + ": " + Diagnostics.describe(e));
            return;
        }
        try (OutputStream out = BufferedOutput.open(process, trimmed, false)) {
            in.transferTo(out);
        } catch (KernelException | WriteError e) {
            tar.error(entry.getName() + ": Cannot open: " + Diagnostics.describe(e));
            return;
        }
        try {
            process.chmod(trimmed, mode);
            if (!settings.touch) {
                process.utimensat(OpenFlags.AT_FDCWD, trimmed, mtime * 1_000_000_000L, mtime * 1_000_000_000L, 0);
            }
        } catch (KernelException e) {
            tar.error(entry.getName() + ": Cannot change mode: " + Diagnostics.describe(e));
        }
    }

    /** Creates the missing directories above {@code path}, as tar does for members listed without them. */
    private void makeParents(String path) {
        String parent = FileOps.parent(path);
        if (parent.equals(".") || parent.equals("/") || FileOps.lstatOrNull(process, parent) != null) {
            return;
        }
        makeParents(parent);
        try {
            process.mkdir(parent, 0777 & ~umask);
        } catch (KernelException e) {
            if (e.errno() != Errno.EEXIST) {
                tar.error(parent + ": Cannot mkdir: " + Diagnostics.describe(e));
            }
        }
    }

    /** Sets the directories' modes and times, deepest last-extracted first, once their contents are in. */
    private void finishDirectories() {
        for (int i = directories.size() - 1; i >= 0; i--) {
            String path = (String) directories.get(i)[0];
            try {
                process.chmod(path, (Integer) directories.get(i)[1]);
                if (!settings.touch) {
                    long mtime = (Long) directories.get(i)[2] * 1_000_000_000L;
                    process.utimensat(OpenFlags.AT_FDCWD, path, mtime, mtime, 0);
                }
            } catch (KernelException e) {
                tar.error(path + ": Cannot change mode: " + Diagnostics.describe(e));
            }
        }
    }
}
