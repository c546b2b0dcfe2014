package io.sandkernel.coreutils;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Version;
import net.thisptr.jackson.jq.Versions;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/**
 * One run of jq: jq 1.6's command line ({@code -r -j -c -n -s -R -e -a -S --tab --indent
 * --arg --argjson --slurpfile --rawfile --args --jsonargs -f}), the filter compiled by
 * jackson-jq with {@link JqFunctions} added, inputs from {@link JqInputs} and output written by
 * {@link JqJson}. Exit status as jq's: 5 after a run-time error (the next inputs still run), 2
 * for unparsable input or a usage error, 3 for a filter that does not compile, and with
 * {@code -e} 1 when the last output was false or null, 4 when there was none.
 */
final class JqRunner {
    /** The jq language jackson-jq implements for us (the suite runs against jq 1.6, which agrees on it). */
    static final Version VERSION = Versions.JQ_1_7;

    private final ProcessApi process;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Diagnostics diagnostics;
    private String filter;
    private String filterFile;
    private final List<String> files = new ArrayList<>();
    private final List<JsonNode> positional = new ArrayList<>();
    private final ObjectNode named = JsonNodeFactory.instance.objectNode();
    private boolean raw;
    private boolean join;
    private boolean compact;
    private boolean nullInput;
    private boolean slurp;
    private boolean rawInput;
    private boolean exitStatus;
    private boolean ascii;
    private boolean sortKeys;
    private String indent = "  ";

    JqRunner(ProcessApi process) {
        this.process = process;
        this.diagnostics = new Diagnostics(process, "jq");
        mapper.getFactory().disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    }

    int run() throws IOException {
        try {
            parseArguments(process.args());
        } catch (HelpRequest e) {
            OutputStream out = ByteText.stdout(process);
            out.write(e.getMessage().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return 0;
        } catch (IllegalArgumentException e) {
            diagnostics.warn(e.getMessage());
            if (e.getMessage().startsWith("Unknown option")) {
                process.stderr().writeBytes(("Use jq --help for help with command-line options,\n"
                        + "or see the jq manpage, or online docs  at https://stedolan.github.io/jq\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return 2;
        }
        if (filter == null && !process.isatty(0) && !process.isatty(1)) {
            filter = "."; // as jq 1.6 does when neither end is a terminal
        }
        if (filter == null) {
            process.stderr().writeBytes(("Usage:\tjq [OPTIONS] FILTER [FILES...]\n").getBytes(StandardCharsets.UTF_8));
            return 2;
        }
        try {
            return run(JqFunctions.newRunScope(process));
        } catch (WriteError e) {
            process.stderr().writeBytes(("Error: writing output failed: " + Diagnostics.describe(e.failure()) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            return 2;
        } finally {
            JqFunctions.finish();
        }
    }

    private int run(Scope scope) throws IOException {
        JqInputs inputs = new JqInputs(process, mapper, files, rawInput, slurp);
        JqJson compactWriter = new JqJson(null, ascii, sortKeys);
        JqFunctions.install(scope, process, inputs, compactWriter);
        scope.setValue("ENV", JqFunctions.environment(process));
        ObjectNode args = JsonNodeFactory.instance.objectNode();
        args.set("positional", JsonNodeFactory.instance.arrayNode().addAll(positional));
        args.set("named", named);
        scope.setValue("ARGS", args);
        named.fields().forEachRemaining(entry -> scope.setValue(entry.getKey(), entry.getValue()));
        JsonQuery query;
        try {
            query = JsonQuery.compile(JqFunctions.PRELUDE + interpolateWithToString(filter), VERSION);
        } catch (JsonQueryException e) {
            diagnostics.warn("error: " + e.getMessage());
            diagnostics.warn("1 compile error");
            return 3;
        }
        JqJson writer = new JqJson(compact ? null : indent, ascii, sortKeys);
        OutputStream out = ByteText.stdout(process);
        int status = 0;
        JsonNode[] last = {null};
        try {
            List<JsonNode> runs = new ArrayList<>();
            if (nullInput) {
                runs.add(NullNode.getInstance());
            } else if (slurp) {
                if (rawInput) {
                    runs.add(TextNode.valueOf(inputs.rest()));
                } else {
                    ArrayNode all = JsonNodeFactory.instance.arrayNode();
                    JsonNode v;
                    while ((v = inputs.next()) != null) {
                        all.add(v);
                    }
                    runs.add(all);
                }
            }
            boolean streaming = runs.isEmpty();
            int index = 0;
            while (true) {
                JsonNode input = streaming ? inputs.next() : index < runs.size() ? runs.get(index++) : null;
                if (input == null) {
                    break;
                }
                try {
                    query.apply(scope, input, value -> {
                        last[0] = value;
                        emit(out, writer, value);
                    });
                } catch (JsonQueryException e) {
                    out.flush();
                    diagnostics.warn("error (at " + (inputs.fileName() == null ? "<stdin>" : inputs.fileName())
                            + ":0): " + e.getMessage());
                    status = 5;
                }
            }
        } catch (JqInputs.ParseError e) {
            out.flush();
            process.stderr().writeBytes((e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
            return 2;
        } catch (JqFunctions.Halt halt) {
            out.flush();
            return halt.status;
        } catch (KernelException e) {
            out.flush();
            if (e.errno() == io.sandkernel.Errno.ENOMEM) {
                diagnostics.warn("error: cannot allocate memory"); // jq's words when its allocator fails
                return 2;
            }
            diagnostics.warn("error: Could not open " + e.getMessage() + ": " + Diagnostics.describe(e));
            return 2;
        } finally {
            out.flush();
        }
        if (status == 0 && exitStatus) {
            if (last[0] == null) {
                return 4;
            }
            return last[0].isNull() || (last[0].isBoolean() && !last[0].booleanValue()) ? 1 : 0;
        }
        return status;
    }

    /**
     * Rewrites each string interpolation {@code \(e)} as {@code \((e) | tostring)}: jackson-jq
     * interpolates numbers with Java's notation ("5.0", "1.0E20"), jq with its own, which our
     * tostring reproduces. Strings after an {@code @format} keep their interpolations, which the
     * format applies to.
     */
    static String interpolateWithToString(String filter) {
        StringBuilder out = new StringBuilder(filter.length() + 16);
        int i = 0;
        while (i < filter.length()) {
            char c = filter.charAt(i);
            if (c == '#') {
                int end = filter.indexOf('\n', i);
                end = end < 0 ? filter.length() : end;
                out.append(filter, i, end);
                i = end;
            } else if (c == '"') {
                boolean formatted = out.toString().stripTrailing().matches("(?s).*@[A-Za-z0-9_]+");
                i = string(filter, i, out, formatted);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Copies the string literal at {@code start}, rewriting its interpolations; returns the index after it. */
    private static int string(String filter, int start, StringBuilder out, boolean formatted) {
        out.append('"');
        int i = start + 1;
        while (i < filter.length()) {
            char c = filter.charAt(i);
            if (c == '"') {
                out.append('"');
                return i + 1;
            }
            if (c == '\\' && i + 1 < filter.length() && filter.charAt(i + 1) == '(') {
                int end = matchingParen(filter, i + 2);
                String inner = interpolateWithToString(filter.substring(i + 2, end));
                out.append(formatted ? "\\(" + inner + ")" : "\\((" + inner + ") | tostring)");
                i = end + 1;
                continue;
            }
            if (c == '\\' && i + 1 < filter.length()) {
                out.append(c).append(filter.charAt(i + 1));
                i += 2;
                continue;
            }
            out.append(c);
            i++;
        }
        return i;
    }

    /** The index of the ')' closing a parenthesis opened just before {@code from}, minding strings. */
    private static int matchingParen(String filter, int from) {
        int depth = 1;
        int i = from;
        while (i < filter.length()) {
            char c = filter.charAt(i);
            if (c == '"') {
                StringBuilder skipped = new StringBuilder();
                i = string(filter, i, skipped, true);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
            i++;
        }
        return filter.length() - 1;
    }

    private void emit(OutputStream out, JqJson writer, JsonNode value) {
        String text = (raw || join) && value.isTextual() ? value.textValue() : writer.write(value);
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            if (!join) {
                out.write('\n');
            }
        } catch (IOException e) {
            throw new IllegalStateException(e); // BufferedOutput reports failures as WriteError
        }
    }

    // ------------------------------------------------------------------ the command line

    private void parseArguments(List<String> argv) throws IOException {
        boolean argsMode = false;
        boolean jsonArgs = false;
        for (int i = 0; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (!arg.startsWith("-") || arg.equals("-")) {
                if (filter == null && filterFile == null) {
                    filter = arg;
                } else if (argsMode) {
                    positional.add(jsonArgs ? json(arg, "--jsonargs") : TextNode.valueOf(arg));
                } else {
                    files.add(arg);
                }
                continue;
            }
            if (arg.startsWith("--")) {
                switch (arg) {
                    case "--arg" -> named.set(need(argv, i + 1, arg), TextNode.valueOf(need(argv, (i += 2), arg)));
                    case "--argjson" -> {
                        String name = need(argv, i + 1, arg);
                        named.set(name, json(need(argv, (i += 2), arg), arg));
                    }
                    case "--slurpfile", "--rawfile" -> {
                        String name = need(argv, i + 1, arg);
                        String file = need(argv, (i += 2), arg);
                        named.set(name, arg.equals("--rawfile") ? TextNode.valueOf(readText(file)) : slurpFile(file));
                    }
                    case "--args" -> {
                        argsMode = true;
                        jsonArgs = false;
                    }
                    case "--jsonargs" -> {
                        argsMode = true;
                        jsonArgs = true;
                    }
                    case "--tab" -> indent = "\t";
                    case "--indent" -> {
                        int n = Integer.parseInt(need(argv, ++i, arg));
                        indent = n == 0 ? null : " ".repeat(Math.min(n, 7));
                        compact |= n == 0;
                    }
                    case "--from-file" -> filterFile = need(argv, ++i, arg);
                    case "--raw-output" -> raw = true;
                    case "--join-output" -> join = true;
                    case "--compact-output" -> compact = true;
                    case "--null-input" -> nullInput = true;
                    case "--slurp" -> slurp = true;
                    case "--raw-input" -> rawInput = true;
                    case "--exit-status" -> exitStatus = true;
                    case "--ascii-output" -> ascii = true;
                    case "--sort-keys" -> sortKeys = true;
                    case "--color-output", "--monochrome-output", "--unbuffered", "--seq" -> { }
                    case "--help" -> throw new HelpRequest("Usage:\tjq [OPTIONS] FILTER [FILES...]\n");
                    case "--version" -> throw new HelpRequest("jq-1.7\n");
                    case "--" -> { }
                    default -> throw new IllegalArgumentException("Unknown option: " + arg);
                }
                continue;
            }
            for (int k = 1; k < arg.length(); k++) {
                char c = arg.charAt(k);
                switch (c) {
                    case 'r' -> raw = true;
                    case 'j' -> join = true;
                    case 'c' -> compact = true;
                    case 'n' -> nullInput = true;
                    case 's' -> slurp = true;
                    case 'R' -> rawInput = true;
                    case 'e' -> exitStatus = true;
                    case 'a' -> ascii = true;
                    case 'S' -> sortKeys = true;
                    case 'C', 'M' -> { }
                    case 'h' -> throw new HelpRequest("Usage:\tjq [OPTIONS] FILTER [FILES...]\n");
                    case 'f' -> filterFile = need(argv, ++i, "-f");
                    default -> throw new IllegalArgumentException("Unknown option: " + arg);
                }
            }
        }
        if (filterFile != null) {
            if (filter != null) {
                files.add(0, filter);
            }
            filter = readText(filterFile);
        }
    }

    /** --help, -h and --version: what to print instead of running. */
    private static final class HelpRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HelpRequest(String text) {
            super(text, null, false, false);
        }
    }

    private static String need(List<String> argv, int index, String option) {
        if (index >= argv.size()) {
            throw new IllegalArgumentException(option + " takes a parameter");
        }
        return argv.get(index);
    }

    private JsonNode json(String text, String option) {
        try {
            return mapper.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("Invalid JSON text passed to " + option);
        }
    }

    private String readText(String file) throws IOException {
        try (InputStream in = process.openRead(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (KernelException e) {
            throw new IllegalArgumentException("error: Could not open " + file + ": " + Diagnostics.describe(e));
        }
    }

    private JsonNode slurpFile(String file) throws IOException {
        ArrayNode all = JsonNodeFactory.instance.arrayNode();
        try (InputStream in = process.openRead(file); JsonParser parser = mapper.getFactory().createParser(in)) {
            while (parser.nextToken() != null) {
                all.add(JqInputs.asJqNumbers(mapper.readTree(parser)));
            }
        } catch (KernelException e) {
            throw new IllegalArgumentException("error: Could not open " + file + ": " + Diagnostics.describe(e));
        }
        return all;
    }
}
