/**
 * The {@code sandkernel} command-line program: an interactive shell or a script on a fresh kernel.
 */
module io.sandkernel.cli {
    requires io.sandkernel.userland;
    requires info.picocli;
    requires org.jline;

    // picocli reads the options of Main by reflection
    opens io.sandkernel.cli to info.picocli;
}
