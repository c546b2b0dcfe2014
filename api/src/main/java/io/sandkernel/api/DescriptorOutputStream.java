package io.sandkernel.api;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * An unbuffered {@link OutputStream} over a descriptor's {@link ProcessApi#write} system call:
 * every write is a kernel call (and so a signal checkpoint) and is written whole, or fails with
 * the kernel's error (EPIPE, ENOSPC...) as a {@link io.sandkernel.KernelException}.
 */
public final class DescriptorOutputStream extends OutputStream {
    private final ProcessApi process;
    private final int fd;
    private final boolean owning;
    private boolean closed;

    /**
     * A stream writing {@code fd} of {@code process}.
     *
     * @param owning whether closing the stream closes the descriptor
     */
    public DescriptorOutputStream(ProcessApi process, int fd, boolean owning) {
        this.process = Objects.requireNonNull(process, "process");
        this.fd = fd;
        this.owning = owning;
    }

    /** The descriptor written. */
    public int fd() {
        return fd;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (closed) {
            throw new IOException("stream closed");
        }
        while (length > 0) {
            int n = process.write(fd, buffer, offset, length);
            offset += n;
            length -= n;
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (owning) {
                process.close(fd);
            }
        }
    }
}
