/**
 * The JVM driver: runs {@link io.sandkernel.api.Program}s written in Java as virtual processes.
 */
module io.sandkernel.driver.jvm {
    requires transitive io.sandkernel.api;
    requires java.management;

    exports io.sandkernel.driver.jvm;
}
