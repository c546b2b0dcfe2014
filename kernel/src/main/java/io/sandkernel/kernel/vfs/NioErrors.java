package io.sandkernel.kernel.vfs;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import java.io.IOException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.ReadOnlyFileSystemException;

/**
 * Linux errno values for {@code java.nio} failures, chosen by the exception's type only (never its
 * message); anything unexpected is EIO.
 */
final class NioErrors {
    private NioErrors() {}

    /** The errno of {@code failure}. */
    static Errno errno(Throwable failure) {
        return switch (failure) {
            case NoSuchFileException e -> Errno.ENOENT;
            case FileAlreadyExistsException e -> Errno.EEXIST;
            case DirectoryNotEmptyException e -> Errno.ENOTEMPTY;
            case NotDirectoryException e -> Errno.ENOTDIR;
            case AccessDeniedException e -> Errno.EACCES;
            case FileSystemLoopException e -> Errno.ELOOP;
            case NotLinkException e -> Errno.EINVAL;
            case AtomicMoveNotSupportedException e -> Errno.EXDEV;
            case AsynchronousCloseException e -> Errno.EBADF;
            case ClosedChannelException e -> Errno.EBADF;
            case NonReadableChannelException e -> Errno.EBADF;
            case NonWritableChannelException e -> Errno.EBADF;
            case ClosedFileSystemException e -> Errno.EIO;
            case ReadOnlyFileSystemException e -> Errno.EROFS;
            case InvalidPathException e -> Errno.EINVAL;
            case UnsupportedOperationException e -> Errno.ENOTSUP;
            case SecurityException e -> Errno.EACCES;
            default -> Errno.EIO;
        };
    }

    /** A {@link KernelException} for {@code failure} while working on {@code path}. */
    static KernelException of(Throwable failure, String path) {
        Errno errno = errno(failure);
        return new KernelException(errno, errno.description() + ": " + path
                + (errno == Errno.EIO ? " (" + failure + ")" : ""), failure);
    }

    /** Whether {@code failure} is one a file-system operation may throw besides {@link IOException}. */
    static boolean isNioRuntime(RuntimeException failure) {
        return failure instanceof ReadOnlyFileSystemException || failure instanceof ClosedFileSystemException
                || failure instanceof NonReadableChannelException || failure instanceof NonWritableChannelException
                || failure instanceof InvalidPathException || failure instanceof UnsupportedOperationException
                || failure instanceof SecurityException;
    }
}
