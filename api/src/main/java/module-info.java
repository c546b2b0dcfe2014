/**
 * Sandkernel API: what programs and runtime drivers see of the kernel.
 */
module io.sandkernel.api {
    requires transitive io.sandkernel.core;

    exports io.sandkernel.api.fs;
}
