/**
 * WASI preview 1 as host functions over the kernel's system calls
 * ({@link io.sandkernel.api.ProcessApi}): the guest's descriptor table, path confinement,
 * {@code fd_*}, {@code path_*}, {@code poll_oneoff} and the process calls. Nothing here touches
 * the host's files: every call is a kernel call of the process.
 */
package io.sandkernel.driver.wasm.wasi;
