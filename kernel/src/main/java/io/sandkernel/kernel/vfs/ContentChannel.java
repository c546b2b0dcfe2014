package io.sandkernel.kernel.vfs;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The one NIO channel, open for reading and writing, on the contents of a regular file of a
 * {@link MemoryTree}: every kernel handle of the file does its positional I/O through it, as every
 * Linux {@code struct file} of an inode reaches the same page cache. Opening a file through the
 * kernel then costs no NIO path walk and no channel: the channel is opened on first use and, once
 * the file was opened a second time, kept while the file has a name, so the next {@code open}
 * reuses it (the handles check their own access mode). A file opened only once (the layout files
 * a kernel writes when it starts) keeps no channel after its handle closes, so an idle kernel costs
 * no more. The channel is closed when the last name is gone and the last handle closed (so NIO
 * frees the contents, as Linux frees an unlinked file's blocks on the last close), or with the
 * tree.
 *
 * <p>A channel closed by an interrupt (NIO closes a channel when a thread blocked in it is
 * interrupted, and the kernel interrupts threads to deliver signals) is opened again from a name of
 * the file; a file without a name left cannot be opened again, and its handles fail with ENOENT
 * from then on, as a handle of its own would. Thread-safe: the monitor guards every field.
 */
final class ContentChannel {
    private FileChannel channel;
    private int handles;
    /** How many times the file was opened, counting no further than 2. */
    private int opens;
    private boolean unlinked;
    private boolean closed;

    /**
     * The channel for one more handle, opened through {@code path} (a name of the file) when
     * there is none.
     *
     * @throws IOException as {@link FileChannel#open}; NoSuchFileException after the file lost its
     *                     last name, ClosedChannelException after the tree closed
     */
    synchronized FileChannel acquire(Path path) throws IOException {
        FileChannel current = open(path);
        handles++;
        opens = Math.min(opens + 1, 2);
        return current;
    }

    /**
     * The channel after {@code stale} was found closed by an interrupt: a new one through
     * {@code path} (a name of the file), unless another handle already replaced it.
     */
    synchronized FileChannel reopen(FileChannel stale, Path path) throws IOException {
        if (channel != stale && channel != null && channel.isOpen()) {
            return channel;
        }
        return open(path);
    }

    private FileChannel open(Path path) throws IOException {
        if (channel != null && channel.isOpen()) {
            return channel;
        }
        if (closed) {
            throw new ClosedChannelException();
        }
        if (unlinked) {
            throw new NoSuchFileException(path.toString());
        }
        channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        return channel;
    }

    /**
     * One handle closed; the channel goes with the last one when the file has no name left or was
     * opened only once.
     */
    synchronized void release() {
        if (--handles == 0 && (unlinked || opens < 2)) {
            closeChannel();
        }
    }

    /** The file lost its last name: the channel goes now, or with the last handle. */
    synchronized void unlinked() {
        unlinked = true;
        if (handles == 0) {
            closeChannel();
        }
    }

    /** The tree is closing: the channel goes and none is opened again. */
    synchronized void close() {
        closed = true;
        closeChannel();
    }

    private void closeChannel() {
        FileChannel current = channel;
        channel = null;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                // an in-memory channel has nothing to flush; closing releases it whatever happens
            }
        }
    }
}
