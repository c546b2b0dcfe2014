package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * tee [-a] [FILE]...: copies standard input to standard output and to each file ({@code -a}
 * appends). An output that fails ({@code "tee: /dev/full: No space left on device"}) is reported
 * and dropped, the others go on; the status is then 1.
 */
final class TeeCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("aip",
            "append:a", "ignore-interrupts:i", "output-error?:p");

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        Diagnostics diagnostics = new Diagnostics(process, "tee");
        List<OutputStream> outputs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        outputs.add(ByteText.stdout(process));
        names.add("standard output");
        for (String name : options.operands()) {
            try {
                outputs.add(BufferedOutput.open(process, name, options.has('a')));
                names.add(name);
            } catch (KernelException e) {
                diagnostics.fileError(name, e);
            }
        }
        byte[] buffer = new byte[1 << 16];
        InputStream in = process.stdin();
        int n;
        while ((n = in.read(buffer)) > 0) {
            for (int i = 0; i < outputs.size(); i++) {
                OutputStream output = outputs.get(i);
                if (output == null) {
                    continue;
                }
                try {
                    output.write(buffer, 0, n);
                    output.flush();
                } catch (WriteError e) {
                    diagnostics.fileError(names.get(i), e.failure());
                    outputs.set(i, null);
                }
            }
        }
        for (int i = 1; i < outputs.size(); i++) {
            if (outputs.get(i) != null) {
                try {
                    outputs.get(i).close();
                } catch (WriteError e) {
                    diagnostics.fileError(names.get(i), e.failure());
                }
            }
        }
        return diagnostics.failed() ? 1 : 0;
    }
}
