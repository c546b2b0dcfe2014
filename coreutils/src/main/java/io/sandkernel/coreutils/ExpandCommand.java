package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * expand [-i] [-t LIST] [FILE]...: tabs to spaces, with the tab stops of {@link TabStops}
 * (default every 8 columns); {@code -i} converts only the tabs before the first non-blank of a
 * line. A backspace moves one column back. The obsolete {@code -NUM} form is accepted.
 */
final class ExpandCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("it:", "initial:i", "tabs:t");

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(legacyStops(process.args(), "i"));
        TabStops stops = new TabStops("expand");
        for (Options.Given given : options.given()) {
            if (given.option() == 't') {
                stops.parse(given.value());
            }
        }
        stops.finish();
        boolean entireLine = !options.has('i');
        Diagnostics diagnostics = new Diagnostics(process, "expand");
        OutputStream out = ByteText.stdout(process);
        FileChain in = new FileChain(process, diagnostics, options.operands());
        while (true) {
            boolean convert = true;
            long column = 0;
            int[] index = {0};
            int c;
            do {
                c = in.read();
                if (convert) {
                    if (c == '\t') {
                        long next = stops.next(column, index);
                        if (next < 0) {
                            next = column + 1;
                        }
                        while (++column < next) {
                            out.write(' ');
                        }
                        c = ' ';
                    } else if (c == '\b') {
                        column -= column > 0 ? 1 : 0;
                        index[0] -= index[0] > 0 ? 1 : 0;
                    } else {
                        column++;
                    }
                    convert = entireLine || c == ' ' || c == '\t';
                }
                if (c < 0) {
                    out.flush();
                    return diagnostics.failed() ? 1 : 0;
                }
                out.write(c);
            } while (c != '\n');
        }
    }

    /**
     * Rewrites getopt's digit options ({@code -4}, {@code -4,8}, {@code -i2}) as {@code -t LIST},
     * leaving the flags in {@code flags} that precede them in a cluster.
     */
    static List<String> legacyStops(List<String> args, String flags) {
        List<String> result = new ArrayList<>();
        boolean ended = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (ended || !arg.startsWith("-") || arg.startsWith("--") || arg.length() < 2) {
                ended |= arg.equals("--");
                result.add(arg);
                continue;
            }
            int at = 1;
            while (at < arg.length() && flags.indexOf(arg.charAt(at)) >= 0) {
                at++;
            }
            if (at < arg.length() && arg.charAt(at) == 't') {
                result.add(arg); // -t takes the rest (or the next argument) as its value
                if (at + 1 == arg.length() && i + 1 < args.size()) {
                    result.add(args.get(++i));
                }
                continue;
            }
            if (at < arg.length() && Character.isDigit(arg.charAt(at))) {
                if (at > 1) {
                    result.add(arg.substring(0, at));
                }
                result.add("-t");
                result.add(arg.substring(at));
            } else {
                result.add(arg);
            }
        }
        return result;
    }
}
