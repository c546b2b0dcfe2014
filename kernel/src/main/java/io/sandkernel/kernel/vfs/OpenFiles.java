package io.sandkernel.kernel.vfs;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The regular files of counted mounts that are open through the kernel. Each has a {@link State}
 * that serializes size changes (so growth is charged exactly once, whichever handle makes it) and
 * remembers that the file was unlinked while open, so that its space is given back when the last
 * handle closes, as Linux frees an unlinked file's blocks on the last close.
 *
 * <p>The state of a file of a {@link FileSystemBackend.Accounting#COUNTED} mount stays after its
 * last handle closes, until its last name goes (every name of such a mount is removed through the
 * kernel, which tells {@link #lastLinkRemoved}): opening a file again and again then makes and
 * drops no state each time. Files of other mounts may vanish behind the kernel's back, so theirs
 * go with their last handle.
 */
final class OpenFiles {
    private final ConcurrentHashMap<Key, State> states = new ConcurrentHashMap<>();
    private final SpaceAccount account;

    OpenFiles(SpaceAccount account) {
        this.account = account;
    }

    /** A file: its mount and inode number. */
    record Key(Mount mount, long ino) {}

    /** One open file; its monitor guards changes of its size. */
    static final class State {
        private final Key key;
        private int users;
        private boolean unlinked;
        private boolean dead;

        State(Key key) {
            this.key = key;
        }

        Mount mount() {
            return key.mount();
        }
    }

    /** Registers one more user (an open handle, or a path truncate) of the file {@code ino} of {@code mount}. */
    State acquire(Mount mount, long ino) {
        Key key = new Key(mount, ino);
        while (true) {
            State state = states.get(key);
            if (state == null) {
                state = states.computeIfAbsent(key, State::new);
            }
            synchronized (state) {
                if (!state.dead) {
                    state.users++;
                    return state;
                }
            }
        }
    }

    /**
     * Ends one use; when it was the last and the file was unlinked meanwhile, frees its bytes (the
     * size {@code sizeNow} gives then) and its inode.
     */
    void release(State state, LongSupplier sizeNow) {
        synchronized (state) {
            if (--state.users > 0) {
                return;
            }
            if (!state.unlinked && state.mount().backend().accounting() == FileSystemBackend.Accounting.COUNTED) {
                return; // kept for the next open, until the last name goes
            }
            state.dead = true;
            states.remove(state.key, state);
            if (state.unlinked) {
                account.releaseBytes(state.mount(), sizeNow.getAsLong());
                account.releaseInode(state.mount());
            }
        }
    }

    /**
     * The last name of the regular file {@code ino} of {@code mount}, {@code size} bytes, was
     * removed: frees it now, or on the last close when it is open.
     */
    void lastLinkRemoved(Mount mount, long ino, long size) {
        State state = states.get(new Key(mount, ino));
        if (state != null) {
            synchronized (state) {
                if (!state.dead && state.users > 0) {
                    state.unlinked = true;
                    return;
                }
                if (!state.dead) { // kept with no user: it goes with the file
                    state.dead = true;
                    states.remove(state.key, state);
                }
            }
        }
        account.releaseBytes(mount, size);
        account.releaseInode(mount);
    }
}
