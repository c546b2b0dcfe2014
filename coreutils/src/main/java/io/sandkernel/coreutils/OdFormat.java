package io.sandkernel.coreutils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * od's command line and output layout (od.c): the types of {@code -t} and of the traditional
 * options, the address radix, skip, limit and width, the traditional offset operands, and the
 * formatting of one block, each type on its own row with the fields of all rows right-aligned to
 * the same columns.
 */
final class OdFormat {
    private static final Options.Parser PARSER = new Options.Parser("A:aBbcDdeFfHhIij:LlN:OoS:st:vw:Xx\u0001\u0002\u0003",
            "skip-bytes:j", "address-radix:A", "read-bytes:N", "format:t", "output-duplicates:v",
            "strings?:\u0001", "traditional:\u0002", "width?:\u0003", "endian=:\u0004");

    private static final int[] OCT_DIGITS = {0, 3, 6, 8, 11, 14, 16, 19, 22, 25, 27, 30, 32, 35, 38, 41, 43};
    private static final int[] SIGNED_DIGITS = {1, 4, 6, 8, 11, 13, 16, 18, 20, 23, 25, 28, 30, 33, 35, 37, 40};
    private static final int[] UNSIGNED_DIGITS = {0, 3, 5, 8, 10, 13, 15, 17, 20, 22, 25, 27, 29, 32, 34, 37, 39};
    private static final int[] HEX_DIGITS = {0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32};
    private static final String[] NAMES = {"nul", "soh", "stx", "etx", "eot", "enq", "ack", "bel", "bs", "ht", "nl",
        "vt", "ff", "cr", "so", "si", "dle", "dc1", "dc2", "dc3", "dc4", "nak", "syn", "etb", "can", "em", "sub",
        "esc", "fs", "gs", "rs", "us", "sp"};
    private static final String MULTIPLIERS = "bEGKkMmPTYZ0";

    /** One output type: its letter, bytes per item, field width and padding, hexl trailer. */
    private static final class Spec {
        char kind;
        int size;
        int width;
        int pad;
        boolean trailer;
    }

    private final List<Spec> specs = new ArrayList<>();
    private int base = 8;
    private int addressPad = 7;
    private boolean noAddress;
    private long skip;
    private boolean limited;
    private long end;
    private long strings = -1;
    private boolean abbreviate = true;
    private boolean swap;
    private boolean pseudo;
    private long pseudoOffset;
    private int bytesPerBlock;
    private List<String> files;
    private String widthWarning;

    private OdFormat() {}

    static OdFormat parse(List<String> args) {
        OdFormat f = new OdFormat();
        Options options = PARSER.parse(optionalArguments(args));
        boolean modern = false;
        boolean traditional = false;
        boolean widthGiven = false;
        long width = 0;
        long limit = 0;
        for (Options.Given given : options.given()) {
            String value = given.value();
            switch (given.option()) {
                case 'A' -> {
                    modern = true;
                    char radix = value.isEmpty() ? 0 : value.charAt(0);
                    switch (radix) {
                        case 'd' -> f.address(10, 7, false);
                        case 'o' -> f.address(8, 7, false);
                        case 'x' -> f.address(16, 6, false);
                        case 'n' -> f.address(f.base, 0, true);
                        default -> throw UsageException.withoutHint("invalid output address radix '" + radix
                                + "'; it must be one character from [doxn]");
                    }
                }
                case 'j' -> {
                    modern = true;
                    f.skip = size(value, "-j");
                }
                case 'N' -> {
                    modern = true;
                    f.limited = true;
                    limit = size(value, "-N");
                }
                case 'S', '\u0001' -> {
                    modern = true;
                    f.strings = value == null ? 3 : size(value, "-S");
                }
                case 't' -> {
                    modern = true;
                    f.decode(value);
                }
                case 'v' -> {
                    modern = true;
                    f.abbreviate = false;
                }
                case '\u0002' -> traditional = true;
                case '\u0004' -> {
                    if ("little".startsWith(value) && !value.isEmpty()) {
                        f.swap = false;
                    } else if ("big".startsWith(value) && !value.isEmpty()) {
                        f.swap = true;
                    } else {
                        throw new UsageException("invalid argument " + Diagnostics.quote(value) + " for '--endian'\n"
                                + "Valid arguments are:\n  - 'little'\n  - 'big'");
                    }
                }
                case 'w', '\u0003' -> {
                    modern = true;
                    widthGiven = true;
                    width = value == null ? 32 : size(value, "-w", "");
                }
                case 'a' -> f.decode("a");
                case 'b' -> f.decode("o1");
                case 'c' -> f.decode("c");
                case 'D' -> f.decode("u4");
                case 'd' -> f.decode("u2");
                case 'F', 'e' -> f.decode("fD");
                case 'f' -> f.decode("fF");
                case 'X', 'H' -> f.decode("x4");
                case 'i' -> f.decode("dI");
                case 'I', 'L', 'l' -> f.decode("dL");
                case 'O' -> f.decode("o4");
                case 'B', 'o' -> f.decode("o2");
                case 's' -> f.decode("d2");
                case 'h', 'x' -> f.decode("x2");
                default -> { }
            }
        }
        if (f.strings >= 0 && !f.specs.isEmpty()) {
            throw UsageException.withoutHint("no type may be specified when dumping strings");
        }
        List<String> operands = new ArrayList<>(options.operands());
        if (!modern || traditional) {
            f.traditionalOperands(operands, traditional);
        }
        if (f.pseudo && f.noAddress) {
            f.address(8, 7, false);
        }
        if (f.limited) {
            f.end = f.skip + limit;
            if (f.end < f.skip) {
                throw UsageException.withoutHint("skip-bytes + read-bytes is too large");
            }
        }
        if (f.specs.isEmpty()) {
            f.decode("oS");
        }
        f.files = operands.isEmpty() ? List.of("-") : operands;
        int lcm = f.lcm();
        if (widthGiven) {
            if (width != 0 && width % lcm == 0) {
                f.bytesPerBlock = (int) width;
            } else {
                f.widthWarning = "warning: invalid width " + width + "; using " + lcm + " instead";
                f.bytesPerBlock = lcm;
            }
        } else {
            f.bytesPerBlock = lcm < 16 ? lcm * (16 / lcm) : lcm;
        }
        int widest = 0;
        for (Spec spec : f.specs) {
            widest = Math.max(widest, (spec.width + 1) * (f.bytesPerBlock / spec.size));
        }
        for (Spec spec : f.specs) {
            spec.pad = widest - spec.width * (f.bytesPerBlock / spec.size);
        }
        return f;
    }

    /** The warning about an unusable width, or null. */
    String widthWarning() {
        return widthWarning;
    }

    private void address(int radix, int pad, boolean none) {
        base = radix;
        addressPad = pad;
        noAddress = none;
    }

    /** getopt's optional arguments of {@code -w}: attached only ({@code -w8}), else none. */
    private static List<String> optionalArguments(List<String> args) {
        List<String> result = new ArrayList<>();
        boolean ended = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (ended || !arg.startsWith("-") || arg.startsWith("--") || arg.length() < 2) {
                ended |= arg.equals("--");
                result.add(arg);
                continue;
            }
            StringBuilder flags = new StringBuilder("-");
            for (int at = 1; at < arg.length(); at++) {
                char c = arg.charAt(at);
                if (c == 'w') {
                    if (flags.length() > 1) {
                        result.add(flags.toString());
                    }
                    flags.setLength(1);
                    result.add(at + 1 < arg.length() ? "--width=" + arg.substring(at + 1) : "--width");
                    break;
                }
                flags.append(c);
                if ("AjNSt".indexOf(c) >= 0) {
                    flags.append(arg, at + 1, arg.length());
                    if (at + 1 == arg.length() && i + 1 < args.size()) {
                        result.add(flags.toString());
                        flags.setLength(1);
                        result.add(args.get(++i));
                    }
                    break;
                }
            }
            if (flags.length() > 1) {
                result.add(flags.toString());
            }
        }
        return result;
    }

    private static long size(String text, String option) {
        return size(text, option, MULTIPLIERS);
    }

    /** xstrtoumax in base 0 with od's multipliers; failures worded as xstrtol_fatal. */
    private static long size(String text, String option, String suffixes) {
        NumberArgs.Parsed parsed = NumberArgs.parse(text, suffixes.isEmpty() ? 10 : 0, suffixes);
        return switch (parsed.status()) {
            case OK -> parsed.value();
            case OVERFLOW -> throw UsageException.withoutHint(option + " argument '" + text + "' too large");
            case INVALID_SUFFIX -> throw UsageException.withoutHint("invalid suffix in " + option + " argument '"
                    + text + "'");
            default -> throw UsageException.withoutHint("invalid " + option + " argument '" + text + "'");
        };
    }

    private void traditionalOperands(List<String> operands, boolean traditional) {
        switch (operands.size()) {
            case 1 -> {
                Long offset = (traditional || operands.get(0).startsWith("+")) ? oldOffset(operands.get(0)) : null;
                if (offset != null) {
                    skip = offset;
                    operands.remove(0);
                }
            }
            case 2 -> {
                String second = operands.get(1);
                Long o2 = (traditional || second.startsWith("+") || (!second.isEmpty() && Character.isDigit(second.charAt(0))))
                        ? oldOffset(second) : null;
                if (o2 != null) {
                    Long o1 = traditional ? oldOffset(operands.get(0)) : null;
                    if (o1 != null) {
                        skip = o1;
                        pseudo = true;
                        pseudoOffset = o2 - o1;
                        operands.clear();
                    } else {
                        skip = o2;
                        operands.remove(1);
                    }
                }
            }
            case 3 -> {
                Long o1 = traditional ? oldOffset(operands.get(1)) : null;
                Long o2 = o1 != null ? oldOffset(operands.get(2)) : null;
                if (o2 != null) {
                    skip = o1;
                    pseudo = true;
                    pseudoOffset = o2 - o1;
                    operands.subList(1, 3).clear();
                }
            }
            default -> { }
        }
        if (traditional && operands.size() > 1) {
            throw new UsageException("extra operand " + Diagnostics.quote(operands.get(1))
                    + "\nod: compatibility mode supports at most one file");
        }
    }

    /** parse_old_offset: octal, decimal with a '.', or 0x hexadecimal, with b (512) or B (1024). */
    private static Long oldOffset(String text) {
        String s = text.startsWith("+") ? text.substring(1) : text;
        if (text.isEmpty()) {
            return null;
        }
        int radix = s.indexOf('.') >= 0 ? 10 : s.startsWith("0x") || s.startsWith("0X") ? 16 : 8;
        String digits = s;
        if (radix == 10) {
            int dot = s.indexOf('.');
            digits = s.substring(0, dot) + s.substring(dot + 1);
            if (!s.substring(dot + 1).matches("[bB]?")) {
                return null;
            }
        }
        NumberArgs.Parsed parsed = NumberArgs.parse(digits, radix, "Bb");
        return parsed.status() == NumberArgs.Status.OK ? parsed.value() : null;
    }

    /** decode_format_string: one or more types. */
    private void decode(String text) {
        int at = 0;
        while (at < text.length()) {
            at = decodeOne(text, at);
        }
    }

    private int decodeOne(String text, int at) {
        Spec spec = new Spec();
        char c = text.charAt(at);
        int s = at + 1;
        switch (c) {
            case 'd', 'o', 'u', 'x' -> {
                int size;
                char next = s < text.length() ? text.charAt(s) : 0;
                switch (next) {
                    case 'C' -> size = 1;
                    case 'S' -> size = 2;
                    case 'I' -> size = 4;
                    case 'L' -> size = 8;
                    default -> size = -1;
                }
                if (size > 0) {
                    s++;
                } else {
                    int digitsEnd = s;
                    while (digitsEnd < text.length() && Character.isDigit(text.charAt(digitsEnd))) {
                        digitsEnd++;
                    }
                    if (digitsEnd == s) {
                        size = 4;
                    } else {
                        long n = digitsEnd - s > 18 ? Long.MAX_VALUE : Long.parseLong(text.substring(s, digitsEnd));
                        if (n > 8 || (n != 1 && n != 2 && n != 4 && n != 8)) {
                            throw UsageException.withoutHint("invalid type string " + Diagnostics.quote(text)
                                    + ";\nthis system doesn't provide a " + n + "-byte integral type");
                        }
                        size = (int) n;
                        s = digitsEnd;
                    }
                }
                spec.kind = c;
                spec.size = size;
                spec.width = switch (c) {
                    case 'd' -> SIGNED_DIGITS[size];
                    case 'o' -> OCT_DIGITS[size];
                    case 'u' -> UNSIGNED_DIGITS[size];
                    default -> HEX_DIGITS[size];
                };
            }
            case 'f' -> {
                int size;
                char next = s < text.length() ? text.charAt(s) : 0;
                switch (next) {
                    case 'F' -> size = 4;
                    case 'D' -> size = 8;
                    case 'L' -> size = 16;
                    default -> size = -1;
                }
                if (size > 0) {
                    s++;
                } else {
                    int digitsEnd = s;
                    while (digitsEnd < text.length() && Character.isDigit(text.charAt(digitsEnd))) {
                        digitsEnd++;
                    }
                    if (digitsEnd == s) {
                        size = 8;
                    } else {
                        long n = digitsEnd - s > 18 ? Long.MAX_VALUE : Long.parseLong(text.substring(s, digitsEnd));
                        if (n != 4 && n != 8 && n != 16) {
                            throw UsageException.withoutHint("invalid type string " + Diagnostics.quote(text)
                                    + ";\nthis system doesn't provide a " + n + "-byte floating point type");
                        }
                        size = (int) n;
                        s = digitsEnd;
                    }
                }
                spec.kind = 'f';
                spec.size = size;
                spec.width = size == 4 ? 15 : size == 8 ? 24 : 29;
            }
            case 'a', 'c' -> {
                spec.kind = c;
                spec.size = 1;
                spec.width = 3;
            }
            default -> throw UsageException.withoutHint("invalid character '" + c + "' in type string "
                    + Diagnostics.quote(text));
        }
        if (s < text.length() && text.charAt(s) == 'z') {
            spec.trailer = true;
            s++;
        }
        specs.add(spec);
        return s;
    }

    int lcm() {
        int lcm = 1;
        for (Spec spec : specs) {
            int a = lcm;
            int b = spec.size;
            while (b != 0) {
                int t = a % b;
                a = b;
                b = t;
            }
            lcm = lcm / a * spec.size;
        }
        return lcm;
    }

    List<String> files() {
        return files;
    }

    long skip() {
        return skip;
    }

    boolean limited() {
        return limited;
    }

    long end() {
        return end;
    }

    long strings() {
        return strings;
    }

    boolean abbreviate() {
        return abbreviate;
    }

    int bytesPerBlock() {
        return bytesPerBlock;
    }

    /** The address as format_address prints it, followed by {@code c} (0 for nothing). */
    String address(long address, char c) {
        String tail = c == 0 ? "" : String.valueOf(c);
        if (noAddress && !pseudo) {
            return c == '\n' ? "" : "";
        }
        if (pseudo && noAddress) {
            return "(" + standard(address + pseudoOffset) + ")" + tail;
        }
        if (pseudo) {
            return standard(address) + " (" + standard(address + pseudoOffset) + ")" + tail;
        }
        return standard(address) + tail;
    }

    private String standard(long address) {
        String digits = switch (base) {
            case 10 -> Long.toUnsignedString(address);
            case 16 -> Long.toHexString(address);
            default -> Long.toOctalString(address);
        };
        return digits.length() < addressPad ? "0".repeat(addressPad - digits.length()) + digits : digits;
    }

    /** The rows of one block: {@code n} bytes of input in {@code block} (zero-padded). */
    String block(long offset, byte[] block, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < specs.size(); i++) {
            Spec spec = specs.get(i);
            int fields = bytesPerBlock / spec.size;
            int blank = (bytesPerBlock - n) / spec.size;
            if (i == 0) {
                b.append(address(offset, (char) 0));
            } else {
                b.append(" ".repeat(noAddress && !pseudo ? 0 : addressPad));
            }
            int padRemaining = spec.pad;
            for (int field = fields; field > blank; field--) {
                int nextPad = spec.pad * (field - 1) / fields;
                int width = padRemaining - nextPad + spec.width;
                String text = item(spec, block, (fields - field) * spec.size);
                if (text.length() < width) {
                    b.append(" ".repeat(width - text.length()));
                }
                b.append(text);
                padRemaining = nextPad;
            }
            if (spec.trailer) {
                int pad = spec.pad * blank / fields;
                b.append(" ".repeat(blank * spec.width + pad)).append("  >");
                for (int j = 0; j < n; j++) {
                    int c = block[j] & 0xFF;
                    b.append(OdCommand.isPrint(c) ? (char) c : '.');
                }
                b.append('<');
            }
            b.append('\n');
        }
        return b.toString();
    }

    private long unsigned(byte[] block, int at, int size) {
        long value = 0;
        for (int j = 0; j < size; j++) {
            int index = swap ? at + j : at + size - 1 - j;
            value = (value << 8) | (block[index] & 0xFF);
        }
        return value;
    }

    private String item(Spec spec, byte[] block, int at) {
        switch (spec.kind) {
            case 'a' -> {
                int c = block[at] & 0x7F;
                return c == 127 ? "del" : c <= 32 ? NAMES[c] : String.valueOf((char) c);
            }
            case 'c' -> {
                int c = block[at] & 0xFF;
                return switch (c) {
                    case 0 -> "\\0";
                    case 7 -> "\\a";
                    case '\b' -> "\\b";
                    case '\f' -> "\\f";
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\t' -> "\\t";
                    case 11 -> "\\v";
                    default -> OdCommand.isPrint(c) ? String.valueOf((char) c) : String.format(Locale.ROOT, "%03o", c);
                };
            }
            case 'f' -> {
                if (spec.size == 16) {
                    byte[] ordered = block;
                    int offset = at;
                    if (swap) {
                        ordered = new byte[16];
                        for (int j = 0; j < 16; j++) {
                            ordered[j] = block[at + 15 - j];
                        }
                        offset = 0;
                    }
                    return CFloat.shortestExtended(ordered, offset);
                }
                long bits = unsigned(block, at, spec.size);
                return spec.size == 4 ? CFloat.shortest(Float.intBitsToFloat((int) bits))
                        : CFloat.shortest(Double.longBitsToDouble(bits));
            }
            default -> {
                long value = unsigned(block, at, spec.size);
                String digits = switch (spec.kind) {
                    case 'd' -> Long.toString(spec.size == 8 ? value : value << (64 - 8 * spec.size) >> (64 - 8 * spec.size));
                    case 'u' -> Long.toUnsignedString(value);
                    case 'o' -> Long.toOctalString(value);
                    default -> Long.toHexString(value);
                };
                if ((spec.kind == 'o' || spec.kind == 'x') && digits.length() < spec.width) {
                    digits = "0".repeat(spec.width - digits.length()) + digits;
                }
                return digits;
            }
        }
    }
}
