package io.sandkernel.userland.containment;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.ExecResult;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.userland.Sandkernel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code time} (the command and bash's keyword) and {@code times} report the CPU time the kernel
 * measured for the children. The busy child is a shell loop stopped by its own one-second
 * {@code RLIMIT_CPU}, so it has used at least a second of CPU whatever the machine's load.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CpuTimesReportTest {
    private static final String BUSY_SECOND = "sh -c 'ulimit -t 1; while :; do :; done'";
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    void theTimeCommandReportsTheChildsCpuAsUserTime() {
        ExecResult result = run(List.of("sh", "-c", "time -p " + BUSY_SECOND));
        assertThat(result.timedOut()).isFalse();
        assertThat(seconds(result.stderr(), "^user (\\d+\\.\\d+)$")).as(result.stderr()).isGreaterThan(0.5);
        assertThat(seconds(result.stderr(), "^sys (\\d+\\.\\d+)$")).isZero();
    }

    @Test
    void bashsTimeKeywordReportsTheCpuOfThePipeline() {
        ExecResult result = run(List.of("bash", "-c", "time " + BUSY_SECOND + " | cat"));
        assertThat(result.timedOut()).isFalse();
        Matcher user = Pattern.compile("(?m)^user\\t(\\d+)m(\\d+\\.\\d{3})s$").matcher(result.stderr());
        assertThat(user.find()).as(result.stderr()).isTrue();
        assertThat(Long.parseLong(user.group(1)) * 60 + Double.parseDouble(user.group(2))).isGreaterThan(0.5);
    }

    @Test
    void timesReportsTheChildrensCpuOnItsSecondLine() {
        ExecResult result = run(List.of("sh", "-c", BUSY_SECOND + "; times"));
        List<String> lines = result.stdout().lines().toList();
        assertThat(lines).as(result.stdout()).hasSize(2);
        Matcher children = Pattern.compile("^(\\d+)m(\\d+\\.\\d{6})s 0m0\\.000000s$").matcher(lines.get(1));
        assertThat(children.matches()).as(lines.get(1)).isTrue();
        assertThat(Double.parseDouble(children.group(2))).isGreaterThan(0.5);
    }

    private static ExecResult run(List<String> argv) {
        try (Kernel kernel = Sandkernel.newKernel()) {
            return kernel.exec(argv, ExecOptions.defaults().withTimeout(LIMIT));
        }
    }

    private static double seconds(String text, String regex) {
        Matcher matcher = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        assertThat(matcher.find()).as("%s in %s", regex, text).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
