package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * nice [-n ADJUSTMENT] [COMMAND [ARG]...]: runs COMMAND "with an adjusted niceness". The kernel
 * schedules every process alike and has no priorities, so the adjustment is checked and then
 * has no effect; without a command nice prints the niceness, always 0. Exits with the command's
 * status, 125 for its own errors, 126/127 when the command cannot run or does not exist.
 */
final class NiceCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("n:", "adjustment:n").stopAtFirstOperand();

    @Override
    public int run(ProcessApi process) throws Exception {
        List<String> args = new ArrayList<>(process.args());
        if (!args.isEmpty() && args.get(0).matches("-[-+]?[0-9]+")) {
            // the old form: nice -5 cmd, nice --5 cmd
            String adjustment = args.remove(0).substring(1);
            args.add(0, "-n");
            args.add(1, adjustment);
        }
        Options options = PARSER.parse(args);
        String adjustment = options.value('n', null);
        if (adjustment != null && !adjustment.strip().matches("[-+]?[0-9]+")) {
            throw UsageException.withoutHint("invalid adjustment " + Diagnostics.quote(adjustment));
        }
        List<String> command = options.operands();
        if (command.isEmpty()) {
            if (adjustment != null) {
                throw new UsageException("a command must be given with an adjustment");
            }
            OutputStream out = ByteText.stdout(process);
            out.write("0\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            return 0;
        }
        Diagnostics diagnostics = new Diagnostics(process, "nice");
        int pid;
        try {
            pid = Children.start(process, command);
        } catch (KernelException e) {
            return Children.reportStartFailure(diagnostics, command.get(0), e);
        }
        return Children.await(process, pid);
    }
}
