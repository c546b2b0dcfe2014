package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.Stat;

/**
 * truncate [-co] -s [+-<>/%]SIZE | -r RFILE [-s [+-]SIZE] FILE...: sets each file's size with
 * {@code ftruncate}, creating it unless {@code -c}: an absolute size, or relative to the current
 * one ({@code +}/{@code -}), at most ({@code <}) or at least ({@code >}) a size, rounded down
 * ({@code /}) or up ({@code %}) to a multiple; sizes take K, M, G... (1024) and KB, MB...
 * (1000) suffixes; {@code -r} takes the size of another file.
 */
final class TruncateCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("cor:s:",
            "no-create:c", "io-blocks:o", "reference:r", "size:s");
    /** The block size {@code -o} counts in (st_blksize of the kernel's files). */
    private static final long BLOCK_SIZE = 4096;

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        String sizeText = options.value('s', null);
        String reference = options.value('r', null);
        if (sizeText == null && reference == null) {
            throw new UsageException("you must specify either '--size' or '--reference'");
        }
        if (options.operands().isEmpty()) {
            throw new UsageException("missing file operand");
        }
        Diagnostics diagnostics = new Diagnostics(process, "truncate");
        char mode = 0;
        long size = 0;
        if (sizeText != null) {
            String number = sizeText;
            if (!number.isEmpty() && "+-<>/%".indexOf(number.charAt(0)) >= 0) {
                mode = number.charAt(0);
                number = number.substring(1);
            }
            size = Sizes.parse(number, "EgGkKmMPtTYZ0");
            if (size < 0) {
                throw UsageException.withoutHint("Invalid number: " + Diagnostics.quote(sizeText));
            }
            if (options.has('o')) {
                size = Math.multiplyExact(size, BLOCK_SIZE);
            }
            if ((mode == '/' || mode == '%') && size == 0) {
                throw UsageException.withoutHint("division by zero");
            }
        }
        long referenceSize = -1;
        if (reference != null) {
            try {
                referenceSize = process.stat(reference).size();
            } catch (KernelException e) {
                diagnostics.error("cannot stat " + Diagnostics.quote(reference) + ": " + Diagnostics.describe(e));
                return 1;
            }
            if (sizeText == null) {
                size = referenceSize;
            }
        }
        for (String file : options.operands()) {
            truncate(process, diagnostics, file, mode, size, referenceSize, options.has('c'));
        }
        return diagnostics.failed() ? 1 : 0;
    }

    /** Truncates {@code file}; a relative size counts from {@code reference}'s size when there is one (-r). */
    private static void truncate(ProcessApi process, Diagnostics diagnostics, String file, char mode, long size,
                                 long reference, boolean noCreate) {
        int fd;
        try {
            fd = process.open(file, OpenFlags.O_WRONLY | OpenFlags.O_NONBLOCK | OpenFlags.O_CLOEXEC
                    | (noCreate ? 0 : OpenFlags.O_CREAT), 0666);
        } catch (KernelException e) {
            if (!(noCreate && e.errno() == Errno.ENOENT)) {
                diagnostics.error("cannot open " + Diagnostics.quote(file) + " for writing: " + Diagnostics.describe(e));
            }
            return;
        }
        try {
            Stat stat = process.fstat(fd);
            long current = reference >= 0 ? reference : stat.size();
            long target = switch (mode) {
                case '+' -> current + size;
                case '-' -> current - size;
                case '<' -> Math.min(current, size);
                case '>' -> Math.max(current, size);
                case '/' -> current / size * size;
                case '%' -> (current + size - 1) / size * size;
                default -> size;
            };
            process.ftruncate(fd, Math.max(0, target));
        } catch (KernelException e) {
            diagnostics.error("failed to truncate " + Diagnostics.quote(file) + " at " + size + " bytes: "
                    + Diagnostics.describe(e));
        } finally {
            FileOps.closeQuietly(process, fd);
        }
    }
}
