package io.sandkernel.api;


/**
 * Where a standard stream of a new process is connected.
 */
public sealed interface Redirect {
    /** The same stream as the spawning process's (or, from the host, the caller's). */
    record Inherit() implements Redirect {}

    /** {@code /dev/null}. */
    record Null() implements Redirect {}

    /** A file on the kernel filesystem; output truncates it unless {@code append}. */
    record File(String path, boolean append) implements Redirect {}

    /** One end of a kernel pipe, by its descriptor in the spawning process. */
    record Descriptor(int fd) implements Redirect {}

    /** A pipe the kernel creates, whose other end the host reads or writes through the handle. */
    record Pipe() implements Redirect {}

    /** Inherit the stream. */
    static Redirect inherit() {
        return new Inherit();
    }
}
