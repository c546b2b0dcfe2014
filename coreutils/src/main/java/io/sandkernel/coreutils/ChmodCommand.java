package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.Stat;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * chmod [-Rcfv] MODE[,MODE]... FILE... | --reference=RFILE FILE...: changes permission bits
 * with {@code fchmodat}, octal or symbolic ({@link ModeChange}), recursively with {@code -R}
 * (symbolic links below the command line are left alone), reporting changes with {@code -v} or
 * {@code -c} in GNU's words. A mode written as an option ({@code chmod -w f}) works, and as in
 * GNU it is then checked against what the umask let through ("new permissions are ...").
 */
final class ChmodCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("Rcfv",
            "recursive:R", "changes:c", "silent:f", "quiet:f", "verbose:v", "reference=:\u0001",
            "preserve-root:\u0002", "no-preserve-root:\u0003");

    private ProcessApi process;
    private Diagnostics diagnostics;
    private OutputStream out;
    private ModeChange change;
    private int referenceMode = -1;
    private boolean diagnoseSurprises;
    private int umask;
    private char report;
    private boolean quiet;

    @Override
    public int run(ProcessApi process) throws Exception {
        List<String> args = new ArrayList<>();
        StringBuilder modeOptions = new StringBuilder();
        boolean ended = false;
        for (String arg : process.args()) {
            if (!ended && isModeOption(arg)) {
                modeOptions.append(modeOptions.isEmpty() ? "" : ",").append(arg);
            } else {
                ended |= arg.equals("--");
                args.add(arg);
            }
        }
        Options options = PARSER.parse(args);
        this.process = process;
        this.diagnostics = new Diagnostics(process, "chmod");
        this.out = ByteText.stdout(process);
        this.report = options.has('v') ? 'v' : options.has('c') ? 'c' : 0;
        this.quiet = options.has('f');
        this.diagnoseSurprises = !modeOptions.isEmpty();
        List<String> files = new ArrayList<>(options.operands());
        String reference = options.value('\u0001', null);
        String modeText = modeOptions.toString();
        if (reference == null && modeText.isEmpty()) {
            if (files.isEmpty()) {
                throw new UsageException("missing operand");
            }
            modeText = files.remove(0);
        }
        if (files.isEmpty()) {
            throw new UsageException(reference == null && !diagnoseSurprises
                    ? "missing operand after " + Diagnostics.quote(modeText) : "missing operand");
        }
        if (reference != null) {
            try {
                referenceMode = process.stat(reference).permissions();
            } catch (KernelException e) {
                diagnostics.actionError("failed to get attributes of", reference, e);
                return 1;
            }
        } else {
            change = ModeChange.compile(modeText);
            if (change == null) {
                throw new UsageException("invalid mode: " + Diagnostics.quote(modeText));
            }
        }
        this.umask = FileModes.umask(process);
        boolean recursive = options.has('R');
        boolean preserveRoot = options.last("\u0002\u0003", '\u0003') == '\u0002';
        for (String file : files) {
            operand(file, recursive, preserveRoot);
        }
        out.flush();
        return diagnostics.failed() ? 1 : 0;
    }

    /** GNU takes {@code -w}, {@code -rx}, {@code -755}... as the mode, leaving {@code -R -c -f -v} as options. */
    private static boolean isModeOption(String arg) {
        if (arg.length() < 2 || arg.charAt(0) != '-' || arg.startsWith("--")) {
            return false;
        }
        return !arg.substring(1).chars().allMatch(c -> "Rcfv".indexOf(c) >= 0);
    }

    private void operand(String file, boolean recursive, boolean preserveRoot) throws IOException {
        Stat stat;
        try {
            stat = process.stat(file);
        } catch (KernelException e) {
            Stat link = e.errno() == Errno.ENOENT ? FileOps.lstatOrNull(process, file) : null;
            if (!quiet) {
                if (link != null && link.isSymbolicLink()) {
                    diagnostics.error("cannot operate on dangling symlink " + Diagnostics.quote(file));
                } else {
                    diagnostics.actionError("cannot access", file, e);
                }
            } else {
                diagnostics.fail();
            }
            if (report == 'v') {
                ByteText.writeUtf8(out, Diagnostics.quote(file) + " could not be accessed\n");
            }
            return;
        }
        if (recursive && preserveRoot && stat.isDirectory() && FileOps.sameFile(stat, FileOps.statOrNull(process, "/"))) {
            diagnostics.error("it is dangerous to operate recursively on " + Diagnostics.quote(file)
                    + (file.equals("/") ? "" : " (same as '/')"));
            diagnostics.error("use --no-preserve-root to override this failsafe");
            return;
        }
        change(file, stat);
        if (recursive && stat.isDirectory()) {
            TreeWalk.below(process, diagnostics, file, (path, entry) -> {
                if (entry.isSymbolicLink()) {
                    if (report == 'v') {
                        ByteText.writeUtf8(out, "neither symbolic link " + Diagnostics.quote(path)
                                + " nor referent has been changed\n");
                    }
                    return;
                }
                change(path, entry);
            });
        }
    }

    private void change(String file, Stat stat) throws IOException {
        int old = stat.permissions();
        int mode = referenceMode >= 0 ? referenceMode : change.apply(old, stat.isDirectory(), umask);
        boolean failed = false;
        try {
            process.chmod(file, mode); // even when unchanged, as GNU: someone else's file is refused
        } catch (KernelException e) {
            failed = true;
            if (!quiet) {
                diagnostics.actionError("changing permissions of", file, e);
            } else {
                diagnostics.fail();
            }
        }
        if (report == 'v' || (report == 'c' && mode != old && !failed)) {
            String message;
            if (failed) {
                message = "failed to change mode of " + Diagnostics.quote(file) + " from " + octal(old) + " to " + octal(mode);
            } else if (mode == old) {
                message = "mode of " + Diagnostics.quote(file) + " retained as " + octal(old);
            } else {
                message = "mode of " + Diagnostics.quote(file) + " changed from " + octal(old) + " to " + octal(mode);
            }
            ByteText.writeUtf8(out, message + "\n");
        }
        if (!failed && diagnoseSurprises && change != null) {
            int naive = change.apply(old, stat.isDirectory(), 0);
            if ((mode & ~naive) != 0) {
                out.flush();
                diagnostics.error(Diagnostics.quoteIfNeeded(file) + ": new permissions are "
                        + ModeChange.letters(mode) + ", not " + ModeChange.letters(naive));
            }
        }
    }

    private static String octal(int mode) {
        return String.format(Locale.ROOT, "%04o (%s)", mode, ModeChange.letters(mode));
    }
}
