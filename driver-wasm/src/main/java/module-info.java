/**
 * The WebAssembly driver: runs untrusted {@code wasm32-wasi} (preview 1) programs as virtual
 * processes on the Endive runtime, their WASI calls answered by the kernel's system calls.
 */
module io.sandkernel.driver.wasm {
    requires transitive io.sandkernel.api;
    requires run.endive.runtime;
    requires run.endive.compiler;
    requires run.endive.wasm;
    requires java.management;

    exports io.sandkernel.driver.wasm;
    exports io.sandkernel.driver.wasm.module;
}
