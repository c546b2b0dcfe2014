package io.sandkernel.kernel.vfs;

import io.sandkernel.api.fs.FileType;

/**
 * What one file of a {@link SyntheticBackend} is: a generated directory, file, symbolic link
 * (possibly magic) or character device. Entries are values describing behaviour (functions of the
 * {@link Caller}); the backend places them in a tree and gives them inode numbers.
 */
public sealed interface SyntheticEntry permits SyntheticDirectory, SyntheticFile, SyntheticLink, SyntheticDevice {
    /** The file type. */
    FileType type();

    /** The permission bits (07777). */
    int permissions();

    /** The owner's user id. */
    int uid();

    /** The owning group's id. */
    int gid();
}
