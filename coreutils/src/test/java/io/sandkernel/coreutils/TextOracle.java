package io.sandkernel.coreutils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.Stream;

/**
 * Runs {@link TextCase}s on both sides, with {@link GnuDifferentialTest}'s machinery: the
 * reference program up front on a small pool, in a host directory holding the fixtures, and
 * Sandkernel on a fresh kernel per case with the same fixtures. Keeps per-command agreement
 * counts, which {@link #report} prints (the figures quoted for the suite).
 */
final class TextOracle implements AutoCloseable {
    private static final Map<String, AtomicIntegerArray> TALLY = new ConcurrentHashMap<>();

    private final Path hosts;
    private final Map<String, String> files;
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final Map<TextCase, CompletableFuture<GnuDifferentialTest.Gnu>> results = new ConcurrentHashMap<>();

    TextOracle(Path hosts, Map<String, String> files) {
        this.hosts = hosts;
        this.files = files;
    }

    /** Starts the reference side of every case whose program is installed. */
    TextOracle start(Stream<TextCase> cases) {
        cases.forEach(c -> {
            List<String> argv = c.oracleArgv();
            Path binary = GnuDifferentialTest.findBinary(argv.get(0));
            if (binary != null && (!c.fullDevice || java.nio.file.Files.isWritable(Path.of("/dev/full")))) {
                results.put(c, CompletableFuture.supplyAsync(
                        () -> GnuDifferentialTest.runGnu(hosts, files, binary, argv, c.inputBytes(), c.fullDevice,
                                c.utf8 ? "C.UTF-8" : "C"), pool));
            }
        });
        return this;
    }

    /** Runs {@code c} in Sandkernel and compares it with the reference, counting the outcome. */
    void check(TextCase c) throws Exception {
        CompletableFuture<GnuDifferentialTest.Gnu> pending = results.get(c);
        assumeTrue(pending != null, "no " + c.oracleArgv().get(0) + " on this machine");
        byte[] out;
        byte[] err;
        int status;
        try (Sandbox sandbox = Sandbox.create()) {
            sandbox.files(files);
            if (c.utf8) {
                sandbox.env("LC_ALL", "C.UTF-8");
            }
            List<byte[]> outs = new ArrayList<>();
            List<byte[]> errs = new ArrayList<>();
            Sandbox.Result result = null;
            for (int i = 0; i < c.steps.size(); i++) {
                String[] argv = c.steps.get(i).toArray(String[]::new);
                result = c.fullDevice ? sandbox.runWithOutputTo("/dev/full", argv)
                        : sandbox.runWithInput(i == 0 ? c.inputBytes() : new byte[0], argv);
                outs.add(result.outBytes());
                errs.add(result.errBytes());
            }
            out = concat(outs);
            err = concat(errs);
            status = result.status();
        }
        GnuDifferentialTest.Gnu gnu = pending.get(20, TimeUnit.SECONDS);
        String ourOut = new String(out, StandardCharsets.ISO_8859_1);
        String ourErr = new String(err, StandardCharsets.ISO_8859_1);
        boolean same = ourOut.equals(gnu.out()) && status == gnu.status()
                && (c.compare == TextCase.Compare.EXACT ? ourErr.equals(gnu.err())
                        : ourErr.isEmpty() == gnu.err().isEmpty());
        AtomicIntegerArray tally = TALLY.computeIfAbsent(c.command, k -> new AtomicIntegerArray(2));
        tally.incrementAndGet(1);
        if (same) {
            tally.incrementAndGet(0);
            return;
        }
        if (c.knownDifference != null) {
            abort("known difference: " + c.knownDifference);
        }
        String what = String.join(" | ", c.steps.stream().map(s -> String.join(" ", s)).toList());
        assertThat(ourOut).as("stdout of " + what + "\nour stderr: " + ourErr + "\ntheir stderr: " + gnu.err())
                .isEqualTo(gnu.out());
        assertThat(status).as("status of " + what + "\nour stderr: " + ourErr).isEqualTo(gnu.status());
        if (c.compare == TextCase.Compare.EXACT) {
            assertThat(ourErr).as("stderr of " + what).isEqualTo(gnu.err());
        } else {
            assertThat(ourErr.isEmpty()).as("stderr of " + what + " is empty: ours " + ourErr + " theirs " + gnu.err())
                    .isEqualTo(gnu.err().isEmpty());
        }
    }

    private static byte[] concat(List<byte[]> parts) {
        int size = parts.stream().mapToInt(p -> p.length).sum();
        byte[] all = new byte[size];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /** Prints the agreement of every command checked so far: {@code sed: 118/120 (98.3%)}. */
    static void report() {
        Map<String, AtomicIntegerArray> sorted = new TreeMap<>(TALLY);
        StringBuilder b = new StringBuilder("agreement with the reference programs:\n");
        sorted.forEach((command, tally) -> b.append(String.format("  %-6s %4d/%-4d %5.1f%%%n", command,
                tally.get(0), tally.get(1), 100.0 * tally.get(0) / Math.max(1, tally.get(1)))));
        System.out.print(b);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
