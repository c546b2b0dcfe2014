package io.sandkernel.api.tty;


/**
 * The terminal modes a line discipline honours, a small subset of {@code termios}:
 *
 * @param canonical  ICANON: input is edited a line at a time (erase, kill, word erase, EOF) and
 *                   reads return whole lines; off, bytes are readable as they arrive
 * @param echo       ECHO: input is echoed to the output (control characters as {@code ^X})
 * @param signals    ISIG: ^C, ^\ and ^Z send SIGINT, SIGQUIT and SIGTSTP to the foreground group
 * @param mapCrToNl  ICRNL: a carriage return typed is read as a newline
 * @param mapNlToCrNl OPOST|ONLCR: a newline written is sent to the screen as CR LF
 */
public record Termios(boolean canonical, boolean echo, boolean signals, boolean mapCrToNl, boolean mapNlToCrNl) {
    /** ^C: SIGINT. */
    public static final int VINTR = 0x03;
    /** ^\: SIGQUIT. */
    public static final int VQUIT = 0x1c;
    /** ^Z: SIGTSTP. */
    public static final int VSUSP = 0x1a;
    /** DEL: erases the last character (^H does too). */
    public static final int VERASE = 0x7f;
    /** ^U: erases the line. */
    public static final int VKILL = 0x15;
    /** ^W: erases the last word. */
    public static final int VWERASE = 0x17;
    /** ^D: end of file (ends a line without a newline; on an empty line, reads return EOF). */
    public static final int VEOF = 0x04;

    /** A new terminal's modes ("sane"): everything on. */
    public static Termios defaults() {
        return new Termios(true, true, true, true, true);
    }

    /** {@code cfmakeraw}: everything off. */
    public static Termios raw() {
        return new Termios(false, false, false, false, false);
    }

    public Termios withCanonical(boolean on) {
        return new Termios(on, echo, signals, mapCrToNl, mapNlToCrNl);
    }

    public Termios withEcho(boolean on) {
        return new Termios(canonical, on, signals, mapCrToNl, mapNlToCrNl);
    }

    public Termios withSignals(boolean on) {
        return new Termios(canonical, echo, on, mapCrToNl, mapNlToCrNl);
    }
}
