package io.sandkernel.coreutils;

import io.sandkernel.api.Checkpoints;
import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.fs.DirEntry;
import io.sandkernel.api.fs.FileType;
import io.sandkernel.api.fs.Stat;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * find's walk over one start point: pre-order (or post-order with {@code -depth}), entries in
 * name order, {@code -mindepth}/{@code -maxdepth}, {@code -prune}, {@code -xdev}, {@code -quit},
 * symbolic links followed everywhere ({@code -L}), on the command line ({@code -H}) or nowhere,
 * and loops detected among the directories being walked when links are followed. Errors are
 * findutils' ({@code find: 'x': Permission denied}) and make the exit status 1.
 */
final class FindWalker {
    /** How symbolic links are treated: -P, -H or -L. */
    enum Follow { NEVER, COMMAND_LINE, ALWAYS }

    private final FindContext context;
    private final FindParser.Settings settings;
    private final FindExpr expr;
    private final Follow follow;

    FindWalker(FindContext context, FindParser.Settings settings, FindExpr expr, Follow follow) {
        this.context = context;
        this.settings = settings;
        this.expr = expr;
        this.follow = follow;
    }

    void walk(String start) {
        Stat stat;
        try {
            stat = follow != Follow.NEVER || context.followLinks ? statFollowing(start) : context.process.lstat(start);
        } catch (KernelException e) {
            context.diagnostics.error(Diagnostics.quote(start) + ": " + Diagnostics.describe(e));
            return;
        }
        visit(new FindFile(start, start, 0, stat), new ArrayDeque<>(), stat.dev());
    }

    /** {@code stat}, or the link itself when it dangles (as find -L shows broken links). */
    private Stat statFollowing(String path) {
        try {
            return context.process.stat(path);
        } catch (KernelException e) {
            if (e.errno() == Errno.ENOENT || e.errno() == Errno.ELOOP) {
                Stat link = FileOps.lstatOrNull(context.process, path);
                if (link != null) {
                    return link;
                }
            }
            throw e;
        }
    }

    private void visit(FindFile file, Deque<FindFile> ancestors, long device) {
        if (context.quit) {
            return;
        }
        Checkpoints.poll(context.process);
        boolean evaluate = file.depth >= settings.minDepth;
        context.prune = false;
        try {
            if (!settings.depthFirst && evaluate) {
                expr.eval(context, file);
            }
            boolean pruned = context.prune && !settings.depthFirst;
            if (context.quit) {
                return;
            }
            if (file.isDirectory() && file.depth < settings.maxDepth && !pruned
                    && !(settings.xdev && file.stat().dev() != device)) {
                descend(file, ancestors, device);
            }
            if (settings.depthFirst && evaluate && !context.quit) {
                expr.eval(context, file);
            }
        } catch (FindFile.Unreadable e) {
            // reported when the status was read; the file is left
        }
    }

    /** Reads a listed file's status as the walk does, reporting a failure (then null). */
    private Stat readStat(String path) {
        try {
            return follow == Follow.ALWAYS || context.followLinks ? statFollowing(path) : context.process.lstat(path);
        } catch (KernelException e) {
            context.diagnostics.error(Diagnostics.quote(path) + ": " + Diagnostics.describe(e));
            return null;
        }
    }

    private void descend(FindFile directory, Deque<FindFile> ancestors, long device) {
        if (follow == Follow.ALWAYS || context.followLinks) {
            for (FindFile ancestor : ancestors) {
                if (FileOps.sameFile(ancestor.stat(), directory.stat())) {
                    context.diagnostics.error("File system loop detected; " + Diagnostics.quote(directory.path)
                            + " is part of the same file system loop as " + Diagnostics.quote(ancestor.path) + ".");
                    return;
                }
            }
        }
        List<DirEntry> entries;
        try {
            entries = context.process.listDirectory(directory.path);
        } catch (KernelException e) {
            context.diagnostics.error(Diagnostics.quote(directory.path) + ": " + Diagnostics.describe(e));
            return;
        }
        ancestors.push(directory);
        try {
            for (DirEntry entry : entries) {
                if (context.quit) {
                    return;
                }
                String path = directory.path.endsWith("/") ? directory.path + entry.name()
                        : directory.path + "/" + entry.name();
                FileType type = entry.type();
                boolean following = follow == Follow.ALWAYS || context.followLinks;
                if (type != FileType.DIRECTORY && type != FileType.UNKNOWN && !(following && type == FileType.SYMLINK)) {
                    visit(new FindFile(path, directory.start, directory.depth + 1, type, this::readStat), ancestors, device);
                    continue;
                }
                Stat stat = readStat(path);
                if (stat != null) {
                    visit(new FindFile(path, directory.start, directory.depth + 1, stat), ancestors, device);
                }
            }
        } finally {
            ancestors.pop();
        }
    }
}
