package io.sandkernel.driver.host;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Starts host processes from one daemon platform thread that lives as long as the JVM. A
 * confined program's wrapper asks the OS to kill it when its parent dies
 * ({@code PR_SET_PDEATHSIG}), and Linux means the parent <em>thread</em>: started from a virtual
 * thread's carrier or any thread that may end, the wrapper would die with that thread.
 */
final class LaunchThread {
    private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "sandkernel-host-launcher");
        thread.setDaemon(true);
        return thread;
    });

    private LaunchThread() {}

    /** {@code builder.start()} on the launch thread. An interrupt is kept for later, not lost. */
    static Process start(ProcessBuilder builder) throws IOException {
        Future<Process> started = THREAD.submit(builder::start);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return started.get();
                } catch (InterruptedException e) {
                    // the process is being started: waiting on is the only way not to lose it
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IOException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
