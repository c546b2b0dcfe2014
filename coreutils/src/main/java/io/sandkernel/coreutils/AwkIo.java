package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.Redirect;
import io.sandkernel.api.SpawnRequest;
import io.sandkernel.api.fs.OpenFlags;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * awk's input and output through the kernel: the main input (the ARGV operands, read in turn,
 * with {@code var=value} operands assigned when reached), getline from files and commands,
 * print to files ({@code >}, {@code >>}) and commands ({@code |}), close, fflush and system.
 * Commands run as {@code sh -c command} children connected by kernel pipes. Everything is
 * flushed before a child starts, so output keeps its order.
 */
final class AwkIo {
    /** getline's -1: the file or command could not be read. */
    static final class ReadFailure extends Exception {
        private static final long serialVersionUID = 1L;

        ReadFailure() {
            super(null, null, false, false);
        }
    }

    /** Assigns a command-line {@code var=value} operand. */
    interface Assigner {
        void assign(String name, String value);
    }

    private static final Pattern ASSIGNMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*=.*", Pattern.DOTALL);

    private final ProcessApi process;
    private final AwkRuntime rt;
    private final Assigner assigner;
    private final OutputStream stdout;
    private final Map<String, Output> outputs = new LinkedHashMap<>();
    private final Map<String, Input> inputs = new HashMap<>();
    private int nextOperand = 1;
    private boolean anyOperand;
    private AwkRecordReader main;
    private InputStream mainStream;
    private boolean mainDone;

    /** An open output: a file or a pipe to a child's standard input. */
    private record Output(OutputStream out, int fd, int pid) {}

    /** An open input: a file or a pipe from a child's standard output. */
    private record Input(AwkRecordReader reader, InputStream in, int fd, int pid) {}

    AwkIo(ProcessApi process, AwkRuntime rt, Assigner assigner) {
        this.process = process;
        this.rt = rt;
        this.assigner = assigner;
        this.stdout = ByteText.stdout(process);
    }

    // ------------------------------------------------------------------ main input

    /** The next record of the main input, or null when it is exhausted. */
    String nextMainRecord() {
        while (!mainDone) {
            if (main == null && !openNextOperand()) {
                mainDone = true;
                return null;
            }
            try {
                String record = main.next();
                if (record != null) {
                    return record;
                }
            } catch (KernelException | IOException e) {
                throw new AwkFatal("error reading input file `" + rt.str(rt.globals[AwkRuntime.FILENAME]) + "': "
                        + Diagnostics.describe(e));
            }
            closeMain();
        }
        return null;
    }

    /** nextfile: the rest of the current file is skipped. */
    void skipFile() {
        closeMain();
    }

    private void closeMain() {
        if (mainStream != null && mainStream != process.stdin()) {
            try {
                mainStream.close();
            } catch (IOException e) {
                // an input: nothing is lost
            }
        }
        mainStream = null;
        main = null;
    }

    private boolean openNextOperand() {
        while (true) {
            int argc = (int) AwkValue.num(rt.globals[AwkRuntime.ARGC]);
            if (nextOperand >= argc) {
                if (anyOperand) {
                    return false;
                }
                anyOperand = true;
                return open("-", false);
            }
            Object value = ((AwkArray) rt.globals[AwkRuntime.ARGV]).peek(Integer.toString(nextOperand++));
            String arg = value == null ? "" : rt.str(value);
            if (arg.isEmpty()) {
                continue;
            }
            if (ASSIGNMENT.matcher(arg).matches()) {
                int equals = arg.indexOf('=');
                assigner.assign(rt.bytes(arg.substring(0, equals)), rt.bytes(arg.substring(equals + 1)));
                continue;
            }
            anyOperand = true;
            if (open(arg, true)) {
                return true;
            }
        }
    }

    private boolean open(String name, boolean named) {
        InputStream in;
        if (name.equals("-") || name.equals("/dev/stdin")) {
            in = process.stdin();
        } else {
            try {
                in = process.openRead(rt.unicode(name));
            } catch (KernelException e) {
                if (e.errno() == Errno.EISDIR) {
                    new Diagnostics(process, "awk").warn("warning: command line argument `" + rt.unicode(name)
                            + "' is a directory: skipped");
                    return false;
                }
                throw new AwkFatal("cannot open file `" + rt.unicode(name) + "' for reading: "
                        + Diagnostics.describe(e));
            }
        }
        rt.setSpecial(AwkRuntime.FILENAME, named ? name : "");
        rt.fnr = 0;
        mainStream = in;
        main = new AwkRecordReader(in, rt::rs, rt.regexes, in == process.stdin() ? stdout::flush : null,
                rt.checkpoint);
        return true;
    }

    // ------------------------------------------------------------------ getline

    /** getline from a file: its next record, null at its end. */
    String readFile(String name) throws ReadFailure {
        Input input = inputs.get(name);
        if (input == null) {
            InputStream in;
            if (name.equals("-") || name.equals("/dev/stdin")) {
                in = process.stdin();
            } else {
                try {
                    in = process.openRead(rt.unicode(name));
                } catch (KernelException e) {
                    throw new ReadFailure();
                }
            }
            input = new Input(new AwkRecordReader(in, rt::rs, rt.regexes, null, rt.checkpoint), in, -1, -1);
            inputs.put(name, input);
        }
        return read(input);
    }

    /** {@code command | getline}: the command's next record, null at its end. */
    String readCommand(String command) throws ReadFailure {
        Input input = inputs.get(command);
        if (input == null) {
            flushAll();
            int[] pipe = process.pipe2(OpenFlags.O_CLOEXEC);
            int pid;
            try {
                pid = spawn(command, Redirect.inherit(), new Redirect.Descriptor(pipe[1]));
            } catch (KernelException e) {
                process.close(pipe[0]);
                throw new ReadFailure();
            } finally {
                process.close(pipe[1]);
            }
            InputStream in = process.input(pipe[0]);
            input = new Input(new AwkRecordReader(in, rt::rs, rt.regexes, null, rt.checkpoint), in, pipe[0], pid);
            inputs.put(command, input);
        }
        return read(input);
    }

    private static String read(Input input) throws ReadFailure {
        try {
            return input.reader().next();
        } catch (KernelException | IOException e) {
            throw new ReadFailure();
        }
    }

    private int spawn(String command, Redirect in, Redirect out) {
        List<String> argv = List.of("sh", "-c", rt.unicode(command));
        return process.spawn(new SpawnRequest(argv, process.env(), process.cwd(), in, out, Redirect.inherit(), -1, false));
    }

    // ------------------------------------------------------------------ output

    void writeStdout(String text) {
        try {
            stdout.write(rt.utf8 ? Utf8.encodedBytes(text) : ByteText.bytes(text));
        } catch (IOException e) {
            throw new IllegalStateException(e); // BufferedOutput reports failures as WriteError
        }
    }

    /** print and printf with a redirection. */
    void write(String name, int mode, String text) {
        if (mode != AwkStmt.TO_PIPE && (name.equals("/dev/stdout") || name.equals("-"))) {
            writeStdout(text);
            return;
        }
        Output output = outputs.get(name);
        if (output == null) {
            output = open(name, mode);
            outputs.put(name, output);
        }
        try {
            output.out().write(rt.utf8 ? Utf8.encodedBytes(text) : ByteText.bytes(text));
        } catch (KernelException | IOException e) {
            throw new AwkFatal("print to \"" + rt.unicode(name) + "\" failed (" + Diagnostics.describe(e) + ")");
        }
    }

    private Output open(String name, int mode) {
        if (mode == AwkStmt.TO_PIPE) {
            flushAll();
            int[] pipe = process.pipe2(OpenFlags.O_CLOEXEC);
            int pid;
            try {
                pid = spawn(name, new Redirect.Descriptor(pipe[0]), Redirect.inherit());
            } catch (KernelException e) {
                process.close(pipe[1]);
                throw new AwkFatal("cannot open pipe `" + rt.unicode(name) + "': " + Diagnostics.describe(e));
            } finally {
                process.close(pipe[0]);
            }
            return new Output(new BufferedOutputStream(process.output(pipe[1]), 1 << 16), pipe[1], pid);
        }
        if (name.equals("/dev/stderr")) {
            return new Output(process.output(2), -1, -1);
        }
        try {
            int flags = OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_CLOEXEC
                    | (mode == AwkStmt.TO_APPEND ? OpenFlags.O_APPEND : OpenFlags.O_TRUNC);
            int fd = process.open(rt.unicode(name), flags, 0666);
            return new Output(new BufferedOutputStream(process.output(fd), 1 << 16), fd, -1);
        } catch (KernelException e) {
            throw new AwkFatal("can't redirect to `" + rt.unicode(name) + "' (" + Diagnostics.describe(e) + ")");
        }
    }

    /** close(name): closes an output or input by its name, waiting for a command; -1 when none is open. */
    int close(String name) {
        int status = -1;
        Output output = outputs.remove(name);
        if (output != null) {
            status = closeOutput(output);
        }
        Input input = inputs.remove(name);
        if (input != null) {
            status = closeInput(input);
        }
        return status;
    }

    private int closeOutput(Output output) {
        try {
            output.out().flush();
        } catch (KernelException | IOException e) {
            // the reader went away: what it did not read is lost, as with any pipe
        }
        if (output.fd() >= 0) {
            FileOps.closeQuietly(process, output.fd());
        }
        return output.pid() >= 0 ? waitFor(output.pid()) : 0;
    }

    private int closeInput(Input input) {
        if (input.fd() >= 0) {
            FileOps.closeQuietly(process, input.fd());
        } else if (input.in() != process.stdin()) {
            try {
                input.in().close();
            } catch (IOException e) {
                // an input: nothing is lost
            }
        }
        return input.pid() >= 0 ? waitFor(input.pid()) : 0;
    }

    private int waitFor(int pid) {
        while (true) {
            try {
                var result = process.waitpid(pid);
                if (result.isPresent() && result.get().event() == io.sandkernel.process.WaitEvent.EXITED) {
                    return result.get().status();
                }
            } catch (KernelException e) {
                if (e.errno() != Errno.EINTR) {
                    return -1;
                }
            }
        }
    }

    /** fflush([name]): flushes one output, or all of them. */
    int fflush(String name) {
        if (name == null || name.isEmpty()) {
            flushAll();
            return 0;
        }
        if (name.equals("/dev/stdout")) {
            flushStdout();
            return 0;
        }
        Output output = outputs.get(name);
        if (output == null) {
            return -1;
        }
        try {
            output.out().flush();
            return 0;
        } catch (KernelException | IOException e) {
            return -1;
        }
    }

    /** system(command): runs it with awk's own streams, after flushing, and returns its status. */
    int system(String command) {
        flushAll();
        try {
            return waitFor(spawn(command, Redirect.inherit(), Redirect.inherit()));
        } catch (KernelException e) {
            return 127;
        }
    }

    void flushAll() {
        flushStdout();
        for (Output output : outputs.values()) {
            try {
                output.out().flush();
            } catch (KernelException | IOException e) {
                // reported when written again or closed
            }
        }
    }

    void flushStdout() {
        try {
            stdout.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** At exit: every redirection closed (commands waited for), then standard output flushed. */
    void closeAll() {
        for (Output output : new ArrayList<>(outputs.values())) {
            closeOutput(output);
        }
        outputs.clear();
        for (Input input : new ArrayList<>(inputs.values())) {
            closeInput(input);
        }
        inputs.clear();
        closeMain();
        flushStdout();
    }
}
