package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.OutputStream;

/** pwd [-LP]: prints the working directory. */
final class PwdCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("LP", "logical:L", "physical:P");

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        if (!options.operands().isEmpty()) {
            new Diagnostics(process, "pwd").error("ignoring non-option arguments");
        }
        OutputStream out = ByteText.stdout(process);
        ByteText.writeUtf8(out, process.cwd() + "\n");
        out.flush();
        return 0;
    }
}
