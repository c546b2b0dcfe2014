package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.Redirect;
import io.sandkernel.api.SpawnRequest;
import io.sandkernel.process.WaitEvent;
import io.sandkernel.process.WaitResult;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * env [-i0] [-u NAME]... [-C DIR] [NAME=VALUE]... [COMMAND [ARG]...]: prints the environment, or
 * runs COMMAND as a child process with the modified environment and exits with its status
 * (127 when it does not exist, 126 when it cannot run, 125 for env's own errors).
 */
final class EnvCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("iu:0C:",
            "ignore-environment:i", "unset:u", "null:0", "chdir:C").stopAtFirstOperand();

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        List<String> operands = new ArrayList<>(options.operands());
        boolean ignore = options.has('i');
        if (!operands.isEmpty() && operands.get(0).equals("-")) {
            ignore = true;
            operands.remove(0);
        }
        Map<String, String> env = ignore ? new LinkedHashMap<>() : new LinkedHashMap<>(process.env());
        for (String name : options.values('u')) {
            if (name.isEmpty() || name.contains("=")) {
                throw UsageException.withoutHint("cannot unset " + Diagnostics.quote(name) + ": Invalid argument");
            }
            env.remove(name);
        }
        while (!operands.isEmpty() && operands.get(0).indexOf('=') > 0) {
            String assignment = operands.remove(0);
            int equals = assignment.indexOf('=');
            env.put(assignment.substring(0, equals), assignment.substring(equals + 1));
        }
        Diagnostics diagnostics = new Diagnostics(process, "env");
        if (operands.isEmpty()) {
            if (options.has('C')) {
                throw new UsageException("must specify command with --chdir (-C)");
            }
            OutputStream out = ByteText.stdout(process);
            char end = options.has('0') ? '\0' : '\n';
            for (Map.Entry<String, String> variable : env.entrySet()) {
                ByteText.writeUtf8(out, variable.getKey() + "=" + variable.getValue() + end);
            }
            out.flush();
            return 0;
        }
        if (options.has('0')) {
            throw new UsageException("cannot specify --null (-0) with command");
        }
        String cwd = process.cwd();
        if (options.has('C')) {
            String directory = options.value('C', "");
            try {
                process.chdir(directory); // the child starts there; env itself ends right after it
                cwd = process.cwd();
            } catch (KernelException e) {
                diagnostics.error("cannot change directory to " + Diagnostics.quote(directory) + ": "
                        + Diagnostics.describe(e));
                return 125;
            }
        }
        int pid;
        try {
            pid = process.spawn(new SpawnRequest(operands, env, cwd, Redirect.inherit(), Redirect.inherit(),
                    Redirect.inherit(), -1, false));
        } catch (KernelException e) {
            diagnostics.error(Diagnostics.quote(operands.get(0)) + ": " + Diagnostics.describe(e));
            return e.errno() == Errno.ENOENT ? 127 : 126;
        }
        while (true) {
            Optional<WaitResult> result;
            try {
                result = process.waitpid(pid);
            } catch (KernelException e) {
                if (e.errno() == Errno.EINTR) {
                    continue;
                }
                throw e;
            }
            if (result.isPresent() && result.get().event() == WaitEvent.EXITED) {
                return result.get().status();
            }
        }
    }
}
