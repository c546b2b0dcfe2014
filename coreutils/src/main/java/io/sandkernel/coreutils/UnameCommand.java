package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * uname [-asnrvmpio]: the sandbox's identity ({@link SystemInfo}): kernel name, host name (the
 * kernel's), release, version, machine, processor and platform ("unknown", which {@code -a}
 * leaves out, as GNU does on Linux) and operating system.
 */
final class UnameCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("asnrvmpio",
            "all:a", "kernel-name:s", "nodename:n", "kernel-release:r", "kernel-version:v", "machine:m",
            "processor:p", "hardware-platform:i", "operating-system:o");

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        if (!options.operands().isEmpty()) {
            throw new UsageException("extra operand " + Diagnostics.quote(options.operands().get(0)));
        }
        boolean all = options.has('a');
        boolean none = options.given().isEmpty();
        List<String> fields = new ArrayList<>();
        if (all || none || options.has('s')) {
            fields.add(SystemInfo.KERNEL_NAME);
        }
        if (all || options.has('n')) {
            fields.add(SystemInfo.hostname(process));
        }
        if (all || options.has('r')) {
            fields.add(SystemInfo.KERNEL_RELEASE);
        }
        if (all || options.has('v')) {
            fields.add(SystemInfo.KERNEL_VERSION);
        }
        if (all || options.has('m')) {
            fields.add(SystemInfo.machine());
        }
        if (options.has('p')) {
            fields.add("unknown");
        }
        if (options.has('i')) {
            fields.add("unknown");
        }
        if (all || options.has('o')) {
            fields.add(SystemInfo.OPERATING_SYSTEM);
        }
        OutputStream out = ByteText.stdout(process);
        ByteText.writeUtf8(out, String.join(" ", fields) + "\n");
        out.flush();
        return 0;
    }
}
