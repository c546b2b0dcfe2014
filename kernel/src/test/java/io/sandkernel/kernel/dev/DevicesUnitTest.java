package io.sandkernel.kernel.dev;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.tty.TerminalSize;
import io.sandkernel.kernel.fd.DeviceNumbers;
import io.sandkernel.kernel.fd.WaitQueue;
import io.sandkernel.kernel.tty.PseudoTerminal;
import io.sandkernel.kernel.vfs.SyntheticDevice;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevicesUnitTest {
    @Test
    void deviceNumbersAreLinuxsEncoding() {
        for (int[] pair : new int[][] {{1, 3}, {5, 0}, {136, 7}, {136, 300}, {4095, 1 << 19}, {4096, 256}}) {
            long dev = DeviceNumbers.makedev(pair[0], pair[1]);
            assertThat(dev).isEqualTo(SyntheticDevice.makedev(pair[0], pair[1]));
            assertThat(DeviceNumbers.major(dev)).isEqualTo(pair[0]);
            assertThat(DeviceNumbers.minor(dev)).isEqualTo(pair[1]);
        }
        assertThat(DeviceNumbers.makedev(1, 3)).isEqualTo(0x103);
        assertThat(DeviceNumbers.makedev(136, 300)).isEqualTo(0x10882C);
    }

    @Test
    void memoryDevicesReadAndWriteAsLinuxDoes() {
        ByteBuffer buffer = ByteBuffer.allocate(8);
        assertThat(new MemoryDevice(MemoryDevice.Kind.NULL).read(buffer, 0)).isEqualTo(-1);
        assertThat(new MemoryDevice(MemoryDevice.Kind.NULL).write(ByteBuffer.allocate(5), 0)).isEqualTo(5);
        buffer.put(0, (byte) 9);
        assertThat(new MemoryDevice(MemoryDevice.Kind.ZERO).read(buffer.clear(), 0)).isEqualTo(8);
        assertThat(buffer.get(0)).isZero();
        try {
            new MemoryDevice(MemoryDevice.Kind.FULL).write(ByteBuffer.allocate(1), 0);
            throw new AssertionError("no ENOSPC");
        } catch (KernelException e) {
            assertThat(e.errno()).isEqualTo(Errno.ENOSPC);
        }
        assertThat(new MemoryDevice(MemoryDevice.Kind.RANDOM).read(buffer.clear(), 0)).isEqualTo(8);
    }

    @Test
    void terminalsTakeTheLowestFreeNumber() {
        TerminalTable table = new TerminalTable();
        PseudoTerminal.Control control = new PseudoTerminal.Control() {
            @Override
            public void signalGroup(int pgid, int signal) {}

            @Override
            public int pgidOf(int pid) {
                return -1;
            }

            @Override
            public int sidOf(int pid) {
                return -1;
            }

            @Override
            public boolean groupInSession(int pgid, int sid) {
                return false;
            }

            @Override
            public List<Integer> groupsOfSession(int sid) {
                return List.of();
            }
        };
        var first = table.add(new PseudoTerminal(new TerminalSize(80, 24), control), new WaitQueue(), 1000, 1000);
        var second = table.add(new PseudoTerminal(new TerminalSize(80, 24), control), new WaitQueue(), 1000, 1000);
        assertThat(first.index()).isZero();
        assertThat(second.index()).isEqualTo(1);
        table.remove(first);
        var third = table.add(new PseudoTerminal(new TerminalSize(80, 24), control), new WaitQueue(), 0, 0);
        assertThat(third.index()).isZero();
        assertThat(table.get(1)).isSameAs(second);
        second.terminal().attach(55);
        assertThat(table.ofSession(55)).isSameAs(second);
        assertThat(table.ofSession(56)).isNull();
        assertThat(second.stat().rdev()).isEqualTo(DeviceNumbers.makedev(136, 1));
    }
}
