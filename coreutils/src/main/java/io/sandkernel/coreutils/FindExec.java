package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.Redirect;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * find's {@code -exec}, {@code -execdir}, {@code -ok} and {@code -okdir}: {@code CMD ARG... ;}
 * runs CMD once per file with every {@code {}} replaced by its name and is true when CMD exits
 * 0; {@code CMD ARG... {} +} collects names and runs CMD with as many as fit, at the end or when
 * a batch is full, and makes find exit 1 if a run fails. The {@code dir} forms run in the file's
 * directory with {@code ./name}; the {@code ok} forms ask on standard error first. find's own
 * output is flushed before each run, so that output stays in order.
 */
final class FindExec implements FindExpr.Test {
    /** How many bytes of arguments a batch takes before it is run (as xargs' default). */
    private static final int BATCH_BYTES = 128 * 1024;

    private final FindContext context;
    private final List<String> template;
    private final boolean inDirectory;
    private final boolean ask;
    private final boolean batch;
    private final List<String> pending = new ArrayList<>();
    private String pendingDirectory;
    private int pendingBytes;

    private FindExec(FindContext context, List<String> template, boolean inDirectory, boolean ask, boolean batch) {
        this.context = context;
        this.template = template;
        this.inDirectory = inDirectory;
        this.ask = ask;
        this.batch = batch;
    }

    /** Reads {@code CMD ARG... ;} or {@code CMD ARG... {} +} from the parser. */
    static FindExec parse(String name, FindParser parser, FindContext context) {
        List<String> words = new ArrayList<>();
        boolean batch = false;
        boolean ended = false;
        while (parser.hasMore()) {
            String word = parser.take();
            if (word.equals(";")) {
                ended = true;
                break;
            }
            if (word.equals("+") && !words.isEmpty() && words.get(words.size() - 1).equals("{}")) {
                ended = true;
                batch = true;
                break;
            }
            words.add(word);
        }
        if (!ended || words.isEmpty()) {
            throw FindParser.error("missing argument to `" + name + "'");
        }
        boolean ask = name.startsWith("-ok");
        if (batch && ask) {
            throw FindParser.error("missing argument to `" + name + "'");
        }
        FindExec exec = new FindExec(context, words, name.endsWith("dir"), ask, batch);
        if (batch) {
            context.atEnd(exec::runPending);
        }
        return exec;
    }

    @Override
    public boolean test(FindContext c, FindFile file) {
        String directory = inDirectory ? (file.depth == 0 ? FileOps.parent(file.path) : file.directory()) : null;
        String name = inDirectory ? "./" + file.name() : file.path;
        if (inDirectory && file.depth == 0 && file.path.equals("/")) {
            name = "/";
        }
        if (!batch) {
            List<String> argv = new ArrayList<>();
            for (String word : template) {
                argv.add(word.replace("{}", name));
            }
            if (ask && !confirm(argv)) {
                return false;
            }
            return run(argv, directory) == 0;
        }
        if (pendingDirectory != null && !pendingDirectory.equals(directory)) {
            runPending();
        }
        pendingDirectory = directory;
        pending.add(name);
        pendingBytes += name.length() + 1;
        if (pendingBytes >= BATCH_BYTES) {
            runPending();
        }
        return true;
    }

    private void runPending() {
        if (pending.isEmpty()) {
            return;
        }
        List<String> argv = new ArrayList<>(template.subList(0, template.size() - 1));
        argv.addAll(pending);
        String directory = pendingDirectory;
        pending.clear();
        pendingBytes = 0;
        if (run(argv, directory) != 0) {
            context.diagnostics.fail();
        }
    }

    /** Runs {@code argv}, in {@code directory} when given; returns its status (-1 when it could not start). */
    private int run(List<String> argv, String directory) {
        context.flush();
        String cwd = context.process.cwd();
        if (directory != null) {
            cwd = directory.startsWith("/") ? directory : FileOps.join(cwd, directory);
        }
        int pid;
        try {
            pid = Children.start(context.process, argv, context.process.env(), cwd, Redirect.inherit(), Redirect.inherit());
        } catch (KernelException e) {
            // GNU's child fails to exec and exits 1: the test is false, find's status unchanged
            context.diagnostics.warn(Diagnostics.quote(argv.get(0)) + ": " + Diagnostics.describe(e));
            return 1;
        }
        return Children.await(context.process, pid);
    }

    private boolean confirm(List<String> argv) {
        context.flush();
        StringBuilder prompt = new StringBuilder("< ");
        for (String word : argv) {
            prompt.append(word).append(' ');
        }
        prompt.append("> ? ");
        context.process.stderr().write(prompt.toString().getBytes(StandardCharsets.UTF_8), 0,
                prompt.toString().getBytes(StandardCharsets.UTF_8).length);
        context.process.stderr().flush();
        StringBuilder answer = new StringBuilder();
        InputStream in = context.process.stdin();
        try {
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                answer.append((char) b);
            }
        } catch (IOException e) {
            return false;
        }
        String text = answer.toString().strip();
        return text.startsWith("y") || text.startsWith("Y");
    }
}
