package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.io.OutputStream;

/**
 * mkdir [-pv] [-m MODE] DIRECTORY...: creates directories with {@code mkdir(2)}, mode 0777 less
 * the umask, or exactly MODE ({@code 1777}, {@code u=rwx,go=rx}) with {@code -m}; {@code -p}
 * creates missing parents (0777 less the umask, plus u+wx) and accepts existing directories.
 */
final class MkdirCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("m:pv", "mode:m", "parents:p", "verbose:v");

    private ProcessApi process;
    private Diagnostics diagnostics;
    private OutputStream out;
    private boolean verbose;
    private int umask;

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        if (options.operands().isEmpty()) {
            throw new UsageException("missing operand");
        }
        this.process = process;
        this.diagnostics = new Diagnostics(process, "mkdir");
        this.out = ByteText.stdout(process);
        this.verbose = options.has('v');
        this.umask = FileModes.umask(process);
        int mode = -1;
        if (options.has('m')) {
            mode = FileModes.apply(options.value('m', ""), 0777, umask, true);
            if (mode < 0) {
                throw UsageException.withoutHint("invalid mode " + Diagnostics.quote(options.value('m', "")));
            }
        }
        for (String operand : options.operands()) {
            if (options.has('p')) {
                makeWithParents(operand, mode, (0777 & ~umask) | 0300);
            } else {
                make(operand, mode, false);
            }
        }
        out.flush();
        return diagnostics.failed() ? 1 : 0;
    }

    /**
     * Creates each missing component of {@code operand}, naming the failing one as typed in the
     * error, as GNU does: {@code mkdir -p file/x} fails on {@code 'file'}.
     */
    private void makeWithParents(String operand, int mode, int parentMode) throws IOException {
        int slash = operand.indexOf('/', 1);
        while (slash > 0) {
            String prefix = operand.substring(0, slash);
            if (!prefix.endsWith("/") && !FileOps.baseName(prefix).equals(".") && !FileOps.baseName(prefix).equals("..")
                    && !createParent(prefix, parentMode)) {
                return;
            }
            slash = operand.indexOf('/', slash + 1);
        }
        if (!FileOps.isDirectory(process, operand)) {
            make(operand, mode, true); // an existing directory keeps its mode, as with GNU's -p
        }
    }

    private boolean createParent(String prefix, int parentMode) throws IOException {
        try {
            process.mkdir(prefix, parentMode);
            if ((umask & 0300) != 0) {
                process.chmod(prefix, parentMode); // parents are always writable and searchable
            }
            created(prefix);
            return true;
        } catch (KernelException e) {
            if (e.errno() == Errno.EEXIST) {
                if (FileOps.isDirectory(process, prefix)) {
                    return true;
                }
                diagnostics.actionError("cannot create directory", prefix, Errno.ENOTDIR);
                return false;
            }
            diagnostics.actionError("cannot create directory", prefix, e);
            return false;
        }
    }

    private void make(String operand, int mode, boolean parents) throws IOException {
        try {
            process.mkdir(operand, mode >= 0 ? mode & 0777 : 0777);
        } catch (KernelException e) {
            if (!(parents && e.errno() == Errno.EEXIST && FileOps.isDirectory(process, operand))) {
                diagnostics.actionError("cannot create directory", operand, e);
            }
            return;
        }
        if (mode >= 0) {
            setMode(operand, mode);
        }
        created(operand);
    }

    private void setMode(String path, int mode) {
        try {
            process.chmod(path, mode);
        } catch (KernelException e) {
            diagnostics.actionError("cannot set permissions of", path, e);
        }
    }

    private void created(String path) throws IOException {
        if (verbose) {
            ByteText.writeUtf8(out, "mkdir: created directory " + Diagnostics.quote(path) + "\n");
        }
    }
}
