/**
 * The front door: {@link io.sandkernel.userland.Sandkernel} assembles a kernel with the usual
 * userland (the JVM driver with the shell and the coreutils, and the WebAssembly driver for
 * programs stored in files).
 */
module io.sandkernel.userland {
    requires transitive io.sandkernel.kernel;
    requires transitive io.sandkernel.driver.jvm;
    requires transitive io.sandkernel.driver.host;
    requires transitive io.sandkernel.driver.wasm;
    requires io.sandkernel.shell;
    requires io.sandkernel.coreutils;

    exports io.sandkernel.userland;
}
