package io.sandkernel.coreutils;

/**
 * The output file names of split (split.c's next_file_name): PREFIX, a suffix over an alphabet
 * (a-z, digits with {@code -d}, hexadecimal with {@code -x}) optionally starting at a number, and
 * an additional suffix. When the suffix length was not fixed, the names widen once the first
 * character reaches the last letter, GNU's way: after {@code yz} comes {@code zaaa}.
 */
final class SplitNames {
    private final String alphabet;
    private final String additional;
    private final String start;
    private String base;
    private int length;
    private boolean auto;
    private int[] index;
    private char[] suffix;

    SplitNames(String prefix, String alphabet, int length, boolean auto, String start, String additional) {
        this.base = prefix;
        this.alphabet = alphabet;
        this.length = length;
        this.auto = auto && start == null;
        this.start = start;
        this.additional = additional == null ? "" : additional;
    }

    /**
     * The next name.
     *
     * @throws UsageException "output file suffixes exhausted"
     */
    String next() {
        if (suffix == null) {
            initialise(false);
            return name();
        }
        for (int i = length - 1; i >= 0; i--) {
            index[i]++;
            if (auto && i == 0 && index[0] + 1 >= alphabet.length()) {
                initialise(true);
                return name();
            }
            if (index[i] < alphabet.length()) {
                suffix[i] = alphabet.charAt(index[i]);
                return name();
            }
            index[i] = 0;
            suffix[i] = alphabet.charAt(0);
        }
        throw UsageException.withoutHint("output file suffixes exhausted");
    }

    private void initialise(boolean widen) {
        if (widen) {
            base = base + alphabet.charAt(index[0]);
            length++;
        }
        suffix = new char[length];
        java.util.Arrays.fill(suffix, alphabet.charAt(0));
        index = new int[length];
        if (start != null && !widen) {
            for (int i = 0; i < start.length(); i++) {
                int at = length - start.length() + i;
                suffix[at] = start.charAt(i);
                index[at] = alphabet.indexOf(start.charAt(i));
            }
        }
    }

    private String name() {
        return base + new String(suffix) + additional;
    }
}
