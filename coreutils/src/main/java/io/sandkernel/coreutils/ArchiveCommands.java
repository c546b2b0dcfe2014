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
        for (String gzip : new String[] {"gzip", "gunzip", "zcat"}) {
            commands.put(gzip, new CommandGuard(gzip, "[OPTION]... [FILE]...", 1, () -> new GzipCommand(gzip)));
        }
        // lambdas, not constructor references: the Commons Compress classes stay unloaded until tar runs
        commands.put("tar", new CommandGuard("tar", "[OPTION...] [FILE]...", 2, () -> new TarCommand()));
        commands.put("zip", new CommandGuard("zip", "[-options] [-b path] [-t mmddyyyy] [-n suffixes] [zipfile list]"
                + " [-xi list]", 16, () -> new ZipCommand()));
        commands.put("unzip", new CommandGuard("unzip", "[-Z] [-opts[modifiers]] file[.zip] [list] [-x xlist] [-d exdir]",
                10, () -> new UnzipCommand()));
        commands.put("base64", new CommandGuard("base64", "[OPTION]... [FILE]", 1, () -> new BaseEncodeCommand("base64")));
        commands.put("base32", new CommandGuard("base32", "[OPTION]... [FILE]", 1, () -> new BaseEncodeCommand("base32")));
    }

    /** @param algorithm the algorithm's {@code cksum -a} name (resolved when the command runs), or null for cksum */
    private static void digest(Map<String, Program> commands, String name, String algorithm) {
        commands.put(name, new CommandGuard(name, "[OPTION]... [FILE]...", 1, () -> new DigestCommand(name, algorithm)));
    }
}
