package io.sandkernel.coreutils;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An awk associative array: string subscripts (numbers converted as CONVFMT says, integers as
 * integers) to values. Iteration follows insertion order; awk leaves the order unspecified.
 */
final class AwkArray {
    private final Map<String, Object> elements = new LinkedHashMap<>();
    private final AwkMemory memory;
    /** What the elements hold, as charged to {@link #memory}. */
    private long bytes;

    AwkArray(AwkMemory memory) {
        this.memory = memory;
    }

    /** The element, created (uninitialized) when missing, as a reference does in awk. */
    Object get(String key) {
        Object value = elements.get(key);
        if (value == null) {
            put(key, AwkValue.UNINIT);
            return AwkValue.UNINIT;
        }
        return value;
    }

    /** The element or null, without creating it. */
    Object peek(String key) {
        return elements.get(key);
    }

    /**
     * Sets an element.
     *
     * @throws AwkFatal "memory exhausted" when the process's memory cannot hold it
     */
    void put(String key, Object value) {
        Object old = elements.get(key);
        long delta = AwkMemory.element(key, value) - (old == null ? 0 : AwkMemory.element(key, old));
        if (delta > 0) {
            memory.change(delta); // before the element exists: refused, nothing is held
        }
        elements.put(key, value);
        bytes += delta;
        if (delta < 0) {
            memory.change(delta);
        }
    }

    boolean contains(String key) {
        return elements.containsKey(key);
    }

    void remove(String key) {
        Object old = elements.remove(key);
        if (old != null) {
            long freed = AwkMemory.element(key, old);
            bytes -= freed;
            memory.change(-freed);
        }
    }

    void clear() {
        elements.clear();
        memory.change(-bytes);
        bytes = 0;
    }

    int size() {
        return elements.size();
    }

    /** A snapshot of the subscripts, for {@code for (k in a)} (which may change the array). */
    List<String> keys() {
        return new ArrayList<>(elements.keySet());
    }
}
