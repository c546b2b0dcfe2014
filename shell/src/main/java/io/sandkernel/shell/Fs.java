package io.sandkernel.shell;

import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.DirEntry;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.Stat;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The file questions the shell asks the kernel (tests, lookups, globbing, scripts), as system
 * calls on kernel paths; a failed call is an answer ("no"), not an error.
 */
final class Fs {
    private Fs() {}

    /** Pathname expansion on the kernel's filesystem. */
    record Pathnames(ProcessApi api) implements Expander.Files {
        @Override
        public List<DirEntry> listDirectory(String path) {
            return readdir(api, path);
        }

        @Override
        public boolean exists(String path) {
            return lstat(api, path) != null;
        }

        @Override
        public boolean isDirectory(String path) {
            Stat stat = stat(api, path);
            return stat != null && stat.isDirectory();
        }
    }

    /** {@code stat}, or null when it fails. */
    static Stat stat(ProcessApi api, String path) {
        try {
            return api.stat(path);
        } catch (KernelException e) {
            return null;
        }
    }

    /** {@code lstat}, or null when it fails. */
    static Stat lstat(ProcessApi api, String path) {
        try {
            return api.lstat(path);
        } catch (KernelException e) {
            return null;
        }
    }

    /** {@code access(path, mode)} succeeds. */
    static boolean access(ProcessApi api, String path, int mode) {
        try {
            api.access(path, mode);
            return true;
        } catch (KernelException e) {
            return false;
        }
    }

    /** An executable regular file, as a command found along PATH must be. */
    static boolean isExecutableFile(ProcessApi api, String path) {
        Stat stat = stat(api, path);
        return stat != null && stat.isRegularFile() && access(api, path, OpenFlags.X_OK);
    }

    /** Whether {@code path} is a directory (following links). */
    static boolean isDirectory(ProcessApi api, String path) {
        Stat stat = stat(api, path);
        return stat != null && stat.isDirectory();
    }

    /** Whether two paths name the same file (device and inode). */
    static boolean sameFile(ProcessApi api, String a, String b) {
        Stat first = stat(api, a);
        Stat second = stat(api, b);
        return first != null && second != null && first.dev() == second.dev() && first.ino() == second.ino();
    }

    /** The entries of a directory, {@code .} and {@code ..} included; null when it cannot be read. */
    static List<DirEntry> readdir(ProcessApi api, String path) {
        int fd;
        try {
            fd = api.open(path, OpenFlags.O_RDONLY | OpenFlags.O_DIRECTORY | OpenFlags.O_CLOEXEC, 0);
        } catch (KernelException e) {
            return null;
        }
        try {
            return api.readdir(fd);
        } catch (KernelException e) {
            return null;
        } finally {
            close(api, fd);
        }
    }

    /**
     * The whole text of a file (a script for {@code sh file} or {@code .}), read through a
     * close-on-exec descriptor that is closed before anything of it runs.
     *
     * @throws KernelException ENOENT, EACCES, EISDIR...
     */
    static String readText(ProcessApi api, String path) {
        int fd = api.open(path, OpenFlags.O_RDONLY | OpenFlags.O_CLOEXEC, 0);
        try {
            if (api.fstat(fd).isDirectory()) {
                throw new KernelException(io.sandkernel.Errno.EISDIR, path + ": is a directory");
            }
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = api.read(fd, buffer, 0, buffer.length)) > 0) {
                text.write(buffer, 0, n);
            }
            return Strings.decode(text.toByteArray());
        } finally {
            close(api, fd);
        }
    }

    private static void close(ProcessApi api, int fd) {
        try {
            api.close(fd);
        } catch (KernelException ignored) {
            // nothing left to release
        }
    }
}
