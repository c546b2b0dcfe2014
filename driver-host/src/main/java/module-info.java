/**
 * The host driver: runs allowed host executables as virtual processes.
 */
module io.sandkernel.driver.host {
    requires transitive io.sandkernel.api;

    exports io.sandkernel.driver.host;
}
