package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * getconf [-a] VARIABLE [PATH]: the system's configuration values, as glibc's getconf prints
 * them for x86-64 Linux: sysconf and confstr values (ARG_MAX, PAGESIZE, _NPROCESSORS_ONLN,
 * LONG_BIT, CLK_TCK, PATH...) take no path, pathconf values (PATH_MAX, NAME_MAX, PIPE_BUF...)
 * need one. Limits the kernel enforces come from its defaults ({@link SystemInfo}).
 */
final class GetconfCommand implements Program {
    private static final String USAGE = "Usage: getconf [-v specification] variable_name [pathname]\n"
            + "       getconf -a [pathname]\n";
    private static final Map<String, Function<ProcessApi, String>> SYSTEM = new LinkedHashMap<>();
    private static final Map<String, String> PATHS = new LinkedHashMap<>();

    static {
        constant("ARG_MAX", Long.toString(SystemInfo.ARG_MAX));
        constant("CHILD_MAX", Long.toString(SystemInfo.CHILD_MAX));
        constant("CLK_TCK", "100");
        constant("NGROUPS_MAX", "65536");
        constant("OPEN_MAX", Long.toString(SystemInfo.OPEN_MAX));
        constant("STREAM_MAX", "16");
        constant("TZNAME_MAX", "undefined");
        constant("PAGESIZE", "4096");
        constant("PAGE_SIZE", "4096");
        SYSTEM.put("_NPROCESSORS_CONF", process -> Integer.toString(SystemInfo.processors()));
        SYSTEM.put("_NPROCESSORS_ONLN", process -> Integer.toString(SystemInfo.processors()));
        constant("LONG_BIT", "64");
        constant("WORD_BIT", "32");
        constant("CHAR_BIT", "8");
        constant("CHAR_MAX", "127");
        constant("CHAR_MIN", "-128");
        constant("INT_MAX", "2147483647");
        constant("INT_MIN", "-2147483648");
        constant("SCHAR_MAX", "127");
        constant("SCHAR_MIN", "-128");
        constant("SHRT_MAX", "32767");
        constant("SHRT_MIN", "-32768");
        constant("SSIZE_MAX", "32767");
        constant("UCHAR_MAX", "255");
        constant("UINT_MAX", "4294967295");
        constant("ULONG_MAX", "18446744073709551615");
        constant("USHRT_MAX", "65535");
        constant("LINE_MAX", "2048");
        constant("HOST_NAME_MAX", "64");
        constant("LOGIN_NAME_MAX", "256");
        constant("TTY_NAME_MAX", "32");
        constant("SYMLOOP_MAX", "undefined");
        constant("RE_DUP_MAX", "32767");
        constant("BC_BASE_MAX", "99");
        constant("BC_DIM_MAX", "2048");
        constant("BC_SCALE_MAX", "99");
        constant("BC_STRING_MAX", "1000");
        constant("COLL_WEIGHTS_MAX", "255");
        constant("EXPR_NEST_MAX", "32");
        constant("_POSIX_VERSION", "200809");
        constant("POSIX2_VERSION", "200809");
        constant("PATH", "/bin:/usr/bin");
        constant("CS_PATH", "/bin:/usr/bin");
        constant("GNU_LIBC_VERSION", "glibc 2.36");
        constant("GNU_LIBPTHREAD_VERSION", "NPTL 2.36");
        PATHS.put("LINK_MAX", "127");
        PATHS.put("MAX_CANON", "255");
        PATHS.put("MAX_INPUT", "255");
        PATHS.put("NAME_MAX", "255");
        PATHS.put("PATH_MAX", "4096");
        PATHS.put("PIPE_BUF", "4096");
        PATHS.put("FILESIZEBITS", "64");
        PATHS.put("SYMLINK_MAX", "undefined");
        PATHS.put("_POSIX_CHOWN_RESTRICTED", "1");
        PATHS.put("_POSIX_NO_TRUNC", "1");
        PATHS.put("_POSIX_VDISABLE", "0");
    }

    private static void constant(String name, String value) {
        SYSTEM.put(name, process -> value);
    }

    @Override
    public int run(ProcessApi process) throws Exception {
        List<String> args = process.args();
        OutputStream out = ByteText.stdout(process);
        if (!args.isEmpty() && args.get(0).equals("-a")) {
            if (args.size() > 2) {
                return usage(process);
            }
            for (Map.Entry<String, Function<ProcessApi, String>> entry : SYSTEM.entrySet()) {
                ByteText.writeUtf8(out, String.format("%-35s%s\n", entry.getKey(), entry.getValue().apply(process)));
            }
            for (Map.Entry<String, String> entry : PATHS.entrySet()) {
                ByteText.writeUtf8(out, String.format("%-35s%s\n", entry.getKey(), entry.getValue()));
            }
            out.flush();
            return 0;
        }
        if (!args.isEmpty() && args.get(0).equals("-v")) {
            args = args.size() >= 2 ? args.subList(2, args.size()) : List.of();
        }
        if (args.isEmpty() || args.size() > 2) {
            return usage(process);
        }
        String name = args.get(0);
        String key = name;
        String value;
        if (args.size() == 1) {
            Function<ProcessApi, String> system = SYSTEM.get(key);
            if (system == null) {
                if (PATHS.containsKey(key)) {
                    return usage(process);
                }
                return unrecognized(process, name);
            }
            value = system.apply(process);
        } else {
            value = PATHS.get(key);
            if (value == null) {
                return SYSTEM.containsKey(key) ? usage(process) : unrecognized(process, name);
            }
        }
        ByteText.writeUtf8(out, value + "\n");
        out.flush();
        return 0;
    }

    private static int usage(ProcessApi process) {
        process.stderr().print(USAGE);
        process.stderr().flush();
        return 2;
    }

    private static int unrecognized(ProcessApi process, String name) {
        process.stderr().print("getconf: Unrecognized variable `" + name + "'\n");
        process.stderr().flush();
        return 2;
    }
}
