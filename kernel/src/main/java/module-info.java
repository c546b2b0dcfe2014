/**
 * The kernel around the process table: filesystem, descriptors, pipes, terminals, users and
 * limits. Only {@code io.sandkernel.kernel} is exported; the rest is internal.
 */
module io.sandkernel.kernel {
    requires transitive io.sandkernel.api;
    requires com.google.common.jimfs;

    exports io.sandkernel.kernel;
    // the host side of a pseudo-terminal, for interactive front ends such as the CLI
    exports io.sandkernel.kernel.tty;
}
