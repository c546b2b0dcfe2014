package io.sandkernel.cli;

/** Entry point of the {@code sandkernel} command. */
public final class Main {
    private Main() {}

    /** Runs the process-table demo, printing what happens to standard output. */
    public static void main(String[] args) throws InterruptedException {
        new ProcessTreeDemo(System.out).run();
    }
}
