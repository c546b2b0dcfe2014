package io.sandkernel.coreutils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.thisptr.jackson.jq.BuiltinFunctionLoader;
import net.thisptr.jackson.jq.Function;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/**
 * The builtins jq programs use that jackson-jq lacks or that must go through the kernel:
 * {@code input}, {@code inputs}, {@code input_filename}, {@code debug}, {@code stderr},
 * {@code halt}, {@code halt_error}, {@code $ENV}/{@code env} (the process's environment, not the
 * JVM's), {@code @csv} and {@code @tsv}; plus jq-language definitions of a few more. Every
 * function, jackson-jq's own included, is wrapped in a signal checkpoint, since any jq loop
 * goes through function calls.
 */
final class JqFunctions {
    /** What halt and halt_error end jq with. */
    static final class Halt extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        Halt(int status) {
            super(null, null, false, false);
            this.status = status;
        }
    }

    /** Definitions in jq itself, put before the user's program. */
    static final String PRELUDE = "def todate: todateiso8601; def fromdate: fromdateiso8601; def date: todate; "
            + "def dateadd(u; n): . + n; def datesub(u; n): . - n; "
            + "def tostream: path(def r: (.[]?|r), .; r) as $p | getpath($p) | reduce path(.[]?) as $q ([$p, .]; [$p+$q]); "
            + "def env: $ENV; def halt_error: halt_error(5); ";

    /** The checkpoint of the jq run on this thread (each program has a thread of its own). */
    private static final ThreadLocal<CpuCheckpoint> CHECKPOINT = new ThreadLocal<>();

    private JqFunctions() {}

    /**
     * jackson-jq's builtins, loaded and wrapped once per JVM: loading them parses and compiles
     * jq.json, which would otherwise cost every run a few milliseconds. They are stateless; the
     * wrappers find the running process's checkpoint through {@link #CHECKPOINT}.
     */
    private static final class Builtins {
        static final Scope SCOPE = load();

        private static Scope load() {
            Scope builtins = Scope.newEmptyScope();
            BuiltinFunctionLoader.getInstance().loadFunctions(JqRunner.VERSION, builtins);
            for (Map.Entry<String, Function> entry : Map.copyOf(builtins.getLocalFunctions()).entrySet()) {
                Function original = entry.getValue();
                Function checked = (s, args, in, path, out, version) -> {
                    poll();
                    original.apply(s, args, in, path, (value, at) -> {
                        poll(); // generators such as range emit many values from one call
                        out.emit(value, at);
                    }, version);
                };
                String key = entry.getKey();
                int slash = key.lastIndexOf('/');
                if (slash > 0) {
                    builtins.addFunction(key.substring(0, slash), Integer.parseInt(key.substring(slash + 1)), checked);
                } else {
                    builtins.addFunction(key, checked);
                }
            }
            return builtins;
        }

        private static void poll() {
            CpuCheckpoint checkpoint = CHECKPOINT.get();
            if (checkpoint != null) {
                checkpoint.poll();
            }
        }
    }

    /** A scope for one run, on the shared builtins, with the run's checkpoint in force until {@link #finish}. */
    static Scope newRunScope(ProcessApi process) {
        CHECKPOINT.set(new CpuCheckpoint(process));
        return Scope.newChildScope(Builtins.SCOPE);
    }

    /** Ends the run on this thread. */
    static void finish() {
        CHECKPOINT.remove();
    }

    /** Adds the run's own functions to {@code scope}. */
    static void install(Scope scope, ProcessApi process, JqInputs inputs, JqJson compact) {
        CpuCheckpoint checkpoint = new CpuCheckpoint(process);
        scope.addFunction("input", 0, (s, args, in, path, out, version) -> {
            JsonNode next = read(inputs);
            if (next == null) {
                throw new JsonQueryException("No more inputs");
            }
            out.emit(next, null);
        });
        scope.addFunction("inputs", 0, (s, args, in, path, out, version) -> {
            JsonNode next;
            while ((next = read(inputs)) != null) {
                checkpoint.poll();
                out.emit(next, null);
            }
        });
        scope.addFunction("input_filename", 0, (s, args, in, path, out, version) -> {
            String name = inputs.fileName();
            out.emit(name == null ? JsonNodeFactory.instance.nullNode() : TextNode.valueOf(name), null);
        });
        scope.addFunction("debug", 0, (s, args, in, path, out, version) -> {
            stderr(process, "[\"DEBUG:\"," + compact.write(in) + "]\n");
            out.emit(in, path);
        });
        scope.addFunction("stderr", 0, (s, args, in, path, out, version) -> {
            stderr(process, compact.write(in));
            out.emit(in, path);
        });
        scope.addFunction("halt", 0, (s, args, in, path, out, version) -> {
            throw new Halt(0);
        });
        scope.addFunction("halt_error", 1, (s, args, in, path, out, version) -> {
            int[] status = {5};
            args.get(0).apply(s, in, value -> status[0] = value.asInt());
            stderr(process, in.isTextual() ? in.textValue() : compact.write(in) + "\n");
            throw new Halt(status[0]);
        });
        // jq writes numbers in its own way ("1e+20"), which jackson-jq's tostring does not
        Function toString = (s, args, in, path, out, version) ->
                out.emit(in.isTextual() ? in : TextNode.valueOf(compact.write(in)), null);
        Function toJson = (s, args, in, path, out, version) -> out.emit(TextNode.valueOf(compact.write(in)), null);
        scope.addFunction("tostring", 0, toString);
        scope.addFunction("@text", 0, toString);
        scope.addFunction("tojson", 0, toJson);
        scope.addFunction("@json", 0, toJson);
        scope.addFunction("@csv", 0, (s, args, in, path, out, version) -> out.emit(TextNode.valueOf(row(in, true)), null));
        scope.addFunction("@tsv", 0, (s, args, in, path, out, version) -> out.emit(TextNode.valueOf(row(in, false)), null));
    }

    private static JsonNode read(JqInputs inputs) throws JsonQueryException {
        try {
            return inputs.next();
        } catch (IOException | JqInputs.ParseError e) {
            throw new JsonQueryException(e.getMessage());
        }
    }

    private static void stderr(ProcessApi process, String text) {
        process.stderr().writeBytes(text.getBytes(StandardCharsets.UTF_8));
        process.stderr().flush();
    }

    /** The environment as an object, for $ENV. */
    static ObjectNode environment(ProcessApi process) {
        ObjectNode env = JsonNodeFactory.instance.objectNode();
        process.env().forEach(env::put);
        return env;
    }

    private static String row(JsonNode in, boolean csv) throws JsonQueryException {
        if (!in.isArray()) {
            throw new JsonQueryException(typeName(in) + " (" + in + ") cannot be " + (csv ? "csv" : "tsv")
                    + "-formatted, only an array can be");
        }
        StringBuilder b = new StringBuilder();
        boolean first = true;
        for (JsonNode v : in) {
            if (!first) {
                b.append(csv ? ',' : '\t');
            }
            first = false;
            if (v.isNumber()) {
                b.append(JqJson.number(v.doubleValue()));
            } else if (v.isBoolean()) {
                b.append(v.booleanValue());
            } else if (v.isNull()) {
                continue;
            } else if (v.isTextual()) {
                String t = v.textValue();
                if (csv) {
                    b.append('"').append(t.replace("\"", "\"\"")).append('"');
                } else {
                    b.append(t.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r"));
                }
            } else {
                throw new JsonQueryException(typeName(v) + " (" + v + ") is not valid in a " + (csv ? "csv" : "tsv")
                        + " row");
            }
        }
        return b.toString();
    }

    private static String typeName(JsonNode v) {
        return v.isObject() ? "object" : v.isArray() ? "array" : v.isTextual() ? "string" : v.isNumber() ? "number"
                : v.isBoolean() ? "boolean" : "null";
    }
}
