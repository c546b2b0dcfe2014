package io.sandkernel.process;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * An open-addressing hash map from positive int keys to values: no boxing and about eight bytes
 * a slot, since pids are looked up on every table operation. Not thread-safe; the table's lock
 * guards it.
 */
final class PidMap<V> {
    private static final int EMPTY = 0; // pids, pgids and sids are never 0 as keys here

    private int[] keys;
    private Object[] values;
    private int size;
    private int mask;
    private int shift;

    PidMap() {
        allocate(16);
    }

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    V get(int key) {
        int[] keys = this.keys;
        int mask = this.mask;
        for (int slot = slot(key); ; slot = (slot + 1) & mask) {
            int current = keys[slot];
            if (current == key) {
                return (V) values[slot];
            }
            if (current == EMPTY) {
                return null;
            }
        }
    }

    /** Puts {@code value} at {@code key}, which must not be present. */
    void putNew(int key, V value) {
        if (key == EMPTY) {
            throw new IllegalArgumentException("key 0");
        }
        if ((size + 1) * 2 > keys.length) {
            resize(keys.length * 2);
        }
        int slot = slot(key);
        while (keys[slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        values[slot] = value;
        size++;
    }

    /** Removes {@code key}; returns its value or null. */
    @SuppressWarnings("unchecked")
    V remove(int key) {
        int slot = slot(key);
        while (true) {
            int current = keys[slot];
            if (current == EMPTY) {
                return null;
            }
            if (current == key) {
                break;
            }
            slot = (slot + 1) & mask;
        }
        V removed = (V) values[slot];
        // Backward-shift deletion keeps every probe chain unbroken without tombstones.
        int hole = slot;
        for (int next = (hole + 1) & mask; keys[next] != EMPTY; next = (next + 1) & mask) {
            int home = slot(keys[next]);
            if (((next - home) & mask) >= ((next - hole) & mask)) {
                keys[hole] = keys[next];
                values[hole] = values[next];
                hole = next;
            }
        }
        keys[hole] = EMPTY;
        values[hole] = null;
        size--;
        if (keys.length > 16 && size * 8 < keys.length) {
            resize(keys.length / 2);
        }
        return removed;
    }

    @SuppressWarnings("unchecked")
    void forEachValue(Consumer<? super V> action) {
        Object[] values = this.values;
        for (int slot = 0; slot < values.length; slot++) {
            if (values[slot] != null) {
                action.accept((V) values[slot]);
            }
        }
    }

    private int slot(int key) {
        return (key * 0x9E3779B9) >>> shift; // Fibonacci hashing spreads consecutive pids
    }

    private void allocate(int capacity) {
        keys = new int[capacity];
        values = new Object[capacity];
        mask = capacity - 1;
        shift = 32 - Integer.numberOfTrailingZeros(capacity);
    }

    @SuppressWarnings("unchecked")
    private void resize(int capacity) {
        int[] oldKeys = keys;
        Object[] oldValues = values;
        allocate(capacity);
        size = 0;
        for (int slot = 0; slot < oldKeys.length; slot++) {
            if (oldKeys[slot] != EMPTY) {
                putNew(oldKeys[slot], (V) oldValues[slot]);
            }
        }
    }

    @Override
    public String toString() {
        return "PidMap" + Arrays.toString(Arrays.stream(keys).filter(k -> k != EMPTY).sorted().toArray());
    }
}
