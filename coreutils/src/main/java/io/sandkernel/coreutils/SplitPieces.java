package io.sandkernel.coreutils;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The ways split.c cuts its input, on the input as one buffer: lines_split, bytes_split (also
 * for {@code -n N}), line_bytes_split ({@code -C}), bytes_chunk_extract ({@code -n K/N}),
 * lines_chunk_split ({@code -n l/N}, {@code l/K/N}) and lines_rr ({@code -n r/N}, {@code r/K/N}).
 * Files are started through {@link SplitCommand#write}, which names, opens and closes them.
 */
final class SplitPieces {
    private final SplitCommand split;
    private final byte[] data;
    private final byte eol;

    SplitPieces(SplitCommand split, byte[] data, byte eol) {
        this.split = split;
        this.data = data;
        this.eol = eol;
    }

    private int indexOf(int from, int to) {
        for (int i = from; i < to; i++) {
            if (data[i] == eol) {
                return i;
            }
        }
        return -1;
    }

    private int lastIndexOf(int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (data[i] == eol) {
                return i;
            }
        }
        return -1;
    }

    void lines(long count) throws IOException {
        boolean newFile = true;
        long n = 0;
        int out = 0;
        int at = 0;
        while (true) {
            int end = indexOf(at, data.length);
            if (end < 0) {
                if (out != data.length) {
                    split.write(newFile, data, out, data.length - out);
                }
                return;
            }
            at = end + 1;
            if (++n >= count) {
                split.write(newFile, data, out, at - out);
                out = at;
                newFile = true;
                n = 0;
            }
        }
    }

    /** bytes_split: pieces of {@code size} bytes; with {@code maxFiles}, the last takes the rest. */
    void bytes(long size, long maxFiles) throws IOException {
        boolean newFile = true;
        long toWrite = size;
        long opened = 0;
        int out = 0;
        long left = data.length;
        // one read with all the data, then end of file
        while (toWrite <= left) {
            split.write(newFile, data, out, (int) toWrite);
            opened += newFile ? 1 : 0;
            newFile = maxFiles == 0 || opened < maxFiles;
            out += (int) toWrite;
            left -= toWrite;
            toWrite = size;
        }
        if (left != 0) {
            split.write(newFile, data, out, (int) left);
            opened += newFile ? 1 : 0;
        }
        while (opened++ < maxFiles) {
            split.write(true, null, 0, 0);
        }
    }

    /** line_bytes_split: at most {@code size} bytes per file, cut after a line where one fits. */
    void lineBytes(long size) throws IOException {
        long nOut = 0;
        int sob = 0;
        int left = data.length;
        java.io.ByteArrayOutputStream hold = new java.io.ByteArrayOutputStream();
        boolean splitLine = false;
        while (left > 0) {
            long splitRest = 0;
            int eoc = -1;
            int eolAt;
            if (size - nOut - hold.size() <= left) {
                splitRest = size - nOut - hold.size();
                eoc = sob + (int) splitRest - 1;
                eolAt = lastIndexOf(sob, sob + (int) splitRest);
            } else {
                eolAt = lastIndexOf(sob, sob + left);
            }
            if (hold.size() > 0 && !(eolAt < 0 && nOut > 0)) {
                byte[] held = hold.toByteArray();
                split.write(nOut == 0, held, 0, held.length);
                nOut += held.length;
                hold.reset();
            }
            if (eolAt >= 0) {
                splitLine = true;
                int n = eolAt - sob + 1;
                split.write(nOut == 0, data, sob, n);
                nOut += n;
                left -= n;
                sob += n;
                if (eoc >= 0) {
                    splitRest -= n;
                }
            }
            if (left > 0 && !splitLine) {
                int n = eoc >= 0 ? (int) splitRest : left;
                split.write(nOut == 0, data, sob, n);
                nOut += n;
                left -= n;
                sob += n;
                if (eoc >= 0) {
                    splitRest -= n;
                }
            }
            if ((eoc >= 0 && splitRest > 0) || (eoc < 0 && left > 0)) {
                int n = eoc >= 0 ? (int) splitRest : left;
                hold.write(data, sob, n);
                left -= n;
                sob += n;
            }
            if (eoc >= 0) {
                nOut = 0;
                splitLine = false;
            }
        }
        if (hold.size() > 0) {
            byte[] held = hold.toByteArray();
            split.write(nOut == 0, held, 0, held.length);
        }
    }

    /** bytes_chunk_extract: chunk K of N to standard output. */
    void extract(long k, long n, long size) throws IOException {
        long start = (k - 1) * (size / n);
        long end = k == n ? size : k * (size / n);
        end = Math.min(end, data.length);
        if (start < end) {
            writeOut(split.stdout(), (int) start, (int) (end - start));
        }
    }

    private static void writeOut(OutputStream out, byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
    }

    private void writeOut(OutputStream out, int offset, int length) throws IOException {
        writeOut(out, data, offset, length);
    }

    /** lines_chunk_split: N chunks of about equal size, each ending with a whole line. */
    void lineChunks(long k, long n, long fileSize) throws IOException {
        long chunkSize = fileSize / n;
        long chunkNo = 1;
        long chunkEnd = chunkSize - 1;
        long written = 0;
        boolean newFile = true;
        int bp = 0;
        if (k > 1) {
            long start = (k - 1) * chunkSize - 1;
            bp = (int) Math.min(start, data.length);
            written = start;
            chunkNo = k - 1;
            chunkEnd = chunkNo * chunkSize - 1;
        }
        int eob = (int) Math.min(data.length, fileSize);
        boolean truncated = false;
        if (written < fileSize && bp < eob) {
            int nRead = eob - bp;
            while (bp != eob) {
                boolean next = false;
                long skip = Math.min(nRead, Math.max(0, chunkEnd - written));
                int found = indexOf(bp + (int) skip, bp + nRead);
                int bpOut;
                if (found >= 0) {
                    bpOut = found + 1;
                    next = true;
                } else {
                    bpOut = eob;
                }
                int toWrite = bpOut - bp;
                if (k == chunkNo) {
                    writeOut(split.stdout(), bp, toWrite);
                } else if (k == 0) {
                    split.write(newFile, data, bp, toWrite);
                }
                written += toWrite;
                bp += toWrite;
                nRead -= toWrite;
                newFile = next;
                while (next || chunkEnd <= written - 1) {
                    if (!next && bp == eob) {
                        truncated = true;
                        break;
                    }
                    chunkNo++;
                    if (k != 0 && chunkNo > k) {
                        return;
                    }
                    if (chunkNo == n) {
                        chunkEnd = fileSize - 1;
                    } else {
                        chunkEnd += chunkSize;
                    }
                    if (chunkEnd <= written - 1) {
                        if (k == 0) {
                            split.write(true, null, 0, 0);
                        }
                    } else {
                        next = false;
                    }
                }
            }
        }
        if (truncated) {
            chunkNo++;
        }
        while (k == 0 && chunkNo++ <= n) {
            split.write(true, null, 0, 0);
        }
    }

    /** lines_rr: line I to file I modulo N, or only the lines of chunk K to standard output. */
    void roundRobin(long k, long n) throws IOException {
        if (k != 0) {
            long lineNo = 1;
            int bp = 0;
            while (bp < data.length) {
                int found = indexOf(bp, data.length);
                int end = found < 0 ? data.length : found + 1;
                if (lineNo == k) {
                    writeOut(split.stdout(), bp, end - bp);
                }
                if (found >= 0) {
                    lineNo = lineNo == n ? 1 : lineNo + 1;
                }
                bp = end;
            }
            return;
        }
        String[] names = new String[(int) n];
        OutputStream[] files = new OutputStream[(int) n];
        for (int i = 0; i < n; i++) {
            names[i] = split.nextName();
        }
        boolean wrapped = false;
        int file = 0;
        int bp = 0;
        try {
            while (bp < data.length) {
                int found = indexOf(bp, data.length);
                int end = found < 0 ? data.length : found + 1;
                if (files[file] == null) {
                    files[file] = open(names[file]);
                }
                files[file].write(data, bp, end - bp);
                if (found >= 0 && ++file == n) {
                    wrapped = true;
                    file = 0;
                }
                bp = end;
            }
            int ceiling = wrapped ? (int) n : file;
            for (int i = 0; i < n; i++) {
                if (i >= ceiling && !split.elide() && files[i] == null) {
                    files[i] = open(names[i]);
                }
            }
        } finally {
            for (OutputStream out : files) {
                if (out != null) {
                    out.close();
                }
            }
        }
    }

    private OutputStream open(String name) throws IOException {
        return split.create(name);
    }
}
