package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.OutputStream;
import java.util.List;

/** echo: prints its arguments; {@code -n} drops the newline, {@code -e}/{@code -E} turn escapes on/off. */
final class EchoCommand implements Program {
    @Override
    public int run(ProcessApi process) throws Exception {
        List<String> args = process.args();
        boolean newline = true;
        boolean escapes = false;
        int first = 0;
        while (first < args.size() && isOptionWord(args.get(first))) {
            for (char c : args.get(first).substring(1).toCharArray()) {
                switch (c) {
                    case 'n' -> newline = false;
                    case 'e' -> escapes = true;
                    default -> escapes = false;
                }
            }
            first++;
        }
        StringBuilder text = new StringBuilder();
        for (int i = first; i < args.size(); i++) {
            if (i > first) {
                text.append(' ');
            }
            String word = ByteText.fromArg(args.get(i));
            if (escapes) {
                Escapes.Decoded decoded = Escapes.decode(word, Escapes.Style.ECHO);
                text.append(decoded.text());
                if (decoded.stopped()) {
                    newline = false;
                    break;
                }
            } else {
                text.append(word);
            }
        }
        if (newline) {
            text.append('\n');
        }
        OutputStream out = ByteText.stdout(process);
        ByteText.write(out, text.toString());
        out.flush();
        return 0;
    }

    /** GNU echo takes an argument as options only when it is '-' followed by n, e and E alone. */
    private static boolean isOptionWord(String arg) {
        return arg.length() > 1 && arg.charAt(0) == '-' && arg.substring(1).chars().allMatch(c -> "neE".indexOf(c) >= 0);
    }
}
