package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.DirEntry;
import io.sandkernel.api.fs.FileType;
import io.sandkernel.api.fs.Stat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * {@code tar -c} (and {@code -r}): walks the operands through the kernel (directories in name
 * order, so archives are reproducible), writing GNU-format entries with the files' modes, owners
 * (and their names), times, symbolic and hard links; {@code -C} applies to the operands after
 * it, a leading {@code /} is removed (once reported), the archive itself is never archived.
 */
final class TarCreate {
    private final TarCommand tar;
    private final TarCommand.Settings settings;
    private final ProcessApi process;
    private final Map<String, String> links = new HashMap<>();
    private final List<String> removable = new ArrayList<>();
    private UserDatabase users;
    private TarArchiveOutputStream out;
    private OutputStream verbose;
    private boolean warnedAbsolute;
    private Stat archiveStat;

    TarCreate(TarCommand tar, TarCommand.Settings settings) {
        this.tar = tar;
        this.settings = settings;
        this.process = tar.process();
    }

    /** Writes the archive; {@code previous} is the old archive's tar bytes for {@code -r}, else null. */
    void run(byte[] previous) throws IOException {
        if (!settings.archive.equals("-") && previous == null) {
            try {
                BufferedOutput.open(process, settings.archive, false).close();
            } catch (KernelException e) {
                throw tar.fatal(settings.archive + ": Cannot open: " + Diagnostics.describe(e));
            }
        }
        if (!settings.archive.equals("-")) {
            archiveStat = FileOps.statOrNull(process, settings.archive);
        }
        verbose = settings.archive.equals("-") ? new java.io.PrintStream(process.stderr(), true)
                : ByteText.stdout(process);
        users = new UserDatabase(process);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        out = new TarArchiveOutputStream(bytes, "UTF-8");
        out.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
        out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        if (previous != null && previous.length > 0) {
            copy(previous);
        }
        String base = null;
        for (String[] operand : settings.operands) {
            if ("-C".equals(operand[0])) {
                base = base == null || operand[1].startsWith("/") ? operand[1] : FileOps.join(base, operand[1]);
                continue;
            }
            if ("-X".equals(operand[0])) {
                settings.excludes.addAll(lines(operand[1]));
                continue;
            }
            List<String> names = "-T".equals(operand[0]) ? lines(operand[1]) : List.of(operand[1]);
            for (String name : names) {
                String path = base == null || name.startsWith("/") ? name : FileOps.join(base, name);
                add(path, name, true);
            }
        }
        out.finish();
        out.close();
        verbose.flush();
        tar.writeArchive(settings, bytes.toByteArray());
        if (settings.removeFiles) {
            for (int i = removable.size() - 1; i >= 0; i--) {
                try {
                    process.unlinkat(io.sandkernel.api.fs.OpenFlags.AT_FDCWD, removable.get(i),
                            FileOps.isDirectory(process, removable.get(i)) ? io.sandkernel.api.fs.OpenFlags.AT_REMOVEDIR : 0);
                } catch (KernelException e) {
                    tar.error(removable.get(i) + ": Cannot unlink: " + Diagnostics.describe(e));
                }
            }
        }
    }

    private void copy(byte[] previous) throws IOException {
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(previous), "UTF-8")) {
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                out.putArchiveEntry(entry);
                in.transferTo(out);
                out.closeArchiveEntry();
            }
        }
    }

    private List<String> lines(String file) {
        List<String> result = new ArrayList<>();
        try (InputStream in = InputFiles.open(process, file)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty()) {
                    result.add(line);
                }
            }
        } catch (IOException | KernelException e) {
            throw tar.fatal(file + ": Cannot open: " + Diagnostics.describe(e));
        }
        return result;
    }

    private boolean excluded(String name) {
        String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String pattern : settings.excludes) {
            String[] parts = trimmed.split("/");
            for (int i = 0; i < parts.length; i++) {
                String tail = String.join("/", java.util.Arrays.copyOfRange(parts, i, parts.length));
                if (Fnmatch.matches(pattern, tail, 0)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The member name GNU stores: without leading slashes (reported once), unless {@code -P}. */
    private String memberName(String name) {
        if (settings.absoluteNames || !name.startsWith("/")) {
            return name;
        }
        String stripped = name.replaceFirst("^/+", "");
        if (!warnedAbsolute) {
            warnedAbsolute = true;
            tar.message("Removing leading `/' from member names");
        }
        return stripped.isEmpty() ? "." : stripped;
    }

    private void add(String path, String name, boolean top) throws IOException {
        if (excluded(name)) {
            return;
        }
        Stat stat;
        try {
            stat = settings.dereference ? process.stat(path) : process.lstat(path);
        } catch (KernelException e) {
            tar.error(name + ": Cannot stat: " + Diagnostics.describe(e));
            return;
        }
        if (archiveStat != null && FileOps.sameFile(stat, archiveStat)) {
            tar.message(name + ": file is the archive; not dumped");
            return;
        }
        new CpuCheckpoint(process).poll();
        String member = memberName(name);
        FileType type = stat.type();
        TarArchiveEntry entry;
        if (type == FileType.DIRECTORY) {
            entry = new TarArchiveEntry(member.endsWith("/") ? member : member + "/", TarConstants.LF_DIR, true);
        } else if (type == FileType.SYMLINK) {
            entry = new TarArchiveEntry(member, TarConstants.LF_SYMLINK, true);
            entry.setLinkName(process.readlink(path));
        } else if (type == FileType.REGULAR) {
            String key = stat.dev() + ":" + stat.ino();
            String first = stat.nlink() > 1 ? links.get(key) : null;
            if (first != null) {
                entry = new TarArchiveEntry(member, TarConstants.LF_LINK, true);
                entry.setLinkName(first);
            } else {
                entry = new TarArchiveEntry(member, TarConstants.LF_NORMAL, true);
                entry.setSize(stat.size());
                if (stat.nlink() > 1) {
                    links.put(key, member);
                }
            }
        } else if (type == FileType.FIFO) {
            entry = new TarArchiveEntry(member, TarConstants.LF_FIFO, true);
        } else if (type == FileType.CHARACTER_DEVICE || type == FileType.BLOCK_DEVICE) {
            entry = new TarArchiveEntry(member, type == FileType.CHARACTER_DEVICE ? TarConstants.LF_CHR
                    : TarConstants.LF_BLK, true);
            entry.setDevMajor((int) (stat.rdev() >>> 8) & 0xFFF);
            entry.setDevMinor((int) (stat.rdev() & 0xFF));
        } else {
            tar.message(name + ": socket ignored");
            return;
        }
        entry.setMode(stat.permissions());
        entry.setModTime(settings.mtime != null ? settings.mtime * 1000 : stat.mtime().getEpochSecond() * 1000);
        entry.setUserId(stat.uid());
        entry.setGroupId(stat.gid());
        entry.setUserName(settings.numericOwner ? "" : java.util.Objects.requireNonNullElse(users.userName(stat.uid()), ""));
        entry.setGroupName(settings.numericOwner ? "" : java.util.Objects.requireNonNullElse(users.groupName(stat.gid()), ""));
        if (settings.owner != null || settings.group != null) {
            applyOwners(entry);
        }
        byte[] content = null;
        if (entry.getLinkFlag() == TarConstants.LF_NORMAL) {
            try (InputStream in = InputFiles.openFile(process, path)) {
                content = in.readAllBytes();
            } catch (KernelException | IOException e) {
                tar.error(name + ": Cannot open: " + Diagnostics.describe(e));
                return;
            }
            entry.setSize(content.length);
        }
        out.putArchiveEntry(entry);
        if (content != null) {
            out.write(content);
        }
        out.closeArchiveEntry();
        if (settings.verbose > 0) {
            ByteText.writeUtf8(verbose, (settings.verbose > 1 ? TarExtract.longListing(entry, settings, process)
                    : entry.getName()) + "\n");
        }
        removable.add(path);
        if (type == FileType.DIRECTORY && settings.recursion) {
            List<String> children = new ArrayList<>();
            try {
                for (DirEntry child : process.listDirectory(path)) {
                    if (!child.name().equals(".") && !child.name().equals("..")) {
                        children.add(child.name());
                    }
                }
            } catch (KernelException e) {
                tar.error(name + ": Cannot open: " + Diagnostics.describe(e));
                return;
            }
            children.sort(null);
            String prefix = name.endsWith("/") ? name : name + "/";
            for (String child : children) {
                add(FileOps.join(path, child), prefix + child, false);
            }
        }
    }

    /** --owner and --group: NAME, NAME:ID or a number. */
    private void applyOwners(TarArchiveEntry entry) {
        if (settings.owner != null) {
            String[] parts = settings.owner.split(":", 2);
            if (parts[0].matches("\\+?[0-9]+")) {
                entry.setUserId(Integer.parseInt(parts[0].replace("+", "")));
                entry.setUserName(parts.length > 1 ? parts[1] : "");
            } else {
                entry.setUserName(parts[0]);
                if (parts.length > 1) {
                    entry.setUserId(Integer.parseInt(parts[1]));
                }
            }
        }
        if (settings.group != null) {
            String[] parts = settings.group.split(":", 2);
            if (parts[0].matches("\\+?[0-9]+")) {
                entry.setGroupId(Integer.parseInt(parts[0].replace("+", "")));
                entry.setGroupName(parts.length > 1 ? parts[1] : "");
            } else {
                entry.setGroupName(parts[0]);
                if (parts.length > 1) {
                    entry.setGroupId(Integer.parseInt(parts[1]));
                }
            }
        }
    }
}
