package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.OutputStream;

/**
 * hostname [-s|-f|-A|-d|-i|-I]: the kernel's host name ({@link SystemInfo#hostname}), its short
 * form, domain (none) or address (loopback). The kernel has no sethostname, so setting a name
 * fails as an unprivileged user's attempt does on Linux.
 */
final class HostnameCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("aAbdfF:iIsy",
            "alias:a", "all-fqdns:A", "boot:b", "domain:d", "fqdn:f", "long:f", "file:F", "ip-address:i",
            "all-ip-addresses:I", "short:s", "yp:y", "nis:y");

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        if (!options.operands().isEmpty() || options.has('F')) {
            new Diagnostics(process, "hostname").error("you must be root to change the host name");
            return 1;
        }
        String name = SystemInfo.hostname(process);
        int dot = name.indexOf('.');
        String line = switch (options.last("AdfisIay", 'n')) {
            case 's' -> dot < 0 ? name : name.substring(0, dot);
            case 'd' -> dot < 0 ? "" : name.substring(dot + 1);
            case 'i' -> "127.0.1.1";
            case 'I' -> "127.0.1.1 ";
            case 'a', 'y' -> "";
            default -> name;
        };
        OutputStream out = ByteText.stdout(process);
        ByteText.writeUtf8(out, line + "\n");
        out.flush();
        return 0;
    }
}
