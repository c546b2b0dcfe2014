package io.sandkernel.kernel;

import io.sandkernel.api.Redirect;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.user.ProcessIdentity;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * Options of {@link Kernel#spawn} from the host. Each standard stream is a {@link Redirect}:
 * {@link Redirect.Pipe} (the default) gives the handle a stream to it, {@link Redirect.Null} and
 * {@link Redirect.File} work as in a process, and {@link Redirect.Inherit} connects the host
 * stream given here ({@link #hostStdin}, {@link #hostStdout}, {@link #hostStderr}), or
 * /dev/null when none is given. {@link Redirect.Descriptor} is not valid from the host.
 *
 * @param env        variables added to (and overriding) the kernel's default environment
 * @param cwd        the working directory; null for the user's home
 * @param stdin      where standard input comes from
 * @param stdout     where standard output goes
 * @param stderr     where standard error goes
 * @param identity   credentials; null for the kernel's guest user
 * @param hostStdin  the host stream read for {@link Redirect.Inherit} stdin, or null; never closed
 * @param hostStdout the host stream written for {@link Redirect.Inherit} stdout, or null; never closed
 * @param hostStderr the host stream written for {@link Redirect.Inherit} stderr, or null; never closed
 */
public record SpawnOptions(Map<String, String> env, String cwd, Redirect stdin, Redirect stdout, Redirect stderr,
                           ProcessIdentity identity, InputStream hostStdin, OutputStream hostStdout,
                           OutputStream hostStderr) {
    private static final SpawnOptions DEFAULTS = new SpawnOptions(Map.of(), null, new Redirect.Pipe(),
            new Redirect.Pipe(), new Redirect.Pipe(), null, null, null, null);

    /** Validates and copies. */
    public SpawnOptions {
        if (env == null || stdin == null || stdout == null || stderr == null) {
            throw new KernelException(Errno.EINVAL, "invalid spawn options");
        }
        env = Map.copyOf(env);
    }

    /** Pipes for all three streams, the home directory, the guest user. */
    public static SpawnOptions defaults() {
        return DEFAULTS;
    }

    /** A copy with {@code env}. */
    public SpawnOptions withEnv(Map<String, String> env) {
        return new SpawnOptions(env, cwd, stdin, stdout, stderr, identity, hostStdin, hostStdout, hostStderr);
    }

    /** A copy with {@code cwd}. */
    public SpawnOptions withCwd(String cwd) {
        return new SpawnOptions(env, cwd, stdin, stdout, stderr, identity, hostStdin, hostStdout, hostStderr);
    }

    /** A copy with these redirects. */
    public SpawnOptions withRedirects(Redirect stdin, Redirect stdout, Redirect stderr) {
        return new SpawnOptions(env, cwd, stdin, stdout, stderr, identity, hostStdin, hostStdout, hostStderr);
    }

    /** A copy with {@code identity}. */
    public SpawnOptions withIdentity(ProcessIdentity identity) {
        return new SpawnOptions(env, cwd, stdin, stdout, stderr, identity, hostStdin, hostStdout, hostStderr);
    }

    /**
     * A copy whose output goes to the host streams {@code out} and {@code err} (each may be null
     * for /dev/null), written and flushed by the process as it runs: the callback form of output.
     */
    public SpawnOptions withOutput(OutputStream out, OutputStream err) {
        return new SpawnOptions(env, cwd, stdin, Redirect.inherit(), Redirect.inherit(), identity, hostStdin,
                out, err);
    }

    /** A copy whose standard input is read from the host stream {@code in}. */
    public SpawnOptions withInput(InputStream in) {
        return new SpawnOptions(env, cwd, Redirect.inherit(), stdout, stderr, identity, in, hostStdout,
                hostStderr);
    }
}
