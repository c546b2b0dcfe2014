/**
 * Modules and their compiled code: {@link io.sandkernel.driver.wasm.module.ModuleCache} keeps
 * parsed modules and compiled machine factories by content digest, shared by every kernel of the
 * JVM and bounded; compiled classes can also be kept on disk.
 */
package io.sandkernel.driver.wasm.module;
