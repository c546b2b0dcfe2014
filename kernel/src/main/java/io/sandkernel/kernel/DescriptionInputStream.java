package io.sandkernel.kernel;

import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream over an open file description: single-byte reads go through the block read,
 * which may return 0 (nothing yet, try again) as well as a count or -1.
 */
abstract class DescriptionInputStream extends InputStream {
    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n;
        do {
            n = read(one, 0, 1);
        } while (n == 0);
        return n < 0 ? -1 : one[0] & 0xFF;
    }
}
