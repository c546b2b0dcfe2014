/**
 * The WebAssembly driver: {@link io.sandkernel.driver.wasm.WasmDriver} runs {@code wasm32-wasi}
 * (preview 1) programs as kernel processes, registered under command names or executed from
 * files of the kernel's filesystem; each process's signals, traps and memory limit are handled by
 * its {@code WasmProcess} and {@code WasmExecution}.
 */
package io.sandkernel.driver.wasm;
