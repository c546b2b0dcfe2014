package io.sandkernel.coreutils;

import static org.assertj.core.api.Assertions.fail;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.Redirect;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.Stat;
import io.sandkernel.driver.jvm.JvmDriver;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.kernel.KernelLimits;
import io.sandkernel.kernel.KernelProcess;
import io.sandkernel.kernel.SpawnOptions;
import io.sandkernel.process.Signals;
import io.sandkernel.user.ProcessIdentity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * The coreutils on a real kernel, for tests: {@code Kernel.builder()} with a JVM driver offering
 * {@link Coreutils#commands()} and {@code t-call}, a program that runs a test's lambda as a
 * process, so that fixtures are made through the same system calls (and permission checks) the
 * commands use. Runs happen in a fresh working directory {@code /home/user/work} as the guest
 * user (uid 1000) unless told otherwise, with {@code LC_ALL=C} and {@code TZ=UTC}. Every wait is
 * bounded.
 */
final class Sandbox implements AutoCloseable {
    /** How long one run or call may take. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** What a run produced: the exit status and the raw bytes of standard output and error. */
    record Result(int status, byte[] outBytes, byte[] errBytes) {
        /** Standard output decoded as UTF-8. */
        String out() {
            return new String(outBytes, StandardCharsets.UTF_8);
        }

        /** Standard error decoded as UTF-8. */
        String err() {
            return new String(errBytes, StandardCharsets.UTF_8);
        }
    }

    /** A piece of test code run as a kernel process. */
    @FunctionalInterface
    interface Call<T> {
        T apply(ProcessApi process) throws Exception;
    }

    private static final String WORK = "/home/user/work";
    private static final AtomicLong CALL_IDS = new AtomicLong();

    private final Map<String, Call<?>> pendingCalls = new ConcurrentHashMap<>();
    private final Map<String, Object> callResults = new ConcurrentHashMap<>();
    private final Kernel kernel;
    private final Map<String, String> env = new LinkedHashMap<>();
    private ProcessIdentity identity = ProcessIdentity.defaults();
    private String cwd = "/";

    private Sandbox(UnaryOperator<Kernel.Builder> configuration) {
        Map<String, Program> programs = new LinkedHashMap<>(Coreutils.commands());
        programs.put("t-call", this::runCall);
        this.kernel = configuration.apply(Kernel.builder()).driver(new JvmDriver(programs)).build();
        env.put("LC_ALL", "C");
        env.put("TZ", "UTC");
        call(p -> {
            p.mkdir(WORK, 0755);
            return null;
        });
        cwd = WORK;
    }

    /** A fresh kernel with an empty working directory. */
    static Sandbox create() {
        return new Sandbox(UnaryOperator.identity());
    }

    /** A fresh kernel with {@code limits}. */
    static Sandbox create(KernelLimits limits) {
        return new Sandbox(builder -> builder.limits(limits));
    }

    /** A fresh kernel built with what {@code configuration} adds (mounts, say). */
    static Sandbox create(UnaryOperator<Kernel.Builder> configuration) {
        return new Sandbox(configuration);
    }

    /** The kernel, for what the helpers do not cover. */
    Kernel kernel() {
        return kernel;
    }

    /** Runs the following runs and calls with {@code identity}. */
    Sandbox identity(ProcessIdentity identity) {
        this.identity = identity;
        return this;
    }

    /** Runs the following runs and calls in {@code directory}. */
    Sandbox cwdTo(String directory) {
        this.cwd = directory;
        return this;
    }

    /** Sets an environment variable for the following runs. */
    Sandbox env(String name, String value) {
        env.put(name, value);
        return this;
    }

    // ------------------------------------------------------------------ runs

    /** Runs {@code argv} (command name first) with no input. */
    Result run(String... argv) {
        return runWithInput(new byte[0], argv);
    }

    /** Runs {@code argv} with {@code input} on standard input. */
    Result runWithInput(String input, String... argv) {
        return runWithInput(input.getBytes(StandardCharsets.UTF_8), argv);
    }

    /** Runs {@code argv} with {@code input} on standard input. */
    Result runWithInput(byte[] input, String... argv) {
        return run(input, new Redirect.Pipe(), argv);
    }

    /** Runs {@code argv} with standard output going to the kernel file {@code path} (/dev/full, say). */
    Result runWithOutputTo(String path, String... argv) {
        return runWithInputAndOutputTo("", path, argv);
    }

    /** Runs {@code argv} with {@code input} and standard output going to the kernel file {@code path}. */
    Result runWithInputAndOutputTo(String input, String path, String... argv) {
        return run(input.getBytes(StandardCharsets.UTF_8), new Redirect.File(path, false), argv);
    }

    /** Starts {@code argv} with pipes on all three streams, for tests that drive it themselves. */
    KernelProcess start(String... argv) {
        return kernel.spawn(argv[0], List.of(argv).subList(1, argv.length), options());
    }

    private SpawnOptions options() {
        return SpawnOptions.defaults().withCwd(cwd).withIdentity(identity).withEnv(env);
    }

    private Result run(byte[] input, Redirect stdout, String... argv) {
        SpawnOptions options = options().withRedirects(new Redirect.Pipe(), stdout, new Redirect.Pipe());
        KernelProcess process = kernel.spawn(argv[0], List.of(argv).subList(1, argv.length), options);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<Thread> threads = new ArrayList<>();
        if (stdout instanceof Redirect.Pipe) {
            threads.add(Thread.ofVirtual().start(() -> drain(process.stdout(), out)));
        }
        threads.add(Thread.ofVirtual().start(() -> drain(process.stderr(), err)));
        Thread feeder = Thread.ofVirtual().start(() -> feed(process.stdin(), input));
        try {
            OptionalInt status = process.waitFor(TIMEOUT);
            if (status.isEmpty()) {
                process.kill(Signals.SIGKILL);
                fail("%s did not finish within %s", argv, TIMEOUT);
            }
            for (Thread thread : threads) {
                if (!thread.join(TIMEOUT)) {
                    fail("the output of %s did not end within %s", argv, TIMEOUT);
                }
            }
            feeder.join(Duration.ofSeconds(1));
            synchronized (out) {
                synchronized (err) {
                    return new Result(status.getAsInt(), out.toByteArray(), err.toByteArray());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void drain(InputStream in, ByteArrayOutputStream sink) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                synchronized (sink) {
                    sink.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // the process is gone; what was read is kept
        }
    }

    private static void feed(OutputStream in, byte[] input) {
        try (in) {
            in.write(input);
        } catch (IOException e) {
            // the command did not read all of its input
        }
    }

    // ------------------------------------------------------------------ calls

    /** Runs {@code call} as a kernel process (with the current identity and directory) and returns its result. */
    @SuppressWarnings("unchecked")
    <T> T call(Call<T> call) {
        String id = Long.toString(CALL_IDS.incrementAndGet());
        pendingCalls.put(id, call);
        Result result = run(new byte[0], new Redirect.Pipe(), "t-call", id);
        Object value = callResults.remove(id);
        if (value instanceof Failure failure) {
            if (failure.cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure.cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failure.cause);
        }
        if (result.status() != 0) {
            fail("t-call ended with status %d: %s", result.status(), result.err());
        }
        return (T) value;
    }

    private record Failure(Throwable cause) {}

    private int runCall(ProcessApi process) {
        Call<?> call = pendingCalls.remove(process.args().get(0));
        try {
            Object value = call.apply(process);
            callResults.put(process.args().get(0), value == null ? NONE : value);
        } catch (Exception | AssertionError e) {
            callResults.put(process.args().get(0), new Failure(e));
        }
        return 0;
    }

    private static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "none";
        }
    };

    // ------------------------------------------------------------------ fixtures

    /** Writes a file (relative to the working directory), creating parent directories. */
    Sandbox file(String path, String content) {
        return file(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a file with raw bytes, creating parent directories. */
    Sandbox file(String path, byte[] content) {
        call(p -> {
            String parent = FileOps.parent(path);
            if (!parent.equals(".") && !FileOps.isDirectory(p, parent)) {
                makeDirectories(p, parent);
            }
            try (OutputStream out = p.openWrite(path, false)) {
                out.write(content);
            }
            return null;
        });
        return this;
    }

    /** Writes every file of {@code files} (path to content), in one process. */
    Sandbox files(Map<String, String> files) {
        call(p -> {
            for (Map.Entry<String, String> file : files.entrySet()) {
                String parent = FileOps.parent(file.getKey());
                if (!parent.equals(".") && !FileOps.isDirectory(p, parent)) {
                    makeDirectories(p, parent);
                }
                try (OutputStream out = p.openWrite(file.getKey(), false)) {
                    out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                }
            }
            return null;
        });
        return this;
    }

    private static void makeDirectories(ProcessApi process, String path) {
        String parent = FileOps.parent(path);
        if (!parent.equals(".") && !parent.equals("/") && !FileOps.isDirectory(process, parent)) {
            makeDirectories(process, parent);
        }
        process.mkdir(path, 0755);
    }

    /** Creates a directory (and its parents). */
    Sandbox directory(String path) {
        call(p -> {
            makeDirectories(p, path);
            return null;
        });
        return this;
    }

    /** The content of a file as UTF-8, or null when it does not exist. */
    String read(String path) {
        return call(p -> {
            if (FileOps.lstatOrNull(p, path) == null) {
                return null;
            }
            try (InputStream in = p.openRead(path)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        });
    }

    /** Whether {@code path} exists (a dangling link does). */
    boolean exists(String path) {
        return call(p -> FileOps.lstatOrNull(p, path) != null);
    }

    /** {@code lstat(path)}. */
    Stat lstat(String path) {
        return call(p -> p.lstat(path));
    }

    /** The permission bits (07777) of {@code path}. */
    int mode(String path) {
        return lstat(path).permissions();
    }

    /** {@code chmod(path, mode)}. */
    Sandbox chmod(String path, int mode) {
        call(p -> {
            p.chmod(path, mode);
            return null;
        });
        return this;
    }

    /** Sets the access and modification times of {@code path}. */
    Sandbox times(String path, Instant time) {
        long nanos = time.getEpochSecond() * 1_000_000_000L + time.getNano();
        call(p -> {
            p.utimensat(OpenFlags.AT_FDCWD, path, nanos, nanos, 0);
            return null;
        });
        return this;
    }

    /** {@code symlink(target, path)}. */
    Sandbox symlink(String target, String path) {
        call(p -> {
            p.symlink(target, path);
            return null;
        });
        return this;
    }

    @Override
    public void close() {
        kernel.close();
    }
}
