package io.sandkernel.driver.wasm;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import run.endive.runtime.ByteArrayMemory;
import run.endive.runtime.Instance;
import run.endive.runtime.Memory;
import run.endive.wasm.types.DataSegment;
import run.endive.wasm.types.MemoryLimits;

/**
 * A module's linear memory, charged to its process's memory account: the initial pages when the
 * instance is made, every page {@code memory.grow} adds before it is added. A grow the kernel
 * refuses (the process's {@code RLIMIT_AS}, or the kernel's {@code memoryBytes} with everything
 * else its programs hold) answers -1, so {@code malloc} returns NULL; the pages go back to the
 * kernel when the process exits.
 *
 * <p>Everything else is the runtime's {@link ByteArrayMemory}, which is final, hence delegation.
 * The compiled code calls linear memory through the {@link Memory} interface and this class is its
 * only implementation in a driver, so the JIT inlines both calls.
 */
final class AccountedMemory implements Memory {
    private static final long PAGE = Memory.PAGE_SIZE;

    private final ProcessApi account;
    private final ByteArrayMemory memory;

    private AccountedMemory(ProcessApi account, ByteArrayMemory memory) {
        this.account = account;
        this.memory = memory;
    }

    /**
     * Charges the initial pages and makes the memory.
     *
     * @throws KernelException ENOMEM when the initial pages do not fit in the process's or the
     *                         kernel's memory
     */
    static AccountedMemory charged(ProcessApi account, MemoryLimits limits) {
        long initial = limits.initialPages() * PAGE;
        try {
            account.reserveMemory(initial);
        } catch (KernelException e) {
            throw new KernelException(Errno.ENOMEM, "needs " + initial / 1024
                    + " KiB of memory at start: Cannot allocate memory");
        }
        return new AccountedMemory(account, new ByteArrayMemory(limits));
    }

    @Override
    public int grow(int pages) {
        if (pages <= 0) {
            return memory.grow(pages);
        }
        long bytes = pages * PAGE;
        try {
            account.reserveMemory(bytes);
        } catch (KernelException e) {
            return -1;
        }
        int previous = memory.grow(pages);
        if (previous < 0) {
            account.releaseMemory(bytes);
        }
        return previous;
    }

    // ------------------------------------------------------------ the rest: ByteArrayMemory's

    @Override
    public Object lock(int offset) {
        return memory.lock(offset);
    }

    @Override
    public int waitOn(int offset, int expected, long timeout) {
        return memory.waitOn(offset, expected, timeout);
    }

    @Override
    public int waitOn(int offset, long expected, long timeout) {
        return memory.waitOn(offset, expected, timeout);
    }

    @Override
    public int notify(int offset, int count) {
        return memory.notify(offset, count);
    }

    @Override
    public int pages() {
        return memory.pages();
    }

    @Override
    public int initialPages() {
        return memory.initialPages();
    }

    @Override
    public int maximumPages() {
        return memory.maximumPages();
    }

    @Override
    public boolean shared() {
        return memory.shared();
    }

    @Override
    public void initialize(Instance instance, DataSegment[] segments) {
        memory.initialize(instance, segments);
    }

    @Override
    public void initialize(Instance instance, DataSegment[] segments, int count) {
        memory.initialize(instance, segments, count);
    }

    @Override
    public void initPassiveSegment(int segment, int destination, int offset, int size) {
        memory.initPassiveSegment(segment, destination, offset, size);
    }

    @Override
    public void write(int offset, byte[] data, int start, int length) {
        memory.write(offset, data, start, length);
    }

    @Override
    public byte read(int offset) {
        return memory.read(offset);
    }

    @Override
    public byte[] readBytes(int offset, int length) {
        return memory.readBytes(offset, length);
    }

    @Override
    public void writeI32(int offset, int value) {
        memory.writeI32(offset, value);
    }

    @Override
    public int readInt(int offset) {
        return memory.readInt(offset);
    }

    @Override
    public void writeLong(int offset, long value) {
        memory.writeLong(offset, value);
    }

    @Override
    public long readLong(int offset) {
        return memory.readLong(offset);
    }

    @Override
    public void writeShort(int offset, short value) {
        memory.writeShort(offset, value);
    }

    @Override
    public short readShort(int offset) {
        return memory.readShort(offset);
    }

    @Override
    public long readU16(int offset) {
        return memory.readU16(offset);
    }

    @Override
    public void writeByte(int offset, byte value) {
        memory.writeByte(offset, value);
    }

    @Override
    public void writeF32(int offset, float value) {
        memory.writeF32(offset, value);
    }

    @Override
    public long readF32(int offset) {
        return memory.readF32(offset);
    }

    @Override
    public float readFloat(int offset) {
        return memory.readFloat(offset);
    }

    @Override
    public void writeF64(int offset, double value) {
        memory.writeF64(offset, value);
    }

    @Override
    public double readDouble(int offset) {
        return memory.readDouble(offset);
    }

    @Override
    public long readF64(int offset) {
        return memory.readF64(offset);
    }

    @Override
    public void zero() {
        memory.zero();
    }

    @Override
    public void fill(byte value, int from, int to) {
        memory.fill(value, from, to);
    }

    @Override
    public void copy(int destination, int source, int size) {
        memory.copy(destination, source, size);
    }

    @Override
    public void drop(int segment) {
        memory.drop(segment);
    }

    @Override
    public void atomicFence() {
        memory.atomicFence();
    }

    @Override
    public byte atomicAddByte(int offset, byte value) {
        return memory.atomicAddByte(offset, value);
    }

    @Override
    public int atomicAddInt(int offset, int value) {
        return memory.atomicAddInt(offset, value);
    }

    @Override
    public long atomicAddLong(int offset, long value) {
        return memory.atomicAddLong(offset, value);
    }

    @Override
    public short atomicAddShort(int offset, short value) {
        return memory.atomicAddShort(offset, value);
    }

    @Override
    public byte atomicAndByte(int offset, byte value) {
        return memory.atomicAndByte(offset, value);
    }

    @Override
    public int atomicAndInt(int offset, int value) {
        return memory.atomicAndInt(offset, value);
    }

    @Override
    public long atomicAndLong(int offset, long value) {
        return memory.atomicAndLong(offset, value);
    }

    @Override
    public short atomicAndShort(int offset, short value) {
        return memory.atomicAndShort(offset, value);
    }

    @Override
    public byte atomicCmpxchgByte(int offset, byte expected, byte replacement) {
        return memory.atomicCmpxchgByte(offset, expected, replacement);
    }

    @Override
    public int atomicCmpxchgInt(int offset, int expected, int replacement) {
        return memory.atomicCmpxchgInt(offset, expected, replacement);
    }

    @Override
    public long atomicCmpxchgLong(int offset, long expected, long replacement) {
        return memory.atomicCmpxchgLong(offset, expected, replacement);
    }

    @Override
    public short atomicCmpxchgShort(int offset, short expected, short replacement) {
        return memory.atomicCmpxchgShort(offset, expected, replacement);
    }

    @Override
    public byte atomicOrByte(int offset, byte value) {
        return memory.atomicOrByte(offset, value);
    }

    @Override
    public int atomicOrInt(int offset, int value) {
        return memory.atomicOrInt(offset, value);
    }

    @Override
    public long atomicOrLong(int offset, long value) {
        return memory.atomicOrLong(offset, value);
    }

    @Override
    public short atomicOrShort(int offset, short value) {
        return memory.atomicOrShort(offset, value);
    }

    @Override
    public byte atomicReadByte(int offset) {
        return memory.atomicReadByte(offset);
    }

    @Override
    public int atomicReadInt(int offset) {
        return memory.atomicReadInt(offset);
    }

    @Override
    public long atomicReadLong(int offset) {
        return memory.atomicReadLong(offset);
    }

    @Override
    public short atomicReadShort(int offset) {
        return memory.atomicReadShort(offset);
    }

    @Override
    public void atomicWriteByte(int offset, byte value) {
        memory.atomicWriteByte(offset, value);
    }

    @Override
    public void atomicWriteInt(int offset, int value) {
        memory.atomicWriteInt(offset, value);
    }

    @Override
    public void atomicWriteLong(int offset, long value) {
        memory.atomicWriteLong(offset, value);
    }

    @Override
    public void atomicWriteShort(int offset, short value) {
        memory.atomicWriteShort(offset, value);
    }

    @Override
    public byte atomicXchgByte(int offset, byte value) {
        return memory.atomicXchgByte(offset, value);
    }

    @Override
    public int atomicXchgInt(int offset, int value) {
        return memory.atomicXchgInt(offset, value);
    }

    @Override
    public long atomicXchgLong(int offset, long value) {
        return memory.atomicXchgLong(offset, value);
    }

    @Override
    public short atomicXchgShort(int offset, short value) {
        return memory.atomicXchgShort(offset, value);
    }

    @Override
    public byte atomicXorByte(int offset, byte value) {
        return memory.atomicXorByte(offset, value);
    }

    @Override
    public int atomicXorInt(int offset, int value) {
        return memory.atomicXorInt(offset, value);
    }

    @Override
    public long atomicXorLong(int offset, long value) {
        return memory.atomicXorLong(offset, value);
    }

    @Override
    public short atomicXorShort(int offset, short value) {
        return memory.atomicXorShort(offset, value);
    }
}
