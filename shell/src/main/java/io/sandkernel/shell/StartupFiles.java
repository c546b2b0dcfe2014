package io.sandkernel.shell;

import io.sandkernel.KernelException;
import java.util.List;

/**
 * The files a shell reads before its commands. dash: a login shell reads {@code /etc/profile} and
 * {@code $HOME/.profile}, an interactive one the file {@code $ENV} names (parameters expanded).
 * bash: a login shell {@code /etc/profile} and the first of {@code ~/.bash_profile},
 * {@code ~/.bash_login}, {@code ~/.profile}; an interactive non-login one {@code ~/.bashrc};
 * a non-interactive one {@code $BASH_ENV}. A file that is missing is skipped.
 */
final class StartupFiles {
    /** What the command line asked for: a login shell, no rc file, no profile. */
    record Flags(boolean login, boolean noRc, boolean noProfile) {}

    private StartupFiles() {
    }

    static void read(Interpreter shell, Flags flags) {
        ShellState state = shell.state;
        String home = state.get("HOME");
        if (flags.login() && !flags.noProfile()) {
            source(shell, "/etc/profile");
            if (state.bash) {
                for (String name : List.of(".bash_profile", ".bash_login", ".profile")) {
                    if (home != null && source(shell, home + "/" + name)) {
                        break;
                    }
                }
            } else if (home != null) {
                source(shell, home + "/.profile");
            }
        }
        if (state.bash) {
            if (state.interactive && !flags.login() && !flags.noRc() && home != null) {
                source(shell, home + "/.bashrc");
            } else if (!state.interactive) {
                sourceNamedBy(shell, "BASH_ENV");
            }
        } else if (state.interactive) {
            sourceNamedBy(shell, "ENV");
        }
    }

    private static void sourceNamedBy(Interpreter shell, String variable) {
        String value = shell.state.get(variable);
        if (value == null || value.isEmpty()) {
            return;
        }
        String path = shell.prompt(variable); // expanded as a prompt is: parameters, no splitting
        if (!path.isEmpty()) {
            source(shell, path);
        }
    }

    /** Runs a file in the shell as {@code .} does; false when there is no such file. */
    private static boolean source(Interpreter shell, String path) {
        String text;
        try {
            text = Fs.readText(shell.api, path);
        } catch (KernelException e) {
            return false;
        }
        try {
            shell.runScriptNested(text);
        } catch (ShellError e) {
            shell.error(e.getMessage());
        } catch (SyntaxError e) {
            shell.syntaxError(e);
        } catch (ControlFlow.Return e) {
            // return ends the file only
        }
        return true;
    }
}
