package io.sandkernel.driver.wasm.wasi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import run.endive.runtime.HostFunction;
import run.endive.runtime.ImportValues;
import run.endive.wasm.types.FunctionType;
import run.endive.wasm.types.ValType;

/**
 * The {@code wasi_snapshot_preview1} module as plain {@link HostFunction}s over one process's
 * {@link WasiContext}: every function of WASI preview 1, each answering a WASI errno.
 */
public final class WasiImports {
    /** The import module name of WASI preview 1. */
    public static final String MODULE = "wasi_snapshot_preview1";

    private static final ValType I = ValType.I32;
    private static final ValType L = ValType.I64;

    private WasiImports() {}

    /** The host functions of WASI preview 1 for the process of {@code ctx}. */
    public static ImportValues of(WasiContext ctx) {
        return ImportValues.builder().withFunctions(new ArrayList<>(functions(ctx))).build();
    }

    static List<HostFunction> functions(WasiContext ctx) {
        WasiProcessCalls process = new WasiProcessCalls(ctx);
        WasiFdCalls fd = new WasiFdCalls(ctx);
        WasiPathCalls path = new WasiPathCalls(ctx);
        WasiPoll poll = new WasiPoll(ctx);
        List<HostFunction> all = new ArrayList<>();
        Registrar r = new Registrar(ctx, all);
        r.add("args_get", process::argsGet, I, I);
        r.add("args_sizes_get", process::argsSizesGet, I, I);
        r.add("environ_get", process::environGet, I, I);
        r.add("environ_sizes_get", process::environSizesGet, I, I);
        r.add("clock_res_get", process::clockResGet, I, I);
        r.add("clock_time_get", process::clockTimeGet, I, L, I);
        r.add("random_get", process::randomGet, I, I);
        r.add("proc_raise", process::procRaise, I);
        r.add("sched_yield", process::schedYield);
        all.add(new HostFunction(MODULE, "proc_exit", FunctionType.of(List.of(I), List.of()),
                (instance, args) -> {
                    ctx.gate.enter();
                    process.procExit(args[0]);
                    return null;
                }));
        r.add("fd_advise", fd::advise, I, L, L, I);
        r.add("fd_allocate", fd::allocate, I, L, L);
        r.add("fd_close", fd::close, I);
        r.add("fd_datasync", fd::sync, I);
        r.add("fd_fdstat_get", fd::fdstatGet, I, I);
        r.add("fd_fdstat_set_flags", fd::fdstatSetFlags, I, I);
        r.add("fd_fdstat_set_rights", fd::fdstatSetRights, I, L, L);
        r.add("fd_filestat_get", fd::filestatGet, I, I);
        r.add("fd_filestat_set_size", fd::filestatSetSize, I, L);
        r.add("fd_filestat_set_times", fd::filestatSetTimes, I, L, L, I);
        r.add("fd_pread", fd::pread, I, I, I, L, I);
        r.add("fd_prestat_get", fd::prestatGet, I, I);
        r.add("fd_prestat_dir_name", fd::prestatDirName, I, I, I);
        r.add("fd_pwrite", fd::pwrite, I, I, I, L, I);
        r.add("fd_read", fd::read, I, I, I, I);
        r.add("fd_readdir", fd::readdir, I, I, I, L, I);
        r.add("fd_renumber", fd::renumber, I, I);
        r.add("fd_seek", fd::seek, I, L, I, I);
        r.add("fd_sync", fd::sync, I);
        r.add("fd_tell", fd::tell, I, I);
        r.add("fd_write", fd::write, I, I, I, I);
        r.add("path_create_directory", path::createDirectory, I, I, I);
        r.add("path_filestat_get", path::filestatGet, I, I, I, I, I);
        r.add("path_filestat_set_times", path::filestatSetTimes, I, I, I, I, L, L, I);
        r.add("path_link", path::link, I, I, I, I, I, I, I);
        r.add("path_open", path::open, I, I, I, I, I, L, L, I, I);
        r.add("path_readlink", path::readlink, I, I, I, I, I, I);
        r.add("path_remove_directory", path::removeDirectory, I, I, I);
        r.add("path_rename", path::rename, I, I, I, I, I, I);
        r.add("path_symlink", path::symlink, I, I, I, I, I);
        r.add("path_unlink_file", path::unlinkFile, I, I, I);
        r.add("poll_oneoff", poll::pollOneoff, I, I, I, I);
        r.add("sock_accept", process::sock, I, I, I);
        r.add("sock_recv", process::sock, I, I, I, I, I, I);
        r.add("sock_send", process::sock, I, I, I, I, I);
        r.add("sock_shutdown", process::sock, I, I);
        return Collections.unmodifiableList(all);
    }

    /** Declares functions answering one i32 errno. */
    private record Registrar(WasiContext ctx, List<HostFunction> all) {
        void add(String name, WasiContext.Body body, ValType... params) {
            FunctionType type = FunctionType.of(List.of(params), List.of(I));
            all.add(new HostFunction(MODULE, name, type,
                    (instance, args) -> new long[] {ctx.invoke(instance.memory(), args, body)}));
        }
    }
}
