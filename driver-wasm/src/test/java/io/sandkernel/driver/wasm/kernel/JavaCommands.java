package io.sandkernel.driver.wasm.kernel;

import io.sandkernel.api.Program;
import io.sandkernel.api.Redirect;
import io.sandkernel.api.SpawnRequest;
import io.sandkernel.process.WaitResult;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The few Java commands the integration tests mix with wasm programs, written here on
 * {@link io.sandkernel.api.ProcessApi} so the tests do not depend on the coreutils:
 * {@code seq FIRST LAST}, {@code cat} (stdin), {@code lines} (counts stdin's lines),
 * {@code chmod OCTAL PATH}, {@code mkdir-p PATH} and {@code env-i NAME=VALUE... COMMAND ARGS...}
 * (runs a command with exactly that environment).
 */
final class JavaCommands {
    private JavaCommands() {}

    static Map<String, Program> all() {
        Map<String, Program> commands = new HashMap<>();
        commands.put("seq", p -> {
            long first = Long.parseLong(p.args().get(0));
            long last = Long.parseLong(p.args().get(1));
            StringBuilder out = new StringBuilder();
            for (long i = first; i <= last; i++) {
                out.append(i).append('\n');
            }
            p.stdout().print(out);
            p.stdout().flush();
            return 0;
        });
        commands.put("cat", p -> {
            p.stdin().transferTo(p.stdout());
            p.stdout().flush();
            return 0;
        });
        commands.put("lines", p -> {
            InputStream in = p.stdin();
            long lines = 0;
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
            p.stdout().println(lines);
            return 0;
        });
        commands.put("chmod", p -> {
            p.chmod(p.args().get(1), Integer.parseInt(p.args().get(0), 8));
            return 0;
        });
        commands.put("mkdir-p", p -> {
            StringBuilder path = new StringBuilder();
            for (String part : p.args().get(0).split("/")) {
                if (part.isEmpty()) {
                    continue;
                }
                path.append('/').append(part);
                try {
                    p.mkdir(path.toString(), 0755);
                } catch (io.sandkernel.KernelException e) {
                    if (e.errno() != io.sandkernel.Errno.EEXIST) {
                        throw e;
                    }
                }
            }
            return 0;
        });
        commands.put("env-i", p -> {
            Map<String, String> env = new HashMap<>();
            List<String> args = p.args();
            int i = 0;
            while (i < args.size() && args.get(i).contains("=")) {
                String assignment = args.get(i++);
                int eq = assignment.indexOf('=');
                env.put(assignment.substring(0, eq), assignment.substring(eq + 1));
            }
            int child = p.spawn(new SpawnRequest(args.subList(i, args.size()), env, p.cwd(), Redirect.inherit(),
                    Redirect.inherit(), Redirect.inherit(), -1, false));
            WaitResult result = p.waitpid(child).orElseThrow();
            return result.status();
        });
        return commands;
    }
}
