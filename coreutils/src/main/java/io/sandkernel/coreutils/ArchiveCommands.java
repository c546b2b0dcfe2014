package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import java.util.Map;

/**
 * The archive, encoding and digest commands: tar, gzip, gunzip, zcat, zip, unzip, base64,
 * base32, md5sum, sha1sum, sha224sum, sha256sum, sha384sum, sha512sum, b2sum and cksum. The
 * libraries they use (Commons Compress, Bouncy Castle) are loaded only when such a command runs:
 * nothing here refers to them before.
 */
final class ArchiveCommands {
    private ArchiveCommands() {}

    /** Adds the commands to {@code commands}. */
    static void addTo(Map<String, Program> commands) {
        digest(commands, "md5sum", "md5");
        digest(commands, "sha1sum", "sha1");
        digest(commands, "sha224sum", "sha224");
        digest(commands, "sha256sum", "sha256");
        digest(commands, "sha384sum", "sha384");
        digest(commands, "sha512sum", "sha512");
        digest(commands, "b2sum", "blake2b");
        digest(commands, "cksum", null);
        commands.put("base64", new CommandGuard("base64", "[OPTION]... [FILE]", 1, () -> new BaseEncodeCommand("base64")));
        commands.put("base32", new CommandGuard("base32", "[OPTION]... [FILE]", 1, () -> new BaseEncodeCommand("base32")));
    }

    /** @param algorithm the algorithm's {@code cksum -a} name (resolved when the command runs), or null for cksum */
    private static void digest(Map<String, Program> commands, String name, String algorithm) {
        commands.put(name, new CommandGuard(name, "[OPTION]... [FILE]...", 1, () -> new DigestCommand(name, algorithm)));
    }
}
