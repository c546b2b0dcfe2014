package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The {@code -c} mode of the digest commands (digest.c's digest_check and split_3): reads lines
 * {@code HASH  FILE}, {@code HASH *FILE}, {@code TAG (FILE) = HASH} (and BSD's reversed
 * {@code HASH FILE}), recomputes each file's digest and prints {@code FILE: OK},
 * {@code FILE: FAILED} or {@code FILE: FAILED open or read}, then GNU's warnings ("WARNING: 1
 * computed checksum did NOT match"). cksum without {@code -a} takes the algorithm from each tag.
 */
final class DigestCheck {
    /** The options that shape checking. */
    static final class Settings {
        boolean status;
        boolean warn;
        boolean quiet;
        boolean strict;
        boolean ignoreMissing;
    }

    /** A parsed line. */
    private record Entry(String hex, String file, DigestAlgorithm algorithm, int bits) {}

    private final ProcessApi process;
    private final Diagnostics diagnostics;
    private final OutputStream out;
    private final String command;
    private final DigestAlgorithm algorithm;
    private final int bits;
    private final Settings settings;
    private int bsdReversed = -1;
    /** cksum's current algorithm without -a: the last tag recognised, which names misformatted lines. */
    private String currentTag = "CRC";

    /** @param algorithm the algorithm, or null for cksum without {@code -a} (taken from each tag) */
    DigestCheck(ProcessApi process, Diagnostics diagnostics, OutputStream out, String command,
                DigestAlgorithm algorithm, int bits, Settings settings) {
        this.process = process;
        this.diagnostics = diagnostics;
        this.out = out;
        this.command = command;
        this.algorithm = algorithm;
        this.bits = bits;
        this.settings = settings;
    }

    private boolean isCksum() {
        return command.equals("cksum");
    }

    /** Checks the lines of {@code name}; false on any failure GNU counts. */
    boolean check(String name) throws IOException {
        boolean stdin = name.equals("-");
        String shownName = stdin ? "standard input" : name;
        InputStream in;
        try {
            in = InputFiles.open(process, name);
        } catch (KernelException e) {
            diagnostics.fileError(name, e);
            return false;
        }
        long misformatted = 0;
        long mismatched = 0;
        long unreadable = 0;
        boolean properlyFormatted = false;
        boolean matched = false;
        try {
            LineReader lines = new LineReader(in);
            long number = 0;
            String line;
            while ((line = lines.next()) != null) {
                number++;
                if (line.startsWith("#")) {
                    continue;
                }
                if (line.endsWith("\r")) {
                    line = line.substring(0, line.length() - 1);
                }
                if (line.isEmpty()) {
                    continue;
                }
                Entry entry = split(line);
                if (entry == null || (stdin && entry.file().equals("-"))) {
                    misformatted++;
                    if (settings.warn) {
                        diagnostics.warn(Diagnostics.quoteIfNeeded(shownName) + ": " + number + ": improperly formatted "
                                + (algorithm != null ? algorithm.tag : currentTag)
                                + " checksum line");
                    }
                    continue;
                }
                properlyFormatted = true;
                boolean escape = !settings.status && entry.file().indexOf('\n') >= 0;
                String file = ByteText.toUnicode(entry.file());
                String shown = (escape ? "\\" + DigestCommand.escapeName(entry.file()) : entry.file());
                DigestAlgorithm.Result result = DigestCommand.digest(process, diagnostics, entry.algorithm(),
                        entry.bits(), file, settings.ignoreMissing);
                if (result == null) {
                    unreadable++;
                    if (!settings.status) {
                        ByteText.write(out, shown + ": FAILED open or read\n");
                    }
                } else if (result.length() < 0) {
                    continue; // missing, and --ignore-missing
                } else {
                    boolean same = DigestCommand.hex(result.digest()).equalsIgnoreCase(entry.hex())
                            && entry.hex().chars().allMatch(c -> Character.digit(c, 16) >= 0);
                    if (same) {
                        matched = true;
                    } else {
                        mismatched++;
                    }
                    if (!settings.status) {
                        if (!same) {
                            ByteText.write(out, shown + ": FAILED\n");
                        } else if (!settings.quiet) {
                            ByteText.write(out, shown + ": OK\n");
                        }
                    }
                }
                out.flush();
            }
        } catch (KernelException | IOException e) {
            out.flush();
            diagnostics.error(Diagnostics.quoteIfNeeded(shownName) + ": read error");
            return false;
        } finally {
            InputFiles.close(process, in);
        }
        out.flush();
        if (!properlyFormatted) {
            diagnostics.error(Diagnostics.quoteIfNeeded(shownName) + ": no properly formatted checksum lines found");
        } else if (!settings.status) {
            if (misformatted != 0) {
                diagnostics.warn("WARNING: " + misformatted + (misformatted == 1 ? " line is" : " lines are")
                        + " improperly formatted");
            }
            if (unreadable != 0) {
                diagnostics.warn("WARNING: " + unreadable + (unreadable == 1 ? " listed file" : " listed files")
                        + " could not be read");
            }
            if (mismatched != 0) {
                diagnostics.warn("WARNING: " + mismatched + (mismatched == 1 ? " computed checksum" : " computed checksums")
                        + " did NOT match");
            }
            if (settings.ignoreMissing && !matched) {
                diagnostics.warn(Diagnostics.quoteIfNeeded(shownName) + ": no file was verified");
            }
        }
        return properlyFormatted && matched && mismatched == 0 && unreadable == 0
                && (!settings.strict || misformatted == 0);
    }

    /** split_3: the digest, the file name and the algorithm of one line, or null when misformatted. */
    private Entry split(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        boolean escaped = false;
        if (i < s.length() && s.charAt(i) == '\\') {
            i++;
            escaped = true;
        }
        DigestAlgorithm algo = algorithm;
        if (algo == null) {
            algo = fromTag(s, i);
            if (algo == null || algo.isLegacy()) {
                return null; // cksum without -a: tagged lines of the digest algorithms only
            }
            currentTag = algo.tag;
        }
        boolean variableLength = algo == DigestAlgorithm.BLAKE2B && (isCksum() || command.equals("b2sum"));
        int digestBits = bits;
        if (s.startsWith(algo.tag, i)) {
            i += algo.tag.length();
            if (isCksum() || command.equals("b2sum")) {
                digestBits = algo.bits;
                if (i < s.length() && s.charAt(i) == '-') {
                    int end = i + 1;
                    while (end < s.length() && Character.isLetterOrDigit(s.charAt(end))) {
                        end++;
                    }
                    NumberArgs.Parsed n = NumberArgs.parse(s.substring(i + 1, end), 0, null);
                    if (n.status() != NumberArgs.Status.OK || n.value() <= 0 || n.value() > digestBits
                            || n.value() % 8 != 0) {
                        return null;
                    }
                    digestBits = (int) n.value();
                    i = end;
                } else if (i < s.length() && s.charAt(i) != '(') {
                    i++; // the separator after the tag is overwritten and skipped
                }
            }
            if (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
            if (i < s.length() && s.charAt(i) == '(') {
                return bsd(s.substring(i + 1), escaped, algo, digestBits);
            }
            return null;
        }
        int minimum = (isCksum() || command.equals("b2sum")) ? 3 : bits / 4 + 2;
        if (s.length() - i < minimum + (i < s.length() && s.charAt(i) == '\\' ? 1 : 0)) {
            return null;
        }
        int hexLength = digestBits / 4;
        if (variableLength) {
            hexLength = 0;
            while (i + hexLength < s.length() && Character.digit(s.charAt(i + hexLength), 16) >= 0
                    && s.charAt(i + hexLength) < 128) {
                hexLength++;
            }
            if (hexLength < 2 || hexLength % 2 != 0 || hexLength > 128) {
                return null;
            }
            digestBits = hexLength * 4;
        }
        int end = i + hexLength;
        if (end >= s.length() || (s.charAt(end) != ' ' && s.charAt(end) != '\t')) {
            return null;
        }
        String hex = s.substring(i, end);
        if (!isHex(hex, hexLength)) {
            return null;
        }
        int at = end + 1;
        if (s.length() - at == 1 || at >= s.length() || (s.charAt(at) != ' ' && s.charAt(at) != '*')) {
            if (bsdReversed == 0) {
                return null;
            }
            bsdReversed = 1;
        } else if (bsdReversed != 1) {
            bsdReversed = 0;
            at++;
        }
        String file = s.substring(Math.min(at, s.length()));
        if (escaped) {
            file = unescape(file);
            if (file == null) {
                return null;
            }
        }
        return new Entry(hex, file, algo, digestBits);
    }

    private static DigestAlgorithm fromTag(String s, int at) {
        int i = at;
        while (i < s.length() && i - at <= 7 && s.charAt(i) != ' ' && s.charAt(i) != '\t' && s.charAt(i) != '-'
                && s.charAt(i) != '(') {
            i++;
        }
        String word = s.substring(at, i);
        for (DigestAlgorithm a : DigestAlgorithm.values()) {
            if (a.tag.equals(word)) {
                return a;
            }
        }
        return null;
    }

    /** bsd_split_3: {@code FILE) = HASH}. */
    private Entry bsd(String s, boolean escaped, DigestAlgorithm algo, int digestBits) {
        int close = s.lastIndexOf(')');
        if (close < 0) {
            return null;
        }
        String file = s.substring(0, close);
        if (escaped) {
            file = unescape(file);
            if (file == null) {
                return null;
            }
        }
        int i = close + 1;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        if (i >= s.length() || s.charAt(i) != '=') {
            return null;
        }
        i++;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        String hex = s.substring(i);
        return isHex(hex, digestBits / 4) ? new Entry(hex, file, algo, digestBits) : null;
    }

    private static boolean isHex(String hex, int length) {
        return hex.length() == length && hex.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128);
    }

    /** filename_unescape: {@code \\n}, {@code \\r} and {@code \\\\}; null for anything else. */
    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\0') {
                return null;
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (++i == s.length()) {
                return null;
            }
            switch (s.charAt(i)) {
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case '\\' -> b.append('\\');
                default -> {
                    return null;
                }
            }
        }
        return b.toString();
    }
}
