package io.sandkernel.coreutils;

import java.io.Flushable;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads awk records from a byte stream, by the record separator in force at each read: one
 * character (newline by default), the empty string (paragraph mode: records separated by blank
 * lines, leading newlines skipped) or a regular expression (a gawk extension, which reads the
 * rest of the stream first). Given an output to flush, it flushes it before each blocking read.
 */
final class AwkRecordReader {
    private final InputStream in;
    private final Supplier<String> separator;
    private final AwkRegex regexes;
    private final Flushable output;
    private final CpuCheckpoint checkpoint;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private boolean eof;
    /** The rest of the stream, once a regex separator needed it. */
    private String rest;
    private int restAt;

    AwkRecordReader(InputStream in, Supplier<String> separator, AwkRegex regexes, Flushable output,
                    CpuCheckpoint checkpoint) {
        this.in = in;
        this.checkpoint = checkpoint;
        this.separator = separator;
        this.regexes = regexes;
        this.output = output;
    }

    /**
     * The next record, or null at the end of the stream: a byte string, or decoded text (see
     * {@link Utf8#decode}) when the regexes are for a UTF-8 locale.
     */
    String next() throws IOException {
        String rs = separator.get();
        if (rest != null || rs.length() > 1 || rs.length() == 1 && rs.charAt(0) >= 0x80 && regexes.utf8()) {
            // a character that is more than a byte (é in a UTF-8 locale) separates as an expression
            return nextByRegex(rs.length() > 1 ? rs : rs.isEmpty() ? "\n\n+" : "[" + rs + "]");
        }
        String record = rs.length() == 1 ? until(rs.charAt(0)) : paragraph();
        return record != null && regexes.utf8() ? Utf8.decode(record) : record;
    }

    /** The next record of paragraph mode (RS empty): lines up to a blank one, blank lines before it skipped. */
    private String paragraph() throws IOException {
        String line;
        do {
            line = until('\n');
            if (line == null) {
                return null;
            }
        } while (line.isEmpty());
        StringBuilder record = new StringBuilder(line);
        while ((line = until('\n')) != null && !line.isEmpty()) {
            record.append('\n').append(line);
        }
        return record.toString();
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (output != null) {
            output.flush();
        }
        int n = in.read(buffer);
        if (n <= 0) {
            eof = true;
            limit = position = 0;
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    private String until(char delimiter) throws IOException {
        StringBuilder partial = null;
        while (true) {
            if (position == limit && !fill()) {
                return partial == null ? null : partial.toString();
            }
            int start = position;
            while (position < limit && buffer[position] != (byte) delimiter) {
                position++;
            }
            String piece = ByteText.of(buffer, start, position - start);
            if (position < limit) {
                position++;
                return partial == null ? piece : partial.append(piece).toString();
            }
            if (partial == null) {
                partial = new StringBuilder();
            }
            partial.append(piece);
        }
    }

    private String nextByRegex(String source) throws IOException {
        if (rest == null) {
            StringBuilder all = new StringBuilder();
            if (position < limit) {
                all.append(ByteText.of(buffer, position, limit - position));
                position = limit;
            }
            while (fill()) {
                all.append(ByteText.of(buffer, 0, limit));
                position = limit;
            }
            rest = regexes.utf8() ? Utf8.decode(all.toString()) : all.toString();
            restAt = 0;
        }
        if (source.equals("\n\n+")) {
            while (restAt < rest.length() && rest.charAt(restAt) == '\n') {
                restAt++;
            }
        }
        if (restAt >= rest.length()) {
            return null;
        }
        Pattern pattern = regexes.get(source);
        Matcher m = pattern.matcher(checkpoint.watch(rest));
        int from = restAt;
        while (m.find(from)) {
            if (m.end() > m.start()) {
                String record = rest.substring(restAt, m.start());
                restAt = m.end();
                return record;
            }
            from = m.start() + 1;
            if (from > rest.length()) {
                break;
            }
        }
        String record = rest.substring(restAt);
        restAt = rest.length();
        if (source.equals("\n\n+") && record.endsWith("\n")) {
            record = record.substring(0, record.length() - 1);
        }
        return record;
    }
}
