package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * find [-H|-L|-P] [-D OPTS] [-Olevel] [START...] [EXPRESSION]: walks each start point (default
 * {@code .}) with {@link FindWalker}, evaluating the expression {@link FindParser} read for
 * every file; without an action in it, files for which it is true are printed. Exits 1 when a
 * file could not be read or a command of {@code -exec ... +} failed.
 */
final class FindCommand implements Program {
    @Override
    public int run(ProcessApi process) throws Exception {
        List<String> args = process.args();
        Diagnostics diagnostics = new Diagnostics(process, "find");
        FindWalker.Follow follow = FindWalker.Follow.NEVER;
        int at = 0;
        while (at < args.size()) {
            String arg = args.get(at);
            if (arg.equals("-H")) {
                follow = FindWalker.Follow.COMMAND_LINE;
            } else if (arg.equals("-L")) {
                follow = FindWalker.Follow.ALWAYS;
            } else if (arg.equals("-P")) {
                follow = FindWalker.Follow.NEVER;
            } else if (arg.equals("-D")) {
                at++;
            } else if (arg.startsWith("-O") && arg.length() > 2) {
                // optimisation level: nothing to choose here
            } else if (arg.equals("--")) {
                at++;
                break;
            } else {
                break;
            }
            at++;
        }
        List<String> starts = new ArrayList<>();
        while (at < args.size() && !looksLikeExpression(args.get(at))) {
            starts.add(args.get(at++));
        }
        if (starts.isEmpty()) {
            starts.add(".");
        }
        FindContext context = new FindContext(process, diagnostics, ByteText.stdout(process));
        context.followLinks = follow == FindWalker.Follow.ALWAYS;
        FindParser.Settings settings = new FindParser.Settings();
        List<String> expression = args.subList(at, args.size());
        boolean explicitDepth = expression.contains("-depth") || expression.contains("-d");
        FindExpr expr = new FindParser(expression, context, settings).parse();
        if (settings.deleteSeen && settings.pruneSeen && !explicitDepth) {
            throw UsageException.withoutHint("The -delete action automatically turns on -depth, but -prune does nothing"
                    + " when -depth is in effect.  If you want to carry on anyway, just explicitly use the -depth option.");
        }
        FindExpr print = new FindExpr.Leaf("-print", (c, f) -> {
            c.write(c.out, f.path + "\n");
            return true;
        }, true);
        if (expr == null) {
            expr = print;
        } else if (!expr.hasAction()) {
            expr = new FindExpr.And(expr, print);
        }
        context.depthFirst = settings.depthFirst;
        FindWalker walker = new FindWalker(context, settings, expr, follow);
        try {
            for (String start : starts) {
                if (context.quit) {
                    break;
                }
                walker.walk(start);
            }
            context.finish();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return diagnostics.failed() ? 1 : 0;
    }

    /** What ends the start points: an option-like word, or one of {@code ( ) ! ,}. */
    private static boolean looksLikeExpression(String arg) {
        return (arg.startsWith("-") && arg.length() > 1) || arg.equals("(") || arg.equals(")") || arg.equals("!")
                || arg.equals(",");
    }
}
