package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/** printf FORMAT [ARGUMENT]...: C-style formatting, the format reused while arguments remain. */
final class PrintfCommand implements Program {
    @Override
    public int run(ProcessApi process) throws Exception {
        List<String> args = new ArrayList<>(process.args());
        if (args.size() == 1 && args.get(0).equals("--help")) {
            throw UsageException.help();
        }
        if (args.size() == 1 && args.get(0).equals("--version")) {
            throw UsageException.version();
        }
        if (!args.isEmpty() && args.get(0).equals("--")) {
            args.remove(0);
        }
        if (args.isEmpty()) {
            throw new UsageException("missing operand");
        }
        Diagnostics diagnostics = new Diagnostics(process, "printf");
        List<String> bytes = args.stream().map(ByteText::fromArg).toList();
        StringBuilder text = new StringBuilder();
        OutputStream out = ByteText.stdout(process);
        try {
            new PrintfFormatter(diagnostics, Locales.isUtf8(process)).charging(process).formatAll(bytes.get(0), bytes.subList(1, bytes.size()), text);
        } finally {
            ByteText.write(out, text.toString());
            out.flush();
        }
        return diagnostics.failed() ? 1 : 0;
    }
}
