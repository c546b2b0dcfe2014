/**
 * The usual commands, user programs on the system-call API.
 */
module io.sandkernel.coreutils {
    requires transitive io.sandkernel.api;
    requires net.thisptr.jackson.jq;
    requires com.fasterxml.jackson.databind;
    requires io.github.javadiffutils;
    requires org.apache.commons.compress;
    requires org.bouncycastle.provider;

    exports io.sandkernel.coreutils;
}
