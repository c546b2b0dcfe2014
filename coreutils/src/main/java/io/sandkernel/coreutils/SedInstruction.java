package io.sandkernel.coreutils;

import java.util.regex.Pattern;

/**
 * One command of a compiled sed script, with its addresses and arguments. Blocks are flattened:
 * {@code {} knows the index just past its matching {@code }}, and branches know the index of
 * their label, so the executor runs a plain instruction list with a program counter.
 */
final class SedInstruction {
    /** The command letter: {@code s y p d { } b t ...}. */
    final char name;
    SedAddress first;
    SedAddress second;
    boolean negated;

    /** The state of a two-address range. */
    boolean rangeActive;
    long rangeEnd;
    /** Whether a range whose first address is a line number is over for good. */
    boolean rangeClosed;

    // arguments, by command
    /** a, i, c: the text, with its final newline. */
    String text;
    /** b, t, T: the label (empty: the end of the script); ':' the label it defines. */
    String label;
    /** b, t, T, {: where to go (the label's index, the end, or just past the block). */
    int target = -1;
    /** r, R, w, W: the file name. */
    String fileName;
    /** q, Q: the exit status; l: the line length (-1: the default). */
    int number = -1;

    // s
    Pattern regex;
    boolean emptyRegex;
    SedReplacement replacement;
    boolean global;
    int occurrence = 1;
    boolean print;
    /** s's w flag: the file written on success. */
    String writeFile;

    // y
    /** y's characters (code points: one above the BMP is one character) and what each becomes. */
    int[] translateFrom;
    int[] translateTo;

    SedInstruction(char name) {
        this.name = name;
    }
}
