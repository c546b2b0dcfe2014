package io.sandkernel.shell;

import io.sandkernel.shell.Ast.Param;
import io.sandkernel.shell.Expander.Fields;
import io.sandkernel.shell.ShellState.Var;
import java.util.ArrayList;
import java.util.List;

/**
 * Parameter expansion {@code ${...}} for the {@link Expander}: what a parameter refers to (a
 * special parameter, a variable, an array element, all elements, through {@code ${!ref}}), then
 * the operator: defaults and errors, length, trimming, and bash's substrings, substitution, case
 * changes and transformations, applied to each element of a list.
 */
final class ParamExpander {
    private final Expander expander;
    private final ShellState state;
    private final Values values;

    ParamExpander(Expander expander) {
        this.expander = expander;
        this.state = expander.state;
        this.values = expander.values;
    }

    /** What a parameter refers to: one value (maybe unset), or a list ($@, ${a[@]}). */
    private static final class Target {
        String name;
        String subscript;
        boolean list;
        boolean star;
        String value;
        List<String> items;

        boolean isSet(boolean colon) {
            if (list) {
                // null only when "$*" would be: no items, or a single empty one
                return !items.isEmpty() && (!colon || items.size() > 1 || !items.get(0).isEmpty());
            }
            return value != null && (!colon || !value.isEmpty());
        }
    }

    private Target resolve(Param param) {
        String name = param.name();
        if (param.indirect() && param.index() == null && state.vars.get(name) != null
                && state.vars.get(name).is(Var.NAMEREF)) {
            Target named = new Target();
            named.name = name;
            named.value = state.vars.get(name).value; // ${!ref} of a nameref: the name it refers to
            return named;
        }
        if (param.indirect()) {
            Target ref = resolve(new Param(name, "", null, param.index(), false, null));
            String refName = ref.list ? String.join(" ", ref.items) : ref.value;
            if (refName == null || refName.isEmpty()) {
                throw new ShellError(name + ": invalid indirect expansion", 1);
            }
            return resolveText(refName);
        }
        Target target = new Target();
        name = state.resolve(name);
        target.name = name;
        List<String> dynamic = param.index() != null || name.equals("PIPESTATUS")
                ? expander.context.specialArray(name) : null;
        if (dynamic != null && state.vars.get(name) == null) {
            Var var = new Var(null, false);
            var.array = new java.util.TreeMap<>();
            for (int i = 0; i < dynamic.size(); i++) {
                var.array.put((long) i, dynamic.get(i));
            }
            return resolveIn(var, param, target);
        }
        if (param.index() != null) {
            Var var = state.vars.get(name);
            if (param.allElements()) {
                target.list = true;
                target.star = param.index().raw().equals("*");
                target.items = var == null ? specialList(name) : Values.elements(var);
                return target;
            }
            String subscript = values.subscriptText(param.index());
            target.subscript = subscript;
            target.value = values.element(name, subscript);
            return target;
        }
        if (name.equals("@") || name.equals("*")) {
            target.list = true;
            target.star = name.equals("*");
            target.items = state.positional;
            return target;
        }
        target.value = values.value(name);
        return target;
    }

    /** {@code name[...]} of a computed array. */
    private Target resolveIn(Var var, Param param, Target target) {
        if (param.index() == null) {
            target.value = var.scalar();
            return target;
        }
        if (param.allElements()) {
            target.list = true;
            target.star = param.index().raw().equals("*");
            target.items = Values.elements(var);
            return target;
        }
        String subscript = values.subscriptText(param.index());
        target.subscript = subscript;
        target.value = var.array.get(values.index(var, subscript));
        return target;
    }

    /** A dynamic array of the shell (FUNCNAME...) or nothing. */
    private List<String> specialList(String name) {
        String value = expander.context.special(name);
        return value == null ? List.of() : List.of(value);
    }

    /** {@code ${!ref}} where ref holds {@code name} or {@code name[subscript]}. */
    private Target resolveText(String text) {
        int bracket = text.indexOf('[');
        if (bracket > 0 && text.endsWith("]") && Lexer.isName(text.substring(0, bracket))) {
            String sub = text.substring(bracket + 1, text.length() - 1);
            return resolve(new Param(text.substring(0, bracket), "", null, Ast.Word.literal(sub), false, null));
        }
        if (!Lexer.isName(text) && !text.matches("[0-9]+|[@*#?$!-]")) {
            throw new ShellError(text + ": invalid variable name", 1);
        }
        return resolve(new Param(text, "", null));
    }

    private void checkNounset(Target target, Param param) {
        if (!target.list && target.value == null && state.nounset) {
            String shown = param.index() == null ? param.name() : param.name() + "[" + target.subscript + "]";
            throw values.unbound(shown);
        }
    }

    /** Whether {@code "$@"} / {@code "${a[@]}"} here expands to no field at all. */
    boolean expandsToNoFields(Param param) {
        if (state.bash && (param.op().equals("+") || param.op().equals(":+")) && !param.indirect()) {
            // bash: ${a[@]+w} of an empty list is "${a[@]}" itself, no field at all
            return expandsToNoFields(new Param(param.name(), "", null, param.index(), false, null));
        }
        if (!param.op().isEmpty() || param.indirect()) {
            return false;
        }
        if (param.index() == null) {
            return param.name().equals("@") && state.positional.isEmpty();
        }
        if (!param.allElements() || param.index().raw().equals("*")) {
            return false;
        }
        Var var = state.target(param.name());
        return var == null || !var.isSet();
    }

    void append(Param param, boolean quoted, boolean split, Fields fields) {
        expander.context.checkpoint();
        String op = param.op();
        switch (op) {
            case "keys" -> {
                Var var = state.target(param.name());
                expander.appendList(Values.keys(var), param.index().raw().equals("*"), quoted, split, fields);
                return;
            }
            case "names" -> {
                expander.appendList(values.namesWithPrefix(param.name()), param.index().raw().equals("*"), quoted,
                        split, fields);
                return;
            }
            default -> {
            }
        }
        Target target = resolve(param);
        switch (op) {
            case "" -> {
                checkNounset(target, param);
                appendTarget(target, quoted, split, fields);
            }
            case "len" -> {
                if (target.list && !state.bash && (param.name().equals("@") || param.name().equals("*"))) {
                    // dash measures "$*", the parameters joined by IFS's first character
                    appendValue(Integer.toString(length(String.join(values.separator(), target.items))), quoted,
                            split, fields);
                } else if (target.list) {
                    if (state.bash && state.nounset && param.index() != null) {
                        Var var = state.target(param.name());
                        if (var == null || var.is(Var.DECLARED)) {
                            // bash: the length of an array never assigned is an unset variable; the line is abandoned
                            throw new ShellError(param.name() + ": unbound variable", 1);
                        }
                    }
                    appendValue(Integer.toString(target.items.size()), quoted, split, fields);
                } else {
                    checkNounset(target, param);
                    appendValue(Integer.toString(target.value == null ? 0 : length(target.value)), quoted, split,
                            fields);
                }
            }
            case ":-", "-", ":+", "+" -> {
                boolean positional = param.index() == null && (param.name().equals("@") || param.name().equals("*"));
                // dash takes $@ and $* for set even with no parameters: ${@+w} is w, ${@-w} is "$@"
                boolean set = target.isSet(op.startsWith(":")) || (!state.bash && positional && op.length() == 1);
                boolean useArg = op.endsWith("-") ? !set : set;
                if (useArg) {
                    expander.appendParts(param.arg().parts(), quoted, split, fields, true);
                } else if (op.endsWith("-") || (state.bash && target.list)) {
                    // bash: an unused ${a[@]+w} is "${a[@]}" itself, so quoted it makes no field at all
                    appendTarget(target, quoted, split, fields);
                }
            }
            case ":=", "=" -> {
                if (target.isSet(op.equals(":="))) {
                    appendTarget(target, quoted, split, fields);
                    return;
                }
                if (target.list || !Lexer.isName(target.name) || param.indirect()) {
                    throw new ShellError(
                            (state.bash ? "$" + target.name + ": cannot assign in this way" : target.name + ": bad variable name"),
                            state.bash ? 1 : 2);
                }
                String value = expander.expandString(param.arg());
                if (target.subscript != null) {
                    values.assignElement(target.name, target.subscript, value, false);
                } else {
                    values.assign(target.name, value, false);
                }
                appendValue(value, quoted, split, fields);
            }
            case ":?", "?" -> {
                if (!target.isSet(op.equals(":?"))) {
                    String message = param.arg() == null || param.arg().raw().isEmpty()
                            ? (state.bash ? (op.equals(":?") ? "parameter null or not set" : "parameter null or not set")
                            : "parameter not set") : expander.expandString(param.arg());
                    throw new ShellError(target.name + ": " + message, state.bash ? 127 : 2);
                }
                appendTarget(target, quoted, split, fields);
            }
            case ":" -> substring(target, param, quoted, split, fields);
            default -> {
                checkNounset(target, param);
                PerItem operation = operation(param);
                if (target.list) {
                    List<String> results = new ArrayList<>(target.items.size());
                    for (String item : target.items) {
                        results.add(operation.apply(item));
                    }
                    expander.appendList(results, target.star, quoted, split, fields);
                } else {
                    appendValue(operation.apply(target.value == null ? "" : target.value), quoted, split, fields);
                }
            }
        }
    }

    private void appendValue(String value, boolean quoted, boolean split, Fields fields) {
        expander.appendValue(value, quoted, split, fields);
    }

    private void appendTarget(Target target, boolean quoted, boolean split, Fields fields) {
        if (target.list) {
            expander.appendList(target.items, target.star, quoted, split, fields);
        } else {
            appendValue(target.value == null ? "" : target.value, quoted, split, fields);
        }
    }

    /** Characters, as bash counts them; raw bytes are one each. */
    private static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    /** An operation applied to each element. */
    @FunctionalInterface
    private interface PerItem {
        String apply(String value);
    }

    private PerItem operation(Param param) {
        String op = param.op();
        switch (op) {
            case "%", "%%", "#", "##" -> {
                Patterns.Compiled pattern = Patterns.compile(expander.expandMatchPattern(param.arg()), false);
                return value -> trim(value, op, pattern);
            }
            case "/", "//", "/#", "/%" -> {
                String patternText = expander.expandMatchPattern(param.arg());
                Patterns.Compiled pattern = Patterns.compile(patternText, false);
                String replacement = param.arg2() == null ? "" : expander.expandPattern(param.arg2());
                boolean ampersand = state.shopts.contains("patsub_replacement");
                return value -> Substitution.replace(value, op, pattern, patternText.isEmpty(), replacement, ampersand);
            }
            case "^", "^^", ",", ",,", "~", "~~" -> {
                String patternText = param.arg() == null || param.arg().parts().isEmpty() ? "?"
                        : expander.expandMatchPattern(param.arg());
                Patterns.Compiled pattern = Patterns.compile(patternText, false);
                return value -> Substitution.changeCase(value, op, pattern);
            }
            default -> {
                if (op.startsWith("@")) {
                    return value -> Transforms.apply(op.charAt(1), value, param, state);
                }
                throw new ShellError("bad substitution", state.bash ? 1 : 2);
            }
        }
    }

    static String trim(String value, String op, Patterns.Compiled pattern) {
        int n = value.length();
        switch (op) {
            case "%" -> {
                for (int i = n; i >= 0; i--) {
                    if (pattern.matches(value, i, n)) {
                        return value.substring(0, i);
                    }
                }
            }
            case "%%" -> {
                for (int i = 0; i <= n; i++) {
                    if (pattern.matches(value, i, n)) {
                        return value.substring(0, i);
                    }
                }
            }
            case "#" -> {
                for (int i = 0; i <= n; i++) {
                    if (pattern.matches(value, 0, i)) {
                        return value.substring(i);
                    }
                }
            }
            case "##" -> {
                for (int i = n; i >= 0; i--) {
                    if (pattern.matches(value, 0, i)) {
                        return value.substring(i);
                    }
                }
            }
            default -> throw new IllegalArgumentException(op);
        }
        return value;
    }

    /** {@code ${x:offset:length}}, on a string or on the elements of a list. */
    private void substring(Target target, Param param, boolean quoted, boolean split, Fields fields) {
        String offsetText = expander.expandString(param.arg());
        long offset = offsetText.isBlank() ? 0 : Arith.eval(offsetText, values.arith(), true);
        Long length = null;
        if (param.arg2() != null) {
            String lengthText = expander.expandString(param.arg2());
            length = lengthText.isBlank() ? 0 : Arith.eval(lengthText, values.arith(), true);
        }
        if (target.list) {
            List<String> items = target.items;
            boolean positional = param.index() == null;
            if (positional) {
                List<String> withZero = new ArrayList<>(items.size() + 1);
                withZero.add(state.arg0);
                withZero.addAll(items);
                items = withZero;
            }
            Var var = positional ? null : state.target(param.name());
            int start;
            if (var != null && var.array != null) {
                // sparse arrays: from the first element whose index is at least the offset
                long base = offset < 0 ? (var.array.isEmpty() ? 0 : var.array.lastKey() + 1 + offset) : offset;
                start = var.array.headMap(base).size();
                if (offset < 0 && base < 0) {
                    start = items.size();
                }
            } else {
                start = (int) (offset < 0 ? Math.max(-1, items.size() + offset) : Math.min(offset, items.size()));
                if (start < 0) {
                    start = items.size();
                }
            }
            int end = items.size();
            if (length != null) {
                if (length < 0) {
                    throw new ShellError(length + ": substring expression < 0", 1);
                }
                end = (int) Math.min(items.size(), start + length);
            }
            List<String> slice = start >= end ? List.of() : items.subList(start, end);
            expander.appendList(slice, target.star, quoted, split, fields);
            return;
        }
        checkNounset(target, param);
        String value = target.value == null ? "" : target.value;
        int n = value.length();
        long start = offset < 0 ? n + offset : offset;
        if (start < 0 || start > n) {
            appendValue("", quoted, split, fields);
            return;
        }
        long end = n;
        if (length != null) {
            end = length < 0 ? n + length : Math.min(n, start + length);
            if (end < start) {
                if (length < 0) {
                    throw new ShellError(length + ": substring expression < 0", 1);
                }
                end = start;
            }
        }
        appendValue(value.substring((int) start, (int) end), quoted, split, fields);
    }
}
