package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The text-processing commands: sed, awk, expr, diff, cmp, jq, egrep and fgrep. Each is registered
 * behind a {@link CommandGuard} like the other coreutils; libraries they use are loaded only when
 * the command runs.
 */
final class TextProcessingCommands {
    private TextProcessingCommands() {}

    /** Adds the commands to {@code commands}, which must already hold grep (egrep and fgrep run it). */
    static void addTo(Map<String, Program> commands) {
        commands.put("sed", new CommandGuard("sed", "[OPTION]... {script-only-if-no-other-script} [input-file]...", 1,
                SedCommand::new));
        commands.put("awk", new CommandGuard("awk", "[-F fs] [-v var=value] [-f progfile | 'prog'] [file ...]", 2,
                AwkCommand::new));
        // a lambda, not JqCommand::new: nothing of jq is loaded until jq runs
        commands.put("jq", new CommandGuard("jq", "[OPTIONS] FILTER [FILES...]", 2, () -> new JqCommand()));
        commands.put("diff", new CommandGuard("diff", "[OPTION]... FILES", 2, DiffCommand::new)
                .withWriteErrorReport(CommandGuard.STANDARD_OUTPUT_ERROR));
        commands.put("cmp", new CommandGuard("cmp", "[OPTION]... FILE1 [FILE2 [SKIP1 [SKIP2]]]", 2, CmpCommand::new)
                .withWriteErrorReport(CommandGuard.STANDARD_OUTPUT_ERROR));
        commands.put("expr", new CommandGuard("expr", "EXPRESSION\n  or:  expr OPTION", 2, ExprCommand::new));
        Program grep = commands.get("grep");
        if (grep != null) {
            commands.put("egrep", withFirstArgument(grep, "-E"));
            commands.put("fgrep", withFirstArgument(grep, "-F"));
        }
    }

    /**
     * {@code program} run with {@code first} before its arguments, as Debian's egrep script runs
     * {@code exec grep -E "$@"}: same process, and grep's own name in messages.
     */
    private static Program withFirstArgument(Program program, String first) {
        return process -> {
            List<String> args = new ArrayList<>(process.args().size() + 1);
            args.add(first);
            args.addAll(process.args());
            List<String> fixed = List.copyOf(args);
            InvocationHandler handler = (proxy, method, arguments) -> {
                if (method.getName().equals("args") && method.getParameterCount() == 0) {
                    return fixed;
                }
                try {
                    return method.invoke(process, arguments);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            ProcessApi shifted = (ProcessApi) Proxy.newProxyInstance(ProcessApi.class.getClassLoader(),
                    new Class<?>[] {ProcessApi.class}, handler);
            return program.run(shifted);
        };
    }
}
