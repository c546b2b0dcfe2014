package io.sandkernel.driver.wasm.wasi;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import java.util.ArrayList;
import java.util.List;

/**
 * The guest's descriptor table: WASI descriptor numbers mapped to the process's kernel
 * descriptors. 0, 1 and 2 are the kernel's own; the preopened directories follow contiguously
 * from 3, so that {@code fd_prestat_get} answers EBADF right after the last one; descriptors the
 * guest opens later take the lowest free number, as POSIX does. The kernel keeps the open files,
 * their offsets and permissions: this table only names them.
 */
final class GuestFds {
    /**
     * One guest descriptor: the kernel descriptor it names, the name it was preopened under (or
     * null), and the WASI rights the guest has kept of it. Rights only ever shrink
     * ({@code fd_fdstat_set_rights}); what the kernel allows is decided by the kernel.
     */
    static final class Entry {
        private final int kernelFd;
        private final String preopen;
        private final boolean confined;
        long baseMask = -1L;
        long inheritingMask = -1L;

        Entry(int kernelFd, String preopen, boolean confined) {
            this.kernelFd = kernelFd;
            this.preopen = preopen;
            this.confined = confined;
        }

        /** Whether paths beneath it are confined as WASI prescribes (see {@link PathResolver}). */
        boolean confined() {
            return confined;
        }

        int kernelFd() {
            return kernelFd;
        }

        String preopen() {
            return preopen;
        }

        /** @throws WasiError ENOTCAPABLE when the guest dropped {@code right} */
        Entry require(long right) {
            if ((baseMask & right) != right) {
                throw new WasiError(WasiErrno.NOTCAPABLE, "right dropped");
            }
            return this;
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    /** A table with the three standard descriptors. */
    GuestFds() {
        for (int fd = 0; fd < 3; fd++) {
            entries.add(new Entry(fd, null, true));
        }
    }

    /** The entry of guest descriptor {@code fd}. @throws KernelException EBADF */
    Entry get(long fd) {
        if (fd < 0 || fd >= entries.size() || entries.get((int) fd) == null) {
            throw new KernelException(Errno.EBADF, "bad descriptor " + fd);
        }
        return entries.get((int) fd);
    }

    /** The kernel descriptor of guest descriptor {@code fd}. @throws KernelException EBADF */
    int kernel(long fd) {
        return get(fd).kernelFd();
    }

    /** Enters {@code entry} at the lowest free guest number, which it returns. */
    int add(Entry entry) {
        for (int fd = 0; fd < entries.size(); fd++) {
            if (entries.get(fd) == null) {
                entries.set(fd, entry);
                return fd;
            }
        }
        entries.add(entry);
        return entries.size() - 1;
    }

    /** Removes guest descriptor {@code fd} and returns what it named. @throws KernelException EBADF */
    Entry remove(long fd) {
        Entry entry = get(fd);
        entries.set((int) fd, null);
        return entry;
    }

    /**
     * {@code fd_renumber}: {@code to} now names what {@code from} named, and {@code from} is free.
     *
     * @return the entry {@code to} named before, whose kernel descriptor the caller closes
     * @throws KernelException EBADF when either is not open
     */
    Entry renumber(long from, long to) {
        Entry source = get(from);
        Entry replaced = get(to);
        if (from == to) {
            return null;
        }
        entries.set((int) to, source);
        entries.set((int) from, null);
        return replaced;
    }
}
