package io.sandkernel.coreutils;

import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The identity the sandbox presents to uname, hostname, nproc and getconf. The kernel has no
 * {@code uname(2)}, {@code sysconf(3)} or {@code sethostname(2)}: the host name is the kernel's
 * {@code /etc/hostname} (read through the process), the rest is a fixed Linux-looking identity,
 * and limits are the kernel's defaults.
 */
final class SystemInfo {
    /** {@code uname -s}. */
    static final String KERNEL_NAME = "Linux";
    /** {@code uname -r}: a release that reads as Linux without claiming the host's. */
    static final String KERNEL_RELEASE = "6.1.0-sandkernel";
    /** {@code uname -v}. */
    static final String KERNEL_VERSION = "#1 SMP PREEMPT_DYNAMIC Sandkernel 0.1.0";
    /** {@code uname -o}. */
    static final String OPERATING_SYSTEM = "GNU/Linux";
    /** ARG_MAX: the kernel's default limit on argv plus environment (KernelLimits, 256 KiB). */
    static final long ARG_MAX = 256 * 1024;
    /** OPEN_MAX: the kernel's default descriptors per process. */
    static final long OPEN_MAX = 256;
    /** CHILD_MAX: the kernel's default processes per user. */
    static final long CHILD_MAX = 256;

    private SystemInfo() {}

    /** The host name: the first line of /etc/hostname, else $HOSTNAME, else "localhost". */
    static String hostname(ProcessApi process) {
        try (InputStream in = process.openRead("/etc/hostname")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            int newline = text.indexOf('\n');
            String name = newline < 0 ? text : text.substring(0, newline).strip();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException | RuntimeException e) {
            // no hostname file: fall back below
        }
        String env = process.env().get("HOSTNAME");
        return env == null || env.isEmpty() ? "localhost" : env;
    }

    /** {@code uname -m}: the JVM's architecture under its Linux name. */
    static String machine() {
        String arch = System.getProperty("os.arch", "x86_64").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            case "x86", "i386", "i686" -> "i686";
            default -> arch;
        };
    }

    /** Processors available: the JVM's count, which the kernel does not limit. */
    static int processors() {
        return Runtime.getRuntime().availableProcessors();
    }
}
