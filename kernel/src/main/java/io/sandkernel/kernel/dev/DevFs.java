package io.sandkernel.kernel.dev;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.kernel.fd.DeviceNumbers;
import io.sandkernel.kernel.fd.TerminalDevice;
import io.sandkernel.kernel.vfs.Caller;
import io.sandkernel.kernel.vfs.SyntheticBackend;
import io.sandkernel.kernel.vfs.SyntheticDevice;
import io.sandkernel.kernel.vfs.SyntheticDirectory;
import io.sandkernel.kernel.vfs.SyntheticEntry;
import io.sandkernel.kernel.vfs.SyntheticLink;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * The kernel's {@code /dev} ({@code devtmpfs}): the memory devices {@code null} (1,3),
 * {@code zero} (1,5), {@code full} (1,7), {@code random} (1,8) and {@code urandom} (1,9);
 * {@code tty} (5,0), the caller's controlling terminal; {@code pts/N} (136,N), the kernel's
 * pseudo-terminals; and the links {@code stdin}, {@code stdout}, {@code stderr} and {@code fd} into
 * {@code /proc/self/fd}.
 */
public final class DevFs {
    private DevFs() {}

    /**
     * A backend for {@code /dev}.
     *
     * @param terminals the kernel's pseudo-terminals
     * @param sessionOf the session of a process id, -1 when there is no such process
     */
    public static SyntheticBackend create(TerminalTable terminals, IntUnaryOperator sessionOf, Clock clock) {
        SyntheticDirectory pts = SyntheticDirectory.builder(0755).source(new Pts(terminals)).build();
        SyntheticDirectory root = SyntheticDirectory.builder(0755)
                .add("null", NULL)
                .add("zero", ZERO)
                .add("full", FULL)
                .add("random", RANDOM)
                .add("urandom", URANDOM)
                .add("tty", new SyntheticDevice(0666, 0, 0, TTY_RDEV,
                        (caller, flags) -> controllingTerminal(terminals, sessionOf, caller).handle()))
                .add("stdin", STDIN)
                .add("stdout", STDOUT)
                .add("stderr", STDERR)
                .add("fd", FD)
                .directory("pts", pts)
                .build();
        return new SyntheticBackend("devtmpfs", root, clock);
    }

    // The same in every kernel: made once.
    private static final SyntheticDevice NULL = memory(3, MemoryDevice.Kind.NULL);
    private static final SyntheticDevice ZERO = memory(5, MemoryDevice.Kind.ZERO);
    private static final SyntheticDevice FULL = memory(7, MemoryDevice.Kind.FULL);
    private static final SyntheticDevice RANDOM = memory(8, MemoryDevice.Kind.RANDOM);
    private static final SyntheticDevice URANDOM = memory(9, MemoryDevice.Kind.RANDOM);
    private static final long TTY_RDEV = DeviceNumbers.makedev(DeviceNumbers.TTYAUX_MAJOR, 0);
    private static final SyntheticLink STDIN = SyntheticLink.to("/proc/self/fd/0");
    private static final SyntheticLink STDOUT = SyntheticLink.to("/proc/self/fd/1");
    private static final SyntheticLink STDERR = SyntheticLink.to("/proc/self/fd/2");
    private static final SyntheticLink FD = SyntheticLink.to("/proc/self/fd");

    private static SyntheticDevice memory(int minor, MemoryDevice.Kind kind) {
        MemoryDevice device = new MemoryDevice(kind); // stateless: one handle serves every open
        return SyntheticDevice.of(0666, DeviceNumbers.makedev(DeviceNumbers.MEM_MAJOR, minor), flags -> device);
    }

    /** {@code /dev/tty}: the terminal of the caller's session; ENODEV (Linux: ENXIO) when it has none. */
    private static TerminalDevice controllingTerminal(TerminalTable terminals, IntUnaryOperator sessionOf,
                                                      Caller caller) {
        TerminalDevice device = terminals.ofSession(sessionOf.applyAsInt(caller.pid()));
        if (device == null) {
            throw new KernelException(Errno.ENODEV, "/dev/tty: the process has no controlling terminal");
        }
        return device;
    }

    /** {@code /dev/pts}: one device per pseudo-terminal, owned by its user, mode 0620. */
    private record Pts(TerminalTable terminals) implements SyntheticDirectory.Source {
        @Override
        public SyntheticEntry lookup(Caller caller, String name) {
            int index;
            try {
                index = Integer.parseInt(name);
            } catch (NumberFormatException e) {
                return null;
            }
            TerminalDevice device = name.equals(Integer.toString(index)) ? terminals.get(index) : null;
            if (device == null) {
                return null;
            }
            return new SyntheticDevice(0620, device.uid(), device.gid(),
                    DeviceNumbers.makedev(DeviceNumbers.PTS_MAJOR, index), (c, flags) -> device.handle());
        }

        @Override
        public List<String> names(Caller caller) {
            List<String> names = new ArrayList<>();
            for (TerminalDevice device : terminals.all()) {
                names.add(Integer.toString(device.index()));
            }
            return names;
        }
    }
}
