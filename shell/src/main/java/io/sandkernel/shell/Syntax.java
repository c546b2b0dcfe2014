package io.sandkernel.shell;

import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What the lexer and parser need to know about the shell they parse for: whether it is
 * {@code bash} (its grammar: {@code [[ ]]}, {@code (( ))}, arrays, {@code $'...'}, brace
 * expansion...), whether {@code shopt -s extglob} is on when a line is read (bash decides
 * {@code @(a|b)} at parse time), and the aliases to expand (null when none).
 */
record Syntax(boolean bash, BooleanSupplier extglob, Supplier<Map<String, String>> aliasTable) {
    /** POSIX sh without aliases. */
    static final Syntax SH = new Syntax(false, () -> false, () -> null);

    /** bash without aliases, extglob off. */
    static final Syntax BASH = new Syntax(true, () -> false, () -> null);

    /** POSIX sh expanding {@code aliases}. */
    static Syntax sh(Map<String, String> aliases) {
        return new Syntax(false, () -> false, () -> aliases);
    }

    /** The aliases to expand now, or null. */
    Map<String, String> aliases() {
        return aliasTable.get();
    }

    /** The syntax of {@code state}: its mode, its extglob and expand_aliases settings, its aliases. */
    static Syntax of(ShellState state) {
        if (!state.bash) {
            return new Syntax(false, () -> false, () -> state.aliases);
        }
        return new Syntax(true, () -> state.shopts.contains("extglob"),
                () -> state.shopts.contains("expand_aliases") ? state.aliases : null);
    }
}
