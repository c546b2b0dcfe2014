package io.sandkernel.kernel.vfs;

import io.sandkernel.api.fs.FileType;
import java.util.Objects;
import java.util.function.Function;

/**
 * A symbolic link whose target may depend on the caller ({@code /proc/self} reads as the caller's
 * pid), or a magic link ({@code /proc/PID/fd/N}, {@code /proc/PID/cwd}) that the walker follows to
 * what {@code magic} returns instead of re-walking the target text, which {@code readlink} still
 * shows. Mode 0777.
 *
 * @param uid    the owner
 * @param gid    the group
 * @param target the text {@code readlink} returns for a caller
 * @param magic  for a magic link, where following it leads for a caller; null for an ordinary link
 */
public record SyntheticLink(int uid, int gid, Function<Caller, String> target, Function<Caller, MagicTarget> magic)
        implements SyntheticEntry {
    /** Validates the fields. */
    public SyntheticLink {
        Objects.requireNonNull(target, "target");
    }

    /** A root-owned ordinary link with a fixed target. */
    public static SyntheticLink to(String target) {
        Objects.requireNonNull(target, "target");
        return new SyntheticLink(0, 0, caller -> target, null);
    }

    /** A root-owned ordinary link whose target depends on the caller. */
    public static SyntheticLink of(Function<Caller, String> target) {
        return new SyntheticLink(0, 0, target, null);
    }

    /** A magic link owned by {@code uid}:{@code gid}. */
    public static SyntheticLink magic(int uid, int gid, Function<Caller, String> target,
                                      Function<Caller, MagicTarget> magic) {
        return new SyntheticLink(uid, gid, target, Objects.requireNonNull(magic, "magic"));
    }

    @Override
    public FileType type() {
        return FileType.SYMLINK;
    }

    @Override
    public int permissions() {
        return 0777;
    }
}
