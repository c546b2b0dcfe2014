package io.sandkernel.kernel;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.Stat;
import io.sandkernel.api.spi.ExecutableFormat;
import io.sandkernel.api.spi.RuntimeDriver;
import io.sandkernel.kernel.vfs.Caller;
import io.sandkernel.kernel.vfs.FileHandle;
import io.sandkernel.kernel.vfs.OpenResult;
import io.sandkernel.kernel.vfs.Resolved;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code argv[0]} names, as {@code execve(2)} with Linux's {@code binfmt} handlers sees it:
 * a command registered by a driver (a host driver's may be an absolute path); else a file of the filesystem (by path when the name has a
 * slash, else the first executable regular file on {@code PATH}) that is a {@code #!} script
 * (run by its interpreter, recursively, at most four levels) or a program that a mounted
 * {@link ExecutableFormat} driver claims by its first bytes.
 */
final class Executables {
    /** Linux's limit on nested interpreters. */
    private static final int MAX_INTERPRETERS = 4;
    /** Linux's limit on a {@code #!} line. */
    private static final int MAX_SHEBANG = 256;
    private static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";

    /**
     * A program to start.
     *
     * @param driver the driver that runs it
     * @param argv   the argv it gets (an interpreter's: interpreter, its argument, the script, the rest)
     * @param image  the file's bytes for an {@link ExecutableFormat} driver, or null for a registered command
     */
    record Program(RuntimeDriver driver, List<String> argv, byte[] image) {}

    private final Kernel kernel;

    Executables(Kernel kernel) {
        this.kernel = kernel;
    }

    /**
     * Resolves {@code argv} for {@code caller} in working directory {@code cwd}.
     *
     * @throws KernelException ENOENT (not a command, no such file, not on PATH), EACCES (no
     *         execute permission, a directory), ENOEXEC (a file no driver claims), ELOOP (too many
     *         nested interpreters)
     */
    Program resolve(Caller caller, Resolved cwd, List<String> argv, Map<String, String> env) {
        String name = argv.get(0);
        // a registered name wins, slash or not: the host driver registers "/bin/true" as a command
        RuntimeDriver registered = kernel.registeredDriver(name);
        if (registered != null) {
            return new Program(registered, argv, null);
        }
        if (!name.contains("/")) {
            String found = searchPath(caller, cwd, name, env.getOrDefault("PATH", DEFAULT_PATH));
            if (found == null) {
                throw new KernelException(Errno.ENOENT, name + ": command not found");
            }
            return file(caller, cwd, found, argv, 0);
        }
        return file(caller, cwd, name, argv, 0);
    }

    private String searchPath(Caller caller, Resolved cwd, String name, String path) {
        for (String dir : path.split(":", -1)) {
            String candidate = (dir.isEmpty() ? "." : dir) + "/" + name;
            try {
                Stat stat = kernel.vfs().stat(caller, cwd, candidate, true);
                if (stat.isRegularFile()) {
                    kernel.vfs().access(caller, cwd, candidate, OpenFlags.X_OK, true, true);
                    return candidate;
                }
            } catch (KernelException e) {
                // not here
            }
        }
        return null;
    }

    private Program file(Caller caller, Resolved cwd, String path, List<String> argv, int depth) {
        Stat stat = kernel.vfs().stat(caller, cwd, path, true);
        if (!stat.isRegularFile()) {
            throw new KernelException(Errno.EACCES, path + ": not a regular file");
        }
        kernel.vfs().access(caller, cwd, path, OpenFlags.X_OK, true, true);
        byte[] image = read(caller, cwd, path);
        if (image.length >= 2 && image[0] == '#' && image[1] == '!') {
            return script(caller, cwd, path, image, argv, depth);
        }
        byte[] header = java.util.Arrays.copyOf(image, Math.min(image.length, ExecutableFormat.HEADER_LENGTH));
        for (RuntimeDriver driver : kernel.driversLatestFirst()) {
            if (driver instanceof ExecutableFormat format && format.claims(header)) {
                List<String> args = new ArrayList<>(argv);
                return new Program(driver, args, image);
            }
        }
        throw new KernelException(Errno.ENOEXEC, path + ": exec format error");
    }

    /** {@code #!interpreter [argument]}: the interpreter runs with the script's path and the arguments. */
    private Program script(Caller caller, Resolved cwd, String path, byte[] image, List<String> argv, int depth) {
        if (depth >= MAX_INTERPRETERS) {
            throw new KernelException(Errno.ELOOP, path + ": too many levels of interpreters");
        }
        int end = 2;
        while (end < image.length && end < MAX_SHEBANG && image[end] != '\n') {
            end++;
        }
        String line = new String(image, 2, end - 2, StandardCharsets.UTF_8).strip();
        if (line.isEmpty()) {
            throw new KernelException(Errno.ENOEXEC, path + ": empty #! line");
        }
        int space = indexOfBlank(line);
        String interpreter = space < 0 ? line : line.substring(0, space);
        String argument = space < 0 ? "" : line.substring(space).strip();
        List<String> next = new ArrayList<>();
        next.add(interpreter);
        if (!argument.isEmpty()) {
            next.add(argument);
        }
        next.add(path);
        next.addAll(argv.subList(1, argv.size()));
        try {
            return file(caller, cwd, interpreter, next, depth + 1);
        } catch (KernelException e) {
            // "#!/bin/sh" where sh is a registered command rather than a file of the filesystem
            String base = interpreter.substring(interpreter.lastIndexOf('/') + 1);
            RuntimeDriver registered = e.errno() == Errno.ENOENT ? kernel.registeredDriver(base) : null;
            if (registered == null) {
                throw e;
            }
            next.set(0, base);
            return new Program(registered, next, null);
        }
    }

    private static int indexOfBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == ' ' || line.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }

    private byte[] read(Caller caller, Resolved cwd, String path) {
        OpenResult opened = kernel.vfs().open(caller, cwd, path, OpenFlags.O_RDONLY, 0);
        FileHandle handle = opened.handle();
        if (handle == null) {
            throw new KernelException(Errno.EACCES, path + ": not a regular file");
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(handle.size(), 1 << 24));
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            long position = 0;
            while (true) {
                buffer.clear();
                int n = handle.read(buffer, position);
                if (n <= 0) {
                    return out.toByteArray();
                }
                out.write(buffer.array(), 0, n);
                position += n;
            }
        } finally {
            handle.close();
        }
    }
}
