package io.sandkernel.coreutils;

import com.github.difflib.algorithm.Change;
import com.github.difflib.algorithm.DiffAlgorithmListener;
import com.github.difflib.algorithm.myers.MyersDiffWithLinearSpace;
import java.util.ArrayList;
import java.util.List;

/**
 * The edit script of diff: a minimal line diff from java-diff-utils (Myers, linear space), then
 * GNU diff's boundary shifting (analyze.c's shift_boundaries), which slides each run of changed
 * lines so that runs merge and land where GNU's would, and finally the changes as hunks of
 * deleted and inserted lines, as GNU's build_script makes them.
 */
final class DiffEngine {
    private DiffEngine() {}

    /** One change: {@code deleted} lines from {@code line0} and {@code inserted} lines from {@code line1}, 0-based. */
    record Hunk(int line0, int deleted, int line1, int inserted) {}

    /**
     * The changes between two files given as line equivalence classes (equal lines, after any
     * -i/-w/-b folding, have equal numbers).
     */
    static List<Hunk> diff(int[] a, int[] b, CpuCheckpoint checkpoint) {
        List<Integer> left = new ArrayList<>(a.length);
        for (int v : a) {
            left.add(v);
        }
        List<Integer> right = new ArrayList<>(b.length);
        for (int v : b) {
            right.add(v);
        }
        DiffAlgorithmListener listener = new DiffAlgorithmListener() {
            @Override
            public void diffStart() {
            }

            @Override
            public void diffStep(int value, int max) {
                checkpoint.poll();
            }

            @Override
            public void diffEnd() {
            }
        };
        List<Change> changes = new MyersDiffWithLinearSpace<Integer>(Integer::equals).computeDiff(left, right, listener);
        // changed flags with a sentinel at each end, as GNU's arrays have (index + 1)
        boolean[] changed0 = new boolean[a.length + 2];
        boolean[] changed1 = new boolean[b.length + 2];
        for (Change c : changes) {
            for (int i = c.startOriginal; i < c.endOriginal; i++) {
                changed0[i + 1] = true;
            }
            for (int i = c.startRevised; i < c.endRevised; i++) {
                changed1[i + 1] = true;
            }
        }
        shiftBoundaries(a, changed0, changed1);
        shiftBoundaries(b, changed1, changed0);
        return script(changed0, a.length, changed1, b.length);
    }

    /**
     * GNU diff's shift_boundaries for one file: each run of changes is moved back while the
     * line before it equals its last line, then forward while its first line equals the line
     * after it (merging with neighbouring runs), and finally back to where it lines up with a
     * run of changes in the other file, if it can.
     */
    private static void shiftBoundaries(int[] equivs, boolean[] changedArray, boolean[] otherArray) {
        int end = equivs.length;
        // c(i) is changed[i], o(j) is other_changed[j] in GNU's 0-based terms; arrays are offset by one
        int i = 0;
        int j = 0;
        while (true) {
            while (i < end && !changedArray[i + 1]) {
                while (otherArray[1 + j++]) {
                    // skip the other file's changed lines
                }
                i++;
            }
            if (i == end) {
                break;
            }
            int start = i;
            while (changedArray[1 + ++i]) {
                // find the end of this run
            }
            while (otherArray[1 + j]) {
                j++;
            }
            int runLength;
            int corresponding;
            do {
                runLength = i - start;
                while (start > 0 && equivs[start - 1] == equivs[i - 1]) {
                    changedArray[1 + --start] = true;
                    changedArray[1 + --i] = false;
                    while (changedArray[1 + start - 1]) {
                        start--;
                    }
                    while (otherArray[1 + --j]) {
                        // back over the other file's changes
                    }
                }
                corresponding = otherArray[1 + j - 1] ? i : end;
                while (i != end && equivs[start] == equivs[i]) {
                    changedArray[1 + start++] = false;
                    changedArray[1 + i++] = true;
                    while (changedArray[1 + i]) {
                        i++;
                    }
                    while (otherArray[1 + ++j]) {
                        corresponding = i;
                    }
                }
            } while (runLength != i - start);
            while (corresponding < i) {
                changedArray[1 + --start] = true;
                changedArray[1 + --i] = false;
                while (otherArray[1 + --j]) {
                    // back over the other file's changes
                }
            }
        }
    }

    /** The hunks from the changed flags, walking both files together. */
    private static List<Hunk> script(boolean[] changed0, int length0, boolean[] changed1, int length1) {
        List<Hunk> hunks = new ArrayList<>();
        int i0 = 0;
        int i1 = 0;
        while (i0 < length0 || i1 < length1) {
            if (changed0[1 + i0] || changed1[1 + i1]) {
                int line0 = i0;
                int line1 = i1;
                while (i0 < length0 && changed0[1 + i0]) {
                    i0++;
                }
                while (i1 < length1 && changed1[1 + i1]) {
                    i1++;
                }
                hunks.add(new Hunk(line0, i0 - line0, line1, i1 - line1));
            }
            i0++;
            i1++;
        }
        return hunks;
    }
}
