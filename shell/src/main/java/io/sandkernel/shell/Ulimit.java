package io.sandkernel.shell;

import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.Resource;
import io.sandkernel.api.ResourceLimit;
import java.util.List;

/**
 * {@code ulimit [-HSa] [-tfdscmlpnuvxr] [value]} as dash and bash: the limits the kernel enforces
 * on the shell process, read and set through its system calls ({@code -t} CPU seconds, {@code -n}
 * open files, {@code -u}/{@code -p} processes, {@code -v} memory in KiB); the others are fixed
 * values with nothing behind them, which {@code ulimit} shows and accepts as dash does. Without
 * {@code -H} or {@code -S} a value sets both limits and the soft one is shown.
 */
final class Ulimit {
    private static final long UNLIMITED = ResourceLimit.UNLIMITED;

    /** One row of {@code ulimit -a}: its option, dash's name and what backs it. */
    private record Row(char option, String name, Resource resource, String fixed) {}

    private static final List<Row> ROWS = List.of(
            new Row('t', "time(seconds)", Resource.CPU, null),
            new Row('f', "file(blocks)", null, "unlimited"),
            new Row('d', "data(kbytes)", null, "unlimited"),
            new Row('s', "stack(kbytes)", null, "8192"),
            new Row('c', "coredump(blocks)", null, "0"),
            new Row('m', "memory(kbytes)", null, "unlimited"),
            new Row('l', "locked memory(kbytes)", null, "8192"),
            new Row('u', "process", Resource.NPROC, null),
            new Row('n', "nofiles", Resource.NOFILE, null),
            new Row('v', "vmemory(kbytes)", null, null),
            new Row('x', "locks", null, "unlimited"),
            new Row('r', "rtprio", null, "0"));

    private final Interpreter shell;
    private final ProcessApi api;
    private boolean bash;

    Ulimit(Interpreter shell) {
        this.shell = shell;
        this.api = shell.api;
    }

    int run(List<String> argv) {
        bash = shell.state.bash;
        char option = 'f';
        boolean all = false;
        boolean hard = false;
        boolean soft = false;
        String value = null;
        for (String arg : argv.subList(1, argv.size())) {
            if (arg.startsWith("-") && arg.length() > 1 && value == null) {
                for (char c : arg.substring(1).toCharArray()) {
                    switch (c) {
                        case 'a' -> all = true;
                        case 'H' -> hard = true;
                        case 'S' -> soft = true;
                        case 'p' -> option = 'u';
                        default -> option = c;
                    }
                }
            } else {
                value = arg;
            }
        }
        boolean showHard = hard && !soft;
        if (all) {
            StringBuilder out = new StringBuilder();
            for (Row row : ROWS) {
                out.append(String.format("%-20s %s\n", row.name(), show(row, read(row, showHard))));
            }
            shell.print(1, out.toString());
            return 0;
        }
        Row row = row(option);
        if (value == null) {
            shell.print(1, show(row, read(row, showHard)) + "\n");
            return 0;
        }
        long number = parse(value);
        if (row.resource() == null && row.option() != 'v') {
            return 0; // nothing behind it: accepted, as the value would change nothing the kernel does
        }
        try {
            write(row, number, hard || !soft, soft || !hard);
        } catch (KernelException e) {
            String reason = Messages.strerror(e.errno());
            throw new ShellError(bash ? "ulimit: " + bashName(row) + ": cannot modify limit: " + reason
                    : "ulimit: error setting limit (" + reason + ")", bash ? 1 : 2);
        }
        return 0;
    }

    private Row row(char option) {
        for (Row row : ROWS) {
            if (row.option() == option) {
                return row;
            }
        }
        throw new ShellError(bash ? "ulimit: -" + option + ": invalid option" : "ulimit: Illegal option -" + option, 2);
    }

    /** The limit in the unit {@code ulimit} shows, {@link #UNLIMITED} for none, or -1 for a fixed text. */
    private long read(Row row, boolean hard) {
        if (row.option() == 'v') {
            long bytes = api.memoryLimit();
            return bytes == UNLIMITED ? UNLIMITED : bytes / 1024;
        }
        if (row.resource() == null) {
            return -1;
        }
        ResourceLimit limit = api.getrlimit(row.resource());
        return hard ? limit.hard() : limit.soft();
    }

    private static String show(long value) {
        return value == UNLIMITED ? "unlimited" : Long.toString(value);
    }

    private static String show(Row row, long value) {
        return value < 0 ? row.fixed() : show(value);
    }

    private long parse(String value) {
        if (value.equals("unlimited")) {
            return UNLIMITED;
        }
        try {
            long number = Long.parseLong(value);
            if (number < 0 || value.startsWith("+")) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new ShellError(bash ? "ulimit: " + value + ": invalid number" : "ulimit: bad number", bash ? 1 : 2);
        }
    }

    private void write(Row row, long number, boolean hard, boolean soft) {
        if (row.option() == 'v') {
            api.setMemoryLimit(number == UNLIMITED || number > UNLIMITED / 1024 ? UNLIMITED : number * 1024);
            return;
        }
        ResourceLimit current = api.getrlimit(row.resource());
        long newHard = hard ? number : current.hard();
        long newSoft = soft ? number : Math.min(current.soft(), newHard);
        if (newSoft > newHard) {
            throw new KernelException(io.sandkernel.Errno.EINVAL, "soft limit above the hard limit");
        }
        api.setrlimit(row.resource(), new ResourceLimit(newSoft, newHard));
    }

    /** bash's name of the limit in its messages. */
    private static String bashName(Row row) {
        return switch (row.option()) {
            case 't' -> "cpu time";
            case 'n' -> "open files";
            case 'u' -> "max user processes";
            case 'v' -> "virtual memory";
            default -> row.name();
        };
    }
}
