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

    /** The element, created (uninitialized) when missing, as a reference does in awk. */
    Object get(String key) {
        Object value = elements.get(key);
        if (value == null) {
            elements.put(key, AwkValue.UNINIT);
            return AwkValue.UNINIT;
        }
        return value;
    }

    /** The element or null, without creating it. */
    Object peek(String key) {
        return elements.get(key);
    }

    void put(String key, Object value) {
        elements.put(key, value);
    }

    boolean contains(String key) {
        return elements.containsKey(key);
    }

    void remove(String key) {
        elements.remove(key);
    }

    void clear() {
        elements.clear();
    }

    int size() {
        return elements.size();
    }

    /** A snapshot of the subscripts, for {@code for (k in a)} (which may change the array). */
    List<String> keys() {
        return new ArrayList<>(elements.keySet());
    }
}
