/**
 * The host driver: real OS processes as virtual processes, for embedders that enable it with an
 * allow-list of executables. See {@link io.sandkernel.driver.host.HostDriver}.
 *
 * <p>How the pieces fit:
 * <ul>
 *   <li>{@link io.sandkernel.driver.host.HostDriver} resolves the allow-list when built, starts
 *       processes with {@link java.lang.ProcessBuilder}, wrapped by its {@link
 *       io.sandkernel.driver.host.HostConfinement}, and kills what is left on {@code close()}.</li>
 *   <li>{@code Bubblewrap} and {@code Unshare} are the two confinements; {@code ConfinementProbe}
 *       picks, once per JVM, the first that runs {@code true} here; {@code LaunchThread} starts
 *       confined processes from one thread that lives as long as the JVM, because their wrapper
 *       dies with the thread that started it.</li>
 *   <li>{@code HostProcess} is the {@link io.sandkernel.process.DriverProcess} of one OS process:
 *       three virtual-thread pumps copy stdio, {@link java.lang.Process#onExit()} triggers the exit
 *       report once output is copied.</li>
 *   <li>{@code Signaller} delivers signals other than SIGTERM and SIGKILL through one persistent
 *       {@code /bin/sh} co-process per driver, whose builtin {@code kill} forks nothing.</li>
 *   <li>{@code ProcFs} reads {@code /proc/<pid>/stat} to find the members of a session;
 *       {@code EndedSessions} keeps the sessions of ended processes for {@code close()}.</li>
 * </ul>
 */
package io.sandkernel.driver.host;
