package io.sandkernel.driver.wasm.module;

/** How a module's functions execute. */
public enum ExecutionMode {
    /**
     * Compiled to JVM bytecode by the runtime's compiler (about half native speed), falling back
     * to the interpreter for the functions the compiler refuses. The default.
     */
    COMPILED,
    /** Interpreted (no compilation cost; about 165 times slower on tight loops). */
    INTERPRETED
}
