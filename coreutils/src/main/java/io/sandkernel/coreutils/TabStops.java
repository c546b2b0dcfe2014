package io.sandkernel.coreutils;

import java.util.ArrayList;
import java.util.List;

/**
 * The tab stops of expand and unexpand (GNU's expand-common.c): a single size, or ascending
 * explicit columns optionally followed by {@code /N} (every multiple of N after them) or
 * {@code +N} (every N columns after the last). Errors are reported as GNU's, each on its own
 * line, and end the command with status 1.
 */
final class TabStops {
    private final List<Long> stops = new ArrayList<>();
    private long extendSize;
    private long incrementSize;
    private long tabSize;
    private final List<String> errors = new ArrayList<>();
    private final String command;

    /** @param command the command's name, for the second and later error lines */
    TabStops(String command) {
        this.command = command;
    }

    /** Adds one explicit stop. */
    void add(long column) {
        stops.add(column);
    }

    /** parse_tab_stops: a comma- or blank-separated list. */
    void parse(String list) {
        boolean have = false;
        long value = 0;
        boolean extend = false;
        boolean increment = false;
        int numberStart = 0;
        boolean ok = true;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == ',' || c == ' ' || c == '\t') {
                if (have) {
                    if (extend) {
                        if (!setExtend(value)) {
                            ok = false;
                            break;
                        }
                    } else if (increment) {
                        if (!setIncrement(value)) {
                            ok = false;
                            break;
                        }
                    } else {
                        add(value);
                    }
                }
                have = false;
            } else if (c == '/' || c == '+') {
                if (have) {
                    errors.add("'" + c + "' specifier not at start of number: " + Diagnostics.quote(list.substring(i)));
                    ok = false;
                }
                extend = c == '/';
                increment = c == '+';
            } else if (c >= '0' && c <= '9') {
                if (!have) {
                    value = 0;
                    have = true;
                    numberStart = i;
                }
                if (value > (Long.MAX_VALUE - (c - '0')) / 10) {
                    int end = numberStart;
                    while (end < list.length() && Character.isDigit(list.charAt(end))) {
                        end++;
                    }
                    errors.add("tab stop is too large " + Diagnostics.quote(list.substring(numberStart, end)));
                    ok = false;
                    i = end - 1;
                } else {
                    value = value * 10 + (c - '0');
                }
            } else {
                errors.add("tab size contains invalid character(s): " + Diagnostics.quote(list.substring(i)));
                ok = false;
                break;
            }
        }
        if (ok && have) {
            if (extend) {
                ok = setExtend(value);
            } else if (increment) {
                ok = setIncrement(value);
            } else {
                add(value);
            }
        }
        if (!ok) {
            throw failure();
        }
    }

    private boolean setExtend(long value) {
        boolean ok = extendSize == 0;
        if (!ok) {
            errors.add("'/' specifier only allowed with the last value");
        }
        extendSize = value;
        return ok;
    }

    private boolean setIncrement(long value) {
        boolean ok = incrementSize == 0;
        if (!ok) {
            errors.add("'+' specifier only allowed with the last value");
        }
        incrementSize = value;
        return ok;
    }

    private UsageException failure() {
        return UsageException.withoutHint(String.join("\n" + command + ": ", errors));
    }

    /** finalize_tab_stops: validates and settles the single-size case. */
    void finish() {
        long previous = 0;
        for (long stop : stops) {
            if (stop == 0) {
                throw UsageException.withoutHint("tab size cannot be 0");
            }
            if (stop <= previous) {
                throw UsageException.withoutHint("tab sizes must be ascending");
            }
            previous = stop;
        }
        if (incrementSize != 0 && extendSize != 0) {
            throw UsageException.withoutHint("'/' specifier is mutually exclusive with '+'");
        }
        if (stops.isEmpty()) {
            tabSize = extendSize != 0 ? extendSize : incrementSize != 0 ? incrementSize : 8;
        } else if (stops.size() == 1 && extendSize == 0 && incrementSize == 0) {
            tabSize = stops.get(0);
        } else {
            tabSize = 0;
        }
    }

    /**
     * get_next_tab_column: the next stop after {@code column}, advancing {@code index[0]}, or -1
     * when the explicit stops are exhausted (the "last tab").
     */
    long next(long column, int[] index) {
        if (tabSize != 0) {
            return column + (tabSize - column % tabSize);
        }
        for (; index[0] < stops.size(); index[0]++) {
            long tab = stops.get(index[0]);
            if (column < tab) {
                return tab;
            }
        }
        if (extendSize != 0) {
            return column + (extendSize - column % extendSize);
        }
        if (incrementSize != 0) {
            long end = stops.get(stops.size() - 1);
            return column + (incrementSize - ((column - end) % incrementSize));
        }
        return -1;
    }
}
