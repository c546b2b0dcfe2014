package io.sandkernel.shell;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.MemoryReservation;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.PollFd;
import io.sandkernel.api.fs.Stat;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code read} (dash's {@code -r -p}; bash's {@code -a -d -n -N -s -t -u}) and bash's
 * {@code mapfile}/{@code readarray}. Input is read from the shell's descriptor without taking
 * more than the line: a byte at a time from a pipe or terminal, a block at a time from a regular
 * file with the offset moved back to just after the line, as bash does.
 */
final class ReadBuiltins {
    private final Interpreter shell;
    private final ShellState state;

    ReadBuiltins(Interpreter shell) {
        this.shell = shell;
        this.state = shell.state;
    }

    /** Reads up to a delimiter from a descriptor. */
    private final class LineReader {
        private final int fd;
        private final boolean seekable;

        LineReader(int fd) {
            this.fd = fd;
            if (!shell.io.isOpen(fd)) {
                throw new ShellError(state.bash ? "read: " + fd + ": invalid file descriptor: Bad file descriptor"
                        : fd + ": Bad file descriptor", 1);
            }
            Stat stat;
            try {
                stat = shell.api.fstat(fd);
            } catch (KernelException e) {
                stat = null;
            }
            this.seekable = stat != null && stat.isRegularFile();
        }

        /**
         * Up to and without {@code delimiter} (a byte, or -1 for none), at most {@code max}
         * characters (-1: no limit; a UTF-8 sequence is one, as bash counts in a UTF-8 locale);
         * null at end of input with nothing read.
         */
        byte[] read(int delimiter, int max, boolean[] sawDelimiter) {
            // a line without end is charged as it grows: out of memory, not the JVM's heap
            try (MemoryReservation held = new MemoryReservation(shell.api)) {
                return read(delimiter, max, sawDelimiter, held);
            }
        }

        private byte[] read(int delimiter, int max, boolean[] sawDelimiter, MemoryReservation held) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[seekable && max < 0 ? 4096 : 1];
            int chars = 0;
            int continuation = 0;
            while (max < 0 || chars < max || continuation > 0) {
                shell.checkpoint();
                int want = buffer.length;
                int n;
                try {
                    n = shell.api.read(fd, buffer, 0, want);
                } catch (KernelException e) {
                    if (e.errno() == Errno.EINTR) {
                        shell.traps.runPending();
                        continue;
                    }
                    throw new ShellError("read: read error: " + e.getMessage(), 1);
                }
                if (n <= 0) {
                    return out.size() == 0 && !sawDelimiter[0] ? null : out.toByteArray();
                }
                for (int i = 0; i < n; i++) {
                    int b = buffer[i] & 0xff;
                    if (continuation > 0 && (b & 0xc0) == 0x80) {
                        continuation--;
                    } else {
                        chars++;
                        continuation = b >= 0xf0 && b < 0xf8 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : 0;
                        if (b >= 0xf8) {
                            continuation = 0;
                        }
                    }
                    if (b == delimiter) {
                        sawDelimiter[0] = true;
                        if (seekable && i + 1 < n) {
                            shell.api.lseek(fd, -(n - i - 1), OpenFlags.SEEK_CUR);
                        }
                        return out.toByteArray();
                    }
                    out.write(buffer[i]);
                }
                if (out.size() > held.charged()) {
                    ShellMemory.charge(held, out.size() * 3L); // the buffer, its copy and the text made of it
                }
            }
            return out.toByteArray();
        }
    }

    int read(List<String> argv) {
        boolean raw = false;
        String arrayName = null;
        int delimiter = '\n';
        int count = -1;
        boolean exact = false;
        double timeout = -1;
        int fd = 0;
        int i = 1;
        while (i < argv.size() && argv.get(i).startsWith("-") && argv.get(i).length() > 1) {
            String option = argv.get(i++);
            if (option.equals("--")) {
                break;
            }
            for (int k = 1; k < option.length(); k++) {
                char c = option.charAt(k);
                String value = null;
                if ("adnNptu".indexOf(c) >= 0 && (state.bash || c == 'p')) {
                    if (k + 1 < option.length()) {
                        value = option.substring(k + 1);
                    } else if (i < argv.size()) {
                        value = argv.get(i++);
                    } else {
                        throw new ShellError("read: -" + c + ": option requires an argument", 2);
                    }
                    k = option.length();
                }
                switch (c) {
                    case 'r' -> raw = true;
                    case 's', 'e' -> {
                        if (!state.bash) {
                            throw new ShellError("read: Illegal option -" + c, 2);
                        }
                    }
                    case 'p' -> {
                        if (!state.bash || shell.api.isatty(fd)) {
                            shell.print(2, value);
                        }
                    }
                    case 'a' -> arrayName = value;
                    case 'd' -> delimiter = value.isEmpty() ? 0 : Strings.encode(value)[0] & 0xff;
                    case 'n', 'N' -> {
                        count = Builtins.number("read", value, true);
                        exact = c == 'N';
                    }
                    case 't' -> timeout = seconds(value);
                    case 'u' -> fd = Builtins.number("read", value, true);
                    case 'i' -> {
                    }
                    default -> throw new ShellError(state.bash ? "read: -" + c + ": invalid option"
                            : "read: Illegal option -" + c, 2);
                }
            }
        }
        List<String> names = new ArrayList<>(argv.subList(i, argv.size()));
        if (names.isEmpty() && !state.bash) {
            throw new ShellError("read: arg count", 2);
        }
        for (String name : names) {
            if (!Lexer.isName(name)) {
                throw new ShellError(state.bash ? "read: `" + name + "': not a valid identifier"
                        : "read: " + name + ": bad variable name", state.bash ? 1 : 2);
            }
        }
        if (timeout >= 0 && !ready(fd, timeout)) {
            return timeout == 0 ? 1 : 142;
        }
        if (timeout == 0) {
            return 0;
        }
        LineReader reader = new LineReader(fd);
        boolean[] sawDelimiter = {false};
        List<Integer> escapedAt = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        boolean eof = false;
        int limit = count;
        int effectiveDelimiter = exact ? -1 : delimiter;
        while (true) {
            byte[] bytes = reader.read(effectiveDelimiter,
                    limit < 0 ? -1 : limit - line.codePointCount(0, line.length()), sawDelimiter);
            if (bytes == null) {
                eof = true;
                break;
            }
            String text = Strings.decode(bytes);
            if (raw || exact) {
                line.append(text);
                if (!sawDelimiter[0] && (limit < 0 || line.codePointCount(0, line.length()) < limit)) {
                    eof = true;
                }
                break;
            }
            // backslash escapes the next character; backslash-newline continues the line
            boolean continued = false;
            for (int k = 0; k < text.length(); k++) {
                char c = text.charAt(k);
                if (c == '\\') {
                    if (k + 1 < text.length()) {
                        escapedAt.add(line.length());
                        line.append(text.charAt(++k));
                    } else if (sawDelimiter[0] && delimiter == '\n') {
                        continued = true;
                    } else if (!sawDelimiter[0]) {
                        continued = false;
                    }
                } else {
                    line.append(c);
                }
            }
            if (continued) {
                sawDelimiter[0] = false;
                continue;
            }
            if (!sawDelimiter[0] && (limit < 0 || line.codePointCount(0, line.length()) < limit)) {
                eof = true;
            }
            break;
        }
        String value = line.toString();
        if (arrayName != null) {
            List<String> fields = split(value, escapedAt, -1);
            List<String[]> items = new ArrayList<>();
            for (String field : fields) {
                items.add(new String[] {null, field});
            }
            shell.values.assignArray(arrayName, items, false);
        } else {
            if (names.isEmpty()) {
                names.add("REPLY");
                if (state.bash) {
                    state.set("REPLY", value); // bash keeps the whole line in REPLY
                    return eof ? 1 : 0;
                }
            }
            assign(names, value, escapedAt);
        }
        return eof ? 1 : 0;
    }

    private static double seconds(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new ShellError("read: " + text + ": invalid timeout specification", 1);
        }
    }

    /** Whether input is ready on {@code fd} within {@code timeout} seconds. */
    private boolean ready(int fd, double timeout) {
        try {
            int[] events = shell.api.poll(List.of(new PollFd(fd, PollFd.POLLIN)),
                    Duration.ofNanos((long) (timeout * 1e9)));
            return events[0] != 0;
        } catch (KernelException e) {
            return true;
        }
    }

    /** Splits a line on IFS into at most {@code max} fields (-1: all), the last keeping the rest. */
    private List<String> split(String line, List<Integer> escapedAt, int max) {
        String ifs = state.ifs();
        List<String> fields = new ArrayList<>();
        int pos = 0;
        int n = line.length();
        while (pos < n && isWhiteIfs(line.charAt(pos), ifs) && !escapedAt.contains(pos)) {
            pos++;
        }
        while (pos < n) {
            if (max >= 0 && fields.size() == max - 1) {
                int end = n;
                while (end > pos && isWhiteIfs(line.charAt(end - 1), ifs) && !escapedAt.contains(end - 1)) {
                    end--;
                }
                end = dropLoneDelimiter(line, pos, end, escapedAt, ifs);
                fields.add(line.substring(pos, end));
                return fields;
            }
            int start = pos;
            while (pos < n && (ifs.indexOf(line.charAt(pos)) < 0 || escapedAt.contains(pos))) {
                pos++;
            }
            fields.add(line.substring(start, pos));
            while (pos < n && isWhiteIfs(line.charAt(pos), ifs) && !escapedAt.contains(pos)) {
                pos++;
            }
            if (pos < n && ifs.indexOf(line.charAt(pos)) >= 0 && !isWhiteIfs(line.charAt(pos), ifs)
                    && !escapedAt.contains(pos)) {
                pos++;
                while (pos < n && isWhiteIfs(line.charAt(pos), ifs) && !escapedAt.contains(pos)) {
                    pos++;
                }
            }
        }
        return fields;
    }

    /**
     * POSIX: when the rest of the line is a single field followed by one non-whitespace IFS
     * delimiter, that delimiter is not part of the last variable ("a:b:" gives y=b, but "a:b::"
     * keeps "b::"), as dash and bash do.
     */
    private static int dropLoneDelimiter(String line, int start, int end, List<Integer> escapedAt, String ifs) {
        if (end <= start || escapedAt.contains(end - 1) || ifs.indexOf(line.charAt(end - 1)) < 0) {
            return end;
        }
        int cut = end - 1;
        while (cut > start && isWhiteIfs(line.charAt(cut - 1), ifs) && !escapedAt.contains(cut - 1)) {
            cut--;
        }
        for (int i = start; i < cut; i++) {
            if (ifs.indexOf(line.charAt(i)) >= 0 && !escapedAt.contains(i)) {
                return end;
            }
        }
        return cut;
    }

    private void assign(List<String> names, String line, List<Integer> escapedAt) {
        List<String> fields = split(line, escapedAt, names.size());
        for (int v = 0; v < names.size(); v++) {
            String value = v < fields.size() ? fields.get(v) : "";
            shell.values.assign(names.get(v), value, false);
        }
    }

    private static boolean isWhiteIfs(char c, String ifs) {
        return (c == ' ' || c == '\t' || c == '\n') && ifs.indexOf(c) >= 0;
    }

    /** bash's {@code mapfile [-d delim] [-n count] [-O origin] [-s skip] [-t] [-u fd] [array]}. */
    int mapfile(List<String> argv) {
        int delimiter = '\n';
        int count = 0;
        long origin = 0;
        boolean originSet = false;
        int skip = 0;
        boolean trim = false;
        int fd = 0;
        int i = 1;
        while (i < argv.size() && argv.get(i).startsWith("-") && argv.get(i).length() > 1) {
            String option = argv.get(i++);
            if (option.equals("--")) {
                break;
            }
            char c = option.charAt(1);
            String value = null;
            if ("dnOsuCc".indexOf(c) >= 0) {
                value = option.length() > 2 ? option.substring(2) : i < argv.size() ? argv.get(i++) : null;
                if (value == null) {
                    throw new ShellError(argv.get(0) + ": -" + c + ": option requires an argument", 2);
                }
            }
            switch (c) {
                case 'd' -> delimiter = value.isEmpty() ? 0 : Strings.encode(value)[0] & 0xff;
                case 'n' -> count = Builtins.number(argv.get(0), value, true);
                case 'O' -> {
                    origin = Builtins.number(argv.get(0), value, true);
                    originSet = true;
                }
                case 's' -> skip = Builtins.number(argv.get(0), value, true);
                case 't' -> trim = true;
                case 'u' -> fd = Builtins.number(argv.get(0), value, true);
                case 'C', 'c' -> {
                }
                default -> throw new ShellError(argv.get(0) + ": -" + c + ": invalid option", 2);
            }
        }
        String name = i < argv.size() ? argv.get(i) : "MAPFILE";
        LineReader reader = new LineReader(fd);
        ShellState.Var var = state.declare(name);
        if (var.array == null || !originSet) {
            var.array = new java.util.TreeMap<>();
            var.value = null;
            var.assoc = null;
        }
        long index = origin;
        int read = 0;
        while (count == 0 || read < count) {
            boolean[] saw = {false};
            byte[] bytes = reader.read(delimiter, -1, saw);
            if (bytes == null) {
                break;
            }
            if (skip > 0) {
                skip--;
                continue;
            }
            String line = Strings.decode(bytes);
            if (saw[0] && !trim) {
                line += (char) delimiter;
            }
            var.array.put(index++, line);
            read++;
        }
        return 0;
    }
}
