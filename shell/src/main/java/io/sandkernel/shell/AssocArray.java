package io.sandkernel.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An associative array ({@code declare -A}) that lists its keys in the order bash does, so that
 * {@code ${!a[@]}} and {@code ${a[@]}} print as in bash: bash keeps the elements in a hash table
 * of 1024 buckets (FNV-1 hash of the key), each bucket a list with the newest element first,
 * and walks the buckets in order; the table grows fourfold when it holds twice as many elements
 * as buckets.
 */
final class AssocArray {
    private static final int INITIAL_BUCKETS = 1024;

    private final Map<String, String> values = new HashMap<>();
    /** Each bucket's keys, newest first. */
    private List<List<String>> buckets = newBuckets(INITIAL_BUCKETS);

    private static List<List<String>> newBuckets(int n) {
        List<List<String>> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(null);
        }
        return list;
    }

    /** bash's {@code hash_string}: 32-bit FNV-1 over the key's bytes. */
    static int hash(String key) {
        int h = 0x811c9dc5;
        for (byte b : Strings.encode(key)) {
            h *= 16777619;
            h ^= b & 0xff;
        }
        return h;
    }

    String get(String key) {
        return values.get(key);
    }

    boolean containsKey(String key) {
        return values.containsKey(key);
    }

    int size() {
        return values.size();
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    void put(String key, String value) {
        if (values.put(key, value) != null) {
            return;
        }
        if (values.size() > buckets.size() * 2) {
            grow();
        }
        insert(buckets, key);
    }

    private static void insert(List<List<String>> table, String key) {
        int bucket = hash(key) & (table.size() - 1);
        List<String> chain = table.get(bucket);
        if (chain == null) {
            chain = new ArrayList<>(2);
            table.set(bucket, chain);
        }
        chain.add(0, key);
    }

    /** bash's {@code hash_grow}: the chains are walked in order and each key put at the head of its new bucket. */
    private void grow() {
        List<List<String>> grown = newBuckets(buckets.size() * 4);
        for (List<String> chain : buckets) {
            if (chain != null) {
                for (String key : chain) {
                    insert(grown, key);
                }
            }
        }
        buckets = grown;
    }

    void remove(String key) {
        if (values.remove(key) == null) {
            return;
        }
        List<String> chain = buckets.get(hash(key) & (buckets.size() - 1));
        chain.remove(key);
    }

    /** The keys in bash's order. */
    List<String> keys() {
        List<String> keys = new ArrayList<>(values.size());
        for (List<String> chain : buckets) {
            if (chain != null) {
                keys.addAll(chain);
            }
        }
        return keys;
    }

    /** The values in bash's order. */
    List<String> values() {
        List<String> list = new ArrayList<>(values.size());
        for (String key : keys()) {
            list.add(values.get(key));
        }
        return list;
    }

    AssocArray copy() {
        AssocArray copy = new AssocArray();
        copy.values.putAll(values);
        List<List<String>> table = newBuckets(buckets.size());
        for (int i = 0; i < buckets.size(); i++) {
            List<String> chain = buckets.get(i);
            table.set(i, chain == null ? null : new ArrayList<>(chain));
        }
        copy.buckets = table;
        return copy;
    }
}
