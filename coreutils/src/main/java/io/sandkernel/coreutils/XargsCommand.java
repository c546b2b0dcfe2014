package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.Redirect;
import io.sandkernel.process.WaitEvent;
import io.sandkernel.process.WaitResult;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * xargs [-0prtx] [-a FILE] [-d DELIM] [-E EOF] [-I REPLACE] [-L MAX] [-n MAX] [-P MAX]
 * [-s MAX] [COMMAND [INITIAL-ARGS]...]: builds command lines (echo by default) from the items
 * of standard input or FILE (blank-separated with quotes and backslashes, or by one delimiter
 * with {@code -0}/{@code -d}) and runs them as child processes, up to MAX at a time with
 * {@code -P}. Exits 123 when a command exited 1 to 125, 124 (stopping) when one exited 255,
 * 125 when one was killed by a signal, 126/127 when one could not run or does not exist.
 */
final class XargsCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("0a:d:E:I:L:n:oP:prs:tx",
            "null:0", "arg-file:a", "delimiter:d", "eof?:e", "replace?:i", "max-lines?:l", "max-args:n",
            "open-tty:o", "max-procs:P", "interactive:p", "no-run-if-empty:r", "max-chars:s", "verbose:t",
            "exit:x", "show-limits:\u0001", "process-slot-var=:\u0002").stopAtFirstOperand();
    /** GNU's default command-line size limit. */
    private static final int DEFAULT_MAX_CHARS = 128 * 1024;

    private ProcessApi process;
    private Diagnostics diagnostics;
    private Options options;
    private List<String> command;
    private String replace;
    private int maxArgs = -1;
    private int maxLines = -1;
    private int maxChars;
    private int maxProcs = 1;
    private final Set<Integer> running = new HashSet<>();
    private int status;
    private boolean stop;

    @Override
    public int run(ProcessApi process) throws Exception {
        this.process = process;
        this.options = parseOptions(process.args());
        this.diagnostics = new Diagnostics(process, "xargs");
        command = new ArrayList<>(options.operands());
        if (command.isEmpty()) {
            command.add("echo");
        }
        int envSize = 0;
        for (Map.Entry<String, String> variable : process.env().entrySet()) {
            envSize += variable.getKey().length() + variable.getValue().length() + 2;
        }
        int limit = (int) Math.min(DEFAULT_MAX_CHARS, SystemInfo.ARG_MAX - envSize - 2048);
        maxChars = options.has('s') ? number(options.value('s', ""), 's', 1) : limit;
        if (options.has('\u0001')) {
            process.stderr().print("Your environment variables take up " + envSize + " bytes\n"
                    + "POSIX upper limit on argument length (this system): " + (SystemInfo.ARG_MAX - envSize - 2048) + "\n"
                    + "POSIX smallest allowable upper limit on argument length (all systems): 4096\n"
                    + "Maximum length of command we could actually use: " + (maxChars - envSize) + "\n"
                    + "Size of command buffer we are actually using: " + maxChars + "\n"
                    + "Maximum parallelism (--max-procs must be no greater): 2147483647\n\n");
            process.stderr().flush();
        }
        InputStream input;
        String file = options.value('a', null);
        if (file != null) {
            try {
                input = file.equals("-") ? process.stdin() : process.openRead(file);
            } catch (KernelException e) {
                diagnostics.error("Cannot open input file " + Diagnostics.quote(file) + ": " + Diagnostics.describe(e));
                return 1;
            }
        } else {
            input = process.stdin();
        }
        XargsInput items = new XargsInput(new BufferedInputStream(input), delimiter(), eofString(),
                replace != null || maxLines > 0);
        if (replace != null) {
            items.wholeLines();
        }
        try {
            build(items);
        } catch (XargsInput.QuoteError e) {
            flushBatch();
            waitAll();
            diagnostics.error(e.getMessage());
            return 1;
        }
        waitAll();
        return status;
    }

    private Options parseOptions(List<String> args) {
        List<String> rewritten = new ArrayList<>();
        boolean operands = false;
        for (String arg : args) {
            // -i, -e and -l take their argument attached only, if at all
            if (!operands && arg.length() >= 2 && arg.charAt(0) == '-' && "iel".indexOf(arg.charAt(1)) >= 0) {
                String name = arg.charAt(1) == 'i' ? "--replace" : arg.charAt(1) == 'e' ? "--eof" : "--max-lines";
                rewritten.add(arg.length() == 2 ? name : name + "=" + arg.substring(2));
                continue;
            }
            if (!arg.startsWith("-") || arg.equals("-") || arg.equals("--")) {
                operands = true;
            }
            rewritten.add(arg);
        }
        Options parsed = PARSER.parse(rewritten);
        for (Options.Given given : parsed.given()) {
            switch (given.option()) {
                case 'I', 'i' -> {
                    if (maxArgs > 0) {
                        exclusive("--max-args", "--replace/-I/-i");
                    } else if (maxLines > 0 && replace == null) {
                        exclusive("--max-lines", "--replace/-I/-i");
                    }
                    replace = given.option() == 'I' ? given.value() : given.value() == null ? "{}" : given.value();
                    maxLines = 1;
                    maxArgs = -1;
                }
                case 'L', 'l' -> {
                    if (maxArgs > 0) {
                        exclusive("--max-args", "-L");
                    } else if (replace != null) {
                        exclusive("--replace", "-L");
                        replace = null;
                    }
                    maxLines = given.option() == 'l' && given.value() == null ? 1 : number(given.value(), given.option(), 1);
                    maxArgs = -1;
                }
                case 'n' -> {
                    int value = number(given.value(), 'n', 1);
                    if (replace == null) {
                        if (maxLines > 0) {
                            exclusive("--max-lines", "--max-args/-n");
                        }
                        maxArgs = value;
                        maxLines = -1;
                    }
                }
                case 'P' -> maxProcs = number(given.value(), 'P', 0);
                default -> { }
            }
        }
        if (maxProcs == 0) {
            maxProcs = Integer.MAX_VALUE;
        }
        return parsed;
    }

    private void exclusive(String previous, String given) {
        process.stderr().print("xargs: warning: options " + previous + " and " + given
                + " are mutually exclusive, ignoring previous " + previous + " value\n");
        process.stderr().flush();
    }

    private static int number(String text, char option, int minimum) {
        long value;
        try {
            value = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("invalid number \"" + text + "\" for -" + option + " option");
        }
        if (value < minimum) {
            throw new UsageException("value " + text + " for -" + option + " option should be >= " + minimum);
        }
        return (int) Math.min(value, Integer.MAX_VALUE);
    }

    private int delimiter() {
        if (options.has('0')) {
            return 0;
        }
        String text = options.value('d', null);
        if (text == null) {
            return -1;
        }
        String decoded = text;
        if (text.startsWith("\\") && text.length() > 1) {
            decoded = switch (text) {
                case "\\n" -> "\n";
                case "\\t" -> "\t";
                case "\\0" -> "\0";
                case "\\\\" -> "\\";
                case "\\a" -> "\u0007";
                case "\\b" -> "\b";
                case "\\f" -> "\f";
                case "\\r" -> "\r";
                case "\\v" -> "\u000b";
                default -> {
                    if (text.matches("\\\\x[0-9a-fA-F]{1,2}")) {
                        yield String.valueOf((char) Integer.parseInt(text.substring(2), 16));
                    }
                    if (text.matches("\\\\[0-7]{1,3}")) {
                        yield String.valueOf((char) Integer.parseInt(text.substring(1), 8));
                    }
                    yield text;
                }
            };
        }
        byte[] bytes = decoded.getBytes(StandardCharsets.UTF_8);
        if (bytes.length != 1 && !(decoded.length() == 1 && decoded.charAt(0) < 256)) {
            throw UsageException.withoutHint("Invalid input delimiter specification " + text
                    + ": the delimiter must be either a single character or an escape sequence starting with \\.");
        }
        return decoded.length() == 1 ? decoded.charAt(0) & 0xff : bytes[0] & 0xff;
    }

    private String eofString() {
        String e = options.value('E', null);
        if (e == null && options.has('e')) {
            e = options.value('e', null);
        }
        return e == null || e.isEmpty() ? null : e;
    }

    private final List<String> batch = new ArrayList<>();
    private int batchChars;
    private int batchLines;

    private int baseChars() {
        int size = 0;
        for (String word : command) {
            size += utf8Length(word) + 1;
        }
        return size;
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private void build(XargsInput items) throws IOException {
        boolean ranAny = false;
        int base = baseChars();
        XargsInput.Item item;
        while (!stop && (item = items.next()) != null) {
            if (replace != null) {
                runReplaced(item.text());
                ranAny = true;
                continue;
            }
            int size = utf8Length(item.text()) + 1;
            if (base > maxChars) {
                diagnostics.error("cannot fit single argument within argument list size limit");
                status = 1;
                return;
            }
            if (base + size > maxChars) {
                if (!batch.isEmpty()) {
                    flushBatch();
                    ranAny = true;
                }
                diagnostics.error("argument line too long");
                status = 1;
                return;
            }
            if (!batch.isEmpty() && base + batchChars + size > maxChars) {
                flushBatch();
                ranAny = true;
            }
            batch.add(item.text());
            batchChars += size;
            if (item.endsLine()) {
                batchLines++;
            }
            if ((maxArgs > 0 && batch.size() >= maxArgs) || (maxLines > 0 && batchLines >= maxLines)) {
                flushBatch();
                ranAny = true;
            }
        }
        if (!batch.isEmpty()) {
            flushBatch();
            ranAny = true;
        }
        if (!ranAny && !stop && !options.has('r') && replace == null) {
            execute(new ArrayList<>(command));
        }
    }

    private void flushBatch() {
        if (batch.isEmpty()) {
            return;
        }
        List<String> argv = new ArrayList<>(command);
        argv.addAll(batch);
        batch.clear();
        batchChars = 0;
        batchLines = 0;
        execute(argv);
    }

    private void runReplaced(String line) {
        List<String> argv = new ArrayList<>();
        for (int i = 0; i < command.size(); i++) {
            String word = command.get(i);
            argv.add(i == 0 && !word.contains(replace) ? word : word.replace(replace, line));
        }
        execute(argv);
    }

    private void execute(List<String> argv) {
        if (stop) {
            return;
        }
        if (options.has('t') || options.has('p')) {
            String line = String.join(" ", argv);
            if (options.has('p')) {
                process.stderr().print(line + " ?...");
                process.stderr().flush();
                if (!confirmed()) {
                    return;
                }
            } else {
                process.stderr().print(line + "\n");
                process.stderr().flush();
            }
        }
        while (running.size() >= maxProcs) {
            reap(waitAny());
        }
        Redirect stdin = options.has('a') ? Redirect.inherit() : new Redirect.Null();
        int pid;
        try {
            pid = Children.start(process, argv, process.env(), process.cwd(), stdin, Redirect.inherit());
        } catch (KernelException e) {
            diagnostics.error(argv.get(0) + ": " + Diagnostics.describe(e));
            status = e.errno() == Errno.ENOENT ? 127 : 126;
            stop = true;
            return;
        }
        running.add(pid);
        names.put(pid, argv.get(0));
        if (maxProcs == 1) {
            reap(new int[] {pid, Children.await(process, pid)});
        }
    }

    private final Map<Integer, String> names = new java.util.HashMap<>();

    private boolean confirmed() {
        try (InputStream tty = process.openRead("/dev/tty")) {
            int b = tty.read();
            int c = b;
            while (c >= 0 && c != '\n') {
                c = tty.read();
            }
            return b == 'y' || b == 'Y';
        } catch (IOException | KernelException e) {
            return false;
        }
    }

    /** Waits for any running child: {pid, status}. */
    private int[] waitAny() {
        while (true) {
            Optional<WaitResult> result;
            try {
                result = process.waitpid(-1);
            } catch (KernelException e) {
                if (e.errno() == Errno.EINTR) {
                    continue;
                }
                throw e;
            }
            if (result.isPresent() && result.get().event() == WaitEvent.EXITED && running.contains(result.get().pid())) {
                return new int[] {result.get().pid(), result.get().status()};
            }
        }
    }

    private void reap(int[] outcome) {
        int pid = outcome[0];
        int code = outcome[1];
        running.remove(pid);
        String name = names.remove(pid);
        if (name == null) {
            name = command.get(0);
        }
        if (code == 255) {
            diagnostics.error(name + ": exited with status 255; aborting");
            status = 124;
            stop = true;
        } else if (code > 128 && code <= 128 + 64) {
            diagnostics.error(name + ": terminated by signal " + (code - 128));
            status = 125;
            stop = true;
        } else if (code != 0 && status == 0) {
            status = 123;
        }
    }

    private void waitAll() {
        while (!running.isEmpty()) {
            reap(waitAny());
        }
    }
}
