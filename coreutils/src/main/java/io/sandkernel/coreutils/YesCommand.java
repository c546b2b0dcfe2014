package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * yes [STRING]...: repeats a line ("y" by default) until standard output fails. A closed pipe
 * raises SIGPIPE in the kernel, which ends the process; with SIGPIPE ignored the write fails and
 * yes stops quietly.
 */
final class YesCommand implements Program {
    @Override
    public int run(ProcessApi process) throws Exception {
        List<String> operands = new Options.Parser("").parse(process.args()).operands();
        String line = operands.isEmpty() ? "y\n" : String.join(" ", operands.stream().map(ByteText::fromArg).toList()) + "\n";
        byte[] chunk = ByteText.bytes(line.repeat(Math.max(1, 8192 / line.length())));
        OutputStream out = process.stdout();
        while (true) {
            try {
                out.write(chunk);
                out.flush();
            } catch (IOException e) {
                return 0;
            }
            if (process.stdout().checkError()) {
                return 0;
            }
        }
    }
}
