package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.Stat;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * install [-CcDpTv] [-m MODE] [-o OWNER] [-g GROUP] [-t DIR] SOURCE... DEST, and install -d
 * DIRECTORY...: copies files (through {@code read}/{@code write}, replacing the destination
 * rather than writing into it) and sets their mode (0755 unless {@code -m}), owner and group;
 * {@code -D} creates the destination's missing directories, {@code -d} creates directories as
 * mkdir -p, {@code -C} leaves an identical destination alone, {@code -p} keeps the times.
 */
final class InstallCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("bcCdDg:m:o:pst:TvS:Z",
            "backup?:b", "compare:C", "directory:d", "group:g", "mode:m", "owner:o", "preserve-timestamps:p",
            "strip:s", "strip-program=:\u0001", "suffix:S", "target-directory:t", "no-target-directory:T",
            "verbose:v", "preserve-context:\u0002", "context?:Z");

    private ProcessApi process;
    private Diagnostics diagnostics;
    private Options options;
    private OutputStream out;
    private ModeChange mode;
    private int uid = -1;
    private int gid = -1;

    @Override
    public int run(ProcessApi process) throws Exception {
        this.options = PARSER.parse(process.args());
        this.process = process;
        this.diagnostics = new Diagnostics(process, "install");
        this.out = ByteText.stdout(process);
        String modeText = options.value('m', "0755");
        this.mode = ModeChange.compile(modeText);
        if (mode == null) {
            throw UsageException.withoutHint("invalid mode " + Diagnostics.quote(modeText));
        }
        UserDatabase users = new UserDatabase(process);
        if (options.has('o')) {
            String owner = options.value('o', "");
            int[] account = users.user(owner);
            uid = account != null ? account[0] : owner.matches("[0-9]+") ? Integer.parseInt(owner) : -2;
            if (uid == -2) {
                throw UsageException.withoutHint("invalid user " + Diagnostics.quote(owner));
            }
        }
        if (options.has('g')) {
            String group = options.value('g', "");
            Integer id = users.groupId(group);
            gid = id != null ? id : group.matches("[0-9]+") ? Integer.parseInt(group) : -2;
            if (gid == -2) {
                throw UsageException.withoutHint("invalid group " + Diagnostics.quote(group));
            }
        }
        List<String> operands = options.operands();
        if (options.has('d')) {
            if (operands.isEmpty()) {
                throw new UsageException("missing file operand");
            }
            for (String directory : operands) {
                if (makeDirectories(directory)) {
                    setAttributes(directory, true);
                }
            }
        } else {
            String target = options.value('t', null);
            if (target != null && options.has('D') && !FileOps.isDirectory(process, target)) {
                makeDirectories(target);
            }
            if (target != null) {
                Stat directory;
                try {
                    directory = process.stat(target);
                } catch (KernelException e) {
                    diagnostics.actionError("failed to access", target, e);
                    out.flush();
                    return 1;
                }
                if (!directory.isDirectory()) {
                    throw UsageException.withoutHint("target " + Diagnostics.quote(target) + " is not a directory");
                }
            }
            if (target == null && options.has('D') && operands.size() == 2 && !options.has('T')
                    && !FileOps.isDirectory(process, operands.get(1))) {
                String parent = FileOps.parent(operands.get(1));
                if (!parent.equals(".") && !makeDirectories(parent)) {
                    out.flush();
                    return 1;
                }
            }
            if (target == null && operands.size() == 1) {
                throw new UsageException("missing destination file operand after " + Diagnostics.quote(operands.get(0)));
            }
            for (String[] pair : Targets.of(process, operands, target, options.has('T')).pairs()) {
                install(pair[0], pair[1]);
            }
        }
        out.flush();
        return diagnostics.failed() ? 1 : 0;
    }

    /** mkdir -p with GNU install's "creating directory" reports. */
    private boolean makeDirectories(String path) throws IOException {
        StringBuilder prefix = new StringBuilder(path.startsWith("/") ? "/" : "");
        String[] parts = path.split("/+");
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            prefix.append(prefix.isEmpty() || prefix.charAt(prefix.length() - 1) == '/' ? "" : "/").append(part);
            String current = prefix.toString();
            if (FileOps.isDirectory(process, current)) {
                continue;
            }
            try {
                process.mkdir(current, 0755);
            } catch (KernelException e) {
                if (e.errno() == Errno.EEXIST && FileOps.isDirectory(process, current)) {
                    continue;
                }
                Errno errno = e.errno() == Errno.EEXIST ? Errno.ENOTDIR : e.errno();
                diagnostics.error("cannot create directory " + Diagnostics.quote(current) + ": " + Diagnostics.strerror(errno));
                return false;
            }
            if (options.has('v')) {
                ByteText.writeUtf8(out, "install: creating directory " + Diagnostics.quote(current) + "\n");
            }
        }
        return true;
    }

    private void install(String source, String destination) throws IOException {
        Stat from;
        try {
            from = process.stat(source);
        } catch (KernelException e) {
            diagnostics.actionError("cannot stat", source, e);
            return;
        }
        if (from.isDirectory()) {
            diagnostics.error("omitting directory " + Diagnostics.quote(source));
            return;
        }
        Stat existing = FileOps.lstatOrNull(process, destination);
        if (existing != null && existing.isDirectory()) {
            diagnostics.error("cannot overwrite directory " + Diagnostics.quote(destination) + " with non-directory");
            return;
        }
        int wanted = mode.apply(0, false, 0);
        boolean sameName = FileOps.sameFile(from, existing) && FileOps.baseName(source).equals(FileOps.baseName(destination))
                && FileOps.sameFile(FileOps.statOrNull(process, FileOps.parent(source)),
                        FileOps.statOrNull(process, FileOps.parent(destination)));
        if (sameName) {
            diagnostics.error(Diagnostics.quote(source) + " and " + Diagnostics.quote(destination) + " are the same file");
            return;
        }
        if (options.has('C') && existing != null && existing.isRegularFile() && existing.permissions() == wanted
                && sameContent(source, destination)) {
            return;
        }
        if (existing != null) {
            try {
                process.unlink(destination);
            } catch (KernelException e) {
                diagnostics.actionError("cannot remove", destination, e);
                return;
            }
            if (options.has('v')) {
                ByteText.writeUtf8(out, "removed " + Diagnostics.quote(destination) + "\n");
            }
        }
        if (!copy(source, destination)) {
            return;
        }
        if (options.has('p')) {
            try {
                process.utimensat(OpenFlags.AT_FDCWD, destination, nanos(from.atime()), nanos(from.mtime()), 0);
            } catch (KernelException e) {
                diagnostics.actionError("cannot set timestamps for", destination, e);
            }
        }
        setAttributes(destination, false);
        if (options.has('v')) {
            ByteText.writeUtf8(out, Diagnostics.quote(source) + " -> " + Diagnostics.quote(destination) + "\n");
        }
    }

    private void setAttributes(String path, boolean directory) {
        if (uid >= 0 || gid >= 0) {
            try {
                process.chown(path, uid, gid);
            } catch (KernelException e) {
                diagnostics.actionError("cannot change ownership of", path, e);
                return;
            }
        }
        try {
            process.chmod(path, mode.apply(0, directory, 0));
        } catch (KernelException e) {
            diagnostics.actionError("cannot change permissions of", path, e);
        }
    }

    private boolean copy(String source, String destination) {
        int in;
        try {
            in = FileOps.openRead(process, source);
        } catch (KernelException e) {
            diagnostics.actionError("cannot open", source, e);
            return false;
        }
        try {
            int output;
            try {
                output = process.open(destination, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_EXCL
                        | OpenFlags.O_CLOEXEC, 0600);
            } catch (KernelException e) {
                diagnostics.actionError("cannot create regular file", destination, e);
                return false;
            }
            try {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = process.read(in, buffer, 0, buffer.length)) > 0) {
                    int at = 0;
                    while (at < n) {
                        at += process.write(output, buffer, at, n - at);
                    }
                }
                return true;
            } catch (KernelException e) {
                diagnostics.error("error writing " + Diagnostics.quote(destination) + ": " + Diagnostics.describe(e));
                return false;
            } finally {
                FileOps.closeQuietly(process, output);
            }
        } finally {
            FileOps.closeQuietly(process, in);
        }
    }

    private boolean sameContent(String a, String b) {
        try (var first = process.openRead(a); var second = process.openRead(b)) {
            return Arrays.equals(first.readAllBytes(), second.readAllBytes());
        } catch (IOException | KernelException e) {
            return false;
        }
    }

    private static long nanos(java.time.Instant time) {
        return time.getEpochSecond() * 1_000_000_000L + time.getNano();
    }
}
