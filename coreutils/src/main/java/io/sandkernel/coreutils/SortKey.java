package io.sandkernel.coreutils;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One sort key, as {@code -k POS1[,POS2]} or the global ordering options define it: where it
 * starts and ends in the line (fields by a separator or by blank runs, as GNU's begfield and
 * limfield find them) and how its text compares. {@link #extract} computes the comparable form of
 * a line once, so comparisons stay cheap.
 */
final class SortKey {
    private static final Pattern NUMBER = Pattern.compile("^[ \\t]*(-?)([0-9]*)(\\.[0-9]*)?");

    // Field positions, zero-based; endField -1 means the end of the line, endChar 0 the end of the field.
    int startField;
    int startChar;
    int endField = -1;
    int endChar;
    boolean skipStartBlanks;
    boolean skipEndBlanks;
    boolean numeric;
    boolean general;
    boolean human;
    boolean month;
    boolean version;
    boolean fold;
    boolean dictionary;
    boolean printableOnly;
    boolean reverse;

    /** Applies ordering letters (bdfghiMnrV); returns whether any was given. */
    boolean applyOrdering(String letters, boolean endPosition) {
        for (char c : letters.toCharArray()) {
            switch (c) {
                case 'b' -> {
                    if (endPosition) {
                        skipEndBlanks = true;
                    } else {
                        skipStartBlanks = true;
                    }
                }
                case 'd' -> dictionary = true;
                case 'f' -> fold = true;
                case 'g' -> general = true;
                case 'h' -> human = true;
                case 'i' -> printableOnly = true;
                case 'M' -> month = true;
                case 'V' -> version = true;
                case 'n' -> numeric = true;
                case 'r' -> reverse = true;
                default -> throw new UsageException("invalid option -- '" + c + "'");
            }
        }
        return !letters.isEmpty();
    }

    /** Copies the ordering options of {@code global} onto a key that named none. */
    void inherit(SortKey global) {
        skipStartBlanks = global.skipStartBlanks;
        skipEndBlanks = global.skipEndBlanks;
        numeric = global.numeric;
        general = global.general;
        human = global.human;
        month = global.month;
        version = global.version;
        fold = global.fold;
        dictionary = global.dictionary;
        printableOnly = global.printableOnly;
        reverse = global.reverse;
    }

    /** A field or character number; past an int it saturates, as GNU's does at SIZE_MAX (no line has that many). */
    private static int count(String digits) {
        String significant = digits.replaceFirst("^0+(?=.)", "");
        return significant.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(significant);
    }

    /** Parses a {@code -k} argument; {@code global} supplies the options of a key that has none. */
    static SortKey parse(String spec, SortKey global) {
        Matcher m = Pattern.compile("([0-9]+)(?:\\.([0-9]+))?([a-zA-Z]*)(?:,([0-9]+)(?:\\.([0-9]+))?([a-zA-Z]*))?")
                .matcher(spec);
        if (!m.matches()) {
            throw new UsageException("invalid number at field start: invalid count at start of " + Diagnostics.quote(spec));
        }
        SortKey key = new SortKey();
        key.startField = count(m.group(1)) - 1;
        if (key.startField < 0) {
            throw UsageException.withoutHint("field number is zero: invalid field specification " + Diagnostics.quote(spec));
        }
        if (m.group(2) != null) {
            key.startChar = count(m.group(2)) - 1;
            if (key.startChar < 0) {
                throw UsageException.withoutHint("character offset is zero: invalid field specification "
                        + Diagnostics.quote(spec));
            }
        }
        boolean ordered = key.applyOrdering(m.group(3), false);
        if (m.group(4) != null) {
            key.endField = count(m.group(4)) - 1;
            if (key.endField < 0) {
                throw UsageException.withoutHint("field number is zero: invalid field specification " + Diagnostics.quote(spec));
            }
            key.endChar = m.group(5) == null ? 0 : count(m.group(5));
            ordered |= key.applyOrdering(m.group(6), true);
        }
        if (!ordered) {
            key.inherit(global);
        }
        return key;
    }

    private static boolean blank(char c) {
        return c == ' ' || c == '\t';
    }

    private int begin(String line, int separator) {
        int ptr = 0;
        int lim = line.length();
        int words = startField;
        if (separator >= 0) {
            while (ptr < lim && words-- > 0) {
                while (ptr < lim && line.charAt(ptr) != separator) {
                    ptr++;
                }
                if (ptr < lim) {
                    ptr++;
                }
            }
        } else {
            while (ptr < lim && words-- > 0) {
                while (ptr < lim && blank(line.charAt(ptr))) {
                    ptr++;
                }
                while (ptr < lim && !blank(line.charAt(ptr))) {
                    ptr++;
                }
            }
        }
        if (skipStartBlanks) {
            while (ptr < lim && blank(line.charAt(ptr))) {
                ptr++;
            }
        }
        return Math.min(lim, ptr + startChar);
    }

    private int limit(String line, int separator) {
        int lim = line.length();
        if (endField < 0) {
            return lim;
        }
        int ptr = 0;
        int words = endField + (endChar == 0 ? 1 : 0);
        if (separator >= 0) {
            while (ptr < lim && words-- > 0) {
                while (ptr < lim && line.charAt(ptr) != separator) {
                    ptr++;
                }
                if (ptr < lim && (words > 0 || endChar != 0)) {
                    ptr++;
                }
            }
        } else {
            while (ptr < lim && words-- > 0) {
                while (ptr < lim && blank(line.charAt(ptr))) {
                    ptr++;
                }
                while (ptr < lim && !blank(line.charAt(ptr))) {
                    ptr++;
                }
            }
        }
        if (endChar != 0) {
            if (skipEndBlanks) {
                while (ptr < lim && blank(line.charAt(ptr))) {
                    ptr++;
                }
            }
            ptr = Math.min(lim, ptr + endChar);
        }
        return ptr;
    }

    /** The comparable form of this key in {@code line}: a BigDecimal, a Double or a String. */
    Comparable<?> extract(String line, int separator) {
        int from = begin(line, separator);
        int to = Math.max(from, limit(line, separator));
        String text = line.substring(from, to);
        if (numeric) {
            return number(text);
        }
        if (general) {
            return SortOrders.General.parse(text);
        }
        if (human) {
            return SortOrders.Human.of(text, number(text));
        }
        if (month) {
            return SortOrders.month(text);
        }
        if (version) {
            return new SortOrders.Version(text);
        }
        if (!(fold || dictionary || printableOnly)) {
            return text;
        }
        StringBuilder filtered = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (dictionary && !(blank(c) || Character.isLetterOrDigit(c) && c < 128)) {
                continue;
            }
            if (printableOnly && (c < 32 || c > 126)) {
                continue;
            }
            filtered.append(fold && c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
        }
        return filtered.toString();
    }

    private static BigDecimal number(String text) {
        Matcher m = NUMBER.matcher(text);
        m.find();
        String digits = m.group(2);
        String fraction = m.group(3) == null ? "" : m.group(3);
        if (digits.isEmpty() && fraction.length() <= 1) {
            return BigDecimal.ZERO;
        }
        BigDecimal value = new BigDecimal((digits.isEmpty() ? "0" : digits) + (fraction.length() > 1 ? fraction : ""));
        return m.group(1).isEmpty() ? value : value.negate();
    }
}
