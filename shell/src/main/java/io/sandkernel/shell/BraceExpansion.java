package io.sandkernel.shell;

import io.sandkernel.shell.Ast.Lit;
import io.sandkernel.shell.Ast.Part;
import io.sandkernel.shell.Ast.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * bash's brace expansion, {@code {a,b}} and {@code {1..10..2}}: it comes before every other
 * expansion and depends only on the word as written, so the parser does it once, turning a word
 * into the words it expands to. Only unquoted braces count.
 */
final class BraceExpansion {
    /** Beyond this many words a sequence is left as it is written, rather than filling memory. */
    private static final int MAX_WORDS = 1_000_000;

    private BraceExpansion() {}

    /** A word as a list of unquoted characters (Character) and other parts. */
    private static List<Object> flatten(List<Part> parts) {
        List<Object> items = new ArrayList<>();
        for (Part part : parts) {
            if (part instanceof Lit lit) {
                for (int i = 0; i < lit.text().length(); i++) {
                    items.add(lit.text().charAt(i));
                }
            } else {
                items.add(part);
            }
        }
        return items;
    }

    private static boolean isChar(Object item, char c) {
        return item instanceof Character ch && ch == c;
    }

    /** The words {@code word} expands to: itself alone when it has no brace expression. */
    static List<Word> expand(Word word) {
        boolean candidate = false;
        for (Part part : word.parts()) {
            if (part instanceof Lit lit && lit.text().indexOf('{') >= 0) {
                candidate = true;
                break;
            }
        }
        if (!candidate) {
            return List.of(word);
        }
        List<List<Object>> results = new ArrayList<>();
        List<Object> flat = flatten(word.parts());
        expandInto(flat, results);
        if (results.size() == 1 && results.get(0).equals(flat)) {
            return List.of(word); // no brace expression ({0..0} is one, giving 0)
        }
        List<Word> words = new ArrayList<>(results.size());
        for (List<Object> items : results) {
            words.add(toWord(items));
        }
        return words;
    }

    private static void expandInto(List<Object> items, List<List<Object>> out) {
        int n = items.size();
        for (int open = 0; open < n; open++) {
            if (!isChar(items.get(open), '{') || (open > 0 && isChar(items.get(open - 1), '$'))) {
                continue;
            }
            int depth = 0;
            List<Integer> commas = new ArrayList<>();
            int close = -1;
            for (int i = open; i < n; i++) {
                Object item = items.get(i);
                if (isChar(item, '\\')) {
                    i++;
                } else if (isChar(item, '{')) {
                    depth++;
                } else if (isChar(item, '}')) {
                    if (--depth == 0) {
                        close = i;
                        break;
                    }
                } else if (isChar(item, ',') && depth == 1) {
                    commas.add(i);
                }
            }
            if (close < 0) {
                addAsIs(items, out);
                return;
            }
            List<Object> prefix = items.subList(0, open);
            List<Object> suffix = items.subList(close + 1, n);
            List<List<Object>> alternatives = new ArrayList<>();
            if (!commas.isEmpty()) {
                int from = open + 1;
                for (int comma : commas) {
                    alternatives.add(items.subList(from, comma));
                    from = comma + 1;
                }
                alternatives.add(items.subList(from, close));
            } else {
                List<String> sequence = sequence(items.subList(open + 1, close));
                if (sequence == null) {
                    continue;
                }
                for (String element : sequence) {
                    List<Object> chars = new ArrayList<>();
                    for (int i = 0; i < element.length(); i++) {
                        chars.add(element.charAt(i));
                    }
                    alternatives.add(chars);
                }
            }
            for (List<Object> alternative : alternatives) {
                List<Object> combined = new ArrayList<>(prefix.size() + alternative.size() + suffix.size());
                combined.addAll(prefix);
                combined.addAll(alternative);
                combined.addAll(suffix);
                expandInto(combined, out);
                if (out.size() > MAX_WORDS) {
                    throw new ShellError("brace expansion: too many words");
                }
            }
            return;
        }
        addAsIs(items, out);
    }

    private static void addAsIs(List<Object> items, List<List<Object>> out) {
        out.add(items);
    }

    /** {@code a..b[..step]} of integers or single letters, or null when it is not one. */
    private static List<String> sequence(List<Object> items) {
        StringBuilder text = new StringBuilder();
        for (Object item : items) {
            if (!(item instanceof Character c)) {
                return null;
            }
            text.append(c);
        }
        String[] pieces = text.toString().split("\\.\\.", -1);
        if (pieces.length < 2 || pieces.length > 3) {
            return null;
        }
        long step = 1;
        if (pieces.length == 3) {
            if (!pieces[2].matches("[-+]?[0-9]+")) {
                return null;
            }
            step = Math.abs(Long.parseLong(pieces[2]));
            if (step == 0) {
                step = 1;
            }
        }
        List<String> out = new ArrayList<>();
        if (pieces[0].matches("[-+]?[0-9]+") && pieces[1].matches("[-+]?[0-9]+")) {
            long from = Long.parseLong(pieces[0]);
            long to = Long.parseLong(pieces[1]);
            int width = 0;
            if (hasLeadingZero(pieces[0]) || hasLeadingZero(pieces[1])) {
                width = Math.max(pieces[0].length(), pieces[1].length());
            }
            long count = Math.abs(to - from) / step + 1;
            if (count > MAX_WORDS) {
                return null;
            }
            for (long v = from; from <= to ? v <= to : v >= to; v += from <= to ? step : -step) {
                String number = Long.toString(Math.abs(v));
                StringBuilder padded = new StringBuilder(v < 0 ? "-" : "");
                int digits = width - (v < 0 ? 1 : 0);
                for (int k = number.length(); k < digits; k++) {
                    padded.append('0');
                }
                out.add(padded.append(number).toString());
            }
            return out;
        }
        if (pieces[0].length() == 1 && pieces[1].length() == 1 && Character.isLetter(pieces[0].charAt(0))
                && Character.isLetter(pieces[1].charAt(0))) {
            char from = pieces[0].charAt(0);
            char to = pieces[1].charAt(0);
            for (int c = from; from <= to ? c <= to : c >= to; c += from <= to ? step : -step) {
                out.add(String.valueOf((char) c));
            }
            return out;
        }
        return null;
    }

    private static boolean hasLeadingZero(String number) {
        String digits = number.startsWith("-") || number.startsWith("+") ? number.substring(1) : number;
        return digits.length() > 1 && digits.charAt(0) == '0';
    }

    private static Word toWord(List<Object> items) {
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        StringBuilder raw = new StringBuilder();
        for (Object item : items) {
            if (item instanceof Character c) {
                lit.append(c);
                raw.append(c);
            } else {
                if (!lit.isEmpty()) {
                    parts.add(new Lit(lit.toString()));
                    lit.setLength(0);
                }
                Part part = (Part) item;
                parts.add(part);
                raw.append(Parser.unquote(new Word("", List.of(part))));
            }
        }
        if (!lit.isEmpty()) {
            parts.add(new Lit(lit.toString()));
        }
        return new Word(raw.toString(), parts);
    }
}
