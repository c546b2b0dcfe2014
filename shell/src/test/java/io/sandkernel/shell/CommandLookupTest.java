package io.sandkernel.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Where {@code command -v}, {@code type} and {@code hash} find commands: executable regular
 * files along PATH ({@code stat} and {@code access}), else the kernel's registry; and {@code cd}
 * and {@code .} on the kernel's filesystem.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CommandLookupTest {
    private static final String TOOLS = "echo '#!/bin/sh' > /tmp/tool; chmod 755 /tmp/tool;"
            + " echo data > /tmp/plain; PATH=/tmp:/bin; ";

    private TestKernel kernel;

    @BeforeEach
    void setUp() {
        kernel = new TestKernel();
    }

    @AfterEach
    void tearDown() {
        kernel.close();
    }

    private TestKernel.Result run(String script) {
        return kernel.sh("", "-c", script);
    }

    @Test
    void executableFileAlongPathIsFoundByItsPath() {
        assertThat(run(TOOLS + "command -v tool; type tool; hash tool; hash").out())
                .isEqualTo("/tmp/tool\ntool is /tmp/tool\n/tmp/tool\n");
        assertThat(run(TOOLS + "command -v /tmp/tool ./nosuch; echo $?").out()).isEqualTo("/tmp/tool\n127\n");
    }

    @Test
    void fileThatCannotBeExecutedIsNotACommand() {
        TestKernel.Result result = run(TOOLS + "command -v plain; echo $?; command -v tmp; echo $?; hash plain; echo $?");
        assertThat(result.out()).isEqualTo("127\n127\n1\n");
        assertThat(result.err()).isEqualTo("sh: 1: hash: plain: not found\n");
    }

    @Test
    void registeredCommandIsFoundByName() {
        assertThat(run("command -v cat; type cat; hash cat; hash").out()).isEqualTo("cat\ncat is cat\ncat\n");
    }

    @Test
    void cdRefusesWhatItCannotEnter() {
        TestKernel.Result result = run("cd /root; echo $?; cd /etc/passwd; echo $?; cd /nope; echo $?; cd /tmp && pwd");
        assertThat(result.out()).isEqualTo("2\n2\n2\n/tmp\n");
        assertThat(result.err()).isEqualTo("sh: 1: cd: can't cd to /root\nsh: 1: cd: can't cd to /etc/passwd\n"
                + "sh: 1: cd: can't cd to /nope\n");
    }

    @Test
    void dotLooksAlongPathForANameWithoutSlash() {
        TestKernel.Result result = run("echo 'echo sourced' > /tmp/lib.sh; PATH=/tmp; . lib.sh; cd /tmp;"
                + " . ./lib.sh; PATH=/bin; . lib.sh; echo never");
        assertThat(result.out()).isEqualTo("sourced\nsourced\n");
        assertThat(result.err()).isEqualTo("sh: 1: .: lib.sh: not found\n");
        assertThat(result.status()).isEqualTo(2);
    }
}
