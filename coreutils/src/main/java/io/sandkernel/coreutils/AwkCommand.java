package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * awk [-F FS] [-v VAR=VALUE]... [-f PROGFILE | 'PROGRAM'] [FILE | VAR=VALUE]...: the POSIX awk
 * language (the common subset of onetrue-awk and gawk, plus nextfile, {@code **}, fflush and
 * regex RS), parsed by {@link AwkParser} and run by a tree-walking interpreter over the
 * kernel's descriptors: files, standard streams and {@code sh -c} children through kernel pipes
 * ({@link AwkIo}). Text is bytes, as in the C locale. Exit status: the one given to exit, else 0;
 * 2 for a syntax error or a fatal error (gawk's wording in spirit, not letter).
 */
final class AwkCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("F:v:f:",
            "field-separator:F", "assign:v", "file:f").stopAtFirstOperand();

    @Override
    public int run(ProcessApi process) throws Exception {
        Diagnostics diagnostics = new Diagnostics(process, "awk");
        Options options = PARSER.parse(process.args());
        List<String> operands = new ArrayList<>(options.operands());
        String source;
        if (options.has('f')) {
            StringBuilder text = new StringBuilder();
            for (String file : options.values('f')) {
                try (InputStream in = file.equals("-") ? null : process.openRead(file)) {
                    byte[] bytes = (in == null ? process.stdin() : in).readAllBytes();
                    text.append(ByteText.of(bytes, 0, bytes.length)).append('\n');
                } catch (KernelException | IOException e) {
                    diagnostics.error("fatal: can't open source file `" + file + "' for reading: "
                            + Diagnostics.describe(e));
                    return 2;
                }
            }
            source = text.toString();
        } else {
            if (operands.isEmpty()) {
                throw new UsageException(null);
            }
            source = ByteText.fromArg(operands.remove(0));
        }
        boolean utf8 = Locales.isUtf8(process);
        AwkProgram program;
        try {
            program = new AwkParser(source, utf8).parse();
        } catch (AwkSyntaxError e) {
            diagnostics.error(e.getMessage());
            return 1; // gawk's status for a program it cannot parse (onetrue-awk's is 2)
        } catch (AwkFatal e) {
            diagnostics.error("fatal: " + e.getMessage());
            return 2;
        }
        AwkRuntime rt = new AwkRuntime(process, program.globals.size(), utf8);
        rt.io = new AwkIo(process, rt, (name, value) -> assign(program, rt, name, value));
        AwkArray argv = (AwkArray) rt.globals[AwkRuntime.ARGV];
        argv.put("0", "awk");
        for (int i = 0; i < operands.size(); i++) {
            argv.put(Integer.toString(i + 1), new AwkValue.Strnum(rt.text(ByteText.fromArg(operands.get(i)))));
        }
        rt.globals[AwkRuntime.ARGC] = (double) (operands.size() + 1);
        try {
            if (options.has('F')) {
                String fs = rt.text(unescape(ByteText.fromArg(options.value('F', " "))));
                rt.setSpecial(AwkRuntime.FS, fs.equals("t") ? "\t" : fs);
            }
            for (String assignment : options.values('v')) {
                int equals = assignment.indexOf('=');
                if (equals <= 0) {
                    diagnostics.error("fatal: `" + assignment + "' argument to `-v' not in `var=value' form");
                    return 2;
                }
                assign(program, rt, ByteText.fromArg(assignment.substring(0, equals)),
                        ByteText.fromArg(assignment.substring(equals + 1)));
            }
            execute(program, rt);
        } catch (WriteError e) {
            diagnostics.error("warning: error writing standard output: " + Diagnostics.describe(e.failure()));
            return 1; // as gawk, which only warns and exits with 1
        } catch (AwkFatal e) {
            try {
                rt.io.closeAll();
            } catch (RuntimeException ignored) {
                // the fatal error is what gets reported
            }
            diagnostics.error("fatal: " + rt.unicode(e.getMessage()));
            return 2;
        }
        return rt.exitStatus;
    }

    private static void execute(AwkProgram program, AwkRuntime rt) {
        boolean exiting = false;
        try {
            for (AwkStmt action : program.begin) {
                action.exec(rt);
            }
        } catch (AwkRuntime.Jump jump) {
            exiting = jump.kind == AwkRuntime.JUMP_EXIT;
        }
        if (!exiting && program.readsInput()) {
            exiting = mainLoop(program, rt);
        }
        try {
            for (AwkStmt action : program.end) {
                action.exec(rt);
            }
        } catch (AwkRuntime.Jump jump) {
            // exit in END ends the program; next and nextfile are not allowed there
        }
        rt.io.closeAll();
    }

    /** Runs the rules over every record; returns whether exit ended it. */
    private static boolean mainLoop(AwkProgram program, AwkRuntime rt) {
        List<AwkProgram.Rule> rules = program.rules;
        String record;
        while ((record = rt.io.nextMainRecord()) != null) {
            rt.checkpoint.poll();
            rt.nr++;
            rt.fnr++;
            rt.setRecord(record);
            try {
                for (AwkProgram.Rule rule : rules) {
                    if (matches(rule, rt)) {
                        if (rule.action == null) {
                            rt.io.writeStdout(rt.record().toString().concat(rt.ors));
                        } else {
                            rule.action.exec(rt);
                        }
                    }
                }
            } catch (AwkRuntime.Jump jump) {
                if (jump.kind == AwkRuntime.JUMP_EXIT) {
                    return true;
                }
                if (jump.kind == AwkRuntime.JUMP_NEXTFILE) {
                    rt.io.skipFile();
                }
            }
        }
        return false;
    }

    private static boolean matches(AwkProgram.Rule rule, AwkRuntime rt) {
        if (rule.from == null) {
            return true;
        }
        if (rule.to == null) {
            return rule.from.bool(rt);
        }
        if (!rule.inRange) {
            if (!rule.from.bool(rt)) {
                return false;
            }
            rule.inRange = !rule.to.bool(rt);
            return true;
        }
        if (rule.to.bool(rt)) {
            rule.inRange = false;
        }
        return true;
    }

    /**
     * A -v or operand assignment, name and value as byte strings: the value gets string escapes
     * and counts as input (a strnum).
     */
    private static void assign(AwkProgram program, AwkRuntime rt, String name, String value) {
        AwkValue.Strnum v = new AwkValue.Strnum(rt.text(unescape(value)));
        int special = AwkRuntime.SPECIAL_NAMES.indexOf(name);
        if (special >= 0) {
            rt.setSpecial(special, v);
            return;
        }
        Integer slot = program.globals.get(name);
        if (slot != null) {
            if (rt.globals[slot] instanceof AwkArray) {
                throw new AwkFatal("cannot assign to array `" + name + "'");
            }
            rt.globals[slot] = v;
        }
    }

    /** The escapes of awk strings in a command-line value ({@code -F '\t'}, {@code -v s='a\nb'}). */
    static String unescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        AwkLexer lexer = new AwkLexer("\"" + value.replace("\"", "\\\"").replace("\n", "\\n") + "\"");
        return lexer.next().text();
    }
}
