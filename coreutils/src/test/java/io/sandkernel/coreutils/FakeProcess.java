package io.sandkernel.coreutils;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.ProcessTermination;
import io.sandkernel.api.SignalHandler;
import io.sandkernel.api.SpawnRequest;
import io.sandkernel.process.ProcessInfo;
import io.sandkernel.process.SigmaskHow;
import io.sandkernel.process.SignalSet;
import io.sandkernel.process.WaitEvent;
import io.sandkernel.process.WaitOption;
import io.sandkernel.process.WaitResult;
import io.sandkernel.user.ProcessIdentity;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A stand-in for a kernel process in tests: a Jimfs filesystem (with /etc/passwd, /etc/group and
 * /home/user), byte-array standard input, captured output, a recorded sleep and {@code spawn}
 * that runs coreutils commands synchronously. Calls the commands do not need throw.
 */
final class FakeProcess implements ProcessApi {
    /** What a run produced: the exit status and the raw bytes of standard output and error. */
    record Result(int status, byte[] outBytes, byte[] errBytes) {
        /** Standard output decoded as UTF-8. */
        String out() {
            return new String(outBytes, StandardCharsets.UTF_8);
        }

        /** Standard error decoded as UTF-8. */
        String err() {
            return new String(errBytes, StandardCharsets.UTF_8);
        }
    }

    private final FileSystem fs;
    private String cwd = "/home/user";
    private List<String> args = List.of();
    private String command = "";
    private Map<String, String> env = new LinkedHashMap<>();
    private InputStream stdin = InputStream.nullInputStream();
    private PrintStream stdout;
    private PrintStream stderr;
    private ProcessIdentity identity = ProcessIdentity.defaults();
    private int umask = 022;
    private final List<Duration> sleeps = new ArrayList<>();
    private final Map<Integer, Integer> children = new HashMap<>();
    private int nextPid = 100;

    private FakeProcess(FileSystem fs) {
        this.fs = fs;
    }

    /** A process in a fresh filesystem with the standard files. */
    static FakeProcess create() {
        FileSystem fs = Jimfs.newFileSystem(Configuration.unix().toBuilder()
                .setAttributeViews("basic", "owner", "posix", "unix").build());
        FakeProcess process = new FakeProcess(fs);
        try {
            Files.createDirectories(fs.getPath("/home/user"));
            Files.createDirectories(fs.getPath("/tmp"));
            Files.createDirectories(fs.getPath("/etc"));
            Files.writeString(fs.getPath("/etc/passwd"), "root:x:0:0::/root:/bin/sh\nuser:x:1000:1000::/home/user:/bin/sh\n");
            Files.writeString(fs.getPath("/etc/group"), "root:x:0:\nuser:x:1000:\nstaff:x:50:user\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        process.env.put("HOME", "/home/user");
        process.env.put("LC_ALL", "C");
        return process;
    }

    FakeProcess identity(ProcessIdentity identity) {
        this.identity = identity;
        return this;
    }

    FakeProcess cwdTo(String directory) {
        this.cwd = directory;
        return this;
    }

    /** Writes a file (relative to the cwd), creating parent directories. */
    FakeProcess file(String path, String content) {
        try {
            Path target = resolve(path);
            Files.createDirectories(target.getParent());
            Files.write(target, content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The content of a file, or null when it does not exist. */
    String read(String path) {
        try {
            return Files.readString(resolve(path));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean exists(String path) {
        return Files.exists(resolve(path));
    }

    List<Duration> sleeps() {
        return sleeps;
    }

    /** Runs {@code argv} (command name first) with no input. */
    Result run(String... argv) {
        return runWithInput("", argv);
    }

    /** Runs {@code argv} with {@code input} on standard input. */
    Result runWithInput(String input, String... argv) {
        return runWithInput(input.getBytes(StandardCharsets.UTF_8), argv);
    }

    Result runWithInput(byte[] input, String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = execute(List.of(argv), new ByteArrayInputStream(input), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toByteArray(), err.toByteArray());
    }

    /** Runs with the given standard output stream (for yes and a failing pipe). */
    int runWithOutput(PrintStream output, String... argv) {
        return runWithStreams(InputStream.nullInputStream(), output, argv);
    }

    /** Runs with the given standard input and output streams. */
    int runWithStreams(InputStream input, PrintStream output, String... argv) {
        return execute(List.of(argv), input, output, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private int execute(List<String> argv, InputStream in, PrintStream out, PrintStream err) {
        Program program = Coreutils.commands().get(argv.get(0));
        if (program == null) {
            throw new KernelException(Errno.ENOENT, "no command " + argv.get(0));
        }
        this.command = argv.get(0);
        this.args = argv.subList(1, argv.size());
        this.stdin = in;
        this.stdout = out;
        this.stderr = err;
        try {
            return program.run(this);
        } catch (ProcessTermination e) {
            return e.status();
        } catch (Exception e) {
            err.println(argv.get(0) + ": " + e.getMessage());
            return 1;
        } finally {
            out.flush();
        }
    }

    @Override
    public int pid() {
        return 42;
    }

    @Override
    public int ppid() {
        return 1;
    }

    @Override
    public String command() {
        return command;
    }

    @Override
    public List<String> args() {
        return args;
    }

    @Override
    public ProcessIdentity identity() {
        return identity;
    }

    @Override
    public Map<String, String> env() {
        return env;
    }

    @Override
    public String cwd() {
        return cwd;
    }

    @Override
    public void chdir(String path) {
        if (!Files.isDirectory(resolve(path))) {
            throw new KernelException(Errno.ENOENT, path);
        }
        cwd = resolve(path).toString();
    }

    @Override
    public Path resolve(String path) {
        return fs.getPath(cwd).resolve(path).normalize();
    }

    @Override
    public InputStream stdin() {
        return stdin;
    }

    @Override
    public PrintStream stdout() {
        return stdout;
    }

    @Override
    public PrintStream stderr() {
        return stderr;
    }

    @Override
    public int spawn(SpawnRequest request) {
        Program program = Coreutils.commands().get(request.argv().get(0));
        if (program == null) {
            throw new KernelException(Errno.ENOENT, "no command " + request.argv().get(0));
        }
        FakeProcess child = new FakeProcess(fs);
        child.cwd = request.cwd();
        child.env = new LinkedHashMap<>(request.env());
        child.identity = identity;
        int status = child.execute(request.argv(), stdin, stdout, stderr);
        int pid = nextPid++;
        children.put(pid, status);
        return pid;
    }

    @Override
    public Optional<WaitResult> waitpid(int pid, WaitOption... options) {
        Integer status = children.remove(pid);
        if (status == null) {
            throw new KernelException(Errno.ECHILD, "no child " + pid);
        }
        return Optional.of(new WaitResult(pid, status, WaitEvent.EXITED));
    }

    @Override
    public void kill(int pid, int signal) {
        throw new UnsupportedOperationException("kill");
    }

    @Override
    public void setpgid(int pid, int pgid) {
        throw new UnsupportedOperationException("setpgid");
    }

    @Override
    public int getpgid(int pid) {
        throw new UnsupportedOperationException("getpgid");
    }

    @Override
    public int setsid() {
        throw new UnsupportedOperationException("setsid");
    }

    @Override
    public int getsid(int pid) {
        throw new UnsupportedOperationException("getsid");
    }

    @Override
    public SignalSet sigprocmask(SigmaskHow how, SignalSet set) {
        throw new UnsupportedOperationException("sigprocmask");
    }

    @Override
    public SignalSet sigpending() {
        throw new UnsupportedOperationException("sigpending");
    }

    @Override
    public SignalHandler signal(int signal, SignalHandler handler) {
        throw new UnsupportedOperationException("signal");
    }

    @Override
    public int umask(int mask) {
        int previous = umask;
        umask = mask;
        return previous;
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
    }

    @Override
    public SortedMap<Integer, ProcessInfo> processes() {
        throw new UnsupportedOperationException("processes");
    }

    @Override
    public void exit(int status) {
        throw new ProcessTermination(status);
    }

    @Override
    public InputStream openRead(String path) {
        Path file = resolve(path);
        if (Files.isDirectory(file)) {
            throw new KernelException(Errno.EISDIR, path);
        }
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new KernelException(Errno.ENOENT, path);
        } catch (IOException e) {
            throw new KernelException(Errno.EIO, path, e);
        }
    }

    @Override
    public OutputStream openWrite(String path, boolean append) {
        Path file = resolve(path);
        if (Files.isDirectory(file)) {
            throw new KernelException(Errno.EISDIR, path);
        }
        if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
            throw new KernelException(Errno.ENOENT, path);
        }
        try {
            boolean created = !Files.exists(file);
            OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
            if (created) {
                int mode = 0666 & ~umask;
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(
                        rwx(mode >> 6) + rwx(mode >> 3) + rwx(mode)));
            }
            return out;
        } catch (IOException e) {
            throw new KernelException(Errno.EIO, path, e);
        }
    }

    private static String rwx(int bits) {
        return ((bits & 4) != 0 ? "r" : "-") + ((bits & 2) != 0 ? "w" : "-") + ((bits & 1) != 0 ? "x" : "-");
    }
}
