package io.sandkernel.shell;

/** Values quoted for re-input the ways dash and bash print them ({@code set}, {@code export -p}, {@code declare -p}). */
final class Quoting {
    private Quoting() {}

    /**
     * dash's quoting: runs of single quotes in double quotes, everything else in single quotes
     * ({@code it's} is {@code 'it'"'"'s'}).
     */
    static String dash(String value) {
        if (value.isEmpty()) {
            return "''";
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = value.length();
        while (i < n) {
            int start = i;
            if (value.charAt(i) == '\'') {
                while (i < n && value.charAt(i) == '\'') {
                    i++;
                }
                out.append('"').append(value, start, i).append('"');
            } else {
                while (i < n && value.charAt(i) != '\'') {
                    i++;
                }
                out.append('\'').append(value, start, i).append('\'');
            }
        }
        return out.toString();
    }

    /** bash's {@code declare -p}: double quotes with {@code \ " $ `} escaped, or {@code $'...'} for control characters. */
    static String declare(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 32 || c == 127 || Strings.isRawByte(c)) {
                return Transforms.quote(value);
            }
        }
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '"' || c == '$' || c == '`') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }

    /** bash's {@code set} listing: the value as is when nothing in it needs quoting. */
    static String bashSet(String value) {
        if (!value.isEmpty() && value.chars().allMatch(c -> Character.isLetterOrDigit(c) || "_-./:,+@%=^".indexOf(c) >= 0)) {
            return value;
        }
        return Transforms.quote(value);
    }

    /**
     * bash's {@code printf %q}: special characters backslash-escaped ({@code a\ b}), {@code ''}
     * for the empty string, {@code $'...'} when there are control characters.
     */
    static String backslash(String value) {
        if (value.isEmpty()) {
            return "''";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 32 || c == 127 || Strings.isRawByte(c)) {
                return Transforms.quote(value);
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean special = " |&;()<>!{}*[?]^$`\\\"',\t".indexOf(c) >= 0 || ((c == '#' || c == '~') && i == 0);
            if (special) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
