package io.sandkernel.process;

/**
 * The descriptor numbers a process uses for its standard streams.
 *
 * @param stdin  descriptor of standard input
 * @param stdout descriptor of standard output
 * @param stderr descriptor of standard error
 */
public record ProcessFileDescriptors(int stdin, int stdout, int stderr) {
    private static final ProcessFileDescriptors STANDARD = new ProcessFileDescriptors(0, 1, 2);

    /** Descriptors 0, 1 and 2. */
    public static ProcessFileDescriptors standard() {
        return STANDARD;
    }
}
