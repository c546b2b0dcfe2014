package io.sandkernel.api.spi;


import io.sandkernel.process.DriverProcess;
import java.util.Set;

/**
 * A runtime that executes commands as virtual processes: the JVM driver runs Java programs, the
 * host driver real OS processes. A kernel mounts drivers; the last one mounted that offers
 * a command runs it.
 */
public interface RuntimeDriver extends AutoCloseable {
    /** A short name shown in process listings, e.g. {@code "jvm"} or {@code "host"}. */
    String name();

    /** The commands this driver can run. */
    Set<String> commands();

    /**
     * Starts executing {@code launch} and returns at once; the execution reports its end through
     * the hook the process table installs with {@link DriverProcess#setOnExit}.
     *
     * @throws io.sandkernel.KernelException ENOENT for an unknown command, EACCES when the command
     *                                       is not allowed, EAGAIN when out of resources
     */
    DriverProcess start(ProcessLaunch launch);

    /**
     * Starts executing {@code program}, an object of this driver's runtime handed over by a
     * process of the same driver ({@link io.sandkernel.api.ProcessApi#spawn(io.sandkernel.api.SpawnRequest,
     * io.sandkernel.api.Program)}), as {@link #start(ProcessLaunch)} starts a command.
     *
     * @throws io.sandkernel.KernelException ENOSYS (the default) when the driver runs no program
     *                                       objects, EAGAIN when out of resources
     */
    default DriverProcess start(ProcessLaunch launch, io.sandkernel.api.Program program) {
        throw new io.sandkernel.KernelException(io.sandkernel.Errno.ENOSYS, name() + " runs no program objects");
    }

    /**
     * Whether the driver's programs keep the standard streams they start with, with no way to
     * redirect them later (no {@code dup2}): the kernel then hands {@code /dev/null} as
     * {@link StandardStreams#NULL_INPUT} / {@link StandardStreams#NULL_OUTPUT}, which such a
     * driver may connect to the real null device instead of copying. False by default.
     */
    default boolean fixedStandardStreams() {
        return false;
    }

    /**
     * Tells the driver, when it is mounted on a kernel, which host directories that kernel mounted
     * and where: a driver that runs host processes shows them those, and nothing else of the
     * host's files. Called before any of the driver's commands can start there, with no lock of
     * the kernel held. Does nothing by default.
     */
    default void hostDirectories(java.util.List<HostDirectory> mounted) {}

    /** Releases what the driver holds; called by {@code Kernel.close()} in reverse mount order. */
    @Override
    default void close() {}
}
