package io.sandkernel.process;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;

/**
 * An immutable {@link SortedMap} from pid to {@link ProcessInfo}, backed by two sorted arrays:
 * a snapshot of the table costs two arrays, not a tree node per process. Range views share the
 * arrays.
 */
final class PidSortedMap extends AbstractMap<Integer, ProcessInfo> implements SortedMap<Integer, ProcessInfo> {
    private final int[] pids;
    private final ProcessInfo[] infos;
    private final int from;
    private final int to;

    private PidSortedMap(int[] pids, ProcessInfo[] infos, int from, int to) {
        this.pids = pids;
        this.infos = infos;
        this.from = from;
        this.to = to;
    }

    /** Sorts {@code infos} (in any order, as the hash map hands them out) by pid and wraps them. */
    static PidSortedMap of(ProcessInfo[] infos) {
        // Sorting primitive keys (pid in the high half, position in the low) beats a comparator
        // sort of the objects by about three times.
        long[] keys = new long[infos.length];
        for (int i = 0; i < infos.length; i++) {
            keys[i] = (long) infos[i].pid() << 32 | i;
        }
        Arrays.sort(keys);
        int[] pids = new int[infos.length];
        ProcessInfo[] sorted = new ProcessInfo[infos.length];
        for (int i = 0; i < keys.length; i++) {
            pids[i] = (int) (keys[i] >>> 32);
            sorted[i] = infos[(int) keys[i]];
        }
        return new PidSortedMap(pids, sorted, 0, infos.length);
    }

    @Override
    public int size() {
        return to - from;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public ProcessInfo get(Object key) {
        int index = indexOf(key);
        return index >= 0 ? infos[index] : null;
    }

    private int indexOf(Object key) {
        return key instanceof Integer pid ? Math.max(-1, Arrays.binarySearch(pids, from, to, pid)) : -1;
    }

    /** The first index in range whose pid is at least {@code pid}. */
    private int lowerBound(int pid) {
        int index = Arrays.binarySearch(pids, from, to, pid);
        return index >= 0 ? index : -index - 1;
    }

    @Override
    public Comparator<? super Integer> comparator() {
        return null;
    }

    @Override
    public SortedMap<Integer, ProcessInfo> subMap(Integer fromKey, Integer toKey) {
        if (fromKey > toKey) {
            throw new IllegalArgumentException("fromKey > toKey");
        }
        return new PidSortedMap(pids, infos, lowerBound(fromKey), Math.max(lowerBound(fromKey), lowerBound(toKey)));
    }

    @Override
    public SortedMap<Integer, ProcessInfo> headMap(Integer toKey) {
        return new PidSortedMap(pids, infos, from, lowerBound(toKey));
    }

    @Override
    public SortedMap<Integer, ProcessInfo> tailMap(Integer fromKey) {
        return new PidSortedMap(pids, infos, lowerBound(fromKey), to);
    }

    @Override
    public Integer firstKey() {
        if (from == to) {
            throw new NoSuchElementException();
        }
        return pids[from];
    }

    @Override
    public Integer lastKey() {
        if (from == to) {
            throw new NoSuchElementException();
        }
        return pids[to - 1];
    }

    @Override
    public Set<Map.Entry<Integer, ProcessInfo>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<Integer, ProcessInfo>> iterator() {
                return new Iterator<>() {
                    private int next = from;

                    @Override
                    public boolean hasNext() {
                        return next < to;
                    }

                    @Override
                    public Map.Entry<Integer, ProcessInfo> next() {
                        if (next >= to) {
                            throw new NoSuchElementException();
                        }
                        int index = next++;
                        return new SimpleImmutableEntry<>(pids[index], infos[index]);
                    }
                };
            }

            @Override
            public int size() {
                return to - from;
            }
        };
    }
}
