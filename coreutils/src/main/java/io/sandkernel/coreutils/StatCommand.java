package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.FileType;
import io.sandkernel.api.fs.Stat;
import io.sandkernel.api.fs.StatFs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * stat [-L] [-f] [-t] [-c FORMAT | --printf FORMAT] FILE...: a file's status from
 * {@code lstat} (or {@code stat} with {@code -L}) in GNU's default layout or a format
 * ({@link StatFormatter}); {@code -f} the status of its file system from {@code statfs}. Times
 * are in the TZ zone; the kernel records no birth times ({@code %w} is "-").
 */
final class StatCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("c:fLt",
            "dereference:L", "file-system:f", "format:c", "printf=:\u0001", "terse:t", "cached=:\u0002");
    private static final String FILE_FORMAT = "  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n"
            + "Device: %Hd,%Ld\tInode: %-11i Links: %h\n"
            + "Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n"
            + "Access: %x\nModify: %y\nChange: %z\n Birth: %w\n";
    private static final String DEVICE_FORMAT = "  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n"
            + "Device: %Hd,%Ld\tInode: %-11i Links: %-5h Device type: %Hr,%Lr\n"
            + "Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n"
            + "Access: %x\nModify: %y\nChange: %z\n Birth: %w\n";
    private static final String FS_FORMAT = "  File: \"%n\"\n    ID: %-8i Namelen: %-7l Type: %T\n"
            + "Block size: %-10s Fundamental block size: %S\n"
            + "Blocks: Total: %-10b Free: %-10f Available: %a\n"
            + "Inodes: Total: %-10c Free: %d\n";
    private static final String TERSE = "%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o\n";
    private static final String FS_TERSE = "%n %i %l %t %s %S %b %f %a %c %d\n";

    private ProcessApi process;
    private UserDatabase users;
    private List<String[]> mounts;

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        if (options.operands().isEmpty()) {
            throw new UsageException("missing operand");
        }
        this.process = process;
        Diagnostics diagnostics = new Diagnostics(process, "stat");
        String format = null;
        boolean printf = false;
        for (Options.Given given : options.given()) {
            if (given.option() == 'c') {
                format = given.value() + "\n";
                printf = false;
            } else if (given.option() == '\u0001') {
                format = given.value();
                printf = true;
            }
        }
        if (printf) {
            format = Escapes.decode(format, Escapes.Style.PRINTF).text();
        }
        boolean fileSystem = options.has('f');
        StatFormatter formatter = new StatFormatter(context());
        OutputStream out = ByteText.stdout(process);
        for (String name : options.operands()) {
            String text;
            if (fileSystem) {
                StatFs fs;
                try {
                    fs = process.statfs(name);
                } catch (KernelException e) {
                    out.flush();
                    diagnostics.error("cannot read file system information for " + Diagnostics.quote(name) + ": "
                            + Diagnostics.describe(e));
                    continue;
                }
                String chosen = format != null ? format : options.has('t') ? FS_TERSE : FS_FORMAT;
                text = formatter.fileSystem(chosen, name, fs);
            } else {
                Stat stat;
                try {
                    stat = options.has('L') ? process.stat(name) : process.lstat(name);
                } catch (KernelException e) {
                    out.flush();
                    diagnostics.error("cannot statx " + Diagnostics.quote(name) + ": " + Diagnostics.describe(e));
                    continue;
                }
                boolean device = stat.type() == FileType.CHARACTER_DEVICE || stat.type() == FileType.BLOCK_DEVICE;
                String chosen = format != null ? format : options.has('t') ? TERSE : device ? DEVICE_FORMAT : FILE_FORMAT;
                text = formatter.file(chosen, name, stat, format != null);
            }
            ByteText.writeUtf8(out, text);
            String errors = formatter.takeErrors();
            if (!errors.isEmpty()) {
                out.flush();
                for (String line : errors.split("\n")) {
                    diagnostics.error(line);
                }
            }
        }
        out.flush();
        return diagnostics.failed() ? 1 : 0;
    }

    private StatFormatter.Context context() {
        Strftime.Zone zone = Strftime.zone(process.env().get("TZ"));
        return new StatFormatter.Context() {
            @Override
            public String userName(int uid) {
                return database().userName(uid) == null ? "UNKNOWN" : database().userName(uid);
            }

            @Override
            public String groupName(int gid) {
                return database().groupName(gid) == null ? "UNKNOWN" : database().groupName(gid);
            }

            @Override
            public String linkTarget(String path) {
                try {
                    return process.readlink(path);
                } catch (KernelException e) {
                    return "?";
                }
            }

            @Override
            public String mountPoint(String path) {
                return StatCommand.this.mountPoint(path);
            }

            @Override
            public Strftime.Zone zone() {
                return zone;
            }
        };
    }

    private UserDatabase database() {
        if (users == null) {
            users = new UserDatabase(process);
        }
        return users;
    }

    /** The longest mount point of /proc/mounts that holds the file's canonical name. */
    private String mountPoint(String path) {
        if (mounts == null) {
            mounts = new ArrayList<>();
            try (InputStream in = process.openRead("/proc/mounts")) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String[] fields = line.split(" ");
                    if (fields.length > 2) {
                        mounts.add(fields);
                    }
                }
            } catch (IOException | KernelException e) {
                // no /proc: everything is on "/"
            }
        }
        String canonical;
        try {
            canonical = PathResolver.canonicalize(process, path, PathResolver.Mode.MISSING, true, false);
        } catch (KernelException e) {
            canonical = path;
        }
        String best = "/";
        for (String[] mount : mounts) {
            String point = mount[1];
            if (PathResolver.isWithin(canonical, point) && point.length() > best.length()) {
                best = point;
            }
        }
        return best;
    }
}
