package io.sandkernel.shell;

import io.sandkernel.Errno;

/** Error texts as the C library words them, for messages that must read as dash's. */
final class Messages {
    private Messages() {}

    /** {@code strerror(3)}: "No such file or directory", "Permission denied"... */
    static String strerror(Errno errno) {
        String text = errno.description();
        return text.isEmpty() ? errno.name() : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
