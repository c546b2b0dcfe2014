package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.OutputStream;
import java.util.List;

/**
 * basename NAME [SUFFIX], basename -a [-s SUFFIX] [-z] NAME...: the last component of each
 * name, trailing slashes ignored, with SUFFIX removed when it is a proper suffix of it.
 */
final class BasenameCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("as:z", "multiple:a", "suffix:s", "zero:z");

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        List<String> operands = options.operands();
        if (operands.isEmpty()) {
            throw new UsageException("missing operand");
        }
        boolean multiple = options.has('a') || options.has('s');
        String suffix = options.value('s', null);
        if (!multiple) {
            if (operands.size() > 2) {
                throw new UsageException("extra operand " + Diagnostics.quote(operands.get(2)));
            }
            suffix = operands.size() == 2 ? operands.get(1) : null;
            operands = operands.subList(0, 1);
        }
        OutputStream out = ByteText.stdout(process);
        char end = options.has('z') ? '\0' : '\n';
        for (String name : operands) {
            ByteText.writeUtf8(out, strip(name.isEmpty() ? "" : FileOps.baseName(name), suffix) + end);
        }
        out.flush();
        return 0;
    }

    private static String strip(String base, String suffix) {
        if (suffix != null && !suffix.isEmpty() && base.length() > suffix.length() && base.endsWith(suffix)) {
            return base.substring(0, base.length() - suffix.length());
        }
        return base;
    }
}
