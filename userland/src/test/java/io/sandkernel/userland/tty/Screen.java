package io.sandkernel.userland.tty;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

/** Collects a terminal's output on a thread, for assertions with deadlines. */
final class Screen implements AutoCloseable {
    private final StringBuffer text = new StringBuffer();
    private final Thread pump;
    private int mark;

    Screen(InputStream output) {
        pump = Thread.ofVirtual().name("screen").start(() -> {
            byte[] buffer = new byte[4096];
            try {
                int n;
                while ((n = output.read(buffer)) >= 0) {
                    text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // closed
            }
        });
    }

    /** Everything so far, CR LF turned into LF. */
    String text() {
        return text.toString().replace("\r\n", "\n");
    }

    /** Waits until the text after the mark contains {@code expected}; moves the mark past it. */
    String await(String expected) throws InterruptedException {
        return awaitMatch(Pattern.quote(expected));
    }

    /** Waits until the text after the mark matches {@code regex} somewhere; moves the mark past the match. */
    String awaitMatch(String regex) throws InterruptedException {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            String all = text();
            var matcher = pattern.matcher(all);
            if (matcher.find(Math.min(mark, all.length()))) {
                String seen = all.substring(mark, matcher.end());
                mark = matcher.end();
                return seen;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for /" + regex + "/ after:\n" + all.substring(Math.min(mark, all.length()))
                        + "\n--- whole screen ---\n" + all);
            }
            Thread.sleep(5);
        }
    }

    @Override
    public void close() throws InterruptedException {
        pump.join(Duration.ofSeconds(2));
    }
}
