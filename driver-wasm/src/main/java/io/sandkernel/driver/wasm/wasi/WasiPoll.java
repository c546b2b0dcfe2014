package io.sandkernel.driver.wasm.wasi;

import static io.sandkernel.driver.wasm.wasi.WasiTypes.*;

import io.sandkernel.KernelException;
import io.sandkernel.api.fs.PollFd;
import io.sandkernel.api.fs.Stat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import run.endive.runtime.Memory;

/**
 * {@code poll_oneoff}: clock subscriptions become the timeout of one kernel {@code poll} over the
 * descriptor subscriptions, or, without descriptors, a sleep on the process's signal gate (woken
 * by signals, never a sleep loop). A subscription on a descriptor that is not open is answered at
 * once with an event carrying EBADF, as wasmtime does.
 */
final class WasiPoll {
    private static final int SUBSCRIPTION_SIZE = 48;
    private static final int EVENT_SIZE = 32;
    private static final int CLOCK_REALTIME = 0;
    private static final int CLOCK_MONOTONIC = 1;

    private final WasiContext ctx;

    WasiPoll(WasiContext ctx) {
        this.ctx = ctx;
    }

    private record Subscription(long userdata, int type, long deadline, int fd, int kernelFd, int error) {}

    int pollOneoff(Memory memory, long[] args) {
        int in = (int) args[0];
        int out = (int) args[1];
        int count = (int) args[2];
        if (count <= 0) {
            return WasiErrno.INVAL;
        }
        long now = System.nanoTime();
        List<Subscription> subscriptions = new ArrayList<>(count);
        long earliest = Long.MAX_VALUE;
        boolean immediate = false;
        for (int i = 0; i < count; i++) {
            int at = in + i * SUBSCRIPTION_SIZE;
            long userdata = memory.readLong(at);
            int type = memory.read(at + 8) & 0xFF;
            switch (type) {
                case EVENTTYPE_CLOCK -> {
                    int clock = memory.readInt(at + 16);
                    long timeout = memory.readLong(at + 24);
                    int flags = memory.readShort(at + 40) & 0xFFFF;
                    long deadline;
                    if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC) {
                        subscriptions.add(new Subscription(userdata, type, 0, -1, -1, WasiErrno.INVAL));
                        immediate = true;
                        continue;
                    }
                    if ((flags & SUBCLOCKFLAGS_ABSTIME) != 0) {
                        long nowOnClock = clock == CLOCK_REALTIME ? epochNanos() : ctx.monotonic(now);
                        deadline = now + Math.max(0, timeout - nowOnClock);
                    } else {
                        deadline = now + Math.max(0, timeout);
                    }
                    if (deadline < now) {
                        deadline = Long.MAX_VALUE; // overflow: practically never
                    }
                    earliest = Math.min(earliest, deadline);
                    subscriptions.add(new Subscription(userdata, type, deadline, -1, -1, 0));
                }
                case EVENTTYPE_FD_READ, EVENTTYPE_FD_WRITE -> {
                    int fd = memory.readInt(at + 16);
                    int kernelFd;
                    int error = 0;
                    try {
                        kernelFd = ctx.fds.kernel(fd);
                    } catch (KernelException e) {
                        kernelFd = -1;
                        error = WasiErrno.BADF;
                        immediate = true;
                    }
                    subscriptions.add(new Subscription(userdata, type, 0, fd, kernelFd, error));
                }
                default -> {
                    return WasiErrno.INVAL;
                }
            }
        }
        List<PollFd> polled = new ArrayList<>();
        List<Subscription> polledSubs = new ArrayList<>();
        for (Subscription s : subscriptions) {
            if (s.type() != EVENTTYPE_CLOCK && s.error() == 0) {
                polled.add(new PollFd(s.kernelFd(), s.type() == EVENTTYPE_FD_READ ? PollFd.POLLIN : PollFd.POLLOUT));
                polledSubs.add(s);
            }
        }
        int[] revents = new int[polled.size()];
        if (!polled.isEmpty()) {
            long deadline = immediate ? now : earliest;
            while (true) {
                Duration timeout = deadline == Long.MAX_VALUE ? Duration.ofNanos(-1)
                        : Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                try {
                    revents = ctx.api.poll(polled, timeout);
                    break;
                } catch (KernelException e) {
                    if (e.errno() != io.sandkernel.Errno.EINTR) {
                        throw e;
                    }
                    ctx.gate.interrupted();
                }
            }
        } else if (!immediate && earliest != Long.MAX_VALUE) {
            ctx.gate.sleepUntil(earliest);
        }
        long after = System.nanoTime();
        int events = 0;
        int polledIndex = 0;
        for (Subscription s : subscriptions) {
            int at = out + events * EVENT_SIZE;
            if (s.type() == EVENTTYPE_CLOCK) {
                if (s.error() != 0 || s.deadline() <= after) {
                    writeEvent(memory, at, s, s.error(), 0, 0);
                    events++;
                }
            } else if (s.error() != 0) {
                writeEvent(memory, at, s, s.error(), 0, 0);
                events++;
            } else {
                int ready = revents[polledIndex++];
                if (ready != 0) {
                    int error = (ready & PollFd.POLLNVAL) != 0 ? WasiErrno.BADF : 0;
                    int flags = (ready & PollFd.POLLHUP) != 0 ? EVENTRWFLAGS_HANGUP : 0;
                    writeEvent(memory, at, s, error, available(s), flags);
                    events++;
                }
            }
        }
        memory.writeI32((int) args[3], events);
        return WasiErrno.SUCCESS;
    }

    /** Bytes known to be readable (a regular file's rest) or 1 when unknown; 0 for writes. */
    private long available(Subscription s) {
        if (s.type() != EVENTTYPE_FD_READ) {
            return 0;
        }
        try {
            Stat stat = ctx.api.fstat(s.kernelFd());
            if (stat.isRegularFile()) {
                long position = ctx.api.lseek(s.kernelFd(), 0, io.sandkernel.api.fs.OpenFlags.SEEK_CUR);
                return Math.max(0, stat.size() - position);
            }
        } catch (KernelException e) {
            // not seekable: unknown
        }
        return 1;
    }

    private static void writeEvent(Memory memory, int at, Subscription s, int error, long bytes, int flags) {
        memory.writeLong(at, s.userdata());
        memory.writeShort(at + 8, (short) error);
        memory.writeByte(at + 10, (byte) s.type());
        memory.writeLong(at + 16, bytes);
        memory.writeShort(at + 24, (short) flags);
    }

    private static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
