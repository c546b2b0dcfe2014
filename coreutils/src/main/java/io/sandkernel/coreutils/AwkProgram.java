package io.sandkernel.coreutils;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed awk program: BEGIN and END actions, the pattern-action rules, functions and globals. */
final class AwkProgram {
    /** A pattern-action rule; a range when {@code to} is set. A missing action prints the record. */
    static final class Rule {
        final AwkExpr from;
        final AwkExpr to;
        final AwkStmt action;
        boolean inRange;

        Rule(AwkExpr from, AwkExpr to, AwkStmt action) {
            this.from = from;
            this.to = to;
            this.action = action;
        }
    }

    final List<AwkStmt> begin = new ArrayList<>();
    final List<AwkStmt> end = new ArrayList<>();
    final List<Rule> rules = new ArrayList<>();
    final Map<String, AwkCall.Function> functions = new LinkedHashMap<>();
    /** Global variable slots by name, the special variables first. */
    final Map<String, Integer> globals = new LinkedHashMap<>();

    AwkProgram() {
        for (String name : AwkRuntime.SPECIAL_NAMES) {
            globals.put(name, globals.size());
        }
    }

    /** The slot of global {@code name}, allocated on first use. */
    int slot(String name) {
        return globals.computeIfAbsent(name, k -> globals.size());
    }

    /** Whether awk has to read input: there are rules or END actions. */
    boolean readsInput() {
        return !rules.isEmpty() || !end.isEmpty();
    }
}
