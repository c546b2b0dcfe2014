package io.sandkernel.coreutils;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The algorithms of the digest commands and of {@code cksum -a}: the old checksums (BSD's 16-bit
 * rotating sum, System V's sum, POSIX cksum's CRC-32 with the length appended), the JDK's
 * MessageDigest for MD5 and SHA, and BLAKE2b and SM3 from Bouncy Castle (loaded only for them).
 */
enum DigestAlgorithm {
    BSD("bsd", "BSD", 16),
    SYSV("sysv", "SYSV", 16),
    CRC("crc", "CRC", 32),
    MD5("md5", "MD5", 128),
    SHA1("sha1", "SHA1", 160),
    SHA224("sha224", "SHA224", 224),
    SHA256("sha256", "SHA256", 256),
    SHA384("sha384", "SHA384", 384),
    SHA512("sha512", "SHA512", 512),
    BLAKE2B("blake2b", "BLAKE2b", 512),
    SM3("sm3", "SM3", 256);

    private static final int[] CRC_TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i << 24;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
            }
            CRC_TABLE[i] = crc;
        }
    }

    /** The name {@code cksum -a} takes. */
    final String argument;
    /** The tag of the BSD-style output: {@code MD5 (file) = ...}. */
    final String tag;
    /** The default digest length in bits. */
    final int bits;

    DigestAlgorithm(String argument, String tag, int bits) {
        this.argument = argument;
        this.tag = tag;
        this.bits = bits;
    }

    /** The algorithm {@code cksum -a NAME} names, or null. */
    static DigestAlgorithm byArgument(String name) {
        for (DigestAlgorithm a : values()) {
            if (a.argument.equals(name)) {
                return a;
            }
        }
        return null;
    }

    /** Whether this is one of the old checksums (no check mode, their own output). */
    boolean isLegacy() {
        return this == BSD || this == SYSV || this == CRC;
    }

    /**
     * A read whose failure counts as the end of the input: GNU's CRC loop (cksum_slice8) checks
     * only for a short read, so cksum of a directory prints the CRC of nothing, status 0.
     */
    private static int readIgnoringErrors(InputStream in, byte[] buffer) {
        try {
            return in.read(buffer);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** A digest's bytes and, for the old checksums, the input's length. */
    record Result(byte[] digest, long length, int checksum) {}

    /**
     * Reads {@code in} to its end.
     *
     * @param lengthBits the output length, for BLAKE2b
     */
    Result digest(InputStream in, int lengthBits) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        int n;
        switch (this) {
            case BSD -> {
                int checksum = 0;
                while ((n = in.read(buffer)) > 0) {
                    for (int i = 0; i < n; i++) {
                        checksum = (checksum >> 1) + ((checksum & 1) << 15);
                        checksum = (checksum + (buffer[i] & 0xFF)) & 0xFFFF;
                    }
                    total += n;
                }
                return new Result(null, total, checksum);
            }
            case SYSV -> {
                int sum = 0;
                while ((n = in.read(buffer)) > 0) {
                    for (int i = 0; i < n; i++) {
                        sum += buffer[i] & 0xFF;
                    }
                    total += n;
                }
                int r = (sum & 0xFFFF) + (sum >>> 16);
                return new Result(null, total, (r & 0xFFFF) + (r >>> 16));
            }
            case CRC -> {
                int crc = 0;
                while ((n = readIgnoringErrors(in, buffer)) > 0) {
                    for (int i = 0; i < n; i++) {
                        crc = (crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ buffer[i]) & 0xFF];
                    }
                    total += n;
                }
                for (long length = total; length != 0; length >>>= 8) {
                    crc = (crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ (int) length) & 0xFF];
                }
                return new Result(null, total, ~crc);
            }
            case BLAKE2B, SM3 -> {
                return new Result(BouncyDigests.digest(this == SM3, lengthBits, in), total, 0);
            }
            default -> {
                MessageDigest digest;
                try {
                    digest = MessageDigest.getInstance(switch (this) {
                        case MD5 -> "MD5";
                        case SHA1 -> "SHA-1";
                        case SHA224 -> "SHA-224";
                        case SHA256 -> "SHA-256";
                        case SHA384 -> "SHA-384";
                        default -> "SHA-512";
                    });
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e); // every JDK has these
                }
                while ((n = in.read(buffer)) > 0) {
                    digest.update(buffer, 0, n);
                }
                return new Result(digest.digest(), total, 0);
            }
        }
    }
}
