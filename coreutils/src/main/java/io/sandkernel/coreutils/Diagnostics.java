package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import java.nio.charset.StandardCharsets;

/**
 * Error reporting with GNU wording: {@code "cmd: message"} lines on standard error, the
 * strerror(3) text of the kernel's errno ("No such file or directory"), and the quoting GNU
 * applies to file names. Remembers whether any error was reported, for the exit status.
 */
final class Diagnostics {
    private final ProcessApi process;
    private final String command;
    private boolean failed;

    Diagnostics(ProcessApi process, String command) {
        this.process = process;
        this.command = command;
    }

    /** Writes {@code "cmd: message"} and remembers the failure. */
    void error(String message) {
        failed = true;
        warn(message);
    }

    /** Writes {@code "cmd: message"} without making the run fail. */
    void warn(String message) {
        process.stderr().writeBytes((command + ": " + message + "\n").getBytes(StandardCharsets.UTF_8));
        process.stderr().flush();
    }

    /** Writes {@code "cmd: "} and a byte string (such as input text) as its raw bytes, without failing. */
    void warnBytes(String byteText) {
        process.stderr().writeBytes((command + ": ").getBytes(StandardCharsets.UTF_8));
        process.stderr().writeBytes(ByteText.bytes(byteText + "\n"));
        process.stderr().flush();
    }

    /** Writes {@code "cmd: file: reason"}, as cat, head and wc do. */
    void fileError(String file, Throwable cause) {
        error(quoteIfNeeded(file) + ": " + describe(cause));
    }

    /** Writes {@code "cmd: action 'file': reason"}, as rm, mkdir and cp do. */
    void actionError(String action, String file, Throwable cause) {
        error(action + " " + quote(file) + ": " + describe(cause));
    }

    /** Writes {@code "cmd: action 'file': reason"} for an errno. */
    void actionError(String action, String file, Errno errno) {
        error(action + " " + quote(file) + ": " + strerror(errno));
    }

    /** Whether an error was reported. */
    boolean failed() {
        return failed;
    }

    /** Marks the run as failed without a message. */
    void fail() {
        failed = true;
    }

    /** The errno a failure stands for (a {@link KernelException} in its causes), or null. */
    static Errno errnoOf(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof KernelException k) {
                return k.errno();
            }
        }
        return null;
    }

    /** The text for a failure as strerror gives it: "No such file or directory". */
    static String describe(Throwable cause) {
        Errno errno = errnoOf(cause);
        if (errno != null) {
            return strerror(errno);
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }

    /** strerror(3) text, capitalised as glibc prints it. */
    static String strerror(Errno errno) {
        String text = errno.description();
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** A failure with {@code errno} about {@code path}, for the checks commands make themselves. */
    static KernelException failure(Errno errno, String path) {
        return new KernelException(errno, path);
    }

    /** Always quotes, as GNU's quoteaf does in the C locale: {@code 'name'}. */
    static String quote(String name) {
        return "'" + name.replace("'", "'\\''") + "'";
    }

    /** Quotes only names that need it for the shell, as GNU's quotef does. */
    static String quoteIfNeeded(String name) {
        if (!name.isEmpty() && name.chars().allMatch(Diagnostics::isShellSafe)) {
            return name;
        }
        return quote(name);
    }

    private static boolean isShellSafe(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "._/+-,:@%^=".indexOf(c) >= 0 || c > 127;
    }
}
