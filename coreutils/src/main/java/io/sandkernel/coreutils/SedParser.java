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
    private static final int EOF = SedReader.EOF;

    /** One piece of the script: an expression (numbered from 1) or a file's content. */
    record Piece(String text, int expression, String file) {}

    /** The compiled script. */
    record Program(List<SedInstruction> instructions, Set<String> writeFiles, boolean quietByHashN) {}

    private final boolean extended;
    private final boolean posix;
    /** Whether the locale is UTF-8: expressions, replacements, y's strings and texts are then decoded text. */
    private final boolean utf8;
    private final List<SedInstruction> instructions = new ArrayList<>();
    private final Deque<Integer> blocks = new ArrayDeque<>();
    private final Map<String, Integer> labels = new HashMap<>();
    private final Set<String> writeFiles = new LinkedHashSet<>();
    private final SedReader reader = new SedReader();
    /** An a/i/c command whose text ended with a backslash at the end of a piece. */
    private SedInstruction pendingText;
    private StringBuilder pendingBuffer;

    SedParser(boolean extended, boolean posix, boolean utf8) {
        this.extended = extended;
        this.posix = posix;
        this.utf8 = utf8;
    }

    /** A byte string of the script as the executor's text: decoded in a UTF-8 locale (see {@link Utf8#decode}). */
    private String asText(String bytes) {
        return utf8 ? Utf8.decode(bytes) : bytes;
    }

    /** Compiles the pieces in order. */
    Program compile(List<Piece> pieces) {
        boolean quiet = false;
        for (int i = 0; i < pieces.size(); i++) {
            Piece piece = pieces.get(i);
            reader.start(piece);
            String text = piece.text();
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
            reader.rewind();
            throw reader.error("unmatched `{'");
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

    // ------------------------------------------------------------------ commands

    private void compilePiece() {
        while (true) {
            int c = reader.inchar();
            while (c == ';' || SedReader.isSpace(c)) {
                c = reader.inchar();
            }
            if (c == EOF) {
                return;
            }
            SedAddress first = null;
            SedAddress second = null;
            reader.savchar(c);
            first = address(false);
            if (first != null) {
                c = reader.inNonblank();
                if (c == ',') {
                    c = reader.inNonblank();
                    reader.savchar(c);
                    second = address(true);
                    if (second == null) {
                        reader.inchar(); // GNU counts the character that is no address
                        throw reader.error("unexpected `,'");
                    }
                } else {
                    reader.savchar(c);
                }
            }
            c = reader.inNonblank();
            if (first != null && first.kind == SedAddress.Kind.ZERO
                    && (second == null || second.kind != SedAddress.Kind.REGEX || posix)) {
                throw reader.error("invalid usage of line address 0");
            }
            boolean negated = false;
            if (c == '!') {
                negated = true;
                c = reader.inNonblank();
                while (SedReader.isSpace(c)) {
                    c = reader.inNonblank();
                }
                if (c == '!') {
                    throw reader.error("multiple `!'s");
                }
            }
            if (c == EOF || c == '\n' || c == ';') {
                throw reader.error("missing command");
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
                    throw reader.error("comments don't accept any addresses");
                }
                int c;
                do {
                    c = reader.inchar();
                } while (c != EOF && c != '\n');
                return;
            }
            case 'v' -> {
                reader.readLabel();
                return;
            }
            case '{' -> {
                blocks.push(instructions.size());
                instructions.add(instruction);
                return;
            }
            case '}' -> {
                if (blocks.isEmpty()) {
                    throw reader.error("unexpected `}'");
                }
                if (first != null) {
                    throw reader.error("} doesn't want any addresses");
                }
                instructions.get(blocks.pop()).target = instructions.size() + 1;
                readEndOfCommand();
            }
            case 'a', 'i', 'c' -> {
                if (name == 'i' && second != null && posix) {
                    throw reader.error("command only uses one address");
                }
                int c = reader.inNonblank();
                if (c == EOF) {
                    throw reader.error("expected \\ after `a', `c' or `i'");
                }
                if (c == '\\') {
                    c = reader.inchar();
                } else {
                    if (posix) {
                        throw reader.error("expected \\ after `a', `c' or `i'");
                    }
                    reader.savchar(c);
                    c = '\n';
                }
                readText(instruction, c);
            }
            case ':' -> {
                if (first != null) {
                    throw reader.error(": doesn't want any addresses");
                }
                String label = reader.readLabel();
                if (label.isEmpty()) {
                    throw reader.error("\":\" lacks a label");
                }
                labels.putIfAbsent(label, instructions.size());
                instruction.label = label;
            }
            case 'b', 't', 'T' -> instruction.label = reader.readLabel();
            case 'q', 'Q', 'l', 'L' -> {
                if ((name == 'q' || name == 'Q') && second != null) {
                    throw reader.error("command only uses one address");
                }
                int c = reader.inNonblank();
                if (c >= '0' && c <= '9') {
                    instruction.number = reader.readInteger(c);
                } else {
                    reader.savchar(c);
                }
                readEndOfCommand();
            }
            case '=', 'd', 'D', 'F', 'g', 'G', 'h', 'H', 'n', 'N', 'p', 'P', 'z', 'x' -> readEndOfCommand();
            case 'r', 'R', 'w', 'W' -> {
                instruction.fileName = reader.readFileName();
                if (instruction.fileName.isEmpty()) {
                    throw reader.error("missing filename in r/R/w/W commands");
                }
                if (name == 'w' || name == 'W') {
                    writeFiles.add(instruction.fileName);
                }
            }
            case 's' -> substitute(instruction);
            case 'y' -> transliterate(instruction);
            default -> throw reader.error("unknown command: `" + name + "'");
        }
        instructions.add(instruction);
    }

    private void readEndOfCommand() {
        int c = reader.inNonblank();
        if (c == '}' || c == '#') {
            reader.savchar(c);
        } else if (c != EOF && c != '\n' && c != ';') {
            throw reader.error("extra characters after command");
        }
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
        int c = reader.inchar();
        while (c != EOF && c != '\n') {
            if (c == '\\') {
                c = reader.inchar();
                if (c != EOF) {
                    pendingBuffer.append('\\');
                }
            }
            if (c == EOF) {
                pendingText = instruction;
                return;
            }
            pendingBuffer.append((char) c);
            c = reader.inchar();
        }
        finishText(instruction);
    }

    private void finishText(SedInstruction instruction) {
        pendingBuffer.append('\n');
        instruction.text = asText(unescapeText(pendingBuffer.toString()));
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
        int c = reader.inchar();
        if (c == '/' || c == '\\') {
            if (c == '\\') {
                c = reader.inchar();
                if (c == EOF || c == '\n') {
                    throw reader.error("unexpected `,'");
                }
            }
            String raw = reader.matchSlash((char) c, true);
            if (raw == null) {
                throw reader.error("unterminated address regex");
            }
            boolean ignoreCase = false;
            boolean multiline = false;
            while (true) {
                c = reader.inNonblank();
                if (c == 'I') {
                    ignoreCase = true;
                } else if (c == 'M') {
                    multiline = true;
                } else {
                    reader.savchar(c);
                    break;
                }
            }
            return SedAddress.regex(regex(raw, ignoreCase, multiline));
        }
        if (c >= '0' && c <= '9') {
            long number = reader.readLong(c);
            c = reader.inchar();
            if (c == '~' && !posix) {
                int d = reader.inchar();
                long step = d >= '0' && d <= '9' ? reader.readLong(d) : 0;
                if (d < '0' || d > '9') {
                    reader.savchar(d);
                }
                return SedAddress.step(number, step);
            }
            reader.savchar(c);
            return SedAddress.line(number);
        }
        if ((c == '+' || c == '~') && second && !posix) {
            int d = reader.inchar();
            if (d >= '0' && d <= '9') {
                long number = reader.readLong(d);
                return c == '+' ? SedAddress.plus(number) : SedAddress.multiple(number);
            }
            reader.savchar(d);
            reader.savchar(c);
            return null;
        }
        if (c == '$') {
            return SedAddress.last();
        }
        reader.savchar(c);
        return null;
    }

    private Pattern regex(String raw, boolean ignoreCase, boolean multiline) {
        if (raw.isEmpty()) {
            return null;
        }
        try {
            return SedRegex.compile(asText(raw), extended, ignoreCase, multiline, utf8);
        } catch (UsageException e) {
            throw reader.error(e.getMessage());
        }
    }

    // ------------------------------------------------------------------ s and y

    private void substitute(SedInstruction instruction) {
        int delimiter = reader.inchar();
        if (delimiter == EOF || delimiter == '\n' || delimiter == '\\') {
            throw reader.error("unterminated `s' command");
        }
        String raw = reader.matchSlash((char) delimiter, true);
        if (raw == null) {
            throw reader.error("unterminated `s' command");
        }
        String replacement = reader.matchSlash((char) delimiter, false);
        if (replacement == null) {
            throw reader.error("unterminated `s' command");
        }
        boolean ignoreCase = false;
        boolean multiline = false;
        boolean numbered = false;
        flags:
        while (true) {
            int c = reader.inchar();
            switch (c) {
                case 'i', 'I' -> ignoreCase = true;
                case 'm', 'M' -> multiline = true;
                case 'e' -> throw reader.error("the `e' flag of `s' is not supported");
                case 'p' -> {
                    if (instruction.print) {
                        throw reader.error("multiple `p' options to `s' command");
                    }
                    instruction.print = true;
                }
                case 'g' -> {
                    if (instruction.global) {
                        throw reader.error("multiple `g' options to `s' command");
                    }
                    instruction.global = true;
                }
                case 'w' -> {
                    instruction.writeFile = reader.readFileName();
                    if (instruction.writeFile.isEmpty()) {
                        throw reader.error("missing filename in r/R/w/W commands");
                    }
                    writeFiles.add(instruction.writeFile);
                    break flags;
                }
                case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> {
                    if (numbered) {
                        throw reader.error("multiple number options to `s' command");
                    }
                    numbered = true;
                    int n = reader.readInteger(c);
                    if (n == 0) {
                        throw reader.error("number option to `s' command may not be zero");
                    }
                    instruction.occurrence = n;
                }
                case '}', '#' -> {
                    reader.savchar(c);
                    break flags;
                }
                case EOF, '\n', ';' -> {
                    break flags;
                }
                case ' ', '\t', '\r' -> {
                    // blanks between flags are allowed
                }
                default -> throw reader.error("unknown option to `s'");
            }
        }
        instruction.emptyRegex = raw.isEmpty();
        instruction.regex = regex(raw, ignoreCase, multiline);
        instruction.replacement = SedReplacement.parse(asText(replacement), utf8);
        int groups = instruction.regex == null ? 9 : instruction.regex.matcher("").groupCount(); // no text
        if (instruction.replacement.highestGroup() > groups) {
            throw reader.error("invalid reference \\" + instruction.replacement.highestGroup() + " on `s' command's RHS");
        }
    }

    private void transliterate(SedInstruction instruction) {
        int delimiter = reader.inchar();
        if (delimiter == EOF || delimiter == '\n' || delimiter == '\\') {
            throw reader.error("unterminated `y' command");
        }
        String from = reader.matchSlash((char) delimiter, false);
        String to = from == null ? null : reader.matchSlash((char) delimiter, false);
        if (to == null) {
            throw reader.error("unterminated `y' command");
        }
        String source = asText(unescapeY(from));
        String target = asText(unescapeY(to));
        if (source.codePointCount(0, source.length()) != target.codePointCount(0, target.length())) {
            throw reader.error("strings for `y' command are different lengths");
        }
        instruction.translateFrom = source.codePoints().toArray();
        instruction.translateTo = target.codePoints().toArray();
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
                throw reader.error("unknown option to `s'");
            }
        }
        return out.toString();
    }
}
