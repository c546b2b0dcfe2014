package io.sandkernel.api.spi;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A host directory a kernel mounted: where its programs see it and whether they may change it.
 * Told to each driver mounted on that kernel ({@link RuntimeDriver#hostDirectories}), so that a
 * driver running host processes can show them the same directories, and nothing else of the
 * host's files.
 *
 * @param guestPath     the mount point in the kernel's filesystem (absolute)
 * @param hostDirectory the host directory
 * @param readOnly      whether the mount is read-only
 */
public record HostDirectory(String guestPath, Path hostDirectory, boolean readOnly) {
    /** Checks that nothing is null. */
    public HostDirectory {
        Objects.requireNonNull(guestPath, "guestPath");
        Objects.requireNonNull(hostDirectory, "hostDirectory");
    }
}
