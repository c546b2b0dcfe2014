package io.sandkernel.shell;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.process.WaitEvent;
import io.sandkernel.process.WaitOption;
import io.sandkernel.process.WaitResult;
import io.sandkernel.shell.Ast.CmdSub;
import io.sandkernel.shell.Ast.Redirection;
import io.sandkernel.shell.Ast.SimpleCommand;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Command substitutions ({@code $(...)}, backquotes, bash's {@code $(< file)}) and bash's process
 * substitutions ({@code <(...)}, {@code >(...)}), for the {@link Launcher}: the child is a forked
 * subshell (or the external command itself) writing to, or reading from, a kernel pipe.
 */
@SuppressWarnings("try")
final class Substitutions {
    private final Interpreter shell;
    private final Launcher launcher;
    private final ShellState state;
    private final Io io;
    private final ProcessApi api;

    Substitutions(Interpreter shell, Launcher launcher) {
        this.shell = shell;
        this.launcher = launcher;
        this.state = shell.state;
        this.io = shell.io;
        this.api = shell.api;
    }

    /** Runs a command substitution in a child and returns what it wrote (NUL bytes dropped, as dash and bash). */
    String substitute(CmdSub sub) {
        if (sub.body() == null) {
            shell.substitutionStatus = 0;
            state.lastStatus = 0;
            return "";
        }
        if (state.bash && sub.body() instanceof SimpleCommand command && command.words().isEmpty()
                && command.assignments().isEmpty() && command.redirections().size() == 1
                && command.redirections().get(0).op() == Ast.RedirOp.IN) {
            return readFile(command.redirections().get(0)); // bash's $(< file)
        }
        int[] pipe = io.pipe();
        int pid;
        try (Io.Frame frame = io.push()) {
            frame.dup(pipe[1], 1);
            pid = launcher.spawnSubstitution(sub.body(), true);
        } catch (RuntimeException | Error e) {
            io.closeQuietly(pipe[0]);
            throw e;
        } finally {
            io.closeQuietly(pipe[1]);
        }
        byte[] bytes;
        try (InputStream in = api.input(pipe[0])) {
            bytes = ShellMemory.readAll(api, in);
        } catch (IOException e) {
            bytes = new byte[0];
        } finally {
            io.closeQuietly(pipe[0]);
        }
        int status = -pid;
        if (pid > 0) {
            WaitResult result = launcher.waitBlocking(pid, false);
            status = result == null ? 127 : result.status();
        }
        shell.substitutionStatus = status;
        state.lastStatus = status;
        return Strings.decode(withoutNuls(bytes));
    }

    /** {@code $(< file)}: the file's text, read by the shell itself. */
    private String readFile(Redirection redirection) {
        String path = shell.expander.expandString(redirection.target());
        try {
            String text = Fs.readText(api, path);
            shell.substitutionStatus = 0;
            state.lastStatus = 0;
            return text.replace("\0", "");
        } catch (KernelException e) {
            shell.error(path + ": " + Messages.strerror(e.errno()));
            shell.substitutionStatus = 1;
            state.lastStatus = 1;
            return "";
        }
    }

    private static byte[] withoutNuls(byte[] bytes) {
        int nuls = 0;
        for (byte b : bytes) {
            if (b == 0) {
                nuls++;
            }
        }
        if (nuls == 0) {
            return bytes;
        }
        byte[] kept = new byte[bytes.length - nuls];
        int k = 0;
        for (byte b : bytes) {
            if (b != 0) {
                kept[k++] = b;
            }
        }
        return kept;
    }


    /**
     * bash's process substitution {@code <(list)} / {@code >(list)}: the list runs in a forked
     * subshell connected to a pipe, whose other end stays open in the shell, inherited by the
     * command, and is named {@code /dev/fd/N}; it is closed when the command is done.
     */
    String processSubstitution(io.sandkernel.shell.Ast.ProcSubst sub) {
        int[] pipe = io.pipe();
        int keep = sub.output() ? pipe[1] : pipe[0];
        int give = sub.output() ? pipe[0] : pipe[1];
        int pid;
        try (Io.Frame frame = io.push()) {
            frame.dup(give, sub.output() ? 0 : 1);
            pid = sub.body() == null ? -1 : launcher.spawnShell(sub.body(), -1, false);
        } finally {
            io.closeQuietly(give);
        }
        int fd = io.inheritable(keep);
        shell.commands.closeAfterCommand(fd);
        if (pid > 0) {
            running.add(pid);
            state.lastBackgroundPid = pid;
        }
        return "/dev/fd/" + fd;
    }

    /** Process substitutions still to reap. */
    private final List<Integer> running = new ArrayList<>();
    /** The status of the last process substitution, once reaped, for a later {@code wait $!}. */
    private int lastPid = -1;
    private int lastStatus;

    /** Reaps the process substitutions that have ended. */
    void reap() {
        running.removeIf(pid -> {
            try {
                java.util.Optional<WaitResult> result = api.waitpid(pid, WaitOption.WNOHANG);
                result.ifPresent(this::remember);
                return result.isPresent();
            } catch (KernelException e) {
                return true;
            }
        });
    }

    /** A process substitution's end collected by a wait for any child ({@code wait -n}). */
    void ended(WaitResult result) {
        if (running.remove(Integer.valueOf(result.pid()))) {
            remember(result);
        }
    }

    private void remember(WaitResult result) {
        if (result.pid() == state.lastBackgroundPid) {
            lastPid = result.pid();
            lastStatus = result.event() == WaitEvent.EXITED ? result.status() : 128 + result.status();
        }
    }

    /**
     * bash's {@code wait} for a process substitution (by its pid, or without arguments for the
     * last one, {@code $!}): its status, or null when {@code pid} is none of them.
     */
    Integer waitFor(int pid) {
        if (pid == lastPid) {
            return lastStatus;
        }
        if (!running.contains(pid)) {
            return null;
        }
        while (true) {
            try {
                java.util.Optional<WaitResult> result = api.waitpid(pid);
                running.remove(Integer.valueOf(pid));
                result.ifPresent(this::remember);
                return pid == lastPid ? lastStatus : result.map(r -> r.event() == WaitEvent.EXITED
                        ? r.status() : 128 + r.status()).orElse(127);
            } catch (KernelException e) {
                if (e.errno() == Errno.EINTR) {
                    Integer interrupted = shell.traps.interruptWait();
                    if (interrupted != null) {
                        return interrupted;
                    }
                    continue;
                }
                running.remove(Integer.valueOf(pid));
                return 127;
            }
        }
    }
}
