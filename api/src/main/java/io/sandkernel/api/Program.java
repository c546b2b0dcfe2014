package io.sandkernel.api;


/**
 * A program written in Java that the JVM driver runs as a virtual process, each on a virtual
 * thread. It talks to the world only through {@link ProcessApi}: its streams, files, children
 * and signals.
 */
@FunctionalInterface
public interface Program {
    /**
     * Runs the program.
     *
     * @return the exit status, 0..255
     * @throws Exception an uncaught exception ends the process with status 1 after its message is
     *                   written to standard error
     */
    int run(ProcessApi process) throws Exception;
}
