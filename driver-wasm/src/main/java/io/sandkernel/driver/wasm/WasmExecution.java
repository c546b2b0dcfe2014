package io.sandkernel.driver.wasm;

import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.ProcessTermination;
import io.sandkernel.api.spi.ProcessLaunch;
import io.sandkernel.driver.wasm.module.ExecutionMode;
import io.sandkernel.driver.wasm.module.LoadedModule;
import io.sandkernel.driver.wasm.wasi.WasiContext;
import io.sandkernel.driver.wasm.wasi.WasiImports;
import io.sandkernel.process.Signals;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import run.endive.runtime.ExportFunction;
import run.endive.runtime.Instance;
import run.endive.runtime.TrapException;
import run.endive.runtime.WasmInterruptedException;
import run.endive.runtime.WasmRuntimeException;
import run.endive.wasm.UnlinkableException;
import run.endive.wasm.WasmEngineException;
import run.endive.wasm.types.MemoryLimits;

/**
 * One run of a module as a process: instantiates it with the WASI imports over the process's
 * system calls and calls {@code _start}, then turns however it ended into an exit status: the
 * status of {@code proc_exit} (0 when {@code _start} returns), 128 + signal for a signal, the
 * status of SIGSEGV, SIGFPE or SIGILL for a trap (after one line on standard error), 126 for a
 * module that cannot be linked or has no {@code _start}.
 */
final class WasmExecution {
    private final ProcessLaunch launch;
    private final WasmProcess process;
    private final LoadedModule module;
    private final MemoryLimits limits;
    private final ExecutionMode mode;
    private final Path classCache;
    private final List<Preopen> preopens;

    WasmExecution(ProcessLaunch launch, WasmProcess process, LoadedModule module, MemoryLimits limits,
                  ExecutionMode mode, Path classCache, List<Preopen> preopens) {
        this.launch = launch;
        this.process = process;
        this.module = module;
        this.limits = limits;
        this.mode = mode;
        this.classCache = classCache;
        this.preopens = preopens;
    }

    /** Runs the program on the calling thread and returns its exit status. */
    int run() {
        // the kernel acts on signals at every call through this checkpoint, restarting reads and
        // writes after a stop, and ending the process on a fatal signal
        ProcessApi api = launch.syscalls(() -> {
            process.checkpoint();
            return false;
        });
        List<String> argv = new ArrayList<>();
        argv.add(launch.command());
        argv.addAll(launch.args());
        WasiContext wasi = new WasiContext(api, process, argv, new TreeMap<>(launch.env()));
        try {
            process.checkpoint();
            wasi.preopen(preopens);
            var factory = module.machineFactory(mode, classCache);
            process.checkpoint();
            Instance.Builder builder = Instance.builder(module.module())
                    .withImportValues(WasiImports.of(wasi))
                    .withMachineFactory(factory)
                    .withStart(false)
                    .withMemoryFactory(memoryLimits -> AccountedMemory.charged(api, memoryLimits));
            if (limits != null) {
                builder.withMemoryLimits(limits);
            }
            Instance instance = builder.build();
            ExportFunction start;
            try {
                start = instance.export("_start");
            } catch (RuntimeException e) {
                start = null;
            }
            if (start == null) {
                return fail(api, "not a WASI command (it exports no _start)", 126);
            }
            start.apply();
            return 0;
        } catch (ProcessTermination termination) {
            return termination.status();
        } catch (WasmInterruptedException interrupted) {
            return process.finalStatus(128 + Signals.SIGKILL);
        } catch (UnlinkableException e) {
            return fail(api, "cannot link: " + Traps.describe(e.getMessage()), 126);
        } catch (TrapException trap) {
            return trap(api, trap.getMessage());
        } catch (StackOverflowError e) {
            return trap(api, "call stack exhausted");
        } catch (OutOfMemoryError e) {
            return fail(api, "out of memory", 128 + Signals.SIGKILL);
        } catch (KernelException e) {
            // the errno's name is for programs; a person reads the detail
            return fail(api, e.getMessage().substring(e.errno().name().length() + 2), 126);
        } catch (WasmRuntimeException e) {
            return trap(api, e.getMessage());
        } catch (WasmEngineException e) {
            if (process.terminatedBySignal()) {
                return process.finalStatus(1);
            }
            String message = e.getMessage();
            if (message != null && message.contains("out of bounds")) {
                return trap(api, message);
            }
            return fail(api, Traps.describe(message), 126);
        } catch (RuntimeException e) {
            if (process.terminatedBySignal()) {
                return process.finalStatus(1);
            }
            return trap(api, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        // the kernel closes the process's descriptors when it exits
    }

    private int trap(ProcessApi api, String message) {
        if (process.terminatedBySignal()) {
            return process.finalStatus(1);
        }
        int signal = Traps.signal(message);
        return fail(api, "wasm trap: " + Traps.describe(message), 128 + signal);
    }

    /** Writes {@code command: message} as one line on standard error, quietly, and returns {@code status}. */
    private int fail(ProcessApi api, String message, int status) {
        if (process.terminatedBySignal()) {
            return process.finalStatus(status);
        }
        byte[] line = (launch.command() + ": " + message.replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            api.write(2, line, 0, line.length);
        } catch (RuntimeException | ProcessTermination e) {
            // no standard error to report on
        }
        return status;
    }
}
