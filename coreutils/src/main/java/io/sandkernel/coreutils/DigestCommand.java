package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * md5sum, sha1sum, sha224sum, sha256sum, sha384sum, sha512sum, b2sum and cksum (GNU's digest.c):
 * {@code HASH  FILE} lines ({@code *FILE} with {@code -b}), BSD-style tagged lines with
 * {@code --tag} (cksum's default for the digest algorithms), cksum's CRC, BSD and System V sums,
 * names with a backslash or newline escaped, {@code -z}; and {@code -c} checking
 * ({@link DigestCheck}).
 */
final class DigestCommand implements Program {
    private static final char IGNORE_MISSING = '\u0001';
    private static final char QUIET = '\u0002';
    private static final char STATUS = '\u0003';
    private static final char STRICT = '\u0004';
    private static final char TAG = '\u0005';
    private static final char UNTAGGED = '\u0006';
    private static final char DEBUG = '\u0007';

    private final String name;
    private final DigestAlgorithm fixed;

    /** @param fixed the {@code cksum -a} name of the algorithm of md5sum..b2sum, or null for cksum */
    DigestCommand(String name, String fixed) {
        this.name = name;
        this.fixed = fixed == null ? null : DigestAlgorithm.byArgument(fixed);
    }

    private Options.Parser parser() {
        if (fixed == null) {
            return new Options.Parser("a:l:bctwz", "length:l", "check:c", "ignore-missing:" + IGNORE_MISSING,
                    "quiet:" + QUIET, "status:" + STATUS, "warn:w", "strict:" + STRICT, "tag:" + TAG, "zero:z",
                    "algorithm:a", "debug:" + DEBUG, "untagged:" + UNTAGGED);
        }
        String shortSpec = fixed == DigestAlgorithm.BLAKE2B ? "l:bctwz" : "bctwz";
        return new Options.Parser(shortSpec, "length:l", "check:c", "ignore-missing:" + IGNORE_MISSING,
                "quiet:" + QUIET, "status:" + STATUS, "warn:w", "strict:" + STRICT, "tag:" + TAG, "zero:z",
                "binary:b", "text:t");
    }

    @Override
    public int run(ProcessApi process) throws Exception {
        boolean cksum = fixed == null;
        Options options = parser().parse(process.args());
        DigestAlgorithm algorithm = cksum ? DigestAlgorithm.CRC : fixed;
        boolean algorithmGiven = false;
        int binary = cksum ? 1 : -1;
        boolean tag = cksum;
        boolean check = false;
        DigestCheck.Settings settings = new DigestCheck.Settings();
        long length = 0;
        String lengthText = "";
        boolean zero = false;
        for (Options.Given given : options.given()) {
            String value = given.value();
            switch (given.option()) {
                case 'a' -> {
                    algorithm = DigestAlgorithm.byArgument(value);
                    if (algorithm == null) {
                        throw new UsageException(invalidAlgorithm(value));
                    }
                    algorithmGiven = true;
                }
                case 'l' -> {
                    length = NumberArgs.decimal(value, 0, Long.MAX_VALUE, "", "invalid length");
                    lengthText = value;
                    if (length % 8 != 0) {
                        throw UsageException.withoutHint("invalid length: " + Quoting.quote(value)
                                + "\n" + name + ": length is not a multiple of 8");
                    }
                }
                case 'c' -> check = true;
                case STATUS -> {
                    settings.status = true;
                    settings.warn = false;
                    settings.quiet = false;
                }
                case 'b' -> binary = 1;
                case 't' -> binary = 0;
                case 'w' -> {
                    settings.status = false;
                    settings.warn = true;
                    settings.quiet = false;
                }
                case IGNORE_MISSING -> settings.ignoreMissing = true;
                case QUIET -> {
                    settings.status = false;
                    settings.warn = false;
                    settings.quiet = true;
                }
                case STRICT -> settings.strict = true;
                case UNTAGGED -> tag = false;
                case TAG -> {
                    tag = true;
                    binary = 1;
                }
                case 'z' -> zero = true;
                default -> { }
            }
        }
        if (cksum && length != 0 && algorithm != DigestAlgorithm.BLAKE2B) {
            throw UsageException.withoutHint("--length is only supported with --algorithm=blake2b");
        }
        if (length > 512) {
            throw UsageException.withoutHint("invalid length: " + Quoting.quote(lengthText) + "\n" + name
                    + ": maximum digest length for " + Quoting.quote(algorithm.tag) + " is 512 bits");
        }
        int bits = length == 0 ? algorithm.bits : (int) length;
        if (cksum && algorithm.isLegacy() && check && algorithmGiven) {
            throw UsageException.withoutHint("--check is not supported with --algorithm={bsd,sysv,crc}");
        }
        if (tag && binary == 0) {
            throw new UsageException("--tag does not support --text mode");
        }
        if (zero && check) {
            throw new UsageException("the --zero option is not supported when verifying checksums");
        }
        if (!cksum && tag && check) {
            throw new UsageException("the --tag option is meaningless when verifying checksums");
        }
        if (!cksum && binary >= 0 && check) {
            throw new UsageException("the --binary and --text options are meaningless when verifying checksums");
        }
        String[][] checkOnly = {{"ignore-missing", settings.ignoreMissing ? "y" : ""}, {"status", settings.status ? "y" : ""},
            {"warn", settings.warn ? "y" : ""}, {"quiet", settings.quiet ? "y" : ""}, {"strict", settings.strict ? "y" : ""}};
        for (String[] option : checkOnly) {
            if (!option[1].isEmpty() && !check) {
                throw new UsageException("the --" + option[0] + " option is meaningful only when verifying checksums");
            }
        }
        Diagnostics diagnostics = new Diagnostics(process, name);
        OutputStream out = ByteText.stdout(process);
        List<String> operands = OperandReader.orStdin(options.operands());
        boolean ok = true;
        if (check) {
            DigestCheck checker = new DigestCheck(process, diagnostics, out, name, cksum ? (algorithmGiven ? algorithm : null)
                    : algorithm, bits, settings);
            for (String file : operands) {
                ok &= checker.check(file);
            }
        } else {
            for (String file : operands) {
                DigestAlgorithm.Result result = digest(process, diagnostics, algorithm, bits, file, false);
                if (result == null) {
                    ok = false;
                    continue;
                }
                ByteText.write(out, line(algorithm, bits, result, file, tag, binary > 0, zero, cksum,
                        !options.operands().isEmpty()));
                out.flush(); // GNU line-buffers its output, so parallel runs do not interleave lines
            }
        }
        out.flush();
        return ok ? 0 : 1;
    }

    private static String invalidAlgorithm(String value) {
        StringBuilder b = new StringBuilder("invalid argument " + Quoting.quote(value) + " for '--algorithm'\n"
                + "Valid arguments are:");
        for (DigestAlgorithm a : DigestAlgorithm.values()) {
            b.append("\n  - '").append(a.argument).append('\'');
        }
        return b.toString();
    }

    /**
     * The digest of {@code file}, or null after reporting why it could not be read; with
     * {@code ignoreMissing}, a missing file gives an empty result instead.
     */
    static DigestAlgorithm.Result digest(ProcessApi process, Diagnostics diagnostics, DigestAlgorithm algorithm,
                                         int bits, String file, boolean ignoreMissing) {
        InputStream in;
        try {
            in = InputFiles.open(process, file);
        } catch (KernelException e) {
            if (ignoreMissing && e.errno() == Errno.ENOENT) {
                return new DigestAlgorithm.Result(new byte[0], -1, 0);
            }
            diagnostics.fileError(file, e);
            return null;
        }
        try {
            return algorithm.digest(new BufferedInputStream(in, 1 << 16), bits);
        } catch (KernelException | IOException e) {
            diagnostics.fileError(file, e);
            return null;
        } finally {
            InputFiles.close(process, in);
        }
    }

    /** One output line, as output_file (or output_crc, output_bsd, output_sysv) prints it. */
    private static String line(DigestAlgorithm algorithm, int bits, DigestAlgorithm.Result result, String file,
                               boolean tag, boolean binary, boolean zero, boolean cksum, boolean named) {
        String name = ByteText.fromArg(file);
        char delimiter = zero ? '\0' : '\n';
        switch (algorithm) {
            case CRC -> {
                return Integer.toUnsignedString(result.checksum()) + " " + result.length()
                        + (named ? " " + name : "") + delimiter;
            }
            case BSD -> {
                String blocks = Long.toString((result.length() + 1023) / 1024);
                return String.format("%05d %5s", result.checksum(), blocks) + (named ? " " + name : "") + delimiter;
            }
            case SYSV -> {
                return result.checksum() + " " + (result.length() + 511) / 512 + (named ? " " + name : "") + delimiter;
            }
            default -> { }
        }
        boolean escape = !zero && (name.indexOf('\\') >= 0 || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0);
        StringBuilder b = new StringBuilder();
        if (escape) {
            b.append('\\');
        }
        String shown = escape ? escapeName(name) : name;
        if (tag) {
            b.append(algorithm.tag);
            if (algorithm == DigestAlgorithm.BLAKE2B && bits < 512) {
                b.append('-').append(bits);
            }
            b.append(" (").append(shown).append(") = ");
        }
        b.append(hex(result.digest()));
        if (!tag) {
            b.append(' ').append(cksum ? ' ' : binary ? '*' : ' ').append(shown);
        }
        return b.append(delimiter).toString();
    }

    static String escapeName(String name) {
        return name.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String hex(byte[] digest) {
        StringBuilder b = new StringBuilder(digest.length * 2);
        for (byte x : digest) {
            b.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
        }
        return b.toString();
    }
}
