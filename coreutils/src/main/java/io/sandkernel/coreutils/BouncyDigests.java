package io.sandkernel.coreutils;

import java.io.IOException;
import java.io.InputStream;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * BLAKE2b (of any length in bytes up to 64) and SM3, which the JDK lacks, from Bouncy Castle's
 * lightweight API. Only this class refers to Bouncy Castle, so that its classes load when b2sum
 * or {@code cksum -a blake2b|sm3} runs, never on the path of other commands.
 */
final class BouncyDigests {
    private BouncyDigests() {}

    static byte[] digest(boolean sm3, int lengthBits, InputStream in) throws IOException {
        Digest digest = sm3 ? new SM3Digest() : new Blake2bDigest(lengthBits);
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = in.read(buffer)) > 0) {
            digest.update(buffer, 0, n);
        }
        byte[] result = new byte[digest.getDigestSize()];
        digest.doFinal(result, 0);
        return result;
    }
}
