package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.OutputStream;
import java.util.List;

/**
 * yes [STRING]...: repeats a line ("y" by default) until standard output fails. A closed pipe
 * raises SIGPIPE in the kernel, which ends the process; with SIGPIPE ignored, or on a full
 * device, the write fails and yes reports it ({@code "yes: standard output: Broken pipe"}) with
 * status 1, as GNU's does.
 */
final class YesCommand implements Program {
    @Override
    public int run(ProcessApi process) throws Exception {
        List<String> operands = new Options.Parser("").parse(process.args()).operands();
        String line = operands.isEmpty() ? "y\n" : String.join(" ", operands.stream().map(ByteText::fromArg).toList()) + "\n";
        byte[] chunk = ByteText.bytes(line.repeat(Math.max(1, 8192 / line.length())));
        OutputStream out = ByteText.stdout(process);
        while (true) {
            out.write(chunk);
            out.flush(); // a failed write raises WriteError, which the guard reports
        }
    }
}
