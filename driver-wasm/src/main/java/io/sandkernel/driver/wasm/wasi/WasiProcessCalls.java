package io.sandkernel.driver.wasm.wasi;

import io.sandkernel.api.ProcessTermination;
import java.security.SecureRandom;
import java.util.List;
import run.endive.runtime.Memory;

/**
 * The WASI calls that concern the process rather than a descriptor: {@code args_*},
 * {@code environ_*}, {@code clock_*}, {@code random_get}, {@code proc_exit}, {@code proc_raise},
 * {@code sched_yield} and the {@code sock_*} calls (the kernel has no sockets yet: every open
 * descriptor answers ENOTSOCK).
 */
final class WasiProcessCalls {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int CLOCK_REALTIME = 0;
    private static final int CLOCK_MONOTONIC = 1;
    private static final int CLOCK_PROCESS_CPUTIME = 2;
    private static final int CLOCK_THREAD_CPUTIME = 3;

    private final WasiContext ctx;

    WasiProcessCalls(WasiContext ctx) {
        this.ctx = ctx;
    }

    int argsSizesGet(Memory memory, long[] args) {
        return sizes(memory, ctx.argv, (int) args[0], (int) args[1]);
    }

    int argsGet(Memory memory, long[] args) {
        return strings(memory, ctx.argv, (int) args[0], (int) args[1]);
    }

    int environSizesGet(Memory memory, long[] args) {
        return sizes(memory, ctx.environ, (int) args[0], (int) args[1]);
    }

    int environGet(Memory memory, long[] args) {
        return strings(memory, ctx.environ, (int) args[0], (int) args[1]);
    }

    private static int sizes(Memory memory, List<byte[]> strings, int countPtr, int sizePtr) {
        int size = 0;
        for (byte[] string : strings) {
            size += string.length;
        }
        memory.writeI32(countPtr, strings.size());
        memory.writeI32(sizePtr, size);
        return WasiErrno.SUCCESS;
    }

    private static int strings(Memory memory, List<byte[]> strings, int pointers, int buffer) {
        int at = buffer;
        for (int i = 0; i < strings.size(); i++) {
            byte[] string = strings.get(i);
            memory.writeI32(pointers + i * 4, at);
            memory.write(at, string);
            at += string.length;
        }
        return WasiErrno.SUCCESS;
    }

    int clockResGet(Memory memory, long[] args) {
        int clock = (int) args[0];
        long resolution = switch (clock) {
            case CLOCK_REALTIME -> 1_000L;
            case CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME, CLOCK_THREAD_CPUTIME -> 1L;
            default -> -1L;
        };
        if (resolution < 0) {
            return WasiErrno.INVAL;
        }
        memory.writeLong((int) args[1], resolution);
        return WasiErrno.SUCCESS;
    }

    int clockTimeGet(Memory memory, long[] args) {
        int clock = (int) args[0];
        long now;
        switch (clock) {
            case CLOCK_REALTIME -> {
                java.time.Instant instant = java.time.Instant.now();
                now = instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
            }
            case CLOCK_MONOTONIC -> now = ctx.monotonic(System.nanoTime());
            case CLOCK_PROCESS_CPUTIME, CLOCK_THREAD_CPUTIME -> now = threadCpuTime();
            default -> {
                return WasiErrno.INVAL;
            }
        }
        memory.writeLong((int) args[2], now);
        return WasiErrno.SUCCESS;
    }

    /** The CPU time of the process's thread: a WASI process has exactly one. */
    private long threadCpuTime() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
        return cpu >= 0 ? cpu : ctx.monotonic(System.nanoTime());
    }

    int randomGet(Memory memory, long[] args) {
        int address = (int) args[0];
        long length = Integer.toUnsignedLong((int) args[1]);
        byte[] chunk = new byte[(int) Math.min(length, 64 * 1024)];
        for (long done = 0; done < length; done += chunk.length) {
            int n = (int) Math.min(chunk.length, length - done);
            RANDOM.nextBytes(chunk);
            memory.write(address + (int) done, chunk, 0, n);
        }
        return WasiErrno.SUCCESS;
    }

    /** {@code proc_exit}: ends the process; the status is the low 8 bits, as Linux keeps them. */
    void procExit(long code) {
        throw new ProcessTermination((int) code & 0xFF);
    }

    /** {@code proc_raise}: WASI's signal numbers are Linux's, less one from SIGCHLD (16) on. */
    int procRaise(Memory memory, long[] args) {
        int signal = (int) args[0];
        if (signal <= 0 || signal > 30) {
            return WasiErrno.INVAL;
        }
        int linux = signal < 16 ? signal : signal + 1;
        ctx.api.kill(ctx.api.pid(), linux);
        return WasiErrno.SUCCESS;
    }

    int schedYield(Memory memory, long[] args) {
        Thread.yield();
        return WasiErrno.SUCCESS;
    }

    /** Every {@code sock_*} call: EBADF for a descriptor that is not open, else ENOTSOCK. */
    int sock(Memory memory, long[] args) {
        ctx.fds.get(args[0]);
        return WasiErrno.NOTSOCK;
    }
}
