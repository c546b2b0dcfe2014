package io.sandkernel.driver.wasm.wasi;

import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.Stat;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * WASI's path confinement: a path handed to a {@code path_*} call is resolved beneath the
 * directory descriptor it names, never above it. Absolute paths, {@code ..} past the directory,
 * and symbolic links whose targets are absolute or climb out are refused with ENOTCAPABLE, as
 * wasmtime's capability-based resolution does. Symbolic links of the intermediate components
 * (and of the last one when it is followed) are expanded here, so that the kernel receives a
 * plain relative path; the kernel then applies its own permissions, mounts and limits.
 */
final class PathResolver {
    /** Linux's limit on symbolic links followed in one resolution (ELOOP beyond). */
    static final int MAX_LINKS = 40;

    private final ProcessApi api;

    PathResolver(ProcessApi api) {
        this.api = api;
    }

    /**
     * The path to hand the kernel with {@code dirFd}, relative and free of symbolic links
     * (except a last component not followed), keeping a trailing slash.
     *
     * @param followLast whether a symbolic link in the last component is expanded
     * @throws WasiError ENOTCAPABLE for a path escaping {@code dirFd}, ENOENT for an empty path
     * @throws KernelException ELOOP, ENOTDIR, or what resolving a component raised
     */
    String resolve(int dirFd, String path, boolean followLast) {
        return resolve(dirFd, path, followLast, true);
    }

    /**
     * As {@link #resolve(int, String, boolean)} when {@code confined}; otherwise {@code path}
     * unchanged, for the kernel to resolve as a POSIX process's path (a NUL byte is EINVAL).
     */
    String resolve(int dirFd, String path, boolean followLast, boolean confined) {
        if (!confined) {
            if (path.indexOf('\0') >= 0) {
                throw new WasiError(WasiErrno.INVAL, "path with a NUL byte");
            }
            return path;
        }
        if (path.isEmpty()) {
            throw new WasiError(WasiErrno.NOENT, "empty path");
        }
        if (path.startsWith("/")) {
            throw new WasiError(WasiErrno.NOTCAPABLE, "absolute path: " + path);
        }
        if (path.indexOf('\0') >= 0) {
            throw new WasiError(WasiErrno.INVAL, "path with a NUL byte");
        }
        boolean trailingSlash = path.endsWith("/");
        Deque<String> pending = new ArrayDeque<>();
        push(pending, path);
        List<String> resolved = new ArrayList<>();
        int links = 0;
        boolean lexical = false; // a component could not be looked at: the kernel will answer
        while (!pending.isEmpty()) {
            String component = pending.pop();
            if (component.equals("..")) {
                if (resolved.isEmpty()) {
                    throw new WasiError(WasiErrno.NOTCAPABLE, "path escapes its directory: " + path);
                }
                resolved.remove(resolved.size() - 1);
                continue;
            }
            boolean last = pending.isEmpty();
            if (lexical || (last && !followLast && !trailingSlash)) {
                resolved.add(component);
                continue;
            }
            resolved.add(component);
            Stat stat;
            try {
                stat = api.fstatat(dirFd, String.join("/", resolved), OpenFlags.AT_SYMLINK_NOFOLLOW);
            } catch (KernelException e) {
                lexical = true;
                continue;
            }
            if (stat.isSymbolicLink()) {
                if (++links > MAX_LINKS) {
                    throw new WasiError(WasiErrno.LOOP, "too many levels of symbolic links: " + path);
                }
                String target = api.readlinkat(dirFd, String.join("/", resolved));
                resolved.remove(resolved.size() - 1);
                if (target.startsWith("/")) {
                    throw new WasiError(WasiErrno.NOTCAPABLE, "symbolic link to an absolute path: " + target);
                }
                if (target.isEmpty()) {
                    throw new WasiError(WasiErrno.NOENT, "empty symbolic link");
                }
                push(pending, target);
            } else if (!last && !stat.isDirectory()) {
                throw new WasiError(WasiErrno.NOTDIR, "not a directory: " + String.join("/", resolved));
            }
        }
        if (resolved.isEmpty()) {
            return trailingSlash ? "./" : ".";
        }
        String joined = String.join("/", resolved);
        return trailingSlash ? joined + "/" : joined;
    }

    /** Pushes the components of {@code path} in front of {@code pending}, in order, without "." and empty ones. */
    private static void push(Deque<String> pending, String path) {
        String[] parts = path.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isEmpty() && !parts[i].equals(".")) {
                pending.push(parts[i]);
            }
        }
    }
}
