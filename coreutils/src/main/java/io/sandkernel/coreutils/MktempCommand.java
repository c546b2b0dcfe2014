package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.OpenFlags;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.List;

/**
 * mktemp [-dqtu] [-p DIR] [--suffix=SUFF] [TEMPLATE]: creates a file (mode 0600, with
 * O_CREAT|O_EXCL) or directory (0700) whose name is TEMPLATE with its last run of at least three
 * {@code X}s replaced by random letters and digits, and prints the name. Without a template it
 * is {@code tmp.XXXXXXXXXX} in $TMPDIR or /tmp; {@code -p}/{@code --tmpdir} put a relative
 * template there, {@code -t} too but $TMPDIR first; {@code -u} only prints a name.
 */
final class MktempCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("dp:qtu",
            "directory:d", "quiet:q", "dry-run:u", "suffix=:\u0001", "tmpdir?:\u0002");
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    /** How many names are tried before giving up (GNU tries as many; collisions are rare). */
    private static final int ATTEMPTS = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        List<String> operands = options.operands();
        if (operands.size() > 1) {
            throw new UsageException("too many templates");
        }
        Diagnostics diagnostics = new Diagnostics(process, "mktemp");
        boolean quiet = options.has('q');
        String template = operands.isEmpty() ? "tmp.XXXXXXXXXX" : operands.get(0);
        String suffix = options.value('\u0001', null);
        boolean useTmpdir = operands.isEmpty() || options.has('p') || options.has('\u0002') || options.has('t');
        if (suffix != null) {
            if (!template.endsWith("X")) {
                return fail(diagnostics, false, "with --suffix, template " + Diagnostics.quote(template) + " must end in X");
            }
        } else {
            int lastX = template.lastIndexOf('X');
            suffix = lastX < 0 ? "" : template.substring(lastX + 1);
            template = template.substring(0, template.length() - suffix.length());
        }
        int xs = 0;
        while (xs < template.length() && template.charAt(template.length() - 1 - xs) == 'X') {
            xs++;
        }
        if (xs < 3) {
            return fail(diagnostics, false, "too few X's in template " + Diagnostics.quote(template + suffix));
        }
        if (suffix.contains("/")) {
            return fail(diagnostics, false, "invalid suffix " + Diagnostics.quote(suffix) + ", contains directory separator");
        }
        String prefixDir = null;
        if (useTmpdir) {
            String tmpdir = process.env().get("TMPDIR");
            String given = options.has('p') ? options.value('p', "") : options.value('\u0002', null);
            if (options.has('t') && tmpdir != null && !tmpdir.isEmpty()) {
                prefixDir = tmpdir;
            } else if (given != null && !given.isEmpty()) {
                prefixDir = given;
            } else {
                prefixDir = tmpdir != null && !tmpdir.isEmpty() ? tmpdir : "/tmp";
            }
            if (options.has('t') && template.contains("/")) {
                return fail(diagnostics, false, "invalid template, " + Diagnostics.quote(template + suffix)
                        + ", contains directory separator");
            }
            if (!options.has('t') && template.startsWith("/") && !operands.isEmpty()) {
                return fail(diagnostics, false, "invalid template, " + Diagnostics.quote(template + suffix)
                        + "; with --tmpdir, it may not be absolute");
            }
        }
        String stem = template.substring(0, template.length() - xs);
        String full = prefixDir == null ? template : FileOps.join(prefixDir, template);
        String fullStem = full.substring(0, full.length() - xs);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String name = fullStem + random(xs) + suffix;
            try {
                if (options.has('u')) {
                    if (FileOps.lstatOrNull(process, name) != null) {
                        continue;
                    }
                } else if (options.has('d')) {
                    process.mkdir(name, 0700);
                } else {
                    int fd = process.open(name, OpenFlags.O_RDWR | OpenFlags.O_CREAT | OpenFlags.O_EXCL
                            | OpenFlags.O_CLOEXEC, 0600);
                    process.close(fd);
                }
            } catch (KernelException e) {
                if (e.errno() == Errno.EEXIST) {
                    continue;
                }
                return fail(diagnostics, quiet, "failed to create " + (options.has('d') ? "directory" : "file")
                        + " via template " + Diagnostics.quote(full + suffix) + ": " + Diagnostics.describe(e));
            }
            OutputStream out = ByteText.stdout(process);
            ByteText.writeUtf8(out, name + "\n");
            out.flush();
            return 0;
        }
        return fail(diagnostics, quiet, "failed to create " + (options.has('d') ? "directory" : "file")
                + " via template " + Diagnostics.quote(full + suffix) + ": " + Diagnostics.strerror(Errno.EEXIST));
    }

    private static int fail(Diagnostics diagnostics, boolean quiet, String message) {
        if (!quiet) {
            diagnostics.error(message);
        }
        return 1;
    }

    private static String random(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
        }
        return text.toString();
    }
}
