package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.OutputStream;
import java.util.Map;

/**
 * printenv [-0] [VARIABLE]...: the whole environment as NAME=VALUE lines, or the values of the
 * named variables; exits 1 when one is not set (2 for usage errors).
 */
final class PrintenvCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("0", "null:0").stopAtFirstOperand();

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        char end = options.has('0') ? '\0' : '\n';
        OutputStream out = ByteText.stdout(process);
        Map<String, String> env = process.env();
        int status = 0;
        if (options.operands().isEmpty()) {
            for (Map.Entry<String, String> variable : env.entrySet()) {
                ByteText.writeUtf8(out, variable.getKey() + "=" + variable.getValue() + end);
            }
        } else {
            for (String name : options.operands()) {
                String value = name.contains("=") ? null : env.get(name);
                if (value == null) {
                    status = 1;
                } else {
                    ByteText.writeUtf8(out, value + end);
                }
            }
        }
        out.flush();
        return status;
    }
}
