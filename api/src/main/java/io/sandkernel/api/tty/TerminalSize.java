package io.sandkernel.api.tty;

/** The size of a terminal window in character cells ({@code struct winsize}). */
public record TerminalSize(int columns, int rows) {
    /** @throws IllegalArgumentException when a dimension is not positive */
    public TerminalSize {
        if (columns <= 0 || rows <= 0) {
            throw new IllegalArgumentException("terminal size must be positive: " + columns + "x" + rows);
        }
    }

    /** 80 columns by 24 rows. */
    public static TerminalSize defaults() {
        return new TerminalSize(80, 24);
    }
}
