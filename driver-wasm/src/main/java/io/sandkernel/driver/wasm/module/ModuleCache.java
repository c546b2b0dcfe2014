package io.sandkernel.driver.wasm.module;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import run.endive.wasm.Parser;
import run.endive.wasm.WasmEngineException;
import run.endive.wasm.WasmModule;

/**
 * Parsed (and, once run compiled, compiled) modules by content digest, least recently used
 * evicted beyond a bound. {@link #shared()} is the one cache of the JVM, used by every kernel's
 * WebAssembly driver unless it is given its own: a module parsed and compiled once is spawned
 * from memory afterwards, whichever kernel runs it.
 */
public final class ModuleCache {
    /** How many modules {@link #shared()} keeps. */
    public static final int SHARED_CAPACITY = 64;

    private static final ModuleCache SHARED = new ModuleCache(SHARED_CAPACITY);

    private final int capacity;
    private final Map<String, LoadedModule> modules;
    private final Map<String, Object> loading = new java.util.HashMap<>();

    /** A cache keeping at most {@code capacity} modules. */
    public ModuleCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.modules = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** The JVM-wide cache. */
    public static ModuleCache shared() {
        return SHARED;
    }

    /** The content digest of {@code bytes}: {@code sha-256:<hex>}. */
    public static String digest(byte[] bytes) {
        try {
            return "sha-256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** {@link #load(String, byte[])} with the digest computed here. */
    public LoadedModule load(byte[] bytes) {
        return load(digest(bytes), bytes);
    }

    /**
     * The module of {@code bytes}, whose content digest is {@code digest}: from the cache, or
     * parsed and validated now (once, however many threads ask at the same time).
     *
     * @throws KernelException ENOEXEC when the bytes are not a valid WebAssembly module
     */
    public LoadedModule load(String digest, byte[] bytes) {
        Object gate;
        synchronized (this) {
            LoadedModule cached = modules.get(digest);
            if (cached != null) {
                return cached;
            }
            gate = loading.computeIfAbsent(digest, d -> new Object());
        }
        synchronized (gate) {
            synchronized (this) {
                LoadedModule cached = modules.get(digest);
                if (cached != null) {
                    return cached;
                }
            }
            WasmModule module;
            try {
                module = Parser.parse(bytes);
            } catch (WasmEngineException | IllegalArgumentException | IndexOutOfBoundsException e) {
                synchronized (this) {
                    loading.remove(digest);
                }
                throw new KernelException(Errno.ENOEXEC, "not a valid WebAssembly module: " + e.getMessage());
            }
            LoadedModule loaded = new LoadedModule(digest, module, bytes.length);
            synchronized (this) {
                modules.put(digest, loaded);
                loading.remove(digest);
                while (modules.size() > capacity) {
                    String eldest = modules.keySet().iterator().next();
                    modules.remove(eldest);
                }
            }
            return loaded;
        }
    }

    /** How many modules are cached. */
    public synchronized int size() {
        return modules.size();
    }

    /** Forgets every module (for tests and benchmarks measuring first runs). */
    public synchronized void clear() {
        modules.clear();
    }
}
