package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Runs one command and turns the failures every command shares into GNU behaviour: usage errors
 * become {@code "cmd: message"} plus {@code "Try 'cmd --help' for more information."} with the
 * command's usage status, {@code --help}/{@code --version} print to standard output, a failed
 * write to standard output becomes {@code "cmd: write error: reason"} (as GNU's
 * {@code close_stdout}) and an unhandled kernel or I/O failure {@code "cmd: reason"}, both with the
 * command's failure status (its usage status: 1 for most, 2 for ls, sort and grep, 125 for env).
 * Each run gets a fresh command object, so commands may keep per-run state.
 */
final class CommandGuard implements Program {
    /** How a command words a failed write to standard output. */
    @FunctionalInterface
    interface WriteErrorReport {
        void report(Diagnostics diagnostics, WriteError error);
    }

    /** GNU's close_stdout: {@code "cmd: write error: No space left on device"}. */
    static final WriteErrorReport WRITE_ERROR = (diagnostics, error) ->
            diagnostics.error("write error: " + Diagnostics.describe(error.failure()));

    /** As yes and tee word it: {@code "cmd: standard output: No space left on device"}. */
    static final WriteErrorReport STANDARD_OUTPUT_ERROR = (diagnostics, error) ->
            diagnostics.error("standard output: " + Diagnostics.describe(error.failure()));

    /** GNU's xalloc_die message. */
    static final String MEMORY_EXHAUSTED = "memory exhausted";

    private final String name;
    private final String synopsis;
    private final int usageStatus;
    private final Supplier<? extends Program> body;
    private final boolean usageLineOnError;
    private final WriteErrorReport writeErrorReport;

    CommandGuard(String name, String synopsis, int usageStatus, Supplier<? extends Program> body) {
        this(name, synopsis, usageStatus, body, false, WRITE_ERROR);
    }

    private CommandGuard(String name, String synopsis, int usageStatus, Supplier<? extends Program> body,
                         boolean usageLineOnError, WriteErrorReport writeErrorReport) {
        this.name = name;
        this.synopsis = synopsis;
        this.usageStatus = usageStatus;
        this.body = body;
        this.usageLineOnError = usageLineOnError;
        this.writeErrorReport = writeErrorReport;
    }

    /** The same guard printing the {@code Usage:} line before the hint, as grep does. */
    CommandGuard withUsageLineOnError() {
        return new CommandGuard(name, synopsis, usageStatus, body, true, writeErrorReport);
    }

    /** The same guard wording a failed write to standard output with {@code report}. */
    CommandGuard withWriteErrorReport(WriteErrorReport report) {
        return new CommandGuard(name, synopsis, usageStatus, body, usageLineOnError, report);
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
                        process.stderr().flush();
                    }
                    yield usageStatus;
                }
            };
        } catch (WriteError e) {
            writeErrorReport.report(new Diagnostics(process, name), e);
            return usageStatus;
        } catch (KernelException | IOException e) {
            // ENOMEM is a reservation the kernel refused: GNU's xalloc_die words a failed malloc so
            new Diagnostics(process, name).error(e instanceof KernelException k && k.errno() == Errno.ENOMEM
                    ? MEMORY_EXHAUSTED : Diagnostics.describe(e));
            return usageStatus;
        } catch (OutOfMemoryError e) {
            new Diagnostics(process, name).error(MEMORY_EXHAUSTED);
            return usageStatus;
        }
    }

    private int print(ProcessApi process, String text) {
        try {
            OutputStream out = ByteText.stdout(process);
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return 0;
        } catch (WriteError e) {
            writeErrorReport.report(new Diagnostics(process, name), e);
            return usageStatus;
        } catch (IOException e) {
            throw new IllegalStateException(e); // BufferedOutput throws no IOException
        }
    }

    /** The command's name. */
    String name() {
        return name;
    }
}
