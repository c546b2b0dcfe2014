package io.sandkernel.driver.host;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds, once per JVM, the best {@link HostConfinement} that works here: each candidate runs
 * {@code true} confined exactly as a program would be, and the first that succeeds is chosen.
 */
final class ConfinementProbe {
    private static final long PROBE_SECONDS = 10;
    private static final System.Logger LOG = System.getLogger(ConfinementProbe.class.getName());

    private ConfinementProbe() {}

    /** Holds the result: computed on first use, by the class loader's lock. */
    private static final class Best {
        static final HostConfinement CHOSEN = probe();
    }

    static HostConfinement best() {
        return Best.CHOSEN;
    }

    private static HostConfinement probe() {
        Path truth = find("true");
        if (truth == null) {
            return HostConfinement.refusing("'true' is not installed, so no confinement could be tried");
        }
        Path bwrap = find("bwrap");
        if (bwrap != null && works(HostConfinement.bubblewrap(bwrap), truth)) {
            return HostConfinement.bubblewrap(bwrap);
        }
        Path unshare = find("unshare");
        if (unshare != null && works(HostConfinement.unshare(unshare), truth)) {
            return HostConfinement.unshare(unshare);
        }
        return HostConfinement.refusing(bwrap == null && unshare == null
                ? "neither bubblewrap (bwrap) nor unshare is installed"
                : "bubblewrap and unshare cannot create namespaces for this user");
    }

    /** Whether {@code confinement} runs {@code truth} successfully. */
    static boolean works(HostConfinement confinement, Path truth) {
        HostConfinement.Command command = confinement.confine(List.of(truth.toString()),
                new HostConfinement.View(List.of(), "/", truth));
        try {
            Process process = LaunchThread.start(new ProcessBuilder(command.argv())
                    .directory(command.directory().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))));
            if (!process.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            boolean ok = process.exitValue() == 0;
            LOG.log(System.Logger.Level.DEBUG, command.argv().get(0) + (ok ? " confines" : " cannot confine here"));
            return ok;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path find(String name) {
        for (String entry : HostDriver.DEFAULT_SEARCH_PATH.split(File.pathSeparator)) {
            Path candidate = Path.of(entry, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
