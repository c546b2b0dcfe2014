package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.FileType;
import io.sandkernel.api.fs.Stat;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * file [-bhiLz0] [--mime-type] [-F SEP] FILE...: the type of each file, as file(1) says it
 * ({@link FileMagic} for the contents; directories, links, devices and FIFOs from
 * {@code lstat}), names padded so that the descriptions line up. A file that cannot be read is
 * described as such ("cannot open `x' (No such file or directory)") and does not change the
 * status, as in file(1).
 */
final class FileTypeCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("bcCdEf:F:hikLlNnprsSvzZ0",
            "brief:b", "mime:i", "mime-type:\u0001", "mime-encoding:\u0002", "dereference:L",
            "no-dereference:h", "separator:F", "print0:0", "no-pad:N", "uncompress:z", "files-from:f",
            "special-files:s", "keep-going:k", "raw:r", "preserve-date:p");
    /** How much of a file is looked at (libmagic reads about this much too). */
    private static final int SAMPLE = 1024 * 1024;

    private ProcessApi process;
    private Options options;

    @Override
    public int run(ProcessApi process) throws Exception {
        this.options = PARSER.parse(process.args());
        this.process = process;
        List<String> names = new ArrayList<>(options.operands());
        if (options.has('f')) {
            String list = options.value('f', "-");
            try (var in = list.equals("-") ? process.stdin() : process.openRead(list)) {
                for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isEmpty()) {
                        names.add(line);
                    }
                }
            }
        }
        if (names.isEmpty()) {
            process.stderr().print("Usage: file [-bcCdEhikLlNnprsSvzZ0] [--apple] [--extension] [--mime-encoding]\n"
                    + "            [--mime-type] [-e <testname>] [-F <separator>]  [-f <namefile>]\n"
                    + "            [-m <magicfiles>] [-P <parameter=value>] [--exclude-quiet]\n"
                    + "            <file> ...\n"
                    + "       file -C [-m <magicfiles>]\n"
                    + "       file [--help]\n");
            process.stderr().flush();
            return 1;
        }
        String separator = options.value('F', ":");
        int width = 0;
        for (String name : names) {
            width = Math.max(width, name.length());
        }
        OutputStream out = ByteText.stdout(process);
        for (String name : names) {
            FileMagic.Kind kind = describe(name);
            String text = kind.description();
            if (options.has('i')) {
                text = kind.mime() + "; charset=" + kind.charset();
            } else if (options.has('\u0001')) {
                text = kind.mime();
            } else if (options.has('\u0002')) {
                text = kind.charset();
            }
            StringBuilder line = new StringBuilder();
            if (!options.has('b')) {
                line.append(name);
                if (options.has('0')) {
                    line.append('\0');
                } else {
                    line.append(separator);
                    if (!options.has('N')) {
                        line.append(" ".repeat(width - name.length()));
                    }
                }
                line.append(' ');
            }
            line.append(text).append('\n');
            ByteText.writeUtf8(out, line.toString());
        }
        out.flush();
        return 0;
    }

    private FileMagic.Kind describe(String name) {
        boolean follow = options.has('L') && !options.has('h');
        Stat stat;
        try {
            stat = follow ? process.stat(name) : process.lstat(name);
        } catch (KernelException e) {
            return cannotOpen(name, e);
        }
        String prefix = ((stat.mode() & 04000) != 0 ? "setuid " : "") + ((stat.mode() & 02000) != 0 ? "setgid " : "")
                + ((stat.mode() & 01000) != 0 ? "sticky, " : "");
        switch (stat.type()) {
            case DIRECTORY:
                return new FileMagic.Kind(prefix + "directory", "inode/directory", "binary");
            case SYMLINK: {
                String target;
                try {
                    target = process.readlink(name);
                } catch (KernelException e) {
                    target = "";
                }
                boolean broken = FileOps.statOrNull(process, name) == null;
                return new FileMagic.Kind((broken ? "broken symbolic link to " : "symbolic link to ") + target,
                        "inode/symlink", "binary");
            }
            case CHARACTER_DEVICE:
                return new FileMagic.Kind("character special (" + LsCommand.major(stat.rdev()) + "/"
                        + LsCommand.minor(stat.rdev()) + ")", "inode/chardevice", "binary");
            case BLOCK_DEVICE:
                return new FileMagic.Kind("block special (" + LsCommand.major(stat.rdev()) + "/"
                        + LsCommand.minor(stat.rdev()) + ")", "inode/blockdevice", "binary");
            case FIFO:
                return new FileMagic.Kind("fifo (named pipe)", "inode/fifo", "binary");
            case SOCKET:
                return new FileMagic.Kind("socket", "inode/socket", "binary");
            default:
                break;
        }
        if (stat.type() != FileType.REGULAR) {
            return new FileMagic.Kind("unknown", "application/octet-stream", "binary");
        }
        int fd;
        try {
            fd = FileOps.openRead(process, name);
        } catch (KernelException e) {
            return cannotOpen(name, e);
        }
        try {
            byte[] sample = new byte[(int) Math.min(SAMPLE, Math.max(stat.size(), 1))];
            int length = 0;
            int n;
            while (length < sample.length && (n = process.read(fd, sample, length, sample.length - length)) > 0) {
                length += n;
            }
            long trailer = -1;
            if (stat.size() >= 18) {
                byte[] last = new byte[4];
                if (process.pread(fd, last, 0, 4, stat.size() - 4) == 4) {
                    trailer = FileMagic.u32le(last, 0) & 0xffffffffL;
                }
            }
            FileMagic.Kind kind = FileMagic.classify(sample, length, stat.size(), trailer,
                    Strftime.zone(process.env().get("TZ")));
            return prefix.isEmpty() ? kind : new FileMagic.Kind(prefix + kind.description(), kind.mime(), kind.charset());
        } catch (KernelException e) {
            return new FileMagic.Kind("ERROR: cannot read `" + name + "' (" + Diagnostics.describe(e) + ")",
                    "application/x-not-regular-file", "binary");
        } finally {
            FileOps.closeQuietly(process, fd);
        }
    }

    private static FileMagic.Kind cannotOpen(String name, KernelException e) {
        return new FileMagic.Kind("cannot open `" + name + "' (" + Diagnostics.describe(e) + ")",
                "cannot open `" + name + "' (" + Diagnostics.describe(e) + ")", "");
    }
}
