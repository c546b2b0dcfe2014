package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Runs one command and turns the failures every command shares into GNU behaviour: usage errors
 * become {@code "cmd: message"} plus {@code "Try 'cmd --help' for more information."} with the
 * command's usage status, {@code --help}/{@code --version} print to standard output, and an
 * unhandled kernel or I/O failure becomes {@code "cmd: reason"}. Each run gets a fresh command
 * object, so commands may keep per-run state.
 */
final class CommandGuard implements Program {
    private final String name;
    private final String synopsis;
    private final int usageStatus;
    private final Supplier<? extends Program> body;
    private final boolean usageLineOnError;

    CommandGuard(String name, String synopsis, int usageStatus, Supplier<? extends Program> body) {
        this(name, synopsis, usageStatus, body, false);
    }

    private CommandGuard(String name, String synopsis, int usageStatus, Supplier<? extends Program> body,
                         boolean usageLineOnError) {
        this.name = name;
        this.synopsis = synopsis;
        this.usageStatus = usageStatus;
        this.body = body;
        this.usageLineOnError = usageLineOnError;
    }

    /** The same guard printing the {@code Usage:} line before the hint, as grep does. */
    CommandGuard withUsageLineOnError() {
        return new CommandGuard(name, synopsis, usageStatus, body, true);
    }

    @Override
    public int run(ProcessApi process) throws Exception {
        try {
            return body.get().run(process);
        } catch (UsageException e) {
            return switch (e.kind()) {
                case HELP -> print(process, "Usage: " + name + " " + synopsis + "\n");
                case VERSION -> print(process, name + " (Sandkernel coreutils) 0.1.0\n");
                case ERROR -> {
                    if (e.getMessage() != null) {
                        new Diagnostics(process, name).error(e.getMessage());
                    }
                    if (e.suggestHelp()) {
                        String usage = usageLineOnError ? "Usage: " + name + " " + synopsis + "\n" : "";
                        process.stderr().writeBytes((usage + "Try '" + name + " --help' for more information.\n")
                                .getBytes(StandardCharsets.UTF_8));
                    }
                    yield usageStatus;
                }
            };
        } catch (KernelException | IOException e) {
            new Diagnostics(process, name).error(Diagnostics.describe(e));
            return usageStatus;
        }
    }

    private static int print(ProcessApi process, String text) {
        process.stdout().writeBytes(text.getBytes(StandardCharsets.UTF_8));
        process.stdout().flush();
        return 0;
    }

    /** The command's name. */
    String name() {
        return name;
    }
}
