/**
 * The shell {@code sh}: a user program on the system-call API.
 */
module io.sandkernel.shell {
    requires transitive io.sandkernel.api;

    exports io.sandkernel.shell;
}
