package io.sandkernel.driver.wasm;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.FileType;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.Stat;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.lang.reflect.Proxy;
import java.time.Instant;

/**
 * The smallest {@link ProcessApi} a WASI program can run on without a kernel: descriptors 0, 1 and
 * 2 over Java streams, nothing else (every other call fails with ENOSYS, opening with ENOENT).
 * For the driver's own tests of what needs no filesystem (exit, arguments, traps, signals,
 * memory); everything else is tested through the real kernel.
 */
final class StdioApi {
    private StdioApi() {}

    static ProcessApi of(int pid, InputStream stdin, ByteArrayOutputStream stdout, ByteArrayOutputStream stderr) {
        Stat charDevice = new Stat(1, 1, FileType.CHARACTER_DEVICE.modeBits() | 0620, 1, 0, 0, 0, 0,
                Instant.EPOCH, Instant.EPOCH, Instant.EPOCH);
        return (ProcessApi) Proxy.newProxyInstance(ProcessApi.class.getClassLoader(), new Class<?>[] {ProcessApi.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "pid" -> pid;
                    case "read" -> {
                        check((int) args[0], 0);
                        try {
                            int n = stdin.read((byte[]) args[1], (int) args[2], (int) args[3]);
                            yield Math.max(n, 0);
                        } catch (InterruptedIOException e) {
                            throw new KernelException(Errno.EINTR, "interrupted");
                        }
                    }
                    case "write" -> {
                        int fd = (int) args[0];
                        ByteArrayOutputStream out = fd == 1 ? stdout : fd == 2 ? stderr : null;
                        if (out == null) {
                            throw new KernelException(Errno.EBADF, "bad descriptor " + fd);
                        }
                        synchronized (out) {
                            out.write((byte[]) args[1], (int) args[2], (int) args[3]);
                            out.notifyAll();
                        }
                        yield args[3];
                    }
                    case "fstat" -> {
                        check((int) args[0], -1);
                        yield charDevice;
                    }
                    case "fcntl" -> {
                        int fd = (int) args[0];
                        check(fd, -1);
                        yield fd == 0 ? OpenFlags.O_RDONLY : OpenFlags.O_WRONLY;
                    }
                    case "isatty" -> false;
                    case "close", "reserveMemory", "releaseMemory" -> null;
                    case "openat" -> throw new KernelException(Errno.ENOENT, "no filesystem here");
                    case "kill" -> throw new KernelException(Errno.ENOSYS, "no process table here");
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "StdioApi[" + pid + "]";
                    default -> throw new KernelException(Errno.ENOSYS, method.getName() + " is not offered here");
                });
    }

    private static void check(int fd, int only) {
        if (fd < 0 || fd > 2 || (only >= 0 && fd != only)) {
            throw new KernelException(Errno.EBADF, "bad descriptor " + fd);
        }
    }
}
