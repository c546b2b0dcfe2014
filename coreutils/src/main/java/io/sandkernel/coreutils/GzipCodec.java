package io.sandkernel.coreutils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The gzip format (RFC 1952) on the JDK's raw deflate: compression with gzip's header (name and
 * time unless {@code -n}, the extra flags of levels 1 and 9, Unix as the system), and decompression
 * of concatenated members with gzip's verdicts: trailing zeros ignored, other trailing bytes a
 * warning, and "not in gzip format", "unexpected end of file", "crc error", "length error" or
 * "format violated" as failures, the bytes decoded before a failure written all the same.
 */
final class GzipCodec {
    private GzipCodec() {}

    /** What a decompression found. */
    record Outcome(String error, boolean trailingGarbage, String name, long mtime, long crc, long size,
                   int headerBytes, long lastMemberSize, boolean trailingZeros) {
        Outcome(String error, boolean trailingGarbage, String name, long mtime, long crc, long size, int headerBytes,
                long lastMemberSize) {
            this(error, trailingGarbage, name, mtime, crc, size, headerBytes, lastMemberSize, false);
        }

        Outcome(String error, boolean trailingGarbage, String name, long mtime, long crc, long size, int headerBytes) {
            this(error, trailingGarbage, name, mtime, crc, size, headerBytes, 0);
        }

        boolean ok() {
            return error == null;
        }
    }

    /** Compresses {@code in} to {@code out}; returns the number of bytes written. */
    static long compress(InputStream in, OutputStream out, int level, String name, long mtime) throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.write(0x1F);
        header.write(0x8B);
        header.write(8);
        header.write(name != null ? 8 : 0);
        for (int i = 0; i < 4; i++) {
            header.write((int) (mtime >>> (8 * i)) & 0xFF);
        }
        header.write(level == 9 ? 2 : level == 1 ? 4 : 0);
        header.write(3);
        if (name != null) {
            header.write(ByteText.bytes(name));
            header.write(0);
        }
        header.writeTo(out);
        long written = header.size();
        Deflater deflater = new Deflater(level, true);
        CRC32 crc = new CRC32();
        long size = 0;
        byte[] input = new byte[1 << 16];
        byte[] output = new byte[1 << 16];
        try {
            int n;
            while ((n = in.read(input)) > 0) {
                crc.update(input, 0, n);
                size += n;
                deflater.setInput(input, 0, n);
                while (!deflater.needsInput()) {
                    int m = deflater.deflate(output);
                    out.write(output, 0, m);
                    written += m;
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                int m = deflater.deflate(output);
                out.write(output, 0, m);
                written += m;
            }
        } finally {
            deflater.end();
        }
        byte[] trailer = new byte[8];
        for (int i = 0; i < 4; i++) {
            trailer[i] = (byte) (crc.getValue() >>> (8 * i));
            trailer[4 + i] = (byte) (size >>> (8 * i));
        }
        out.write(trailer);
        return written + 8;
    }

    /** The original name stored in the first member's header, or null. */
    static String headerName(byte[] data) {
        if (data.length < 10 || (data[3] & 8) == 0) {
            return null;
        }
        int at = 10;
        if ((data[3] & 4) != 0) {
            if (data.length < 12) {
                return null;
            }
            at += 2 + ((data[10] & 0xFF) | (data[11] & 0xFF) << 8);
        }
        int end = at;
        while (end < data.length && data[end] != 0) {
            end++;
        }
        return end < data.length ? new String(data, at, end - at, StandardCharsets.ISO_8859_1) : null;
    }

    /** Whether {@code data} starts like a gzip member. */
    static boolean isGzip(byte[] data) {
        return data.length >= 2 && (data[0] & 0xFF) == 0x1F && (data[1] & 0xFF) == 0x8B;
    }

    /**
     * Decompresses every member of {@code data} to {@code out}, stopping at the first failure; the
     * outcome carries the first member's name and time and the last member's CRC and size.
     */
    static Outcome decompress(byte[] data, OutputStream out) throws IOException {
        int at = 0;
        String name = null;
        long mtime = 0;
        long crcValue = 0;
        long size = 0;
        int headerBytes = 0;
        long lastMemberSize = 0;
        int members = 0;
        boolean first = true;
        while (true) {
            if (!first) {
                if (at >= data.length) {
                    break;
                }
                if (!(at + 1 < data.length && (data[at] & 0xFF) == 0x1F && (data[at + 1] & 0xFF) == 0x8B)) {
                    boolean zeros = true;
                    for (int i = at; i < data.length; i++) {
                        zeros &= data[i] == 0;
                    }
                    // gzip counts the header only for a single member; the sizes it reports are the last member's
                    return new Outcome(null, !zeros, name, mtime, crcValue, size, members > 1 || !zeros ? 0 : headerBytes,
                            lastMemberSize, zeros);
                }
            }
            if (first && data.length < 2) {
                return new Outcome("unexpected end of file", false, name, mtime, crcValue, size, headerBytes);
            }
            if (data.length - at < 2 || (data[at] & 0xFF) != 0x1F || (data[at + 1] & 0xFF) != 0x8B) {
                return new Outcome(first ? "not in gzip format" : null, false,
                        name, mtime, crcValue, size, headerBytes);
            }
            int start = at;
            if (data.length - at < 10) {
                return new Outcome("unexpected end of file", false, name, mtime, crcValue, size, headerBytes);
            }
            int method = data[at + 2] & 0xFF;
            if (method != 8) {
                return new Outcome("unknown method " + method + " -- not supported", false, name, mtime, crcValue,
                        size, headerBytes);
            }
            int flags = data[at + 3] & 0xFF;
            long time = (data[at + 4] & 0xFFL) | (data[at + 5] & 0xFFL) << 8 | (data[at + 6] & 0xFFL) << 16
                    | (data[at + 7] & 0xFFL) << 24;
            at += 10;
            String memberName = null;
            try {
                if ((flags & 4) != 0) {
                    int length = (data[at] & 0xFF) | (data[at + 1] & 0xFF) << 8;
                    at += 2 + length;
                }
                if ((flags & 8) != 0) {
                    int end = at;
                    while (data[end] != 0) {
                        end++;
                    }
                    memberName = new String(data, at, end - at, StandardCharsets.ISO_8859_1);
                    at = end + 1;
                }
                if ((flags & 16) != 0) {
                    while (data[at] != 0) {
                        at++;
                    }
                    at++;
                }
                if ((flags & 2) != 0) {
                    at += 2;
                }
            } catch (ArrayIndexOutOfBoundsException e) {
                return new Outcome("unexpected end of file", false, name, mtime, crcValue, size, headerBytes);
            }
            if (at > data.length) {
                return new Outcome("unexpected end of file", false, name, mtime, crcValue, size, headerBytes);
            }
            if (first) {
                name = memberName;
                mtime = time;
            }
            if (first) {
                headerBytes = at - start + 8; // header and trailer, as gzip -l subtracts them
            }
            Inflater inflater = new Inflater(true);
            CRC32 crc = new CRC32();
            long memberSize = 0;
            byte[] buffer = new byte[1 << 16];
            try {
                inflater.setInput(data, at, data.length - at);
                while (!inflater.finished()) {
                    int n = inflater.inflate(buffer);
                    if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        return new Outcome("unexpected end of file", false, name, mtime, crcValue, size, headerBytes);
                    }
                    crc.update(buffer, 0, n);
                    memberSize += n;
                    out.write(buffer, 0, n);
                }
                at = data.length - inflater.getRemaining();
            } catch (DataFormatException e) {
                return new Outcome("invalid compressed data--format violated", false, name, mtime, crcValue, size,
                        headerBytes);
            } finally {
                inflater.end();
            }
            if (data.length - at < 8) {
                return new Outcome("unexpected end of file", false, name, mtime, crcValue, size, headerBytes);
            }
            long storedCrc = (data[at] & 0xFFL) | (data[at + 1] & 0xFFL) << 8 | (data[at + 2] & 0xFFL) << 16
                    | (data[at + 3] & 0xFFL) << 24;
            long storedSize = (data[at + 4] & 0xFFL) | (data[at + 5] & 0xFFL) << 8 | (data[at + 6] & 0xFFL) << 16
                    | (data[at + 7] & 0xFFL) << 24;
            at += 8;
            crcValue = storedCrc;
            size = storedSize;
            if (storedCrc != crc.getValue()) {
                return new Outcome("invalid compressed data--crc error", false, name, mtime, crcValue, size, headerBytes);
            }
            if (storedSize != (memberSize & 0xFFFFFFFFL)) {
                return new Outcome("invalid compressed data--length error", false, name, mtime, crcValue, size,
                        headerBytes);
            }
            first = false;
            members++;
            lastMemberSize = memberSize;
        }
        return new Outcome(null, false, name, mtime, crcValue, size, members > 1 ? 0 : headerBytes, lastMemberSize);
    }
}
