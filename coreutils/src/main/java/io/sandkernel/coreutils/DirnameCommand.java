package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.OutputStream;

/**
 * dirname [-z] NAME...: each name with its last component removed ({@code "."} when it has no
 * slash, {@code "/"} for the root), one per line or NUL-terminated with {@code -z}. Pure string
 * work: the names need not exist.
 */
final class DirnameCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("z", "zero:z");

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        if (options.operands().isEmpty()) {
            throw new UsageException("missing operand");
        }
        OutputStream out = ByteText.stdout(process);
        char end = options.has('z') ? '\0' : '\n';
        for (String name : options.operands()) {
            ByteText.writeUtf8(out, FileOps.parent(name) + end);
        }
        out.flush();
        return 0;
    }
}
