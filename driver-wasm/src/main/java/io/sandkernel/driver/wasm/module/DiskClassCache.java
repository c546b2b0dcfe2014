package io.sandkernel.driver.wasm.module;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import run.endive.compiler.Cache;

/**
 * The compiler's classes of each module, kept on disk in a directory the embedder chooses: one
 * jar per module content digest, published by an atomic rename so that concurrent JVMs sharing the
 * directory never read a half-written file.
 */
final class DiskClassCache implements Cache {
    private final Path directory;

    DiskClassCache(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    private Path file(String key) {
        // "sha-256:<base64>": a file name of URL-safe base64 without padding
        int colon = key.indexOf(':');
        String digest = colon < 0 ? key : key.substring(colon + 1);
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(digest);
        } catch (IllegalArgumentException e) {
            raw = digest.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        return directory.resolve(Base64.getUrlEncoder().withoutPadding().encodeToString(raw) + ".jar");
    }

    /** Removes what is stored for {@code key}, quietly. */
    void remove(String key) {
        try {
            Files.deleteIfExists(file(key));
        } catch (IOException e) {
            // another process may hold it; the next compile overwrites nothing and still works
        }
    }

    @Override
    public byte[] get(String key) throws IOException {
        try {
            return Files.readAllBytes(file(key));
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    @Override
    public void putIfAbsent(String key, byte[] data) throws IOException {
        Path target = file(key);
        if (Files.exists(target)) {
            return;
        }
        Path temporary = Files.createTempFile(directory, ".compiling-", ".tmp");
        try {
            Files.write(temporary, data);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
