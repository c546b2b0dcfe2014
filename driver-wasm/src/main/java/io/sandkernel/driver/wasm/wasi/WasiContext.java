package io.sandkernel.driver.wasm.wasi;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.driver.wasm.Preopen;
import io.sandkernel.api.fs.OpenFlags;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import run.endive.runtime.Memory;
import run.endive.wasm.WasmEngineException;

/**
 * The WASI state of one process: its system calls, signal gate, argv, environment and guest
 * descriptor table, plus the helpers every WASI call shares (the call bracket that turns kernel
 * errors into WASI errnos, restarts after signals, guest memory access).
 */
public final class WasiContext {
    /** Largest transfer of one {@code fd_read}/{@code fd_write}: longer ones are partial, as POSIX allows. */
    static final int MAX_TRANSFER = 1 << 20;

    final ProcessApi api;
    final SignalGate gate;
    final GuestFds fds = new GuestFds();
    final PathResolver paths;
    final List<byte[]> argv;
    final List<byte[]> environ;
    private final long monotonicOrigin = System.nanoTime();
    private byte[] scratch; // allocated on first transfer: many programs never make one

    /**
     * @param api   the process's system calls
     * @param gate  its signal state
     * @param argv  the program name followed by its arguments
     * @param env   the environment, exactly as the guest is to see it
     */
    public WasiContext(ProcessApi api, SignalGate gate, List<String> argv, Map<String, String> env) {
        this.api = api;
        this.gate = gate;
        this.paths = new PathResolver(api);
        this.argv = argv.stream().map(WasiContext::cString).toList();
        List<byte[]> vars = new ArrayList<>();
        env.forEach((name, value) -> vars.add(cString(name + "=" + value)));
        this.environ = List.copyOf(vars);
    }

    private static byte[] cString(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] terminated = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, terminated, 0, bytes.length);
        return terminated;
    }

    /**
     * Opens {@code preopens} in order as guest descriptors 3, 4...; one that cannot be opened
     * (a working directory since removed, a directory without permission) is left out, as the
     * program could not have used it anyway, and the others stay contiguous.
     */
    public void preopen(List<Preopen> preopens) {
        for (Preopen preopen : preopens) {
            int kernelFd;
            try {
                kernelFd = api.openat(OpenFlags.AT_FDCWD, preopen.kernelPath(),
                        OpenFlags.O_RDONLY | OpenFlags.O_DIRECTORY | OpenFlags.O_CLOEXEC, 0);
            } catch (KernelException e) {
                continue;
            }
            fds.add(new GuestFds.Entry(kernelFd, preopen.guestName(), preopen.confined()));
        }
    }

    /** The guest's monotonic clock at {@link System#nanoTime()} {@code nanoTime}: positive, from the process's start. */
    long monotonic(long nanoTime) {
        return nanoTime - monotonicOrigin + 1;
    }

    // ------------------------------------------------------------------ the call bracket

    /** A WASI call's body: returns a WASI errno, throws kernel errors. */
    @FunctionalInterface
    interface Body {
        int run(Memory memory, long[] args);
    }

    /**
     * Runs one WASI call between the gate's {@code enter} and {@code leave}, translating failures
     * to WASI errnos: the kernel's Linux error, EFAULT for guest memory out of bounds.
     * {@link io.sandkernel.api.ProcessTermination} passes through and ends the process.
     */
    int invoke(Memory memory, long[] args, Body body) {
        gate.enter();
        int errno;
        try {
            errno = body.run(memory, args);
        } catch (KernelException e) {
            errno = WasiErrno.of(e.errno());
        } catch (WasiError e) {
            errno = e.errno();
        } catch (WasmEngineException | IndexOutOfBoundsException e) {
            errno = WasiErrno.FAULT;
        }
        gate.leave();
        return errno;
    }

    /** A kernel call that may block: restarted after a signal interrupted it (EINTR). */
    int blocking(IntSupplier call) {
        while (true) {
            try {
                return call.getAsInt();
            } catch (KernelException e) {
                if (e.errno() != Errno.EINTR) {
                    throw e;
                }
                gate.interrupted();
            }
        }
    }

    /** As {@link #blocking(IntSupplier)}, for a call answering a long. */
    long blockingLong(LongSupplier call) {
        while (true) {
            try {
                return call.getAsLong();
            } catch (KernelException e) {
                if (e.errno() != Errno.EINTR) {
                    throw e;
                }
                gate.interrupted();
            }
        }
    }

    // ------------------------------------------------------------------ guest memory

    /** A buffer of at least {@code size} bytes, reused between calls of this (single-threaded) process. */
    byte[] scratch(int size) {
        if (scratch == null || scratch.length < size) {
            scratch = new byte[Math.max(size, scratch == null ? 4096 : scratch.length * 2)];
        }
        return scratch;
    }

    /** The guest string at {@code address}, {@code length} bytes of UTF-8. */
    static String string(Memory memory, long address, long length) {
        if (length < 0 || length > Integer.MAX_VALUE) {
            throw new WasiError(WasiErrno.INVAL, "bad string length");
        }
        return new String(memory.readBytes((int) address, (int) length), StandardCharsets.UTF_8);
    }

    /** The total length of the iovec array at {@code iovs}, capped at {@link #MAX_TRANSFER}. */
    static int iovecTotal(Memory memory, int iovs, int count) {
        long total = 0;
        for (int i = 0; i < count; i++) {
            total += Integer.toUnsignedLong(memory.readInt(iovs + i * 8 + 4));
            if (total >= MAX_TRANSFER) {
                return MAX_TRANSFER;
            }
        }
        return (int) total;
    }

    /** Copies {@code length} bytes of {@code data} into the guest's iovecs at {@code iovs}. */
    static void scatter(Memory memory, int iovs, int count, byte[] data, int length) {
        int done = 0;
        for (int i = 0; i < count && done < length; i++) {
            int base = memory.readInt(iovs + i * 8);
            int len = (int) Math.min(Integer.toUnsignedLong(memory.readInt(iovs + i * 8 + 4)), length - done);
            memory.write(base, data, done, len);
            done += len;
        }
    }

    /** Gathers the guest's ciovecs at {@code iovs} into {@code data}, up to {@code length} bytes. */
    static void gather(Memory memory, int iovs, int count, byte[] data, int length) {
        int done = 0;
        for (int i = 0; i < count && done < length; i++) {
            int base = memory.readInt(iovs + i * 8);
            int len = (int) Math.min(Integer.toUnsignedLong(memory.readInt(iovs + i * 8 + 4)), length - done);
            if (len > 0) {
                byte[] chunk = memory.readBytes(base, len);
                System.arraycopy(chunk, 0, data, done, len);
            }
            done += len;
        }
    }
}
