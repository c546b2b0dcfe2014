package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.OutputStream;
import java.util.Locale;

/**
 * cp [-adfHiLnpPrRTv] [--preserve[=LIST]] [-t DIR] SOURCE... DEST: copies files through
 * descriptors, directories with {@code -r}. {@code -p} keeps mode and times (and the owner when
 * run by root), {@code -a} is {@code -dR --preserve=all}; symbolic links are copied as links
 * when recursive or with {@code -P}/{@code -d}, followed with {@code -L} (and on the command line
 * with {@code -H}); {@code -n} never overwrites.
 */
final class CpCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("adfHiLnpPrRt:Tv",
            "archive:a", "force:f", "interactive:i", "no-clobber:n", "preserve?:\u0001", "no-dereference:P",
            "dereference:L", "recursive:r", "target-directory:t", "no-target-directory:T", "verbose:v");

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        Diagnostics diagnostics = new Diagnostics(process, "cp");
        boolean archive = options.has('a');
        boolean recursive = options.has('r') || options.has('R') || archive;
        char dereference = options.last("LPdaH", recursive ? 'P' : 'L');
        boolean preserveAll = options.has('p') || archive;
        boolean preserveMode = preserveAll;
        boolean preserveTimes = preserveAll;
        boolean preserveOwner = preserveAll;
        for (String list : options.values('\u0001')) {
            String attributes = list == null ? "mode,ownership,timestamps" : list.toLowerCase(Locale.ROOT);
            for (String attribute : attributes.split(",")) {
                switch (attribute) {
                    case "mode" -> preserveMode = true;
                    case "timestamps" -> preserveTimes = true;
                    case "ownership" -> preserveOwner = true;
                    case "all" -> {
                        preserveMode = true;
                        preserveTimes = true;
                        preserveOwner = true;
                    }
                    case "links", "context", "xattr" -> { }
                    default -> throw new UsageException("invalid argument " + Diagnostics.quote(attribute)
                            + " for '--preserve'\nValid arguments are:\n  - 'mode'\n  - 'timestamps'\n"
                            + "  - 'ownership'\n  - 'links'\n  - 'context'\n  - 'xattr'\n  - 'all'");
                }
            }
        }
        Copier.Settings settings = new Copier.Settings(recursive, dereference == 'L', dereference == 'H',
                preserveMode, preserveTimes, preserveOwner, options.last("fin", 'f') == 'n',
                options.has('f'), options.has('v'));
        Targets targets = Targets.of(process, options.operands(), options.value('t', null), options.has('T'));
        OutputStream out = ByteText.stdout(process);
        Copier copier = new Copier(process, diagnostics, settings, out);
        for (String[] pair : targets.pairs()) {
            copier.copy(pair[0], pair[1]);
        }
        out.flush();
        return diagnostics.failed() ? 1 : 0;
    }
}
