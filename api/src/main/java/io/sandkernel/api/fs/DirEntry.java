package io.sandkernel.api.fs;

/**
 * One entry of a directory, as {@code readdir(3)} returns it.
 *
 * @param name the entry's name, without any slash; {@code "."} and {@code ".."} included
 * @param ino  the inode number, equal to {@link Stat#ino()} of the entry (for a mount point, of
 *             what is mounted there)
 * @param type the entry's type, without following a symbolic link
 */
public record DirEntry(String name, long ino, FileType type) {}
