package io.sandkernel.kernel.fd;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The descriptor table of one process: small integers mapped to shared {@link OpenFile}s, each
 * with its own close-on-exec flag, like Linux's {@code files_struct}. Descriptors are numbers
 * below the per-process limit ({@code RLIMIT_NOFILE}); a new one is always the lowest free
 * number. The table holds one reference to each description per descriptor.
 *
 * <p>Thread-safe; descriptions are released (which may wake other processes) outside the table's
 * monitor. Looking a descriptor up takes no lock: slots are written with release semantics under
 * the monitor and read with acquire semantics without it (a grown array is published whole).
 */
public final class FdTable {
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(OpenFile[].class);

    private final int limit;
    /** Descriptor to description; slots change under the monitor, are read without it. */
    private volatile OpenFile[] files = new OpenFile[4];
    private boolean[] cloexec = new boolean[4];
    private int count;
    private boolean closed;

    /** @param limit the most descriptors open at once, and the bound of descriptor numbers (EMFILE) */
    public FdTable(int limit) {
        if (limit < 1) {
            throw new KernelException(Errno.EINVAL, "descriptor limit must be positive");
        }
        this.limit = limit;
    }

    /** The per-process descriptor limit. */
    public int limit() {
        return limit;
    }

    /**
     * Installs {@code file} at the lowest free descriptor, taking over the caller's reference (it
     * is released on failure).
     *
     * @throws KernelException EMFILE when no descriptor is free, EBADF when the process exited
     */
    public int install(OpenFile file, boolean closeOnExec) {
        return installFrom(0, file, closeOnExec);
    }

    /**
     * Installs {@code file} at the lowest free descriptor at least {@code min} ({@code F_DUPFD}).
     *
     * @throws KernelException EMFILE, EINVAL ({@code min} out of range), EBADF when the process exited
     */
    public int installFrom(int min, OpenFile file, boolean closeOnExec) {
        KernelException failure;
        synchronized (this) {
            if (closed) {
                failure = new KernelException(Errno.EBADF, "process has exited");
            } else if (min < 0 || min >= limit) {
                failure = new KernelException(Errno.EINVAL, "descriptor " + min + " out of range");
            } else {
                OpenFile[] current = files;
                for (int fd = min; fd < limit; fd++) {
                    if (fd >= current.length || current[fd] == null) {
                        put(fd, file, closeOnExec);
                        return fd;
                    }
                }
                failure = new KernelException(Errno.EMFILE, "too many open files (limit " + limit + ")");
            }
        }
        file.release();
        throw failure;
    }

    /**
     * Installs {@code file} at {@code fd}, closing what was there ({@code dup2}), taking over the
     * caller's reference.
     *
     * @throws KernelException EBADF for a descriptor out of range or after the process exited
     */
    public void installAt(int fd, OpenFile file, boolean closeOnExec) {
        OpenFile previous;
        synchronized (this) {
            if (closed || fd < 0 || fd >= limit) {
                previous = file;
            } else {
                OpenFile[] current = files;
                previous = fd < current.length ? current[fd] : null;
                if (previous != null) {
                    count--;
                }
                put(fd, file, closeOnExec);
                file = null;
            }
        }
        if (previous != null) {
            previous.release();
        }
        if (file != null) {
            throw new KernelException(Errno.EBADF, "bad file descriptor " + fd);
        }
    }

    /** Under the monitor: stores at {@code fd}, growing the array (published whole) when needed. */
    private void put(int fd, OpenFile file, boolean closeOnExec) {
        OpenFile[] current = files;
        if (fd >= current.length) {
            int size = Math.min(limit, Math.max(fd + 1, current.length * 2));
            current = Arrays.copyOf(current, size);
            cloexec = Arrays.copyOf(cloexec, size);
            current[fd] = file;
            files = current;
        } else {
            SLOT.setRelease(current, fd, file);
        }
        cloexec[fd] = closeOnExec;
        count++;
    }

    /** Under the monitor: empties {@code fd}. */
    private void remove(int fd) {
        SLOT.setRelease(files, fd, (OpenFile) null);
        cloexec[fd] = false;
        count--;
    }

    /** The description at {@code fd} or null, without the monitor. */
    private OpenFile slot(int fd) {
        OpenFile[] current = files;
        return fd >= 0 && fd < current.length ? (OpenFile) SLOT.getAcquire(current, fd) : null;
    }

    /**
     * The description at {@code fd}, without taking a reference.
     *
     * @throws KernelException EBADF when {@code fd} is not open
     */
    public OpenFile get(int fd) {
        OpenFile file = slot(fd);
        if (file == null) {
            throw new KernelException(Errno.EBADF, "bad file descriptor " + fd);
        }
        return file;
    }

    /** The description at {@code fd}, or null when it is not open. */
    public OpenFile find(int fd) {
        return slot(fd);
    }

    /** The description at {@code fd} with a new reference the caller must release. @throws KernelException EBADF */
    public OpenFile acquire(int fd) {
        synchronized (this) {
            return get(fd).retain();
        }
    }

    /** How many descriptors are open. */
    public synchronized int size() {
        return count;
    }

    /**
     * {@code close(2)}.
     *
     * @throws KernelException EBADF when {@code fd} is not open
     */
    public void close(int fd) {
        OpenFile file;
        synchronized (this) {
            OpenFile[] current = files;
            file = fd >= 0 && fd < current.length ? current[fd] : null;
            if (file != null) {
                remove(fd);
            }
        }
        if (file == null) {
            throw new KernelException(Errno.EBADF, "bad file descriptor " + fd);
        }
        file.release();
    }

    /** Closes every descriptor; later installs fail with EBADF. Idempotent. */
    public void closeAll() {
        List<OpenFile> open = new ArrayList<>();
        synchronized (this) {
            closed = true;
            for (OpenFile file : files) {
                if (file != null) {
                    open.add(file);
                }
            }
            files = new OpenFile[0];
            count = 0;
        }
        for (OpenFile file : open) {
            file.release();
        }
    }

    /**
     * {@code dup(2)} and {@code fcntl(F_DUPFD[_CLOEXEC])}: the lowest free descriptor at least
     * {@code min} shares {@code fd}'s description.
     *
     * @throws KernelException EBADF, EMFILE, EINVAL
     */
    public int dup(int fd, int min, boolean closeOnExec) {
        return installFrom(min, acquire(fd), closeOnExec);
    }

    /**
     * {@code dup2(2)}/{@code dup3(2)}: {@code newFd} shares {@code oldFd}'s description; nothing
     * happens when they are equal (and open).
     *
     * @throws KernelException EBADF when {@code oldFd} is not open or {@code newFd} out of range
     */
    public int dup2(int oldFd, int newFd, boolean closeOnExec) {
        if (newFd < 0 || newFd >= limit) {
            throw new KernelException(Errno.EBADF, "bad file descriptor " + newFd);
        }
        OpenFile file = acquire(oldFd);
        if (oldFd == newFd) {
            file.release();
            return newFd;
        }
        installAt(newFd, file, closeOnExec);
        return newFd;
    }

    /** {@code F_GETFD}: whether {@code fd} is close-on-exec. @throws KernelException EBADF */
    public synchronized boolean closeOnExec(int fd) {
        get(fd);
        return cloexec[fd];
    }

    /** {@code F_SETFD}. @throws KernelException EBADF */
    public synchronized void closeOnExec(int fd, boolean value) {
        get(fd);
        cloexec[fd] = value;
    }

    /**
     * A table for a child process: every descriptor that is not close-on-exec, sharing its
     * description (with a new reference each), as after {@code fork} and {@code exec}.
     *
     * @throws KernelException EBADF when this process has exited
     */
    public FdTable inherit(int childLimit) {
        FdTable child = new FdTable(childLimit);
        synchronized (this) {
            if (closed) {
                throw new KernelException(Errno.EBADF, "process has exited");
            }
            OpenFile[] current = files;
            for (int fd = 0; fd < current.length && fd < childLimit; fd++) {
                OpenFile file = current[fd];
                if (file != null && !cloexec[fd]) {
                    child.put(fd, file.retain(), false);
                }
            }
        }
        return child;
    }

    /** The open descriptors and their descriptions, for {@code /proc/PID/fd}. */
    public SortedMap<Integer, OpenFile> snapshot() {
        int length = files.length;
        SortedMap<Integer, OpenFile> open = new TreeMap<>();
        for (int fd = 0; fd < length; fd++) {
            OpenFile file = slot(fd);
            if (file != null) {
                open.put(fd, file);
            }
        }
        return open;
    }
}
