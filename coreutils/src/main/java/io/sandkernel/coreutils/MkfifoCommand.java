package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;

/**
 * mkfifo [-m MODE] NAME...: would create named pipes. The kernel's file systems hold no FIFOs
 * (there is no {@code mknod}/{@code mkfifoat} system call; pipes exist only as {@code pipe2}
 * descriptors), so each name fails as {@code mknod} fails on a file system that cannot hold one
 * (EPERM), after the checks that would fail first on Linux: an existing name (EEXIST) and a
 * missing directory (ENOENT).
 */
final class MkfifoCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("m:Z", "mode:m", "context?:Z");

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        if (options.operands().isEmpty()) {
            throw new UsageException("missing operand");
        }
        if (options.has('m')) {
            String mode = options.value('m', "");
            ModeChange change = ModeChange.compile(mode);
            if (change == null) {
                throw UsageException.withoutHint("invalid mode");
            }
            if ((change.apply(0666, false, 0) & ~0777) != 0) {
                throw UsageException.withoutHint("mode must specify only file permission bits");
            }
        }
        Diagnostics diagnostics = new Diagnostics(process, "mkfifo");
        for (String name : options.operands()) {
            Errno errno;
            if (FileOps.lstatOrNull(process, name) != null) {
                errno = Errno.EEXIST;
            } else if (!FileOps.isDirectory(process, FileOps.parent(name))) {
                errno = FileOps.lstatOrNull(process, FileOps.parent(name)) == null ? Errno.ENOENT : Errno.ENOTDIR;
            } else {
                errno = Errno.EPERM;
            }
            diagnostics.error("cannot create fifo " + Diagnostics.quote(name) + ": " + Diagnostics.strerror(errno));
        }
        return 1;
    }
}
