package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * od [-A RADIX] [-j BYTES] [-N BYTES] [-t TYPE]... [-v] [-w[BYTES]] [-S BYTES] [--endian=ORDER]
 * [-abcdfilosx...] [--traditional] [FILE]... [[+]OFFSET[.][b]]: dumps the input in octal,
 * decimal, hexadecimal, floating point or characters, as od.c does: one line per block (16 bytes,
 * or the width), one row per type, fields aligned across the rows, repeated blocks shown as
 * {@code *} unless {@code -v}, the final offset on its own line. Formats and the option
 * grammar are in {@link OdFormat}.
 */
final class OdCommand implements Program {
    @Override
    public int run(ProcessApi process) throws Exception {
        OdFormat format = OdFormat.parse(process.args());
        Diagnostics diagnostics = new Diagnostics(process, "od");
        if (format.widthWarning() != null) {
            diagnostics.warn(format.widthWarning());
        }
        FileBytes input = new FileBytes(process, diagnostics, format.files());
        OutputStream out = ByteText.stdout(process);
        try {
            if (!input.skip(format.skip())) {
                out.flush();
                diagnostics.error("cannot skip past end of combined input");
                return 1;
            }
            if (format.strings() >= 0) {
                strings(format, input, out);
            } else {
                dump(format, input, out);
            }
        } finally {
            input.close();
        }
        out.flush();
        return diagnostics.failed() ? 1 : 0;
    }

    private static void dump(OdFormat format, FileBytes input, OutputStream out) throws IOException {
        int perBlock = format.bytesPerBlock();
        byte[] previous = new byte[perBlock];
        byte[] block = new byte[perBlock];
        long offset = format.skip();
        boolean first = true;
        boolean previousEqual = false;
        int read;
        while (true) {
            int wanted = perBlock;
            if (format.limited()) {
                long left = format.end() - offset;
                if (left <= 0) {
                    read = 0;
                    break;
                }
                wanted = (int) Math.min(left, perBlock);
            }
            read = input.read(block, wanted);
            if (read < perBlock) {
                break;
            }
            if (format.abbreviate() && !first && java.util.Arrays.equals(previous, block)) {
                if (!previousEqual) {
                    ByteText.write(out, "*\n");
                    previousEqual = true;
                }
            } else {
                previousEqual = false;
                ByteText.write(out, format.block(offset, block, read));
            }
            first = false;
            offset += read;
            byte[] swap = previous;
            previous = block;
            block = swap;
        }
        if (read > 0) {
            int lcm = format.lcm();
            int padded = lcm * ((read + lcm - 1) / lcm);
            java.util.Arrays.fill(block, read, Math.max(read, padded), (byte) 0);
            ByteText.write(out, format.block(offset, block, read));
            offset += read;
        }
        ByteText.write(out, format.address(offset, '\n'));
    }

    /** --strings: NUL-terminated runs of at least N printable characters, with their offsets. */
    private static void strings(OdFormat format, FileBytes input, OutputStream out) throws IOException {
        long min = format.strings();
        long address = format.skip();
        StringBuilder text = new StringBuilder();
        outer:
        while (true) {
            text.setLength(0);
            if (format.limited() && (format.end() < min || format.end() - min <= address)) {
                return;
            }
            for (long i = 0; i < min; i++) {
                int c = input.read();
                address++;
                if (c < 0) {
                    return;
                }
                if (!isPrint(c)) {
                    continue outer;
                }
                text.append((char) c);
            }
            while (!format.limited() || address < format.end()) {
                int c = input.read();
                address++;
                if (c < 0) {
                    return;
                }
                if (c == 0) {
                    break;
                }
                if (!isPrint(c)) {
                    continue outer;
                }
                text.append((char) c);
            }
            StringBuilder line = new StringBuilder(format.address(address - text.length() - 1, ' '));
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case 7 -> line.append("\\a");
                    case '\b' -> line.append("\\b");
                    case '\f' -> line.append("\\f");
                    case '\n' -> line.append("\\n");
                    case '\r' -> line.append("\\r");
                    case '\t' -> line.append("\\t");
                    case 11 -> line.append("\\v");
                    default -> line.append(c);
                }
            }
            ByteText.write(out, line.append('\n').toString());
        }
    }

    static boolean isPrint(int c) {
        return c >= 32 && c < 127;
    }

    /** The files of od as one stream of bytes, as read_block and read_char see them. */
    static final class FileBytes {
        private final ProcessApi process;
        private final Diagnostics diagnostics;
        private final List<String> names;
        private int next;
        private String current;
        private java.io.InputStream in;

        FileBytes(ProcessApi process, Diagnostics diagnostics, List<String> names) {
            this.process = process;
            this.diagnostics = diagnostics;
            this.names = new ArrayList<>(names);
            openNext();
        }

        private void openNext() {
            in = null;
            while (next < names.size()) {
                current = names.get(next++);
                try {
                    in = new java.io.BufferedInputStream(InputFiles.open(process, current), 1 << 16);
                    return;
                } catch (io.sandkernel.KernelException e) {
                    diagnostics.fileError(current, e);
                }
            }
        }

        private void closeCurrent(Exception failure) {
            if (failure != null) {
                diagnostics.fileError(current.equals("-") ? "standard input" : current, failure);
            }
            if (in != null && !current.equals("-")) {
                try {
                    in.close();
                } catch (IOException | RuntimeException e) {
                    // an input: nothing to report
                }
            }
            in = null;
        }

        /** One byte, or -1 at the end of the last file. */
        int read() {
            while (in != null) {
                try {
                    int c = in.read();
                    if (c >= 0) {
                        return c;
                    }
                    closeCurrent(null);
                } catch (IOException | RuntimeException e) {
                    closeCurrent(e);
                }
                openNext();
            }
            return -1;
        }

        /** Fills {@code block} with up to {@code n} bytes across files; returns how many. */
        int read(byte[] block, int n) {
            int have = 0;
            while (in != null && have < n) {
                try {
                    int got = in.read(block, have, n - have);
                    if (got > 0) {
                        have += got;
                        continue;
                    }
                    closeCurrent(null);
                } catch (IOException | RuntimeException e) {
                    closeCurrent(e);
                }
                openNext();
            }
            return have;
        }

        /** Skips {@code n} bytes; false when the input is shorter. */
        boolean skip(long n) {
            long left = n;
            byte[] buffer = new byte[8192];
            while (left > 0 && in != null) {
                int got = read(buffer, (int) Math.min(buffer.length, left));
                if (got == 0) {
                    break;
                }
                left -= got;
            }
            return left == 0;
        }

        void close() {
            if (in != null && !current.equals("-")) {
                closeCurrent(null);
            }
        }
    }
}
