/**
 * Benchmarks of the process table and the kernel, run by {@code ./bench.sh}.
 */
module io.sandkernel.bench {
    requires io.sandkernel.userland;
    requires com.google.common.jimfs;
    requires java.management;
    requires jdk.management;
}
