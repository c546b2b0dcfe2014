/**
 * The usual commands, user programs on the system-call API.
 */
module io.sandkernel.coreutils {
    requires transitive io.sandkernel.api;

    exports io.sandkernel.coreutils;
}
