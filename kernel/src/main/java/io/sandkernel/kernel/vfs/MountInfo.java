package io.sandkernel.kernel.vfs;

/**
 * One line of {@code /proc/mounts}.
 *
 * @param path     the canonical guest path of the mount point ({@code "/"} for the root)
 * @param type     the backend's {@link FileSystemBackend#typeName()}
 * @param readOnly whether the mount is read-only
 */
public record MountInfo(String path, String type, boolean readOnly) {}
