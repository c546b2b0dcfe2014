package io.sandkernel.driver.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Confinement by bubblewrap. The program sees the system's read-only directories, a handful of
 * files of {@code /etc} (never {@code shadow}), fresh {@code /tmp}, {@code /proc} and {@code /dev},
 * and the binds; nothing of {@code /root}, {@code /home}, the JVM's working directory or the
 * host's processes and network. bwrap runs a reaper as pid 1 of the new PID namespace and the
 * program as its child; when bwrap dies (killed, or with the JVM thanks to
 * {@code --die-with-parent}) pid 1 dies and the kernel kills every process of the namespace,
 * including descendants that called {@code setsid} or cleared their environment.
 */
final class Bubblewrap implements HostConfinement {
    /** Top-level system directories shown read-only (as symbolic links where the host has links). */
    static final List<String> SYSTEM = List.of("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64",
            "/libx32");
    /** What of /etc a program needs to link, resolve names and find its alternatives; no secrets. */
    static final List<String> ETC = List.of("/etc/alternatives", "/etc/ld.so.cache", "/etc/ld.so.conf",
            "/etc/ld.so.conf.d", "/etc/localtime", "/etc/nsswitch.conf", "/etc/passwd", "/etc/group",
            "/etc/hostname", "/etc/os-release");

    private final Path bwrap;

    Bubblewrap(Path bwrap) {
        this.bwrap = bwrap;
    }

    @Override
    public Command confine(List<String> argv, View view) {
        List<String> command = new ArrayList<>(List.of(bwrap.toString(), "--unshare-all", "--die-with-parent",
                "--new-session", "--cap-drop", "ALL", "--hostname", "sandkernel"));
        for (String directory : SYSTEM) {
            systemEntry(command, Path.of(directory));
        }
        for (String file : ETC) {
            command.addAll(List.of("--ro-bind-try", file, file));
        }
        command.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "--tmpfs", "/var/tmp"));
        if (!insideSystem(view.executable())) {
            command.addAll(List.of("--ro-bind", view.executable().toString(), view.executable().toString()));
        }
        for (Bind bind : view.binds()) {
            command.addAll(List.of(bind.readOnly() ? "--ro-bind" : "--bind", bind.hostDirectory().toString(),
                    bind.guestPath()));
        }
        command.addAll(List.of("--chdir", view.workingDirectory(), "--"));
        command.addAll(argv);
        return new Command(command, Path.of("/"), 2);
    }

    private static void systemEntry(List<String> command, Path directory) {
        if (Files.isSymbolicLink(directory)) {
            try {
                command.addAll(List.of("--symlink", Files.readSymbolicLink(directory).toString(), directory.toString()));
            } catch (IOException e) {
                // unreadable link: leave it out, as a missing directory
            }
        } else if (Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            command.addAll(List.of("--ro-bind", directory.toString(), directory.toString()));
        }
    }

    /** Whether {@code path} is visible already, under one of the system directories. */
    static boolean insideSystem(Path path) {
        for (String directory : SYSTEM) {
            if (path.startsWith(directory)) {
                return true;
            }
        }
        return false;
    }
}
