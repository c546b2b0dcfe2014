/**
 * Sandkernel core: the process table of a virtual PID namespace, with no dependencies.
 */
module io.sandkernel.core {
    exports io.sandkernel;
    exports io.sandkernel.user;
    exports io.sandkernel.process;
}
