package io.sandkernel.shell;

import io.sandkernel.api.MemoryReservation;
import io.sandkernel.api.fs.DirEntry;
import io.sandkernel.shell.Ast.Arith;
import io.sandkernel.shell.Ast.ArrayLit;
import io.sandkernel.shell.Ast.CmdSub;
import io.sandkernel.shell.Ast.Dq;
import io.sandkernel.shell.Ast.Lit;
import io.sandkernel.shell.Ast.Param;
import io.sandkernel.shell.Ast.Part;
import io.sandkernel.shell.Ast.ProcSubst;
import io.sandkernel.shell.Ast.Quoted;
import io.sandkernel.shell.Ast.Tilde;
import io.sandkernel.shell.Ast.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * Word expansion: tilde, parameter ({@link ParamExpander}), command substitution, arithmetic and
 * process substitution, field splitting on IFS, pathname expansion ({@link Globber}) and quote
 * removal. Fields are built in "pattern form": characters that came from quoting are
 * backslash-escaped, so globbing and case patterns see which characters are literal, and quote
 * removal is {@link Patterns#unescape}.
 */
final class Expander {
    /** Values built up to this size are not charged while they are built. */
    private static final int UNCHARGED = 1 << 20;
    /** What expansion needs from the shell around it. */
    interface Context {
        /** Runs a command substitution and returns its output (trailing newlines included). */
        String commandSubstitution(CmdSub sub);

        /** Starts a process substitution and returns the path naming its pipe ({@code /dev/fd/N}). */
        default String processSubstitution(ProcSubst sub) {
            throw new ShellError("process substitution is not supported here");
        }

        /** Dynamic variables the shell computes ({@code LINENO}, {@code RANDOM}...); null when not one. */
        default String special(String name) {
            return null;
        }

        /** A dynamic array of the shell ({@code PIPESTATUS}), or null when {@code name} is not one. */
        default List<String> specialArray(String name) {
            return null;
        }

        /** The home directory of {@code user} ({@code ~user}), or null when there is no such user. */
        default String homeOf(String user) {
            return null;
        }

        /** Acts on signals that arrived (a point where the shell can be stopped or killed). */
        default void checkpoint() {}
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

    final ShellState state;
    final Context context;
    final Values values;
    private final Globber globber;
    private final ParamExpander params;

    Expander(ShellState state, Context context, Files files) {
        this.state = state;
        this.context = context;
        this.values = new Values(state, context, this);
        this.globber = new Globber(files, state);
        this.params = new ParamExpander(this);
    }

    /** The fields being built. */
    static final class Fields {
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
        List<String> result = new ArrayList<>(words.size());
        for (Word word : words) {
            expandWordInto(word, result);
        }
        return result;
    }

    List<String> expandWord(Word word) {
        List<String> result = new ArrayList<>(2);
        expandWordInto(word, result);
        return result;
    }

    private void expandWordInto(Word word, List<String> result) {
        List<Part> parts = word.parts();
        if (parts.size() == 1 && parts.get(0) instanceof Lit lit && !Patterns.hasGlob(lit.text())) {
            result.add(lit.text()); // a plain word: nothing to expand
            return;
        }
        if (allQuoted(parts)) {
            // quoted text and simple expansions in quotes: one field, no pattern form needed
            StringBuilder out = new StringBuilder();
            for (Part part : parts) {
                appendPlain(part, false, out);
            }
            result.add(out.toString());
            return;
        }
        Fields fields = new Fields();
        appendParts(parts, false, true, fields);
        fields.end(false);
        for (int i = 0; i < fields.done.size(); i++) {
            String pattern = fields.done.get(i);
            if (fields.doneGlob.get(i) && !state.noglob && Patterns.hasGlob(pattern)) {
                List<String> matches = globber.glob(pattern);
                if (!matches.isEmpty()) {
                    result.addAll(matches);
                    continue;
                }
                if (state.bash && state.shopts.contains("failglob")) {
                    throw new ShellError("no match: " + Patterns.unescape(pattern), 1);
                }
                if (state.bash && state.shopts.contains("nullglob")) {
                    continue;
                }
            }
            result.add(Patterns.unescape(pattern));
        }
    }

    /** Expands a word to one string: no field splitting, no globbing (assignments, redirections). */
    String expandString(Word word) {
        if (word == null) {
            return "";
        }
        List<Part> parts = word.parts();
        if (parts.size() == 1) {
            Part part = parts.get(0);
            if (part instanceof Lit lit) {
                return lit.text();
            }
            if (part instanceof Quoted quoted) {
                return quoted.text();
            }
        }
        StringBuilder out = new StringBuilder();
        MemoryReservation held = null;
        try {
            for (Part part : parts) {
                appendPlain(part, false, out);
                if (out.length() > UNCHARGED && state.memory != null) {
                    // a large value being built ($x$x): charged for the builder's room before it grows again
                    held = held == null ? state.memory.transientBuffer() : held;
                    ShellMemory.charge(held, out.length() * 3L);
                }
            }
            return out.toString();
        } finally {
            if (held != null) {
                held.close();
            }
        }
    }

    /** Whether a word is only quoted text and simple expansions inside double quotes (one field, no globbing). */
    private static boolean allQuoted(List<Part> parts) {
        if (parts.isEmpty()) {
            return false;
        }
        for (Part part : parts) {
            if (part instanceof Quoted) {
                continue;
            }
            if (!(part instanceof Dq dq)) {
                return false;
            }
            for (Part inner : dq.parts()) {
                if (!(inner instanceof Quoted || inner instanceof Lit || isSimpleParam(inner))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@code $name} of a scalar parameter (not $@, $*, an array or an operator). */
    private static boolean isSimpleParam(Part part) {
        return part instanceof Param param && param.op().isEmpty() && param.index() == null && !param.indirect()
                && !param.name().equals("@") && !param.name().equals("*");
    }

    /** Appends the plain text of a part (quote removal done), without field splitting or globbing. */
    private void appendPlain(Part part, boolean quoted, StringBuilder out) {
        switch (part) {
            case Lit lit -> out.append(lit.text());
            case Quoted q -> out.append(q.text());
            case Dq dq -> {
                for (Part inner : dq.parts()) {
                    appendPlain(inner, true, out);
                }
            }
            default -> {
                if (isSimpleParam(part)) {
                    Param param = (Param) part;
                    context.checkpoint();
                    String value = values.value(param.name());
                    if (value == null && state.nounset) {
                        throw values.unbound(param.name());
                    }
                    if (value != null) {
                        out.append(value);
                    }
                    return;
                }
                Fields fields = new Fields();
                appendParts(List.of(part), quoted, false, fields);
                fields.end(false);
                for (int i = 0; i < fields.done.size(); i++) {
                    if (i > 0) {
                        out.append(' ');
                    }
                    out.append(Patterns.unescape(fields.done.get(i)));
                }
            }
        }
    }

    /** Expands a word as a pattern (case, ${x%pattern}): quoted characters stay escaped. */
    String expandPattern(Word word) {
        return expandToPattern(word, false);
    }

    /**
     * A pattern to match with outside {@code [[ ]]}: extended patterns only with bash's extglob
     * on when it is matched, as bash decides.
     */
    String expandMatchPattern(Word word) {
        return extglobOff(expandPattern(word));
    }

    /** {@code pattern} itself with extglob on, else with the openings of extended patterns quoted. */
    String extglobOff(String pattern) {
        return state.extglob() ? pattern : Patterns.withoutExtended(pattern);
    }

    /** Expands a here-document body (the parts are all in quoted context already). */
    String expandHeredoc(Word body) {
        return Patterns.unescape(expandToPattern(body, true));
    }

    /**
     * Expands the right side of {@code =~}: quoted characters (and quoted expansions) match
     * literally, so they are escaped for the regular expression; the rest is the expression.
     */
    String expandRegex(Word word) {
        StringBuilder out = new StringBuilder();
        appendRegex(word.parts(), false, out);
        return out.toString();
    }

    private void appendRegex(List<Part> parts, boolean quoted, StringBuilder out) {
        for (Part part : parts) {
            switch (part) {
                case Lit lit -> out.append(quoted ? regexLiteral(lit.text()) : lit.text());
                case Quoted q -> out.append(regexLiteral(q.text()));
                case Dq dq -> appendRegex(dq.parts(), true, out);
                default -> {
                    String value = expandString(new Word("", List.of(part)));
                    out.append(quoted ? regexLiteral(value) : value);
                }
            }
        }
    }

    /** Text matched literally by a POSIX extended regular expression. */
    static String regexLiteral(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\.[](){}*+?^$|".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private String expandToPattern(Word word, boolean quoted) {
        if (word == null) {
            return "";
        }
        Fields fields = new Fields();
        appendParts(word.parts(), quoted, false, fields);
        fields.end(false);
        return fields.done.size() == 1 ? fields.done.get(0) : String.join(" ", fields.done);
    }

    void appendParts(List<Part> parts, boolean quoted, boolean split, Fields fields) {
        appendParts(parts, quoted, split, fields, false);
    }

    /** With {@code splitLiterals}, unquoted literal text is split too (the word of ${x:-word}). */
    void appendParts(List<Part> parts, boolean quoted, boolean split, Fields fields, boolean splitLiterals) {
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
                    if (!isEmptyList(dq)) {
                        fields.hasContent = true;
                    }
                    appendParts(dq.parts(), true, split, fields);
                }
                case Param param -> params.append(param, quoted, split, fields);
                case CmdSub sub -> {
                    String output = context.commandSubstitution(sub);
                    int end = output.length();
                    while (end > 0 && output.charAt(end - 1) == '\n') {
                        end--;
                    }
                    appendValue(output.substring(0, end), quoted, split, fields);
                }
                case Arith arith -> {
                    context.checkpoint();
                    String expression = expandString(arith.expression());
                    long value = io.sandkernel.shell.Arith.eval(expression, values.arith(), state.bash);
                    appendValue(Long.toString(value), quoted, split, fields);
                }
                case Tilde tilde -> {
                    String home = tilde(tilde.user());
                    fields.append(Patterns.escape(home == null ? "~" + tilde.user() : home), false);
                }
                case ProcSubst sub -> fields.append(Patterns.escape(context.processSubstitution(sub)), false);
                case ArrayLit array -> fields.append(Patterns.escape(array.source()), false);
            }
        }
    }

    /** What a tilde prefix stands for, or null to keep it as written. */
    private String tilde(String user) {
        if (user.isEmpty()) {
            String home = state.get("HOME");
            return home == null ? context.homeOf(null) : home;
        }
        if (state.bash && user.equals("+")) {
            return state.get("PWD");
        }
        if (state.bash && user.equals("-")) {
            return state.get("OLDPWD");
        }
        return context.homeOf(user);
    }

    /** Whether a double-quoted group is just "$@" (or "${a[@]}") expanding to nothing (no field). */
    private boolean isEmptyList(Dq dq) {
        if (dq.parts().isEmpty()) {
            return false;
        }
        for (Part part : dq.parts()) {
            if (!(part instanceof Param p) || !params.expandsToNoFields(p)) {
                return false;
            }
        }
        return true;
    }

    /** Appends an expansion result: quoted, split on IFS, or unsplit. */
    void appendValue(String value, boolean quoted, boolean split, Fields fields) {
        if (quoted) {
            fields.append(Patterns.escape(value), false);
            return;
        }
        if (!split) {
            fields.append(escapeBackslashes(value), true);
            return;
        }
        String ifs = state.ifs();
        if (ifs.isEmpty()) {
            fields.append(escapeBackslashes(value), true);
            return;
        }
        int i = 0;
        int n = value.length();
        StringBuilder piece = new StringBuilder();
        while (i < n) {
            char c = value.charAt(i);
            if (ifs.indexOf(c) < 0) {
                piece.append(c == '\\' ? Patterns.EXPANDED_BACKSLASH : c);
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

    /**
     * A value from an unquoted expansion, in pattern form: a backslash in it becomes
     * {@link Patterns#EXPANDED_BACKSLASH}, which quotes the next character when matching but
     * stays a backslash otherwise.
     */
    private static String escapeBackslashes(String value) {
        return value.indexOf('\\') < 0 ? value : value.replace('\\', Patterns.EXPANDED_BACKSLASH);
    }

    private static boolean isIfsWhite(char c) {
        return c == ' ' || c == '\t' || c == '\n';
    }

    /** Appends several values ($@, ${a[@]}): each its own field when quoted, else each split. */
    void appendList(List<String> list, boolean star, boolean quoted, boolean split, Fields fields) {
        // dash joins $@ as $* where no fields are made (assignments, case words, here-documents)
        if (quoted && (star || (!split && !state.bash))) {
            fields.append(Patterns.escape(String.join(values.separator(), list)), false);
            return;
        }
        if (quoted) {
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    fields.end(true);
                }
                fields.append(Patterns.escape(list.get(i)), false);
                fields.hasContent = true;
            }
            return;
        }
        if (!split) {
            String joiner = star || !state.bash ? values.separator() : " ";
            fields.append(escapeBackslashes(String.join(joiner, list)), true);
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                fields.end(false);
            }
            appendValue(list.get(i), false, true, fields);
        }
    }
}
