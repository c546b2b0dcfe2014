package io.sandkernel.driver.host;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Confinement by util-linux {@code unshare}, where bubblewrap is missing. unshare forks a
 * {@code /bin/sh} as pid 1 of new PID, mount, IPC, network and UTS namespaces; the shell builds,
 * as bubblewrap does, a new root on an empty file system (the system directories and a few files
 * of {@code /etc} read-only, fresh {@code /proc}, {@code /dev}, {@code /tmp}, and the binds),
 * pivots into it, detaches the host's root, and runs the program as its child (pid 1 would ignore
 * signals it has no handler for) with every capability dropped ({@code setpriv}).
 * {@code --kill-child} kills pid 1, and with it the whole namespace, when unshare dies. Needs the
 * privilege to mount (root). Weaker than bubblewrap in one way: a JVM that dies without killing
 * unshare leaves it running.
 */
final class Unshare implements HostConfinement {
    private static final List<String> DEVICES = List.of("null", "zero", "full", "random", "urandom", "tty");

    private final Path unshare;

    Unshare(Path unshare) {
        this.unshare = unshare;
    }

    @Override
    public Command confine(List<String> argv, View view) {
        String root = Files.isDirectory(Path.of("/mnt")) ? "/mnt" : "/tmp";
        StringBuilder script = new StringBuilder();
        // the program's environment is exactly the launch's: the tools' PATH is only the script's
        script.append("set -e\nsk_had=${PATH+x}; sk_path=$PATH; PATH=/usr/sbin:/usr/bin:/sbin:/bin\n");
        script.append("R=").append(root).append("\nmount -t tmpfs -o mode=755 sandkernel $R\n");
        for (String directory : Bubblewrap.SYSTEM) {
            Path path = Path.of(directory);
            if (Files.isSymbolicLink(path)) {
                script.append("ln -s \"$(readlink ").append(directory).append(")\" $R").append(directory).append('\n');
            } else if (Files.isDirectory(path)) {
                bind(script, directory, directory, true, true);
            }
        }
        script.append("mkdir -p $R/etc\n");
        for (String file : Bubblewrap.ETC) {
            script.append("if [ -d ").append(file).append(" ]; then mkdir $R").append(file).append("; elif [ -e ")
                    .append(file).append(" ]; then : > $R").append(file).append("; fi\n");
            script.append("if [ -e ").append(file).append(" ]; then mount --rbind ").append(file).append(" $R")
                    .append(file).append("; mount -o remount,bind,ro $R").append(file).append("; fi\n");
        }
        script.append("mkdir -p $R/proc $R/dev $R/tmp $R/var/tmp\nmount -t proc proc $R/proc\n");
        script.append("mount -t tmpfs -o mode=755 dev $R/dev\n");
        for (String device : DEVICES) {
            script.append(": > $R/dev/").append(device).append("; mount --bind /dev/").append(device)
                    .append(" $R/dev/").append(device).append('\n');
        }
        script.append("ln -s /proc/self/fd $R/dev/fd; ln -s fd/0 $R/dev/stdin; ln -s fd/1 $R/dev/stdout;"
                + " ln -s fd/2 $R/dev/stderr\n");
        script.append("mount -t tmpfs -o mode=1777 tmp $R/tmp; mount -t tmpfs -o mode=1777 tmp $R/var/tmp\n");
        if (!Bubblewrap.insideSystem(view.executable())) {
            bind(script, view.executable().toString(), view.executable().toString(), true, false);
        }
        for (Bind bind : view.binds()) {
            bind(script, bind.hostDirectory().toString(), bind.guestPath(), bind.readOnly(), true);
        }
        script.append("mkdir $R/.host; cd $R; pivot_root . .host; umount -l /.host\n");
        script.append("mount -o remount,bind,ro /\n");
        script.append("cd ").append(quote(view.workingDirectory())).append(" 2>/dev/null || cd /\n");
        script.append("if [ -n \"$sk_had\" ]; then PATH=$sk_path; else unset PATH; fi; unset sk_had sk_path R\n");
        script.append("set +e\n/usr/bin/setpriv --bounding-set=-all --inh-caps=-all --no-new-privs -- \"$@\"\n");
        List<String> command = new ArrayList<>(List.of(unshare.toString(), "--pid", "--fork", "--kill-child",
                "--mount", "--net", "--ipc", "--uts", "--propagation", "private", "--", "/bin/sh", "-c",
                script.toString(), "sandkernel-confined"));
        command.addAll(argv);
        return new Command(command, Path.of("/"), 2);
    }

    /** Appends the lines that show {@code host} at {@code guest} in the new root. */
    private static void bind(StringBuilder script, String host, String guest, boolean readOnly, boolean directory) {
        String target = "$R" + quote(guest);
        script.append(directory ? "mkdir -p " + target : "mkdir -p \"$(dirname " + target + ")\"; : > " + target)
                .append("; mount --rbind ").append(quote(host)).append(' ').append(target).append('\n');
        if (readOnly) {
            script.append("mount -o remount,bind,ro ").append(target).append('\n');
        }
    }

    /** {@code text} as one single-quoted shell word. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
