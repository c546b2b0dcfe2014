package io.sandkernel.driver.wasm.module;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import run.endive.compiler.InterpreterFallback;
import run.endive.compiler.MachineFactoryCompiler;
import run.endive.runtime.Instance;
import run.endive.runtime.InterpreterMachine;
import run.endive.runtime.Machine;
import run.endive.wasm.WasmModule;

/**
 * A parsed and validated module, shared by every process that runs it, with its compiled machine
 * factory once it was compiled. Compiling happens at most once per loaded module (concurrent
 * callers wait for the first), and not at all when the disk cache has the classes.
 */
public final class LoadedModule {
    private static final System.Logger LOG = System.getLogger(LoadedModule.class.getName());

    private final String digest;
    private final WasmModule module;
    private final long size;
    private volatile Function<Instance, Machine> compiled;

    LoadedModule(String digest, WasmModule module, long size) {
        this.digest = Objects.requireNonNull(digest, "digest");
        this.module = Objects.requireNonNull(module, "module");
        this.size = size;
    }

    /** The content digest, {@code sha-256:<hex>}. */
    public String digest() {
        return digest;
    }

    /** The runtime's parsed module. */
    public WasmModule module() {
        return module;
    }

    /** The size of the module's bytes. */
    public long size() {
        return size;
    }

    /** Whether the compiled machine factory is ready in memory. */
    public boolean isCompiled() {
        return compiled != null;
    }

    /**
     * The machine factory for {@code mode}: the interpreter, or the compiled classes (compiled now
     * when neither memory nor {@code classCache} has them; functions the compiler refuses are
     * interpreted). A compilation that fails as a whole falls back to the interpreter, logged.
     *
     * @param classCache the on-disk class cache directory, or null for none
     */
    public Function<Instance, Machine> machineFactory(ExecutionMode mode, Path classCache) {
        if (mode == ExecutionMode.INTERPRETED) {
            return InterpreterMachine::new;
        }
        Function<Instance, Machine> factory = compiled;
        if (factory != null) {
            return factory;
        }
        synchronized (this) {
            if (compiled == null) {
                compiled = compile(classCache);
            }
            return compiled;
        }
    }

    private Function<Instance, Machine> compile(Path classCache) {
        if (classCache != null) {
            DiskClassCache disk;
            try {
                disk = new DiskClassCache(classCache);
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "class cache " + classCache + " unusable (" + e + ")");
                disk = null;
            }
            for (int attempt = 0; disk != null && attempt < 2; attempt++) {
                try {
                    return MachineFactoryCompiler.builder(module)
                            .withInterpreterFallback(InterpreterFallback.SILENT)
                            .withCache(disk)
                            .compile();
                } catch (RuntimeException | LinkageError e) {
                    // a damaged or foreign cache file: drop it, compile and store afresh
                    LOG.log(System.Logger.Level.WARNING, "cached classes of " + digest + " unusable (" + e
                            + "); compiling again");
                    disk.remove(module.digest());
                }
            }
        }
        try {
            return MachineFactoryCompiler.builder(module)
                    .withInterpreterFallback(InterpreterFallback.SILENT)
                    .compile();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.WARNING, "compiling " + digest + " failed (" + e + "); interpreting it");
            return InterpreterMachine::new;
        }
    }
}
