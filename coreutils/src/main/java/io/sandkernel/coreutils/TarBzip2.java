package io.sandkernel.coreutils;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

/** bzip2 for {@code tar -j}, from Commons Compress (loaded only when an archive uses it). */
final class TarBzip2 {
    private TarBzip2() {}

    static byte[] decompress(byte[] data) throws IOException {
        try (BZip2CompressorInputStream in = new BZip2CompressorInputStream(new ByteArrayInputStream(data), true)) {
            return in.readAllBytes();
        }
    }

    static byte[] compress(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BZip2CompressorOutputStream bzip = new BZip2CompressorOutputStream(out)) {
            bzip.write(data);
        }
        return out.toByteArray();
    }
}
