package io.sandkernel.kernel.proc;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.kernel.vfs.MountInfo;
import io.sandkernel.process.ProcessEntry;
import io.sandkernel.process.ProcessStatus;
import io.sandkernel.process.SignalSet;
import io.sandkernel.user.ProcessIdentity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProcFormatsTest {
    private static ProcessEntry entry(String command, ProcessStatus status) {
        return new ProcessEntry(42, 7, 42, 7, "jvm", command, List.of("-c", "x y"), status,
                status == ProcessStatus.EXITED ? OptionalInt.of(3) : OptionalInt.empty(), OptionalLong.empty(),
                Map.of("A", "1"), "/", 022, new ProcessIdentity(1000, 1000, 1000, 1000, List.of(1000, 27)));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void statHasFiftyTwoFieldsWithTheCommandInParentheses() {
        String stat = text(ProcFormats.stat(entry("sh", ProcessStatus.RUNNING), null, 123,
                new long[] {1_250_000_000L, 30_000_000L}, SignalSet.of(15), SignalSet.of(2, 64)));
        assertThat(stat).startsWith("42 (sh) R 7 42 7 0 -1 ").endsWith(" 0\n");
        String[] fields = stat.strip().split(" ");
        assertThat(fields).hasSize(52);
        assertThat(fields[21]).as("starttime").isEqualTo("123");
        assertThat(fields[13]).as("utime, in clock ticks").isEqualTo("125");
        assertThat(fields[14]).as("stime").isEqualTo("0");
        assertThat(fields[15]).as("cutime").isEqualTo("3");
        assertThat(fields[30]).as("signal").isEqualTo(Long.toString(1L << 14));
        assertThat(fields[31]).as("blocked").isEqualTo(Long.toUnsignedString((1L << 1) | (1L << 63)));
        assertThat(fields[37]).as("exit_signal").isEqualTo("17");
    }

    @Test
    void zombiesAreZWithTheirExitCodeAndCommandsAreCutToFifteenBytes() {
        String stat = text(ProcFormats.stat(entry("a-very-long-command-name", ProcessStatus.EXITED), null, 0,
                new long[2], SignalSet.empty(), SignalSet.empty()));
        assertThat(stat).startsWith("42 (a-very-long-com) Z ").endsWith(" " + (3 << 8) + "\n");
        assertThat(text(ProcFormats.stat(entry("x", ProcessStatus.STOPPED), null, 0, new long[2],
                SignalSet.empty(), SignalSet.empty()))).startsWith("42 (x) T ");
    }

    @Test
    void statusCmdlineAndEnvironAreInLinuxForms() {
        String status = text(ProcFormats.status(entry("sh", ProcessStatus.RUNNING), 64, 256, SignalSet.empty(),
                SignalSet.of(1)));
        assertThat(status).startsWith("Name:\tsh\nUmask:\t0022\nState:\tR (running)\nTgid:\t42\n")
                .contains("\nPPid:\t7\n", "\nUid:\t1000\t1000\t1000\t1000\n", "\nGroups:\t1000 27 \n",
                        "\nNSsid:\t7\n", "\nSigBlk:\t0000000000000001\n", "\nSigQ:\t0/256\n");
        assertThat(text(ProcFormats.cmdline(entry("sh", ProcessStatus.RUNNING)))).isEqualTo("sh\0-c\0x y\0");
        assertThat(text(ProcFormats.environ(entry("sh", ProcessStatus.RUNNING)))).isEqualTo("A=1\0");
    }

    @Test
    void mountsEscapeSpacesAndMeminfoAlignsAsLinux() {
        assertThat(text(ProcFormats.mounts(List.of(new MountInfo("/", "tmpfs", false),
                new MountInfo("/my dir", "hostfs", true))))).isEqualTo("tmpfs / tmpfs rw 0 0\nhostfs /my\\040dir hostfs ro 0 0\n");
        assertThat(text(ProcFormats.meminfo(64L << 20, 1024))).startsWith(
                "MemTotal:          65536 kB\nMemFree:           65535 kB\n");
        assertThat(text(ProcFormats.uptime(1_234_000_000L))).isEqualTo("1.23 0.00\n");
    }
}
