/**
 * Values of the filesystem system calls: {@link io.sandkernel.api.fs.Stat},
 * {@link io.sandkernel.api.fs.DirEntry}, {@link io.sandkernel.api.fs.StatFs},
 * {@link io.sandkernel.api.fs.PollFd} and Linux's flag values in
 * {@link io.sandkernel.api.fs.OpenFlags}.
 */
package io.sandkernel.api.fs;
