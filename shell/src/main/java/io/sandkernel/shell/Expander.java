package io.sandkernel.shell;

import io.sandkernel.shell.Ast.Arith;
import io.sandkernel.shell.Ast.CmdSub;
import io.sandkernel.shell.Ast.Dq;
import io.sandkernel.shell.Ast.Lit;
import io.sandkernel.shell.Ast.Param;
import io.sandkernel.shell.Ast.Part;
import io.sandkernel.shell.Ast.Quoted;
import io.sandkernel.shell.Ast.Tilde;
import io.sandkernel.shell.Ast.Word;
import io.sandkernel.api.fs.DirEntry;
import io.sandkernel.api.fs.FileType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Word expansion: tilde, parameter, command substitution and arithmetic expansion, field
 * splitting on IFS, pathname expansion and quote removal. Fields are built in "pattern form":
 * characters that came from quoting are backslash-escaped, so globbing and case patterns see
 * which characters are literal, and quote removal is {@link Patterns#unescape}.
 */
final class Expander {
    /** What expansion needs from the shell around it. */
    interface Context {
        /** Runs a command substitution and returns its output (trailing newlines included). */
        String commandSubstitution(CmdSub sub);


        /** Dynamic variables the shell computes ({@code LINENO}); null when not one. */
        default String special(String name) {
            return null;
        }
    }

    /** What pathname expansion asks of the filesystem. */
    interface Files {
        /**
         * The entries of the directory {@code path}, {@code .} and {@code ..} included as
         * {@code readdir} gives them (dash's {@code .*} matches them), or null when it cannot be
         * read.
         */
        List<DirEntry> listDirectory(String path);

        /** Whether {@code path} exists, a dangling symbolic link included ({@code lstat}). */
        boolean exists(String path);

        /** Whether {@code path} is a directory, following symbolic links ({@code stat}). */
        boolean isDirectory(String path);
    }

    private final ShellState state;
    private final Context context;
    private final Files files;

    Expander(ShellState state, Context context, Files files) {
        this.state = state;
        this.context = context;
        this.files = files;
    }

    /** The fields being built. */
    private static final class Fields {
        final List<String> done = new ArrayList<>();
        final List<Boolean> doneGlob = new ArrayList<>();
        final StringBuilder current = new StringBuilder();
        boolean hasContent;
        boolean glob;

        void append(String patternText, boolean globActive) {
            current.append(patternText);
            if (!patternText.isEmpty()) {
                hasContent = true;
            }
            glob |= globActive;
        }

        void end(boolean force) {
            if (hasContent || force) {
                done.add(current.toString());
                doneGlob.add(glob);
            }
            current.setLength(0);
            hasContent = false;
            glob = false;
        }
    }

    /** Expands command words into fields: splitting and globbing applied. */
    List<String> expandWords(List<Word> words) {
        List<String> result = new ArrayList<>();
        for (Word word : words) {
            result.addAll(expandWord(word));
        }
        return result;
    }

    List<String> expandWord(Word word) {
        Fields fields = new Fields();
        appendParts(word.parts(), false, true, fields);
        fields.end(false);
        List<String> result = new ArrayList<>();
        for (int i = 0; i < fields.done.size(); i++) {
            String pattern = fields.done.get(i);
            if (fields.doneGlob.get(i) && !state.noglob && Patterns.hasGlob(pattern)) {
                List<String> matches = glob(pattern);
                if (!matches.isEmpty()) {
                    result.addAll(matches);
                    continue;
                }
            }
            result.add(Patterns.unescape(pattern));
        }
        return result;
    }

    /** Expands a word to one string: no field splitting, no globbing (assignments, redirections). */
    String expandString(Word word) {
        return Patterns.unescape(expandToPattern(word, false));
    }

    /** Expands a word as a pattern (case, ${x%pattern}): quoted characters stay escaped. */
    String expandPattern(Word word) {
        return expandToPattern(word, false);
    }

    /** Expands a here-document body (the parts are all in quoted context already). */
    String expandHeredoc(Word body) {
        return Patterns.unescape(expandToPattern(body, true));
    }

    private String expandToPattern(Word word, boolean quoted) {
        if (word == null) {
            return "";
        }
        Fields fields = new Fields();
        appendParts(word.parts(), quoted, false, fields);
        fields.end(false);
        return String.join(" ", fields.done);
    }

    private void appendParts(List<Part> parts, boolean quoted, boolean split, Fields fields) {
        appendParts(parts, quoted, split, fields, false);
    }

    /** With {@code splitLiterals}, unquoted literal text is split too (the word of ${x:-word}). */
    private void appendParts(List<Part> parts, boolean quoted, boolean split, Fields fields, boolean splitLiterals) {
        for (Part part : parts) {
            switch (part) {
                case Lit lit -> {
                    if (quoted) {
                        fields.append(Patterns.escape(lit.text()), false);
                    } else if (splitLiterals && split) {
                        appendValue(lit.text(), false, true, fields);
                    } else {
                        fields.append(lit.text(), true);
                    }
                }
                case Quoted q -> {
                    fields.append(Patterns.escape(q.text()), false);
                    if (q.text().isEmpty()) {
                        fields.hasContent = true;
                    }
                }
                case Dq dq -> {
                    if (!isEmptyAt(dq)) {
                        fields.hasContent = true;
                    }
                    appendParts(dq.parts(), true, split, fields);
                }
                case Param param -> appendParam(param, quoted, split, fields);
                case CmdSub sub -> {
                    String output = context.commandSubstitution(sub);
                    int end = output.length();
                    while (end > 0 && output.charAt(end - 1) == '\n') {
                        end--;
                    }
                    appendValue(output.substring(0, end), quoted, split, fields);
                }
                case Arith arith -> {
                    String expression = expandString(arith.expression());
                    long value = io.sandkernel.shell.Arith.eval(expression, arithVars());
                    appendValue(Long.toString(value), quoted, split, fields);
                }
                case Tilde tilde -> {
                    String home = tilde.user().isEmpty() ? state.get("HOME") : null;
                    fields.append(Patterns.escape(home == null ? "~" + tilde.user() : home), false);
                }
            }
        }
    }

    /** Whether a double-quoted group is just "$@" with no positional parameters (no field). */
    private boolean isEmptyAt(Dq dq) {
        if (!state.positional.isEmpty() || dq.parts().isEmpty()) {
            return false;
        }
        for (Part part : dq.parts()) {
            if (!(part instanceof Param p && p.name().equals("@") && p.op().isEmpty())) {
                return false;
            }
        }
        return true;
    }

    io.sandkernel.shell.Arith.Vars arithVars() {
        return new io.sandkernel.shell.Arith.Vars() {
            @Override
            public String get(String name) {
                String value = state.get(name);
                if (value == null && state.nounset) {
                    throw new ShellError(name + ": parameter not set");
                }
                return value;
            }

            @Override
            public void set(String name, String value) {
                state.set(name, value);
            }
        };
    }

    /** Appends an expansion result: quoted, split on IFS, or unsplit. */
    private void appendValue(String value, boolean quoted, boolean split, Fields fields) {
        if (quoted) {
            fields.append(Patterns.escape(value), false);
            return;
        }
        if (!split) {
            fields.append(value.replace("\\", "\\\\"), true);
            return;
        }
        String ifs = state.ifs();
        if (ifs.isEmpty()) {
            fields.append(value.replace("\\", "\\\\"), true);
            return;
        }
        int i = 0;
        int n = value.length();
        StringBuilder piece = new StringBuilder();
        while (i < n) {
            char c = value.charAt(i);
            if (ifs.indexOf(c) < 0) {
                piece.append(c == '\\' ? "\\\\" : String.valueOf(c));
                i++;
                continue;
            }
            fields.append(piece.toString(), true);
            piece.setLength(0);
            boolean hard = false;
            while (i < n && ifs.indexOf(value.charAt(i)) >= 0 && isIfsWhite(value.charAt(i))) {
                i++;
            }
            if (i < n && ifs.indexOf(value.charAt(i)) >= 0 && !isIfsWhite(value.charAt(i))) {
                hard = true;
                i++;
                while (i < n && ifs.indexOf(value.charAt(i)) >= 0 && isIfsWhite(value.charAt(i))) {
                    i++;
                }
            }
            fields.end(hard);
        }
        fields.append(piece.toString(), true);
    }

    private static boolean isIfsWhite(char c) {
        return c == ' ' || c == '\t' || c == '\n';
    }

    /** The value of a parameter, or null when unset. */
    String value(String name) {
        switch (name) {
            case "?":
                return Integer.toString(state.lastStatus);
            case "$":
                return Integer.toString(state.shellPid);
            case "!":
                return state.lastBackgroundPid < 0 ? null : Integer.toString(state.lastBackgroundPid);
            case "#":
                return Integer.toString(state.positional.size());
            case "-":
                return state.flags();
            case "@":
            case "*":
                return state.positional.isEmpty() ? null : String.join(separator(), state.positional);
            default:
                break;
        }
        if (Character.isDigit(name.charAt(0))) {
            int index = Integer.parseInt(name);
            if (index == 0) {
                return state.arg0;
            }
            return index <= state.positional.size() ? state.positional.get(index - 1) : null;
        }
        String value = state.get(name);
        return value != null || !name.equals("LINENO") ? value : context.special(name);
    }

    private String separator() {
        String ifs = state.get("IFS");
        if (ifs == null) {
            return " ";
        }
        return ifs.isEmpty() ? "" : ifs.substring(0, 1);
    }

    private String checkedValue(String name) {
        String value = value(name);
        if (value == null && state.nounset && !name.equals("@") && !name.equals("*")) {
            throw new ShellError(name + ": parameter not set");
        }
        return value;
    }

    private void appendParam(Param param, boolean quoted, boolean split, Fields fields) {
        String name = param.name();
        String op = param.op();
        switch (op) {
            case "" -> {
                if (name.equals("@") || name.equals("*")) {
                    appendPositional(name, quoted, split, fields);
                } else {
                    String value = checkedValue(name);
                    appendValue(value == null ? "" : value, quoted, split, fields);
                }
            }
            case "len" -> {
                String value = name.equals("@") || name.equals("*")
                        ? Integer.toString(state.positional.size()) : checkedValue(name);
                appendValue(Integer.toString(value == null ? 0 : value.length()), quoted, split, fields);
            }
            case ":-", "-", ":+", "+" -> {
                String value = value(name);
                boolean set = value != null && (!op.startsWith(":") || !value.isEmpty());
                boolean useArg = op.endsWith("-") ? !set : set;
                if (useArg) {
                    appendParts(param.arg().parts(), quoted, split, fields, true);
                } else if (op.endsWith("-")) {
                    if (name.equals("@") || name.equals("*")) {
                        appendPositional(name, quoted, split, fields);
                    } else {
                        appendValue(value, quoted, split, fields);
                    }
                }
            }
            case ":=", "=" -> {
                String value = value(name);
                boolean set = value != null && (op.equals("=") || !value.isEmpty());
                if (!set) {
                    if (!Lexer.isName(name)) {
                        throw new ShellError(name + ": bad variable name");
                    }
                    value = expandString(param.arg());
                    state.set(name, value);
                }
                appendValue(value, quoted, split, fields);
            }
            case ":?", "?" -> {
                String value = value(name);
                boolean set = value != null && (op.equals("?") || !value.isEmpty());
                if (!set) {
                    String message = param.arg() == null || param.arg().raw().isEmpty()
                            ? "parameter not set" : expandString(param.arg());
                    throw new ShellError(name + ": " + message);
                }
                appendValue(value, quoted, split, fields);
            }
            default -> {
                String value = checkedValue(name);
                if (value == null) {
                    value = "";
                }
                String pattern = expandPattern(param.arg());
                appendValue(trim(value, op, pattern), quoted, split, fields);
            }
        }
    }

    static String trim(String value, String op, String pattern) {
        int n = value.length();
        switch (op) {
            case "%" -> {
                for (int i = n; i >= 0; i--) {
                    if (Patterns.matches(pattern, value.substring(i))) {
                        return value.substring(0, i);
                    }
                }
            }
            case "%%" -> {
                for (int i = 0; i <= n; i++) {
                    if (Patterns.matches(pattern, value.substring(i))) {
                        return value.substring(0, i);
                    }
                }
            }
            case "#" -> {
                for (int i = 0; i <= n; i++) {
                    if (Patterns.matches(pattern, value.substring(0, i))) {
                        return value.substring(i);
                    }
                }
            }
            case "##" -> {
                for (int i = n; i >= 0; i--) {
                    if (Patterns.matches(pattern, value.substring(0, i))) {
                        return value.substring(i);
                    }
                }
            }
            default -> throw new IllegalArgumentException(op);
        }
        return value;
    }

    private void appendPositional(String name, boolean quoted, boolean split, Fields fields) {
        List<String> params = state.positional;
        if (quoted && name.equals("*")) {
            fields.append(Patterns.escape(String.join(separator(), params)), false);
            return;
        }
        if (quoted) {
            for (int i = 0; i < params.size(); i++) {
                if (i > 0) {
                    fields.end(true);
                }
                fields.append(Patterns.escape(params.get(i)), false);
                fields.hasContent = true;
            }
            return;
        }
        if (!split) {
            fields.append(String.join(" ", params).replace("\\", "\\\\"), true);
            return;
        }
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) {
                fields.end(false);
            }
            appendValue(params.get(i), false, true, fields);
        }
    }

    // ---------------------------------------------------------------- pathname expansion

    private List<String> glob(String pattern) {
        List<String> results = new ArrayList<>();
        String[] components = pattern.split("/", -1);
        boolean absolute = pattern.startsWith("/");
        globComponents(absolute ? "/" : "", components, absolute ? 1 : 0, results);
        Collections.sort(results);
        return results;
    }

    /** Whether an entry is a directory: its type says, unless it is a link (or unknown) to follow. */
    private boolean isDirectory(String path, FileType type) {
        return switch (type) {
            case DIRECTORY -> true;
            case SYMLINK, UNKNOWN -> files.isDirectory(path);
            default -> false;
        };
    }

    private void globComponents(String prefix, String[] components, int index, List<String> results) {
        if (index == components.length) {
            results.add(prefix);
            return;
        }
        String component = components[index];
        boolean last = index == components.length - 1;
        if (component.isEmpty()) {
            if (last) {
                results.add(prefix);
            } else {
                globComponents(prefix, components, index + 1, results);
            }
            return;
        }
        if (!Patterns.hasGlob(component)) {
            String path = prefix + Patterns.unescape(component);
            if (last) {
                if (files.exists(path)) {
                    results.add(path);
                }
            } else {
                globComponents(path + "/", components, index + 1, results);
            }
            return;
        }
        List<DirEntry> entries = files.listDirectory(prefix.isEmpty() ? "." : prefix);
        if (entries == null) {
            return;
        }
        List<DirEntry> sorted = new ArrayList<>(entries);
        sorted.sort(java.util.Comparator.comparing(DirEntry::name));
        boolean dotOk = component.startsWith(".") || component.startsWith("\\.");
        for (DirEntry entry : sorted) {
            String name = entry.name();
            if (name.startsWith(".") && !dotOk) {
                continue;
            }
            if (!Patterns.matches(component, name)) {
                continue;
            }
            if (last) {
                results.add(prefix + name);
            } else if (isDirectory(prefix + name, entry.type())) {
                globComponents(prefix + name + "/", components, index + 1, results);
            }
        }
    }
}
