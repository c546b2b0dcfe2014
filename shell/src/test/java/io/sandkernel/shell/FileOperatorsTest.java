package io.sandkernel.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code test}'s file operators and pathname expansion answer from the kernel's {@code stat},
 * {@code lstat} and {@code access}, for the kernel's (non-root) default user.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FileOperatorsTest {
    private TestKernel kernel;

    @BeforeEach
    void setUp() {
        kernel = new TestKernel();
    }

    @AfterEach
    void tearDown() {
        kernel.close();
    }

    /** Which of {@code ops} hold for {@code file}, as "op op op". */
    private String holds(String setup, String file, String ops) {
        TestKernel.Result result = kernel.sh("", "-c", setup + "; for op in " + ops + "; do test $op " + file
                + " && printf '%s ' $op; done; echo");
        assertThat(result.err()).isEmpty();
        return result.out().trim();
    }

    @Test
    void symbolicLinksAreSeenByLstatAndFollowedByTheOthers() {
        kernel.sh("", "-c", "echo data > f; symlink f link; symlink nowhere dangling");
        assertThat(holds(":", "link", "-e -f -d -L -h -s")).isEqualTo("-e -f -L -h -s");
        assertThat(holds(":", "dangling", "-e -f -L -h")).isEqualTo("-L -h");
        assertThat(kernel.sh("", "-c", "echo d*; [ link -ef f ] && echo same").out())
                .as("globbing lists a dangling link, as lstat sees it").isEqualTo("dangling\nsame\n");
    }

    @Test
    void permissionOperatorsAskAccessForTheCaller() {
        assertThat(kernel.run("id", "").out()).as("the tests run as a user, not root").isNotEqualTo("0\n");
        assertThat(holds("echo x > none; chmod 0 none", "none", "-e -r -w -x")).isEqualTo("-e");
        assertThat(holds("echo x > rx; chmod 500 rx", "rx", "-r -w -x")).isEqualTo("-r -x");
        assertThat(holds(":", "/etc/passwd", "-r -w -O -G")).isEqualTo("-r");
        assertThat(holds("echo > mine", "mine", "-O -G")).isEqualTo("-O -G");
    }

    @Test
    void modeBitsAndFileTypes() {
        assertThat(holds("echo x > f; chmod 7755 f", "f", "-u -g -k")).isEqualTo("-u -g -k");
        assertThat(holds(":", "/tmp", "-d -k -w")).as("/tmp is sticky and writable").isEqualTo("-d -k -w");
        assertThat(holds(":", "/dev/null", "-e -c -f -p -b -S")).isEqualTo("-e -c");
        assertThat(holds("exec 3</dev/null", "/dev/fd/3", "-c")).isEqualTo("-c");
    }

    @Test
    void terminalOperatorAsksIsatty() {
        assertThat(kernel.sh("", "-c", "[ -t 0 ] || echo not-a-tty; [ -t 9 ] || echo closed").out())
                .isEqualTo("not-a-tty\nclosed\n");
    }
}
