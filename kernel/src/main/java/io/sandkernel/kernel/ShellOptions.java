package io.sandkernel.kernel;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.tty.TerminalSize;
import io.sandkernel.user.ProcessIdentity;
import java.util.List;
import java.util.Map;

/**
 * Options of {@link Kernel#openShell}.
 *
 * @param env      variables added to (and overriding) the kernel's default environment; PS1
 *                 defaults to {@link #DEFAULT_PROMPT}
 * @param cwd      the working directory; null for the user's home
 * @param size     the terminal's initial window size
 * @param args     extra arguments after {@code sh -i}
 * @param identity credentials to run with; null for the kernel's guest user
 */
public record ShellOptions(Map<String, String> env, String cwd, TerminalSize size, List<String> args,
                           ProcessIdentity identity) {
    /** The prompt an interactive shell gets unless PS1 is given: {@code user@host:cwd$ }. */
    public static final String DEFAULT_PROMPT = "$USER@$HOSTNAME:$PWD$ ";

    private static final ShellOptions DEFAULTS = new ShellOptions(Map.of(), null, TerminalSize.defaults(), List.of(),
            null);

    /** Validates and copies. */
    public ShellOptions {
        if (env == null || size == null || args == null) {
            throw new KernelException(Errno.EINVAL, "invalid shell options");
        }
        env = Map.copyOf(env);
        args = List.copyOf(args);
    }

    /** No extra environment, the home directory, 80x24, the guest user. */
    public static ShellOptions defaults() {
        return DEFAULTS;
    }

    public ShellOptions withEnv(Map<String, String> env) {
        return new ShellOptions(env, cwd, size, args, identity);
    }

    public ShellOptions withCwd(String cwd) {
        return new ShellOptions(env, cwd, size, args, identity);
    }

    public ShellOptions withSize(int columns, int rows) {
        return new ShellOptions(env, cwd, new TerminalSize(columns, rows), args, identity);
    }

    public ShellOptions withArgs(List<String> args) {
        return new ShellOptions(env, cwd, size, args, identity);
    }

    public ShellOptions withIdentity(ProcessIdentity identity) {
        return new ShellOptions(env, cwd, size, args, identity);
    }
}
