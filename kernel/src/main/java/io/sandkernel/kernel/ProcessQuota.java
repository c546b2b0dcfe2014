package io.sandkernel.kernel;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counts live processes per kernel and per uid, and checks argv plus environment sizes. */
final class ProcessQuota {
    private final KernelLimits limits;
    private final Map<Integer, Integer> perUid = new HashMap<>();
    private int live;

    ProcessQuota(KernelLimits limits) {
        this.limits = limits;
    }

    /** Counts a process of {@code uid}. @throws KernelException EAGAIN at a limit */
    synchronized void reserve(int uid) {
        if (live >= limits.maxProcesses()) {
            throw new KernelException(Errno.EAGAIN, "too many processes (limit " + limits.maxProcesses() + ")");
        }
        int forUser = perUid.getOrDefault(uid, 0);
        if (forUser >= limits.maxProcessesPerUser()) {
            throw new KernelException(Errno.EAGAIN, "too many processes for uid " + uid + " (limit "
                    + limits.maxProcessesPerUser() + ")");
        }
        live++;
        perUid.put(uid, forUser + 1);
    }

    /** Uncounts a process of {@code uid}. */
    synchronized void release(int uid) {
        live--;
        perUid.merge(uid, -1, (a, b) -> a + b == 0 ? null : a + b);
    }

    /** @throws KernelException E2BIG when argv and env take more than the limit (strings plus NULs) */
    void checkArgSize(List<String> argv, Map<String, String> env) {
        long bytes = argBytes(argv, env);
        if (bytes > limits.maxArgBytes()) {
            throw new KernelException(Errno.E2BIG, "argument list too long: " + bytes + " bytes (limit "
                    + limits.maxArgBytes() + ")");
        }
    }

    /** The bytes of argv and env as {@code execve} copies them: each string plus a NUL, {@code NAME=VALUE}. */
    static long argBytes(List<String> argv, Map<String, String> env) {
        long bytes = 0;
        for (String arg : argv) {
            bytes += arg.getBytes(StandardCharsets.UTF_8).length + 1L;
        }
        for (Map.Entry<String, String> variable : env.entrySet()) {
            bytes += variable.getKey().getBytes(StandardCharsets.UTF_8).length
                    + variable.getValue().getBytes(StandardCharsets.UTF_8).length + 2L;
        }
        return bytes;
    }
}
