package io.sandkernel.userland.kernel;

import io.sandkernel.userland.Sandkernel;

import io.sandkernel.api.Redirect;
import io.sandkernel.api.SpawnRequest;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.kernel.KernelLimits;

import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.driver.jvm.JvmDriver;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/** Small JVM programs for the kernel tests, independent of the coreutils. */
final class TestPrograms {
    /** Counters the programs advance, by name (the first argument of {@code count}/{@code countlines}). */
    static final Map<String, AtomicLong> COUNTERS = new ConcurrentHashMap<>();

    private TestPrograms() {}

    static AtomicLong counter(String name) {
        return COUNTERS.computeIfAbsent(name, n -> new AtomicLong());
    }

    static Map<String, Program> commands() {
        return Map.ofEntries(
                Map.entry("t-echo", p -> {
                    p.stdout().println(String.join(" ", p.args()));
                    return 0;
                }),
                Map.entry("t-true", p -> 0),
                Map.entry("t-exit", p -> Integer.parseInt(p.args().get(0))),
                Map.entry("t-cat", p -> {
                    p.stdin().transferTo(p.stdout());
                    return 0;
                }),
                Map.entry("t-yes", p -> {
                    while (true) {
                        p.stdout().println("y");
                    }
                }),
                Map.entry("t-head", p -> {
                    int lines = p.args().isEmpty() ? 10 : Integer.parseInt(p.args().get(0));
                    BufferedReader in = new BufferedReader(new InputStreamReader(p.stdin(), StandardCharsets.UTF_8));
                    String line;
                    for (int i = 0; i < lines && (line = in.readLine()) != null; i++) {
                        p.stdout().println(line);
                    }
                    return 0;
                }),
                Map.entry("t-sleep", p -> {
                    p.sleep(Duration.ofMillis(Long.parseLong(p.args().get(0))));
                    return 0;
                }),
                Map.entry("t-env", p -> {
                    p.stdout().println(p.env().get(p.args().get(0)));
                    return 0;
                }),
                Map.entry("t-pwd", p -> {
                    p.stdout().println(p.cwd());
                    return 0;
                }),
                Map.entry("t-count", p -> { // count NAME: advance a counter forever, one kernel call a step
                    AtomicLong counter = counter(p.args().get(0));
                    while (true) {
                        counter.incrementAndGet();
                        p.stdout().println(counter.get());
                    }
                }),
                Map.entry("t-countlines", p -> { // countlines NAME: count lines of stdin
                    AtomicLong counter = counter(p.args().get(0));
                    BufferedReader in = new BufferedReader(new InputStreamReader(p.stdin(), StandardCharsets.UTF_8));
                    while (in.readLine() != null) {
                        counter.incrementAndGet();
                    }
                    return 0;
                }),
                Map.entry("t-kill", p -> { // kill PID SIG: print OK or the errno
                    try {
                        p.kill(Integer.parseInt(p.args().get(0)), Integer.parseInt(p.args().get(1)));
                        p.stdout().println("OK");
                    } catch (KernelException e) {
                        p.stdout().println(e.errno());
                    }
                    return 0;
                }),
                Map.entry("t-bomb", p -> { // spawns copies of itself forever
                    while (true) {
                        try {
                            p.spawn(new SpawnRequest(List.of("t-bomb"), p.env(), p.cwd(), Redirect.inherit(),
                                    Redirect.inherit(), Redirect.inherit(), -1, false));
                        } catch (KernelException e) {
                            counter("bomb-" + e.errno()).incrementAndGet();
                            p.sleep(Duration.ofMillis(5));
                        }
                    }
                }),
                Map.entry("t-script", p -> SCRIPTS.get(p.args().get(0)).run(p)));
    }

    /** Programs registered by a test under a name, run by {@code t-script NAME}. */
    static final Map<String, Program> SCRIPTS = new ConcurrentHashMap<>();

    /** A kernel with the test programs on top of the default commands. */
    static Kernel kernel() {
        return Kernel.builder().driver(Sandkernel.jvmDriver(commands())).build();
    }

    static Kernel kernel(KernelLimits limits) {
        return Kernel.builder().limits(limits).driver(Sandkernel.jvmDriver(commands())).build();
    }

    /** Polls {@code condition} until it holds or {@code timeout} passes. */
    static boolean eventually(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    static String readLine(InputStream in) throws java.io.IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            line.append((char) c);
        }
        return line.toString();
    }

    static void write(OutputStream out, String text) throws java.io.IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
