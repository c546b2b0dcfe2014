package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.MemoryReservation;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * tac [-b] [-r] [-s SEP] [FILE]...: each file's records in reverse order. As GNU's, the
 * separator is searched backwards from the end, a record ends with its separator (or begins with
 * it, {@code -b}), and the first record of the output (the file's last) keeps no separator it
 * did not have. {@code -r} makes the separator a regular expression (GNU's default, Emacs-like
 * syntax: {@code + ?} are operators, {@code \( \|} group and alternate).
 */
final class TacCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("brs:", "before:b", "regex:r", "separator:s");

    private boolean before;
    private String separator;
    private Pattern regex;

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        before = options.has('b');
        separator = ByteText.fromArg(options.value('s', "\n"));
        if (options.has('r')) {
            if (separator.isEmpty()) {
                throw UsageException.withoutHint("separator cannot be empty");
            }
            Pattern basic = PosixRegex.compile(emacsToBasic(separator), false, false, false, false, false, w -> { });
            // GNU's re_compile_pattern anchors ^ and $ at newlines too
            regex = Pattern.compile(basic.pattern(), basic.flags() | Pattern.MULTILINE);
        } else if (separator.isEmpty()) {
            separator = "\0"; // GNU takes the string's terminating NUL as a one-byte separator
        }
        Diagnostics diagnostics = new Diagnostics(process, "tac");
        OutputStream out = ByteText.stdout(process);
        for (String name : OperandReader.orStdin(options.operands())) {
            InputStream in;
            try {
                in = InputFiles.open(process, name);
            } catch (KernelException e) {
                diagnostics.error("failed to open " + Diagnostics.quote(name) + " for reading: "
                        + Diagnostics.describe(e));
                continue;
            }
            byte[] data;
            try {
                data = MemoryReservation.readAll(process, in);
            } catch (KernelException | IOException e) {
                if (e instanceof KernelException k && k.errno() == Errno.ENOMEM) {
                    throw k; // as a failed malloc: "tac: memory exhausted"
                }
                // GNU's tac seeks a directory to its "end" first, and Linux then fails the read with EINVAL
                String reason = Diagnostics.errnoOf(e) == Errno.EISDIR ? "Invalid argument" : Diagnostics.describe(e);
                diagnostics.error(Diagnostics.quoteIfNeeded(name) + ": read error: " + reason);
                continue;
            } finally {
                InputFiles.close(process, in);
            }
            reverse(ByteText.of(data, 0, data.length), out, new CpuCheckpoint(process));
        }
        out.flush();
        return diagnostics.failed() ? 1 : 0;
    }

    /** Writes the records of {@code text} last first, as tac_seekable does. */
    private void reverse(String text, OutputStream out, CpuCheckpoint checkpoint) throws IOException {
        int pastEnd = text.length();
        boolean firstTime = true;
        int searchEnd = text.length();
        Matcher matcher = regex == null ? null
                : regex.matcher(checkpoint.watch(text)).useTransparentBounds(true).useAnchoringBounds(false);
        while (true) {
            int matchStart;
            int matchLength;
            if (matcher == null) {
                matchStart = searchEnd - separator.length() < 0 ? -1
                        : text.lastIndexOf(separator, searchEnd - separator.length());
                matchLength = separator.length();
            } else {
                matchStart = -1;
                matchLength = 0;
                for (int start = searchEnd - 1; start >= 0; start--) {
                    if ((start & 0xFFF) == 0) {
                        checkpoint.poll(); // a backward regex search can run long between two writes
                    }
                    matcher.region(start, searchEnd);
                    if (matcher.lookingAt()) {
                        matchStart = start;
                        matchLength = matcher.end() - start;
                        break;
                    }
                }
            }
            if (matchStart < 0) {
                ByteText.write(out, text.substring(0, pastEnd));
                return;
            }
            if (!before) {
                int matchEnd = matchStart + matchLength;
                if (!firstTime || matchEnd != pastEnd) {
                    ByteText.write(out, text.substring(matchEnd, pastEnd));
                }
                pastEnd = matchEnd;
                firstTime = false;
            } else {
                ByteText.write(out, text.substring(matchStart, pastEnd));
                pastEnd = matchStart;
            }
            searchEnd = matchStart;
        }
    }

    /**
     * GNU's regex default syntax (RE_SYNTAX_EMACS) in POSIX basic syntax: {@code + ?} are operators
     * there and {@code \{ \}} plain braces.
     */
    private static String emacsToBasic(String pattern) {
        StringBuilder basic = new StringBuilder();
        boolean inBracket = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (inBracket) {
                basic.append(c);
                if (c == ']' && basic.charAt(basic.length() - 2) != '[') {
                    inBracket = false;
                }
            } else if (c == '[') {
                inBracket = true;
                basic.append(c);
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '^') {
                    basic.append('^');
                    i++;
                }
            } else if (c == '\\' && i + 1 < pattern.length()) {
                char next = pattern.charAt(++i);
                if (next == '{' || next == '}' || next == '+' || next == '?') {
                    basic.append(next); // literal in Emacs syntax, and unescaped in BRE
                } else {
                    basic.append('\\').append(next);
                }
            } else if (c == '+' || c == '?') {
                basic.append('\\').append(c);
            } else {
                basic.append(c);
            }
        }
        return basic.toString();
    }
}
