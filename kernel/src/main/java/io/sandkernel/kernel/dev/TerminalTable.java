package io.sandkernel.kernel.dev;

import io.sandkernel.kernel.fd.TerminalDevice;
import io.sandkernel.kernel.fd.WaitQueue;
import io.sandkernel.kernel.tty.PseudoTerminal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The kernel's pseudo-terminals by number, as {@code /dev/pts} lists them: a new terminal gets the
 * lowest free number, freed when the terminal goes away.
 */
public final class TerminalTable {
    private final TreeMap<Integer, TerminalDevice> devices = new TreeMap<>();

    /** Registers {@code terminal} under the lowest free number, owned by {@code uid}/{@code gid}. */
    public synchronized TerminalDevice add(PseudoTerminal terminal, WaitQueue pollers, int uid, int gid) {
        int index = 0;
        for (int used : devices.keySet()) {
            if (used != index) {
                break;
            }
            index++;
        }
        TerminalDevice device = new TerminalDevice(index, terminal, pollers, uid, gid, Instant.now());
        devices.put(index, device);
        return device;
    }

    /** Forgets {@code device}; its number may be given again. */
    public synchronized void remove(TerminalDevice device) {
        devices.remove(device.index(), device);
    }

    /** Terminal number {@code index}, or null. */
    public synchronized TerminalDevice get(int index) {
        return devices.get(index);
    }

    /** The controlling terminal of session {@code sid}, or null. */
    public synchronized TerminalDevice ofSession(int sid) {
        if (sid <= 0) {
            return null;
        }
        for (TerminalDevice device : devices.values()) {
            if (device.terminal().session() == sid) {
                return device;
            }
        }
        return null;
    }

    /** Every terminal, by number. */
    public synchronized List<TerminalDevice> all() {
        return new ArrayList<>(devices.values());
    }
}
