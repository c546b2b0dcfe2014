package io.sandkernel.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/** The small programs the fake kernel runs besides {@code sh}. */
final class FakeCommands {
    private FakeCommands() {}

    static void register(FakeKernel kernel) {
        kernel.commands.put("sh", process -> new Shell().run(process));
        kernel.commands.put("cat", FakeCommands::cat);
        kernel.commands.put("upper", process -> {
            String text = new String(process.stdin().readAllBytes(), StandardCharsets.UTF_8);
            write(process, text.toUpperCase(Locale.ROOT));
            return 0;
        });
        kernel.commands.put("tr", process -> {
            String from = process.args().get(0);
            String to = process.args().get(1);
            String text = new String(process.stdin().readAllBytes(), StandardCharsets.UTF_8);
            StringBuilder out = new StringBuilder();
            for (char c : text.toCharArray()) {
                int i = from.indexOf(c);
                out.append(i >= 0 ? to.charAt(Math.min(i, to.length() - 1)) : c);
            }
            write(process, out.toString());
            return 0;
        });
        kernel.commands.put("seq", process -> {
            int n = Integer.parseInt(process.args().get(0));
            StringBuilder out = new StringBuilder();
            for (int i = 1; i <= n; i++) {
                out.append(i).append('\n');
            }
            write(process, out.toString());
            return 0;
        });
        kernel.commands.put("sleep", process -> {
            double seconds = Double.parseDouble(process.args().get(0));
            process.sleep(Duration.ofMillis((long) (seconds * 1000)));
            return 0;
        });
        kernel.commands.put("exitwith", process -> Integer.parseInt(process.args().get(0)));
        kernel.commands.put("args", process -> {
            StringBuilder out = new StringBuilder();
            for (String arg : process.args()) {
                out.append('[').append(arg).append(']');
            }
            write(process, out.append('\n').toString());
            return 0;
        });
        kernel.commands.put("env", process -> {
            StringBuilder out = new StringBuilder();
            new TreeMap<>(process.env()).forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
            write(process, out.toString());
            return 0;
        });
        kernel.commands.put("fail", process -> {
            PrintStream err = process.stderr();
            err.print("oops\n");
            err.flush();
            return 1;
        });
        kernel.commands.put("wc", process -> {
            String text = new String(process.stdin().readAllBytes(), StandardCharsets.UTF_8);
            long lines = text.chars().filter(c -> c == '\n').count();
            write(process, lines + "\n");
            return 0;
        });
        kernel.commands.put("sort", process -> {
            List<String> lines = readLines(process.stdin());
            Collections.sort(lines);
            write(process, lines.isEmpty() ? "" : String.join("\n", lines) + "\n");
            return 0;
        });
        kernel.commands.put("head", process -> {
            int n = process.args().size() > 1 ? Integer.parseInt(process.args().get(1)) : 10;
            BufferedReader reader = new BufferedReader(new InputStreamReader(process.stdin(), StandardCharsets.UTF_8));
            StringBuilder out = new StringBuilder();
            String line;
            for (int i = 0; i < n && (line = reader.readLine()) != null; i++) {
                out.append(line).append('\n');
            }
            write(process, out.toString());
            return 0;
        });
        kernel.commands.put("grep", process -> {
            String needle = process.args().get(0);
            int found = 0;
            StringBuilder out = new StringBuilder();
            for (String line : readLines(process.stdin())) {
                if (line.contains(needle)) {
                    out.append(line).append('\n');
                    found++;
                }
            }
            write(process, out.toString());
            return found > 0 ? 0 : 1;
        });
        kernel.commands.put("pgid", process -> {
            write(process, process.getpgid(0) + "\n");
            return 0;
        });
    }

    private static int cat(FakeProcessApi process) throws IOException {
        List<String> files = process.args();
        if (files.isEmpty()) {
            copy(process.stdin(), process);
            return 0;
        }
        int status = 0;
        for (String file : files) {
            try (InputStream in = file.equals("-") ? process.stdin() : process.openRead(file)) {
                copy(in, process);
            } catch (io.sandkernel.KernelException e) {
                process.stderr().println("cat: " + file + ": No such file or directory");
                status = 1;
            }
        }
        return status;
    }

    private static void copy(InputStream in, FakeProcessApi process) throws IOException {
        OutputStream out = process.output(1);
        byte[] buffer = new byte[4096];
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
        }
        out.flush();
    }

    private static List<String> readLines(InputStream in) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static void write(FakeProcessApi process, String text) throws IOException {
        OutputStream out = process.output(1);
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
