package io.sandkernel.shell;

import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.Program;
import io.sandkernel.api.fs.OpenFlags;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The small programs the shell's tests run besides {@code sh}, written on descriptors 0 and 1
 * as any program on the system-call API, so they follow the shell's redirections.
 */
final class TestPrograms {
    private TestPrograms() {}

    static Map<String, Program> all() {
        Map<String, Program> programs = new TreeMap<>();
        programs.put("cat", TestPrograms::cat);
        programs.put("upper", process -> write(process, readAll(process).toUpperCase(Locale.ROOT)));
        programs.put("tr", process -> {
            String from = process.args().get(0);
            String to = process.args().get(1);
            StringBuilder out = new StringBuilder();
            for (char c : readAll(process).toCharArray()) {
                int i = from.indexOf(c);
                out.append(i >= 0 ? to.charAt(Math.min(i, to.length() - 1)) : c);
            }
            return write(process, out.toString());
        });
        programs.put("seq", process -> {
            StringBuilder out = new StringBuilder();
            for (int i = 1; i <= Integer.parseInt(process.args().get(0)); i++) {
                out.append(i).append('\n');
            }
            return write(process, out.toString());
        });
        programs.put("sleep", process -> {
            process.sleep(Duration.ofMillis((long) (Double.parseDouble(process.args().get(0)) * 1000)));
            return 0;
        });
        programs.put("exitwith", process -> Integer.parseInt(process.args().get(0)));
        programs.put("args", process -> {
            StringBuilder out = new StringBuilder();
            process.args().forEach(arg -> out.append('[').append(arg).append(']'));
            return write(process, out.append('\n').toString());
        });
        programs.put("env", process -> {
            StringBuilder out = new StringBuilder();
            new TreeMap<>(process.env()).forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
            return write(process, out.toString());
        });
        programs.put("fail", process -> {
            process.output(2).write("oops\n".getBytes(StandardCharsets.UTF_8));
            return 1;
        });
        programs.put("wc", process -> write(process, readAll(process).chars().filter(c -> c == '\n').count() + "\n"));
        programs.put("sort", process -> {
            List<String> lines = lines(readAll(process));
            Collections.sort(lines);
            return write(process, lines.isEmpty() ? "" : String.join("\n", lines) + "\n");
        });
        programs.put("head", process -> {
            int n = process.args().size() > 1 ? Integer.parseInt(process.args().get(1)) : 10;
            List<String> lines = lines(readAll(process));
            return write(process, String.join("", lines.subList(0, Math.min(n, lines.size())).stream()
                    .map(line -> line + "\n").toList()));
        });
        programs.put("grep", process -> {
            StringBuilder out = new StringBuilder();
            for (String line : lines(readAll(process))) {
                if (line.contains(process.args().get(0))) {
                    out.append(line).append('\n');
                }
            }
            write(process, out.toString());
            return out.isEmpty() ? 1 : 0;
        });
        programs.put("pgid", process -> write(process, process.getpgid(0) + "\n"));
        programs.put("fds", TestPrograms::fds);
        programs.put("symlink", process -> {
            process.symlink(process.args().get(0), process.args().get(1));
            return 0;
        });
        programs.put("chmod", process -> {
            process.chmod(process.args().get(1), Integer.parseInt(process.args().get(0), 8));
            return 0;
        });
        programs.put("id", process -> write(process, process.identity().euid() + "\n"));
        programs.put("mkdir", process -> {
            for (String arg : process.args()) {
                if (arg.equals("-p")) {
                    continue;
                }
                StringBuilder path = new StringBuilder(arg.startsWith("/") ? "/" : "");
                for (String part : arg.split("/")) {
                    if (part.isEmpty()) {
                        continue;
                    }
                    path.append(part);
                    try {
                        process.mkdir(path.toString(), 0777);
                    } catch (KernelException e) {
                        // there already
                    }
                    path.append('/');
                }
            }
            return 0;
        });
        programs.put("touch", process -> {
            for (String file : process.args()) {
                process.openWrite(file, true).close();
            }
            return 0;
        });
        return programs;
    }

    /** {@code fds}: the descriptors this process has open (0 to 63), on one line. */
    private static int fds(ProcessApi process) throws IOException {
        List<String> open = new ArrayList<>();
        for (int fd = 0; fd < 64; fd++) {
            try {
                process.fcntl(fd, OpenFlags.F_GETFD, 0);
                open.add(Integer.toString(fd));
            } catch (KernelException e) {
                // not open
            }
        }
        return write(process, String.join(" ", open) + "\n");
    }

    private static int cat(ProcessApi process) throws IOException {
        if (process.args().isEmpty()) {
            copy(process.input(0), process);
            return 0;
        }
        int status = 0;
        for (String file : process.args()) {
            try (InputStream in = file.equals("-") ? process.input(0) : process.openRead(file)) {
                copy(in, process);
            } catch (KernelException e) {
                process.output(2).write(("cat: " + file + ": " + e.errno().description() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                status = 1;
            }
        }
        return status;
    }

    private static void copy(InputStream in, ProcessApi process) throws IOException {
        OutputStream out = process.output(1);
        byte[] buffer = new byte[4096];
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
        }
    }

    private static String readAll(ProcessApi process) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        process.input(0).transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static int write(ProcessApi process, String text) throws IOException {
        process.output(1).write(text.getBytes(StandardCharsets.UTF_8));
        return 0;
    }
}
