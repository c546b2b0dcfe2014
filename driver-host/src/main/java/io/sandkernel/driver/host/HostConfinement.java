package io.sandkernel.driver.host;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Chooses how a host program is wrapped so that it runs confined: given the program's command
 * line and what it may see, returns the command line that actually starts.
 *
 * <p>The {@link HostDriver} asks its confinement once per start. {@link #detect()} (the default)
 * picks {@link #bubblewrap bubblewrap} when it works on this machine, else {@link #unshare
 * unshare}, else {@link #refusing refuses}: starting a host program then fails with ENOSYS, unless
 * the embedder accepted unconfined programs ({@link HostDriver.Builder#allowUnconfined()}).
 * Tests inject their own.
 */
@FunctionalInterface
public interface HostConfinement {
    /**
     * The command that runs {@code argv} (an absolute executable, then its arguments) confined to
     * {@code view}.
     *
     * @throws KernelException ENOSYS or EPERM when the program cannot be confined here
     */
    Command confine(List<String> argv, View view);

    /**
     * A host directory the program may reach, at the path the kernel's programs see it under.
     *
     * @param hostDirectory the host directory (absolute)
     * @param guestPath     where it appears (absolute), as in the kernel's mount table
     * @param readOnly      whether the program may only read it
     */
    record Bind(Path hostDirectory, String guestPath, boolean readOnly) {
        /** Checks both paths are absolute. */
        public Bind {
            Objects.requireNonNull(hostDirectory, "hostDirectory");
            Objects.requireNonNull(guestPath, "guestPath");
            if (!hostDirectory.isAbsolute() || !guestPath.startsWith("/")) {
                throw new IllegalArgumentException("bind paths must be absolute: " + hostDirectory + " at " + guestPath);
            }
        }
    }

    /**
     * What one confined program may see besides the system's read-only directories.
     *
     * @param binds            the host directories it may reach
     * @param workingDirectory the directory it starts in, a guest path; {@code /} when it is not
     *                         inside a bind
     * @param executable       the program's executable, made visible (read-only) when it lies
     *                         outside the system directories
     */
    record View(List<Bind> binds, String workingDirectory, Path executable) {
        /** Copies the binds. */
        public View {
            binds = List.copyOf(binds);
            Objects.requireNonNull(workingDirectory, "workingDirectory");
            Objects.requireNonNull(executable, "executable");
        }
    }

    /**
     * The command to start.
     *
     * @param argv      the whole command line, wrapper first
     * @param directory the host directory to start it in (the wrapper's, not the program's); null
     *                  for the driver's working directory
     * @param depth     how many wrapper processes stand between the started process and the
     *                  program (0 when unconfined): signals other than SIGKILL go to the program,
     *                  found by following the first child that many times
     */
    record Command(List<String> argv, Path directory, int depth) {
        /** Copies the command line. */
        public Command {
            argv = List.copyOf(argv);
            if (depth < 0) {
                throw new IllegalArgumentException("negative depth " + depth);
            }
        }
    }

    /**
     * The best confinement this machine offers, probed once per JVM: bubblewrap ({@code bwrap}
     * on the default search path), else {@code unshare}, else a refusal naming what is missing.
     */
    static HostConfinement detect() {
        return ConfinementProbe.best();
    }

    /**
     * Bubblewrap: new user (where available), PID, mount, IPC, network, UTS and cgroup
     * namespaces, no capabilities, a new session, dying with the JVM; a read-only view of
     * {@code /usr}, {@code /bin}, {@code /lib*}, {@code /sbin} and a few files of {@code /etc},
     * fresh {@code /tmp}, {@code /proc} and {@code /dev}, and the binds.
     */
    static HostConfinement bubblewrap(Path bwrap) {
        return new Bubblewrap(Objects.requireNonNull(bwrap, "bwrap"));
    }

    /**
     * util-linux {@code unshare}, where bubblewrap is missing: new PID, mount, IPC, network and
     * UTS namespaces, the tree killed with its root; the host's root read-only with {@code /tmp},
     * {@code /home}, {@code /root}, {@code /run} and the JVM's working directory hidden behind
     * empty ones, and the binds (at guest paths that exist on the host or lie in those). Needs the
     * privilege to mount (root).
     */
    static HostConfinement unshare(Path unshare) {
        return new Unshare(Objects.requireNonNull(unshare, "unshare"));
    }

    /**
     * Runs the program as it is, outside any namespace, in the driver's host working directory
     * ({@link HostDriver.Builder#workingDirectory}): no confinement at all.
     */
    static HostConfinement unconfined() {
        return (argv, view) -> new Command(argv, null, 0);
    }

    /** Refuses every start with ENOSYS, saying {@code why}. */
    static HostConfinement refusing(String why) {
        Objects.requireNonNull(why, "why");
        return (argv, view) -> {
            throw new KernelException(Errno.ENOSYS, "host programs cannot run confined here: " + why
                    + " (only an explicit allowance runs them unconfined: --allow-host-unconfined,"
                    + " HostDriver.Builder.allowUnconfined())");
        };
    }
}
