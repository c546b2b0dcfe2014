package io.sandkernel.api;

/**
 * The resources of {@link ProcessApi#getrlimit} and {@link ProcessApi#setrlimit}, as Linux's
 * {@code RLIMIT_*} (memory, {@code RLIMIT_AS}, has calls of its own: {@link ProcessApi#memoryLimit}).
 */
public enum Resource {
    /**
     * {@code RLIMIT_CPU}: CPU time in seconds. At the soft limit the process receives SIGXCPU
     * (whose default action ends it, status 152), then once a second more, and SIGKILL at the hard
     * limit. Children inherit the limits, each counting its own CPU time.
     */
    CPU,
    /** {@code RLIMIT_NOFILE}: open descriptors per process (the kernel's {@code maxOpenFiles}); read-only. */
    NOFILE,
    /** {@code RLIMIT_NPROC}: processes per user (the kernel's {@code maxProcesses}); read-only. */
    NPROC
}
