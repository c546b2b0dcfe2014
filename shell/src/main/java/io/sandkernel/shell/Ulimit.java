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

    /**
     * One limit: its option, dash's name, bash's description and unit (null: none), what backs it
     * (a resource, or a fixed text), and whether only bash knows it.
     */
    private record Row(char option, String name, String description, String unit, Resource resource, String fixed,
                       boolean bashOnly) {}

    /** In dash's {@code ulimit -a} order. */
    private static final List<Row> ROWS = List.of(
            new Row('t', "time(seconds)", "cpu time", "seconds", Resource.CPU, null, false),
            new Row('f', "file(blocks)", "file size", "blocks", null, "unlimited", false),
            new Row('d', "data(kbytes)", "data seg size", "kbytes", null, "unlimited", false),
            new Row('s', "stack(kbytes)", "stack size", "kbytes", null, "8192", false),
            new Row('c', "coredump(blocks)", "core file size", "blocks", null, "0", false),
            new Row('m', "memory(kbytes)", "max memory size", "kbytes", null, "unlimited", false),
            new Row('l', "locked memory(kbytes)", "max locked memory", "kbytes", null, "8192", false),
            new Row('u', "process", "max user processes", null, Resource.NPROC, null, false),
            new Row('n', "nofiles", "open files", null, Resource.NOFILE, null, false),
            new Row('v', "vmemory(kbytes)", "virtual memory", "kbytes", null, null, false),
            new Row('x', "locks", "file locks", null, null, "unlimited", false),
            new Row('r', "rtprio", "real-time priority", null, null, "0", false),
            new Row('R', null, "real-time non-blocking time", "microseconds", null, "unlimited", true),
            new Row('e', null, "scheduling priority", null, null, "0", true),
            // as on Linux, where RLIMIT_SIGPENDING starts as the process limit
            new Row('i', null, "pending signals", null, Resource.NPROC, null, true),
            new Row('p', null, "pipe size", "512 bytes", null, "8", true),
            new Row('q', null, "POSIX message queues", "bytes", null, "819200", true));

    /** bash's {@code ulimit -a} order. */
    private static final String BASH_ORDER = "Rcdefilmnpqrstuvx";

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
                        case 'p' -> option = bash ? 'p' : 'u'; // dash's -p is the process limit
                        default -> option = c;
                    }
                }
            } else {
                value = arg;
            }
        }
        boolean showHard = hard && !soft;
        if (all) {
            shell.print(1, bash ? bashTable(showHard) : dashTable(showHard));
            return 0;
        }
        Row row = row(option);
        if (value == null) {
            shell.print(1, show(row, read(row, showHard)) + "\n");
            return 0;
        }
        long number = parse(value);
        if (row.option() == 'p') {
            // bash: Linux has no pipe-size limit to set
            throw new ShellError("ulimit: pipe size: cannot modify limit: " + Messages.strerror(io.sandkernel.Errno.EINVAL), 1);
        }
        if ((row.resource() == null || row.option() == 'i') && row.option() != 'v') {
            return 0; // nothing behind it: accepted, as the value would change nothing the kernel does
        }
        try {
            write(row, number, hard || !soft, soft || !hard);
        } catch (KernelException e) {
            String reason = Messages.strerror(e.errno());
            throw new ShellError(bash ? "ulimit: " + row.description() + ": cannot modify limit: " + reason
                    : "ulimit: error setting limit (" + reason + ")", bash ? 1 : 2);
        }
        return 0;
    }

    /** dash's {@code ulimit -a}: "time(seconds)        unlimited" lines. */
    private String dashTable(boolean hard) {
        StringBuilder out = new StringBuilder();
        for (Row row : ROWS) {
            if (!row.bashOnly()) {
                out.append(String.format("%-20s %s\n", row.name(), show(row, read(row, hard))));
            }
        }
        return out.toString();
    }

    /** bash's {@code ulimit -a}: "core file size              (blocks, -c) 0" lines, as its printone. */
    private String bashTable(boolean hard) {
        StringBuilder out = new StringBuilder();
        for (char option : BASH_ORDER.toCharArray()) {
            Row row = row(option);
            String unit = row.unit() == null ? "(-" + option + ") " : "(" + row.unit() + ", -" + option + ") ";
            out.append(String.format("%-20s %20s%s\n", row.description(), unit, show(row, read(row, hard))));
        }
        return out.toString();
    }

    private Row row(char option) {
        for (Row row : ROWS) {
            if (row.option() == option && (bash || !row.bashOnly())) {
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
}
