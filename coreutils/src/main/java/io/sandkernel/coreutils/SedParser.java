package io.sandkernel.coreutils;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compiles a sed script, given as the pieces of its {@code -e} expressions and {@code -f} files,
 * into a flat list of {@link SedInstruction}s, following GNU sed's grammar and its error messages
 * with their locations ({@code "-e expression #2, char 5: ..."} or {@code "file x.sed line 3:
 * ..."}). Blocks and text of {@code a\} may continue from one piece into the next, as in GNU sed.
 */
final class SedParser {
    private static final int EOF = -1;

    /** One piece of the script: an expression (numbered from 1) or a file's content. */
    record Piece(String text, int expression, String file) {}

    /** The compiled script. */
    record Program(List<SedInstruction> instructions, Set<String> writeFiles, boolean quietByHashN) {}

    private final boolean extended;
    private final boolean posix;
    private final List<SedInstruction> instructions = new ArrayList<>();
    private final Deque<Integer> blocks = new ArrayDeque<>();
    private final Map<String, Integer> labels = new HashMap<>();
    private final Set<String> writeFiles = new LinkedHashSet<>();
    private Piece piece;
    private String text;
    private int pos;
    /** An a/i/c command whose text ended with a backslash at the end of a piece. */
    private SedInstruction pendingText;
    private StringBuilder pendingBuffer;

    SedParser(boolean extended, boolean posix) {
        this.extended = extended;
        this.posix = posix;
    }

    /** Compiles the pieces in order. */
    Program compile(List<Piece> pieces) {
        boolean quiet = false;
        for (int i = 0; i < pieces.size(); i++) {
            piece = pieces.get(i);
            text = piece.text();
            pos = 0;
            if (i == 0 && text.startsWith("#n") && (text.length() == 2 || text.charAt(2) == '\n')) {
                quiet = true;
            }
            if (pendingText != null) {
                readText(pendingText, '\n');
            }
            compilePiece();
        }
        if (pendingText != null) {
            finishText(pendingText);
        }
        if (!blocks.isEmpty()) {
            pos = 0;
            throw error("unmatched `{'");
        }
        for (SedInstruction instruction : instructions) {
            if ("btT".indexOf(instruction.name) >= 0) {
                if (instruction.label.isEmpty()) {
                    instruction.target = instructions.size();
                } else {
                    Integer target = labels.get(instruction.label);
                    if (target == null) {
                        throw new SedException("can't find label for jump to `" + instruction.label + "'", 4);
                    }
                    instruction.target = target;
                }
            }
        }
        return new Program(instructions, writeFiles, quiet);
    }

    // ------------------------------------------------------------------ reading

    private int inchar() {
        return pos < text.length() ? text.charAt(pos++) : EOF;
    }

    private void savchar(int c) {
        if (c != EOF) {
            pos--;
        }
    }

    private int inNonblank() {
        int c;
        do {
            c = inchar();
        } while (c == ' ' || c == '\t');
        return c;
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 11 || c == '\f';
    }

    private SedException error(String message) {
        if (piece.file() != null) {
            int line = 1;
            for (int i = 0; i < Math.min(pos, text.length()); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            if (pos > 0 && pos <= text.length() && text.charAt(pos - 1) == '\n') {
                line--;
            }
            return new SedException("file " + piece.file() + " line " + line + ": " + message, 1);
        }
        return new SedException("-e expression #" + piece.expression() + ", char " + pos + ": " + message, 1);
    }

    // ------------------------------------------------------------------ commands

    private void compilePiece() {
        while (true) {
            int c = inchar();
            while (c == ';' || isSpace(c)) {
                c = inchar();
            }
            if (c == EOF) {
                return;
            }
            SedAddress first = null;
            SedAddress second = null;
            savchar(c);
            first = address(false);
            if (first != null) {
                c = inNonblank();
                if (c == ',') {
                    c = inNonblank();
                    savchar(c);
                    second = address(true);
                    if (second == null) {
                        inchar(); // GNU counts the character that is no address
                        throw error("unexpected `,'");
                    }
                } else {
                    savchar(c);
                }
            }
            c = inNonblank();
            if (first != null && first.kind == SedAddress.Kind.ZERO
                    && (second == null || second.kind != SedAddress.Kind.REGEX || posix)) {
                throw error("invalid usage of line address 0");
            }
            boolean negated = false;
            if (c == '!') {
                negated = true;
                c = inNonblank();
                while (isSpace(c)) {
                    c = inNonblank();
                }
                if (c == '!') {
                    throw error("multiple `!'s");
                }
            }
            if (c == EOF || c == '\n' || c == ';') {
                throw error("missing command");
            }
            command((char) c, first, second, negated);
        }
    }

    private void command(char name, SedAddress first, SedAddress second, boolean negated) {
        SedInstruction instruction = new SedInstruction(name);
        instruction.first = first;
        instruction.second = second;
        instruction.negated = negated;
        switch (name) {
            case '#' -> {
                if (first != null) {
                    throw error("comments don't accept any addresses");
                }
                int c;
                do {
                    c = inchar();
                } while (c != EOF && c != '\n');
                return;
            }
            case 'v' -> {
                readLabel();
                return;
            }
            case '{' -> {
                blocks.push(instructions.size());
                instructions.add(instruction);
                return;
            }
            case '}' -> {
                if (blocks.isEmpty()) {
                    throw error("unexpected `}'");
                }
                if (first != null) {
                    throw error("} doesn't want any addresses");
                }
                instructions.get(blocks.pop()).target = instructions.size() + 1;
                readEndOfCommand();
            }
            case 'a', 'i', 'c' -> {
                if (name == 'i' && second != null && posix) {
                    throw error("command only uses one address");
                }
                int c = inNonblank();
                if (c == EOF) {
                    throw error("expected \\ after `a', `c' or `i'");
                }
                if (c == '\\') {
                    c = inchar();
                } else {
                    if (posix) {
                        throw error("expected \\ after `a', `c' or `i'");
                    }
                    savchar(c);
                    c = '\n';
                }
                readText(instruction, c);
            }
            case ':' -> {
                if (first != null) {
                    throw error(": doesn't want any addresses");
                }
                String label = readLabel();
                if (label.isEmpty()) {
                    throw error("\":\" lacks a label");
                }
                labels.putIfAbsent(label, instructions.size());
                instruction.label = label;
            }
            case 'b', 't', 'T' -> instruction.label = readLabel();
            case 'q', 'Q', 'l', 'L' -> {
                if ((name == 'q' || name == 'Q') && second != null) {
                    throw error("command only uses one address");
                }
                int c = inNonblank();
                if (c >= '0' && c <= '9') {
                    instruction.number = readInteger(c);
                } else {
                    savchar(c);
                }
                readEndOfCommand();
            }
            case '=', 'd', 'D', 'F', 'g', 'G', 'h', 'H', 'n', 'N', 'p', 'P', 'z', 'x' -> readEndOfCommand();
            case 'r', 'R', 'w', 'W' -> {
                instruction.fileName = readFileName();
                if (instruction.fileName.isEmpty()) {
                    throw error("missing filename in r/R/w/W commands");
                }
                if (name == 'w' || name == 'W') {
                    writeFiles.add(instruction.fileName);
                }
            }
            case 's' -> substitute(instruction);
            case 'y' -> transliterate(instruction);
            default -> throw error("unknown command: `" + name + "'");
        }
        instructions.add(instruction);
    }

    private void readEndOfCommand() {
        int c = inNonblank();
        if (c == '}' || c == '#') {
            savchar(c);
        } else if (c != EOF && c != '\n' && c != ';') {
            throw error("extra characters after command");
        }
    }

    private int readInteger(int first) {
        long value = first - '0';
        int c = inchar();
        while (c >= '0' && c <= '9') {
            value = Math.min(Integer.MAX_VALUE, value * 10 + (c - '0'));
            c = inchar();
        }
        savchar(c);
        return (int) value;
    }

    private String readLabel() {
        int c = inNonblank();
        StringBuilder label = new StringBuilder();
        while (c != EOF && c != '\n' && c != ';' && c != '}' && !isSpace(c)) {
            label.append((char) c);
            c = inchar();
        }
        savchar(c);
        c = inNonblank();
        if (c != ';' && c != '\n') {
            savchar(c);
        }
        return label.toString();
    }

    private String readFileName() {
        int c = inNonblank();
        StringBuilder name = new StringBuilder();
        while (c != EOF && c != '\n') {
            name.append((char) c);
            c = inchar();
        }
        return name.toString();
    }

    /**
     * Reads the text of a, i or c as GNU's read_text does: up to an unescaped newline, a
     * backslash-newline continuing it; a backslash at the very end of a piece continues the
     * text in the next piece.
     */
    private void readText(SedInstruction instruction, int leadin) {
        if (pendingText == null) {
            pendingBuffer = new StringBuilder();
        }
        pendingText = null;
        if (leadin == EOF) {
            pendingText = instruction;
            return;
        }
        if (leadin != '\n') {
            pendingBuffer.append((char) leadin);
        }
        int c = inchar();
        while (c != EOF && c != '\n') {
            if (c == '\\') {
                c = inchar();
                if (c != EOF) {
                    pendingBuffer.append('\\');
                }
            }
            if (c == EOF) {
                pendingText = instruction;
                return;
            }
            pendingBuffer.append((char) c);
            c = inchar();
        }
        finishText(instruction);
    }

    private void finishText(SedInstruction instruction) {
        pendingBuffer.append('\n');
        instruction.text = unescapeText(pendingBuffer.toString());
        pendingText = null;
    }

    /** Removes the backslashes of a text: {@code \t} and friends become characters, others vanish. */
    private static String unescapeText(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\' || i + 1 >= raw.length()) {
                out.append(c);
                continue;
            }
            int[] decoded = SedRegex.decodeOne(raw, i);
            if (decoded != null) {
                out.append((char) decoded[0]);
                i = decoded[1] - 1;
            } else {
                out.append(raw.charAt(++i));
            }
        }
        return out.toString();
    }

    // ------------------------------------------------------------------ addresses

    private SedAddress address(boolean second) {
        int c = inchar();
        if (c == '/' || c == '\\') {
            if (c == '\\') {
                c = inchar();
                if (c == EOF || c == '\n') {
                    throw error("unexpected `,'");
                }
            }
            String raw = matchSlash((char) c, true);
            if (raw == null) {
                throw error("unterminated address regex");
            }
            boolean ignoreCase = false;
            boolean multiline = false;
            while (true) {
                c = inNonblank();
                if (c == 'I') {
                    ignoreCase = true;
                } else if (c == 'M') {
                    multiline = true;
                } else {
                    savchar(c);
                    break;
                }
            }
            return SedAddress.regex(regex(raw, ignoreCase, multiline));
        }
        if (c >= '0' && c <= '9') {
            long number = readLong(c);
            c = inchar();
            if (c == '~' && !posix) {
                int d = inchar();
                long step = d >= '0' && d <= '9' ? readLong(d) : 0;
                if (d < '0' || d > '9') {
                    savchar(d);
                }
                return SedAddress.step(number, step);
            }
            savchar(c);
            return SedAddress.line(number);
        }
        if ((c == '+' || c == '~') && second && !posix) {
            int d = inchar();
            if (d >= '0' && d <= '9') {
                long number = readLong(d);
                return c == '+' ? SedAddress.plus(number) : SedAddress.multiple(number);
            }
            savchar(d);
            savchar(c);
            return null;
        }
        if (c == '$') {
            return SedAddress.last();
        }
        savchar(c);
        return null;
    }

    private long readLong(int first) {
        long value = first - '0';
        int c = inchar();
        while (c >= '0' && c <= '9') {
            value = value * 10 + (c - '0');
            if (value > Long.MAX_VALUE / 20) {
                value = Long.MAX_VALUE / 20;
            }
            c = inchar();
        }
        savchar(c);
        return value;
    }

    /**
     * Reads up to the unescaped {@code delimiter}, as GNU's match_slash: {@code \delimiter}
     * becomes the delimiter, {@code \n} a newline (in a regex), a backslash-newline a newline;
     * bracket expressions are skipped whole in a regex. Returns null when the text ends first.
     */
    private String matchSlash(char delimiter, boolean regex) {
        StringBuilder out = new StringBuilder();
        int c;
        while ((c = inchar()) != EOF && c != '\n') {
            if (c == delimiter) {
                return out.toString();
            }
            if (c == '\\') {
                c = inchar();
                if (c == EOF) {
                    break;
                } else if (c == 'n' && regex) {
                    c = '\n';
                } else if (c != '\n' && (c != delimiter || (!regex && c == '&'))) {
                    out.append('\\');
                }
                out.append((char) c);
            } else if (c == '[' && regex) {
                if (!bracket(out)) {
                    return null;
                }
            } else {
                out.append((char) c);
            }
        }
        return null;
    }

    /** Copies a bracket expression whose '[' was just read, so a delimiter inside it is a member. */
    private boolean bracket(StringBuilder out) {
        out.append('[');
        int start = pos;
        int c = inchar();
        if (c == '^') {
            out.append('^');
            start = pos;
            c = inchar();
        }
        while (c != EOF) {
            if (c == ']' && pos - 1 > start) {
                out.append(']');
                return true;
            }
            if (c == '[') {
                int kind = inchar();
                if (kind == ':' || kind == '.' || kind == '=') {
                    int close = text.indexOf((char) kind + "]", pos);
                    if (close < 0) {
                        return false;
                    }
                    out.append('[').append((char) kind).append(text, pos, close + 2);
                    pos = close + 2;
                    c = inchar();
                    continue;
                }
                savchar(kind);
            }
            if (c == '\n') {
                return false;
            }
            out.append((char) c);
            c = inchar();
        }
        return false;
    }

    private Pattern regex(String raw, boolean ignoreCase, boolean multiline) {
        if (raw.isEmpty()) {
            return null;
        }
        try {
            return SedRegex.compile(raw, extended, ignoreCase, multiline);
        } catch (UsageException e) {
            throw error(e.getMessage());
        }
    }

    // ------------------------------------------------------------------ s and y

    private void substitute(SedInstruction instruction) {
        int delimiter = inchar();
        if (delimiter == EOF || delimiter == '\n' || delimiter == '\\') {
            throw error("unterminated `s' command");
        }
        String raw = matchSlash((char) delimiter, true);
        if (raw == null) {
            throw error("unterminated `s' command");
        }
        String replacement = matchSlash((char) delimiter, false);
        if (replacement == null) {
            throw error("unterminated `s' command");
        }
        boolean ignoreCase = false;
        boolean multiline = false;
        boolean numbered = false;
        flags:
        while (true) {
            int c = inchar();
            switch (c) {
                case 'i', 'I' -> ignoreCase = true;
                case 'm', 'M' -> multiline = true;
                case 'e' -> throw error("the `e' flag of `s' is not supported");
                case 'p' -> {
                    if (instruction.print) {
                        throw error("multiple `p' options to `s' command");
                    }
                    instruction.print = true;
                }
                case 'g' -> {
                    if (instruction.global) {
                        throw error("multiple `g' options to `s' command");
                    }
                    instruction.global = true;
                }
                case 'w' -> {
                    instruction.writeFile = readFileName();
                    if (instruction.writeFile.isEmpty()) {
                        throw error("missing filename in r/R/w/W commands");
                    }
                    writeFiles.add(instruction.writeFile);
                    break flags;
                }
                case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> {
                    if (numbered) {
                        throw error("multiple number options to `s' command");
                    }
                    numbered = true;
                    int n = readInteger(c);
                    if (n == 0) {
                        throw error("number option to `s' command may not be zero");
                    }
                    instruction.occurrence = n;
                }
                case '}', '#' -> {
                    savchar(c);
                    break flags;
                }
                case EOF, '\n', ';' -> {
                    break flags;
                }
                case ' ', '\t', '\r' -> {
                    // blanks between flags are allowed
                }
                default -> throw error("unknown option to `s'");
            }
        }
        instruction.emptyRegex = raw.isEmpty();
        instruction.regex = regex(raw, ignoreCase, multiline);
        instruction.replacement = SedReplacement.parse(replacement);
        int groups = instruction.regex == null ? 9 : instruction.regex.matcher("").groupCount();
        if (instruction.replacement.highestGroup() > groups) {
            throw error("invalid reference \\" + instruction.replacement.highestGroup() + " on `s' command's RHS");
        }
    }

    private void transliterate(SedInstruction instruction) {
        int delimiter = inchar();
        if (delimiter == EOF || delimiter == '\n' || delimiter == '\\') {
            throw error("unterminated `y' command");
        }
        String from = matchSlash((char) delimiter, false);
        String to = from == null ? null : matchSlash((char) delimiter, false);
        if (to == null) {
            throw error("unterminated `y' command");
        }
        String source = unescapeY(from);
        String target = unescapeY(to);
        if (source.length() != target.length()) {
            throw error("strings for `y' command are different lengths");
        }
        instruction.translateFrom = source.toCharArray();
        instruction.translateTo = target.toCharArray();
        readEndOfCommand();
    }

    /** y's strings: {@code \\} is a backslash, {@code \n} a newline, other escapes as in text. */
    private String unescapeY(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\' || i + 1 >= raw.length()) {
                out.append(c);
                continue;
            }
            char e = raw.charAt(i + 1);
            if (e == '\\') {
                out.append('\\');
                i++;
                continue;
            }
            int[] decoded = SedRegex.decodeOne(raw, i);
            if (decoded != null) {
                out.append((char) decoded[0]);
                i = decoded[1] - 1;
            } else {
                throw error("unknown option to `s'");
            }
        }
        return out.toString();
    }
}
