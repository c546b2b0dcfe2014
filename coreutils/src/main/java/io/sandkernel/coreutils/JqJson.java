package io.sandkernel.coreutils;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON as jq 1.6 does: two-space indentation (or a tab, or N spaces) and
 * {@code "key": value}, or compact; numbers as doubles in the shortest form that reads back,
 * exponent notation only far from the decimal point ({@code 1e+17}, {@code 1e-05}), NaN as
 * null; strings with jq's escapes, non-ASCII characters escaped with {@code -a}; keys sorted
 * with {@code -S}.
 */
final class JqJson {
    private final String indent;
    private final boolean ascii;
    private final boolean sortKeys;

    /** @param indent the indentation unit, or null for compact output */
    JqJson(String indent, boolean ascii, boolean sortKeys) {
        this.indent = indent;
        this.ascii = ascii;
        this.sortKeys = sortKeys;
    }

    String write(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out, 0);
        return out.toString();
    }

    private void write(JsonNode node, StringBuilder out, int depth) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isNumber()) {
            out.append(number(node.doubleValue()));
        } else if (node.isTextual()) {
            string(node.textValue(), out);
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            boolean first = true;
            for (JsonNode element : node) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                newline(out, depth + 1);
                write(element, out, depth + 1);
            }
            newline(out, depth);
            out.append(']');
        } else if (node.isObject()) {
            if (node.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                entries.add(it.next());
            }
            if (sortKeys) {
                entries.sort(Map.Entry.comparingByKey());
            }
            boolean first = true;
            for (Map.Entry<String, JsonNode> entry : entries) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                newline(out, depth + 1);
                string(entry.getKey(), out);
                out.append(indent == null ? ":" : ": ");
                write(entry.getValue(), out, depth + 1);
            }
            newline(out, depth);
            out.append('}');
        } else {
            out.append(node.toString());
        }
    }

    private void newline(StringBuilder out, int depth) {
        if (indent != null) {
            out.append('\n');
            for (int i = 0; i < depth; i++) {
                out.append(indent);
            }
        }
    }

    /** A number as jq 1.6 prints it. */
    static String number(double d) {
        if (Double.isNaN(d)) {
            return "null";
        }
        if (Double.isInfinite(d)) {
            d = d > 0 ? Double.MAX_VALUE : -Double.MAX_VALUE;
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int decimalPoint = digits.length() - shortest.scale(); // digits before the decimal point
        StringBuilder b = new StringBuilder();
        if (d < 0) {
            b.append('-');
        }
        if (decimalPoint <= -4 || decimalPoint > digits.length() + 15) {
            b.append(digits.charAt(0));
            if (digits.length() > 1) {
                b.append('.').append(digits, 1, digits.length());
            }
            int exponent = decimalPoint - 1;
            b.append('e').append(exponent < 0 ? '-' : '+');
            if (Math.abs(exponent) < 10) {
                b.append('0');
            }
            b.append(Math.abs(exponent));
        } else if (decimalPoint <= 0) {
            b.append("0.").append("0".repeat(-decimalPoint)).append(digits);
        } else if (decimalPoint >= digits.length()) {
            b.append(digits).append("0".repeat(decimalPoint - digits.length()));
        } else {
            b.append(digits, 0, decimalPoint).append('.').append(digits, decimalPoint, digits.length());
        }
        return b.toString();
    }

    private void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f || (ascii && c > 0x7e)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
