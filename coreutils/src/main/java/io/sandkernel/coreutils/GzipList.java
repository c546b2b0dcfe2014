package io.sandkernel.coreutils;

import io.sandkernel.api.ProcessApi;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * {@code gzip -l}: for each file its compressed and uncompressed sizes (the last member's ISIZE,
 * as gzip reads the trailer at the end), the ratio net of the header, and the name without its
 * suffix; with {@code -v} also the method, CRC and time; a totals line for several files, whose
 * ratio subtracts only the last header, as gzip's does.
 */
final class GzipList {
    private final ProcessApi process;
    private final OutputStream out;
    private final boolean verbose;
    private final boolean quiet;
    private boolean first = true;
    private int files;
    private long totalIn;
    private long totalOut;
    private int headerBytes;

    GzipList(ProcessApi process, OutputStream out, boolean verbose, boolean quiet) {
        this.process = process;
        this.out = out;
        this.verbose = verbose;
        this.quiet = quiet;
    }

    /** Lists one file's data (or reports it as not gzip through {@code error}). */
    void file(String file, String shown, byte[] data, long fileMtime, BiConsumer<String, String> error)
            throws java.io.IOException {
        headerBytes = 0;
        if (!GzipCodec.isGzip(data)) {
            error.accept(file, "not in gzip format");
            return;
        }
        GzipCodec.Outcome header = GzipCodec.decompress(data, OutputStream.nullOutputStream());
        headerBytes = header.headerBytes();
        long size = -1;
        long crc = 0xFFFFFFFFL;
        if (data.length >= 8) {
            int at = data.length - 8;
            crc = (data[at] & 0xFFL) | (data[at + 1] & 0xFFL) << 8 | (data[at + 2] & 0xFFL) << 16
                    | (data[at + 3] & 0xFFL) << 24;
            size = (data[at + 4] & 0xFFL) | (data[at + 5] & 0xFFL) << 8 | (data[at + 6] & 0xFFL) << 16
                    | (data[at + 7] & 0xFFL) << 24;
        }
        StringBuilder b = new StringBuilder();
        if (first) {
            first = false;
            if (verbose) {
                b.append("method  crc     date  time  ");
            }
            if (!quiet) {
                b.append("         compressed        uncompressed  ratio uncompressed_name\n");
            }
        }
        files++;
        totalIn += data.length;
        totalOut += size;
        if (verbose) {
            long time = header.mtime() != 0 ? header.mtime() : fileMtime;
            ZonedDateTime when = ZonedDateTime.ofInstant(Instant.ofEpochSecond(time), zone());
            b.append(String.format(Locale.ROOT, "defla %08x %s %2d %02d:%02d ", crc,
                    when.getMonth().getDisplayName(TextStyle.SHORT, Locale.ROOT), when.getDayOfMonth(),
                    when.getHour(), when.getMinute()));
        }
        b.append(String.format(Locale.ROOT, "%19d %19d ", data.length, size));
        b.append(ratio(size - (data.length - headerBytes), size)).append(' ').append(ByteText.fromArg(shown))
                .append('\n');
        ByteText.write(out, b.toString());
    }

    private ZoneId zone() {
        String tz = process.env().get("TZ");
        try {
            return tz == null || tz.isEmpty() ? ZoneId.of("UTC") : ZoneId.of(tz);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private static String ratio(long num, long den) {
        return String.format(Locale.ROOT, "%5.1f%%", den == 0 ? 0.0 : 100.0 * num / den);
    }

    /** The totals line, when more than one file was listed. */
    void totals() throws java.io.IOException {
        if (files < 2 || totalIn <= 0 || totalOut <= 0) {
            return;
        }
        StringBuilder b = new StringBuilder();
        if (verbose) {
            b.append("                            ");
        }
        b.append(String.format(Locale.ROOT, "%19d %19d ", totalIn, totalOut));
        b.append(ratio(totalOut - (totalIn - headerBytes), totalOut)).append(" (totals)\n");
        ByteText.write(out, b.toString());
    }
}
