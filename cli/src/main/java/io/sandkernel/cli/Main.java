package io.sandkernel.cli;

import io.sandkernel.KernelException;
import io.sandkernel.driver.host.HostDriver;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.userland.Sandkernel;
import io.sandkernel.kernel.KernelProcess;
import io.sandkernel.kernel.SpawnOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code sandkernel} command: a shell on a fresh in-memory kernel.
 *
 * <pre>
 * sandkernel                          interactive shell (line editing, history, job control)
 * sandkernel -c 'script' [name args]  runs a script, exits with its status
 * sandkernel FILE [args]              runs a script file of the host
 * sandkernel --demo                   the process-table demo
 * </pre>
 */
@Command(name = "sandkernel", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Runs a POSIX shell on a fresh Sandkernel: a userspace process kernel with its own "
            + "processes, signals, pipes, users and an in-memory filesystem. Without a script, opens an interactive "
            + "shell with line editing, history and job control (^C, ^Z, jobs, fg, bg).%n",
        footer = {"", "Exit status: the script's or the shell's; 2 for a usage error.",
            "Examples:", "  sandkernel", "  sandkernel -c 'yes | head -n 3'", "  sandkernel --allow-host git -c 'git --version'",
            "  sandkernel --mount ./project -c 'ls /'", "  sandkernel --mount ./bin:/usr/local/bin:ro -c 'hello'"})
public final class Main implements Callable<Integer> {
    /** The largest script file passed to {@code sh -c} as an argument; a larger one is copied to the kernel's /tmp. */
    private static final int INLINE_SCRIPT = 64 * 1024;
    @Option(names = "-c", paramLabel = "SCRIPT", description = "Run SCRIPT (as sh -c) and exit with its status; "
            + "the operands become $0, $1, ...")
    String command;

    @Option(names = "--allow-host", paramLabel = "CMD", description = "Let programs run the host executable CMD "
            + "(looked up on the host PATH) as a kernel command. Repeatable. The program runs on the host, confined "
            + "by bubblewrap (or unshare): no network, no host processes, the system directories read-only, of the "
            + "host's files only the --mount directories.")
    List<String> allowHost = new ArrayList<>();

    @Option(names = "--allow-host-unconfined", description = "Where neither bubblewrap nor unshare can confine "
            + "host programs, run them unconfined, with all the rights of this user (refused otherwise).")
    boolean allowHostUnconfined;

    @Option(names = "--mount", paramLabel = "DIR[:GUESTDIR[:ro]]", description = "DIR alone: use the host "
            + "directory DIR as the kernel's filesystem root (read-write) instead of a fresh in-memory filesystem. "
            + "DIR:GUESTDIR: mount DIR at GUESTDIR of the kernel (created when missing), read-only with :ro, "
            + "e.g. a directory of .wasm programs at /usr/local/bin. Repeatable.")
    List<String> mounts = new ArrayList<>();

    @Option(names = "--demo", description = "Run the process-table demo instead of a shell.")
    boolean demo;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "A script file of the host to run, then its "
            + "arguments (with -c: $0 and the arguments).")
    List<String> operands = new ArrayList<>();

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    Main(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs the command with the given streams; returns the exit status. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        Main simple = simpleArguments(args, in, out, err);
        if (simple != null) {
            // the usual command lines are read here: picocli's model (some 170 classes and their
            // reflection) costs a good part of start-up, and is built only for the others
            try {
                return simple.call();
            } catch (Exception e) {
                err.println("sandkernel: " + e);
                return 1;
            }
        }
        CommandLine commandLine = new CommandLine(new Main(in, out, err));
        commandLine.setStopAtPositional(true);
        commandLine.setOut(new java.io.PrintWriter(out, true));
        commandLine.setErr(new java.io.PrintWriter(err, true));
        return commandLine.execute(args);
    }

    /**
     * The command line read without picocli when it uses only {@code -c SCRIPT}, {@code --allow-host
     * CMD}, {@code --allow-host-unconfined}, {@code --mount SPEC}, {@code --demo} and operands (as picocli reads them: options
     * stop at the first operand, {@code --} ends them); null for anything else ({@code --help},
     * {@code -V}, an unknown or malformed option), which picocli then reads and answers.
     */
    static Main simpleArguments(String[] args, InputStream in, PrintStream out, PrintStream err) {
        Main main = new Main(in, out, err);
        int i = 0;
        for (; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                i++;
                break;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                break;
            }
            String value = null;
            String name = arg;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else if (arg.startsWith("-c") && arg.length() > 2) {
                name = "-c";
                value = arg.charAt(2) == '=' ? arg.substring(3) : arg.substring(2);
            }
            switch (name) {
                case "--demo", "--allow-host-unconfined" -> {
                    if (value != null) {
                        return null;
                    }
                    if (name.equals("--demo")) {
                        main.demo = true;
                    } else {
                        main.allowHostUnconfined = true;
                    }
                }
                case "-c", "--allow-host", "--mount" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            return null;
                        }
                        value = args[++i];
                    }
                    if (name.equals("-c")) {
                        if (main.command != null) {
                            return null;
                        }
                        main.command = value;
                    } else if (name.equals("--mount")) {
                        main.mounts.add(value);
                    } else {
                        main.allowHost.add(value);
                    }
                }
                default -> {
                    return null;
                }
            }
        }
        for (; i < args.length; i++) {
            main.operands.add(args[i]);
        }
        return main;
    }

    @Override
    public Integer call() throws Exception {
        if (demo) {
            new ProcessTreeDemo(out).run();
            return 0;
        }
        try (Kernel kernel = buildKernel()) {
            if (command != null) {
                List<String> args = new ArrayList<>(List.of("-c", command));
                args.addAll(operands);
                return runShell(kernel, args);
            }
            if (!operands.isEmpty()) {
                Path file = Path.of(operands.get(0));
                String script;
                try {
                    script = Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    err.println("sandkernel: cannot read " + file + ": " + e.getMessage());
                    return 127;
                }
                List<String> args = new ArrayList<>();
                byte[] bytes = script.getBytes(StandardCharsets.UTF_8);
                if (bytes.length <= INLINE_SCRIPT) {
                    args.addAll(List.of("-c", script));
                    args.addAll(operands);
                } else {
                    // past what an argument may hold (Linux: 128 KiB a string): the shell reads a copy in the kernel
                    String copy = "/tmp/" + file.getFileName();
                    kernel.writeFile(copy, bytes);
                    args.add(copy);
                    args.addAll(operands.subList(1, operands.size()));
                }
                return runShell(kernel, args);
            }
            if (System.console() != null && in == System.in && InteractiveShell.hostIsTerminal()) {
                return new InteractiveShell(kernel).run();
            }
            return runShell(kernel, List.of("-s"));
        } catch (KernelException e) {
            err.println("sandkernel: " + e.getMessage());
            return 126;
        }
    }

    private Kernel buildKernel() {
        Kernel.Builder builder = Sandkernel.builder();
        for (String spec : mounts) {
            String[] parts = spec.split(":", -1);
            boolean readOnly = parts.length == 3 && parts[2].equals("ro");
            if (parts.length > 3 || (parts.length == 3 && !readOnly) || parts[0].isEmpty()
                    || (parts.length > 1 && !parts[1].startsWith("/"))) {
                throw new KernelException(io.sandkernel.Errno.EINVAL, "--mount " + spec
                        + ": expected DIR, or DIR:GUESTDIR with an absolute GUESTDIR, optionally :ro");
            }
            Path directory = Path.of(parts[0]);
            if (!Files.isDirectory(directory)) {
                throw new KernelException(io.sandkernel.Errno.ENOTDIR, "--mount " + directory + ": not a directory");
            }
            directory = directory.toAbsolutePath().normalize();
            if (parts.length == 1) {
                // a host program cannot have the kernel's root as its own: it sees the system's
                builder.hostDirectory(directory).grantHostAccess();
            } else {
                // host programs see it at the same path: the kernel tells its drivers its mounts
                builder.mount(parts[1], directory, readOnly).grantHostAccess();
            }
        }
        if (!allowHost.isEmpty()) {
            HostDriver.Builder host = HostDriver.builder().allow(allowHost.toArray(String[]::new));
            if (allowHostUnconfined) {
                host.allowUnconfined();
            }
            builder.driver(host.build());
        }
        return builder.build();
    }

    /** Runs {@code sh args} on the host's standard streams. */
    private int runShell(Kernel kernel, List<String> args) throws InterruptedException {
        SpawnOptions options = SpawnOptions.defaults().withInput(in).withOutput(out, err);
        KernelProcess shell = kernel.spawn("sh", args, options);
        int status = shell.waitFor();
        out.flush();
        err.flush();
        return status;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"sandkernel " + (version == null ? "0.1.0-SNAPSHOT" : version),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
