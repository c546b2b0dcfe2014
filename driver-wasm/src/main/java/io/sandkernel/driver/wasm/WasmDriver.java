package io.sandkernel.driver.wasm;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessTermination;
import io.sandkernel.api.spi.ExecutableFormat;
import io.sandkernel.api.spi.ProcessLaunch;
import io.sandkernel.api.spi.RuntimeDriver;
import io.sandkernel.driver.wasm.module.ExecutionMode;
import io.sandkernel.driver.wasm.module.LoadedModule;
import io.sandkernel.driver.wasm.module.ModuleCache;
import io.sandkernel.process.DriverProcess;
import io.sandkernel.process.Signals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import run.endive.wasm.types.MemoryLimits;

/**
 * The runtime driver for WebAssembly programs ({@code wasm32-wasi}, preview 1), named
 * {@code "wasm"}: each process runs a module's {@code _start} on a thread of its own, its WASI
 * calls answered by the process's kernel system calls (descriptors, files, pipes, terminals,
 * permissions and limits are the kernel's). Signals take their Linux default actions (see
 * {@link WasmProcess}); a trap ends the process with the status of the signal a native program
 * would have received, after one line on standard error.
 *
 * <p>Programs are registered under command names ({@link Builder#command(String, byte[])}), or
 * started from a file of the kernel's filesystem that begins with the wasm magic, when the
 * kernel hands the file's bytes in the launch ({@link #claims(byte[])}). Modules are parsed,
 * validated and compiled once per content digest ({@link ModuleCache}).
 *
 * <p>Memory: a module's linear memory may grow up to {@link Builder#memoryLimit(long)}; a module
 * whose initial memory alone exceeds it is refused (ENOMEM), and {@code memory.grow} beyond it
 * fails as the module sees it ({@code malloc} returns NULL).
 *
 * <p>Mount an instance in one kernel only: {@link #close()} kills every process it runs.
 */
public final class WasmDriver implements RuntimeDriver, ExecutableFormat {
    /** The wasm binary magic, {@code \0asm}. */
    static final byte[] MAGIC = {0, 'a', 's', 'm'};

    private final Map<String, Program> commands;
    private final long memoryLimit;
    private final ExecutionMode mode;
    private final Path classCache;
    private final ModuleCache cache;
    private final List<Preopen> preopens;
    private final Set<WasmProcess> live = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** A registered program: its bytes and their digest. */
    private record Program(String digest, byte[] bytes) {}

    private WasmDriver(Builder builder) {
        Map<String, Program> programs = new LinkedHashMap<>();
        builder.commands.forEach((name, bytes) -> programs.put(name, new Program(ModuleCache.digest(bytes), bytes)));
        this.commands = Map.copyOf(programs);
        this.memoryLimit = builder.memoryLimit;
        this.mode = builder.mode;
        this.classCache = builder.classCache;
        this.cache = builder.cache;
        this.preopens = List.copyOf(builder.preopens);
    }

    /** A builder: no commands, 512 MiB of memory per process, compiled, the shared module cache. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "wasm";
    }

    @Override
    public Set<String> commands() {
        return commands.keySet();
    }

    /** Whether {@code header} (a file's first bytes) starts with the wasm magic {@code \0asm}. */
    @Override
    public boolean claims(byte[] header) {
        if (header == null || header.length < MAGIC.length) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (header[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Loads the module (from the cache when its digest is known), checks its memory against the
     * limit and starts its thread, which runs once the process table has registered the process.
     *
     * @throws KernelException ENOENT for an unknown command, ENOEXEC for bytes that are not a
     *         valid module (or one importing what WASI does not offer), ENOMEM when its initial
     *         memory exceeds the limit, EAGAIN after close
     */
    @Override
    public DriverProcess start(ProcessLaunch launch) {
        Program program = commands.get(launch.command());
        if (program == null) {
            throw new KernelException(Errno.ENOENT, launch.command() + ": command not found");
        }
        return start(launch, cache.load(program.digest(), program.bytes()));
    }

    /**
     * Runs the module {@code image}, a file of the kernel's filesystem; as {@link #start(ProcessLaunch)}.
     *
     * @throws KernelException ENOEXEC when {@code image} is not a valid module
     */
    @Override
    public DriverProcess start(ProcessLaunch launch, byte[] image) {
        if (!claims(image)) {
            throw new KernelException(Errno.ENOEXEC, launch.command() + ": not a WebAssembly module");
        }
        return start(launch, cache.load(image));
    }

    private DriverProcess start(ProcessLaunch launch, LoadedModule module) {
        if (closed) {
            throw new KernelException(Errno.EAGAIN, "the wasm driver is closed");
        }
        MemoryLimits limits = memoryLimits(module, launch.command());
        WasmProcess process = new WasmProcess(launch.pid());
        WasmExecution execution = new WasmExecution(launch, process, module, limits, mode, classCache, preopens);
        Thread thread = new Thread(null, () -> run(process, execution), "sandkernel-wasm-" + launch.pid() + "-"
                + launch.command(), 16L << 20);
        thread.setDaemon(true);
        process.bind(launch.api(), thread);
        live.add(process);
        thread.start();
        return process;
    }

    /**
     * The memory limits the instance gets: the module's own, its maximum lowered to the quota.
     * The runtime takes these limits instead of the module's without checking them, so a module
     * whose initial size is over the quota is refused here, and the initial size never lowered.
     */
    private MemoryLimits memoryLimits(LoadedModule module, String command) {
        var memories = module.module().memorySection();
        if (memories.isEmpty() || memories.get().memoryCount() == 0) {
            return null;
        }
        MemoryLimits declared = memories.get().getMemory(0).limits();
        long quotaPages = Math.min(memoryLimit / 65536, run.endive.runtime.Memory.RUNTIME_MAX_PAGES);
        if (declared.initialPages() > quotaPages) {
            throw new KernelException(Errno.ENOMEM, command + ": needs " + declared.initialPages() * 64
                    + " KiB of memory at start, over the limit of " + memoryLimit / 1024 + " KiB");
        }
        int maximum = (int) Math.min(declared.maximumPages(), quotaPages);
        return new MemoryLimits(declared.initialPages(), maximum, declared.shared());
    }

    private void run(WasmProcess process, WasmExecution execution) {
        int status = 128 + Signals.SIGKILL;
        try {
            process.awaitStart();
            status = execution.run();
        } catch (ProcessTermination termination) {
            status = termination.status();
        } catch (Throwable failure) {
            System.getLogger(WasmDriver.class.getName()).log(System.Logger.Level.ERROR,
                    "wasm process failed unexpectedly", failure);
            status = 1;
        } finally {
            live.remove(process);
            process.finish(process.finalStatus(status));
        }
    }

    /**
     * Kills what still runs and waits up to a second for the threads to end. Called by the
     * kernel after it has terminated its processes.
     */
    @Override
    public void close() {
        closed = true;
        for (WasmProcess process : live) {
            process.kill(Signals.SIGKILL);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        for (WasmProcess process : live) {
            Thread thread = process.thread();
            long remaining = deadline - System.nanoTime();
            if (thread != null && remaining > 0) {
                try {
                    thread.join(Duration.ofNanos(remaining));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Configures a {@link WasmDriver}. */
    public static final class Builder {
        private final Map<String, byte[]> commands = new LinkedHashMap<>();
        private long memoryLimit = 512L << 20;
        private ExecutionMode mode = ExecutionMode.COMPILED;
        private Path classCache;
        private ModuleCache cache = ModuleCache.shared();
        private List<Preopen> preopens = List.of(new Preopen("/", "/", false), new Preopen(".", ".", false));

        private Builder() {}

        /** Offers the module {@code wasm} as command {@code name}. */
        public Builder command(String name, byte[] wasm) {
            Objects.requireNonNull(name, "name");
            commands.put(name, wasm.clone());
            return this;
        }

        /** Offers the module in host file {@code wasm} as command {@code name}; read now. */
        public Builder command(String name, Path wasm) {
            try {
                return command(name, Files.readAllBytes(wasm));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + wasm, e);
            }
        }

        /** The most linear memory one process may have, in bytes (rounded down to 64 KiB pages). */
        public Builder memoryLimit(long bytes) {
            if (bytes < 65536) {
                throw new IllegalArgumentException("memory limit below one page: " + bytes);
            }
            this.memoryLimit = bytes;
            return this;
        }

        /** Compiled (the default) or interpreted. */
        public Builder mode(ExecutionMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * A directory where compiled classes are kept across JVMs, one jar per module digest, so
         * a large program is compiled once, not once per JVM. None by default.
         */
        public Builder classCache(Path directory) {
            this.classCache = directory;
            return this;
        }

        /** The in-memory module cache; {@link ModuleCache#shared()} by default. */
        public Builder moduleCache(ModuleCache cache) {
            this.cache = Objects.requireNonNull(cache, "cache");
            return this;
        }

        /**
         * The directories every process finds preopened at descriptors 3, 4...; by default
         * {@code /} (the kernel's root) then {@code .} (the working directory), both unconfined
         * (paths behave as a POSIX process's: {@code ..}, absolute symbolic links): wasi-libc
         * resolves a relative path against the last preopen that matches, so {@code .} comes after
         * {@code /}.
         */
        public Builder preopens(List<Preopen> preopens) {
            this.preopens = new ArrayList<>(preopens);
            return this;
        }

        public WasmDriver build() {
            return new WasmDriver(this);
        }
    }
}
