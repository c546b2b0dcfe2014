package io.sandkernel.userland;

import io.sandkernel.api.Program;
import io.sandkernel.coreutils.Coreutils;
import io.sandkernel.driver.jvm.JvmDriver;
import io.sandkernel.driver.wasm.WasmDriver;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.shell.Shell;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The front door: a {@link Kernel} with the usual userland, as {@code Jimfs} is for its file
 * systems. The kernel alone runs nothing; this class mounts a {@link JvmDriver} offering the shell
 * {@code sh} and the coreutils ({@code cat}, {@code sort}, {@code grep}, {@code ps}, {@code kill},
 * {@code stty}...), plus any programs of the caller's.
 *
 * <pre>{@code
 * try (Kernel kernel = Sandkernel.newKernel()) {
 *     kernel.exec("seq 5 | sort -rn | head -n 2");
 * }
 * }</pre>
 */
public final class Sandkernel {
    private Sandkernel() {}

    /** The usual userland's programs by command name: the coreutils, {@code sh} and {@code bash}. */
    public static Map<String, Program> programs() {
        Map<String, Program> all = new LinkedHashMap<>(Coreutils.commands());
        all.put("sh", Shell.program());
        all.put("bash", Shell.bashProgram());
        return all;
    }

    /** A JVM driver offering {@link #programs()} plus {@code extra}, which win on a name clash. */
    public static JvmDriver jvmDriver(Map<String, Program> extra) {
        Objects.requireNonNull(extra, "extra");
        Map<String, Program> all = new LinkedHashMap<>(programs());
        all.putAll(extra);
        return new JvmDriver(all);
    }

    /**
     * A kernel builder with the usual userland mounted; drivers added to it (e.g. the host
     * driver) are mounted after it and win on a name clash.
     */
    public static Kernel.Builder builder() {
        return builder(Map.of());
    }

    /**
     * A kernel builder with the usual userland plus {@code extra} programs mounted, and a
     * WebAssembly driver (no commands of its own) that runs the {@code wasm32-wasi} files of the
     * filesystem executed by path or found on {@code PATH}.
     */
    public static Kernel.Builder builder(Map<String, Program> extra) {
        return Kernel.builder().driver(jvmDriver(extra)).driver(WasmDriver.builder().build());
    }

    /** A new kernel with the default configuration and the usual userland. */
    public static Kernel newKernel() {
        return builder().build();
    }
}
