/**
 * Sandkernel API: what programs and runtime drivers see of the kernel. Programs use
 * {@link io.sandkernel.api.ProcessApi}, their system calls; drivers implement
 * {@link io.sandkernel.api.spi.RuntimeDriver}.
 */
module io.sandkernel.api {
    requires transitive io.sandkernel.core;

    exports io.sandkernel.api;
    exports io.sandkernel.api.fs;
    exports io.sandkernel.api.spi;
    exports io.sandkernel.api.tty;
}
