package io.sandkernel.shell;

/** {@link Terminal#none()}. */
final class NoTerminal implements Terminal {
    static final NoTerminal INSTANCE = new NoTerminal();

    private NoTerminal() {}

    @Override
    public boolean isInteractive() {
        return false;
    }

    @Override
    public void setForegroundGroup(int pgid) {
        // no terminal: nothing to hand over
    }

    @Override
    public int foregroundGroup() {
        return -1;
    }
}
