package io.sandkernel.api.fs;

/**
 * One descriptor to watch in {@code poll(2)}.
 *
 * @param fd     the descriptor; a negative one is ignored and reports no events
 * @param events what to wait for: {@link #POLLIN}, {@link #POLLOUT}
 */
public record PollFd(int fd, int events) {
    /** Data can be read without blocking (or end of file, or a hang-up). */
    public static final int POLLIN = 0x001;
    /** Data can be written without blocking. */
    public static final int POLLOUT = 0x004;
    /** An error condition (always reported). */
    public static final int POLLERR = 0x008;
    /** The other end was closed (always reported). */
    public static final int POLLHUP = 0x010;
    /** The descriptor is not open (always reported). */
    public static final int POLLNVAL = 0x020;
}
