package io.sandkernel.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * bash's call stack, read as the arrays {@code FUNCNAME}, {@code BASH_SOURCE} and
 * {@code BASH_LINENO} (element 0 the innermost call). It is kept as a list of frames, and the
 * arrays are made when read, as a call happens far more often than they are looked at. A script
 * file has a bottom frame {@code main}; {@code bash -c} has none.
 */
final class CallStack {
    /** One call: the function, the file it runs in, the line it was called from. */
    record Frame(String function, String source, int callLine) {}

    /** Innermost last. */
    private final List<Frame> frames;

    CallStack() {
        this.frames = new ArrayList<>();
    }

    private CallStack(List<Frame> frames, int sources) {
        this.frames = new ArrayList<>(frames);
        this.sources = sources;
    }

    /** A copy, for a subshell. */
    CallStack copy() {
        return new CallStack(frames, sources);
    }

    /** The bottom frame of a script file run as {@code bash file}. */
    void main(String source) {
        frames.add(new Frame("main", source, 0));
    }

    void push(String function, int callLine) {
        String source = frames.isEmpty() ? "environment" : frames.get(frames.size() - 1).source();
        frames.add(new Frame(function, source, callLine));
    }

    /** {@code source file}: bash shows a frame "source" running the file. */
    void pushSource(String file, int callLine) {
        frames.add(new Frame("source", file, callLine));
        sources++;
    }

    void popSource() {
        pop();
        sources--;
    }

    /** How many frames are sourced files (FUNCNAME needs a function frame beyond them). */
    private int sources;

    void pop() {
        frames.remove(frames.size() - 1);
    }

    /** FUNCNAME, BASH_SOURCE or BASH_LINENO as an array, or null for another name. */
    List<String> array(String name) {
        int n = frames.size();
        List<String> out = new ArrayList<>(n);
        switch (name) {
            case "FUNCNAME" -> {
                boolean main = n > 0 && frames.get(0).callLine() == 0 && frames.get(0).function().equals("main");
                if (n - (main ? 1 : 0) - sources <= 0) {
                    return out; // FUNCNAME exists only while a function runs
                }
                for (int i = n - 1; i >= 0; i--) {
                    out.add(frames.get(i).function());
                }
            }
            case "BASH_SOURCE" -> {
                for (int i = n - 1; i >= 0; i--) {
                    out.add(frames.get(i).source());
                }
            }
            case "BASH_LINENO" -> {
                for (int i = n - 1; i >= 0; i--) {
                    out.add(Integer.toString(frames.get(i).callLine()));
                }
            }
            default -> {
                return null;
            }
        }
        return out;
    }

    /** Element 0 of one of the arrays, or null. */
    String top(String name) {
        List<String> array = frames.isEmpty() ? null : array(name);
        return array == null || array.isEmpty() ? null : array.get(0);
    }
}
