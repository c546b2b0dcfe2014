package io.sandkernel.shell;

import io.sandkernel.shell.Ast.ArithFor;
import io.sandkernel.shell.Ast.For;
import io.sandkernel.shell.Ast.Loop;
import io.sandkernel.shell.Ast.Node;
import java.util.List;

/**
 * {@code for}, {@code while}, {@code until} and bash's {@code for (( ; ; ))}: a checkpoint at every
 * iteration, and {@code break}/{@code continue} counted in levels ({@link #iterate}).
 */
final class Loops {
    private final Interpreter shell;

    Loops(Interpreter shell) {
        this.shell = shell;
    }

    int forLoop(For forNode) {
        List<String> values = forNode.words() == null ? List.copyOf(shell.state.positional)
                : shell.expander.expandWords(forNode.words());
        int status = 0;
        shell.loopDepth++;
        try {
            for (String value : values) {
                shell.checkpoint();
                shell.values.assign(forNode.name(), value, false);
                int pass = iterate(forNode.body());
                if (pass == BREAK) {
                    break;
                }
                if (pass != CONTINUE) {
                    status = pass;
                }
            }
        } finally {
            shell.loopDepth--;
        }
        return status;
    }

    int loop(Loop loop) {
        int status = 0;
        shell.loopDepth++;
        try {
            while (true) {
                shell.checkpoint();
                int condition = loopCondition(loop.condition());
                if (condition == BREAK) {
                    break;
                }
                if (condition == CONTINUE) {
                    continue;
                }
                if ((condition == 0) == loop.until()) {
                    break;
                }
                int pass = iterate(loop.body());
                if (pass == BREAK) {
                    break;
                }
                if (pass != CONTINUE) {
                    status = pass;
                }
            }
        } finally {
            shell.loopDepth--;
        }
        return status;
    }

    /** A loop's condition, which may itself {@code break} or {@code continue} the loop. */
    private int loopCondition(Node condition) {
        shell.conditionDepth++;
        try {
            return iterate(condition);
        } finally {
            shell.conditionDepth--;
        }
    }

    int arithFor(ArithFor arithFor) {
        shell.currentLine = arithFor.line();
        if (arithFor.init() != null) {
            shell.arithmetic(arithFor.init());
        }
        int status = 0;
        shell.loopDepth++;
        try {
            while (true) {
                shell.checkpoint();
                if (arithFor.condition() != null && shell.arithmetic(arithFor.condition()) == 0) {
                    break;
                }
                int pass = iterate(arithFor.body());
                if (pass == BREAK) {
                    break;
                }
                if (pass != CONTINUE) {
                    status = pass;
                }
                if (arithFor.step() != null) {
                    shell.arithmetic(arithFor.step());
                }
            }
        } finally {
            shell.loopDepth--;
        }
        return status;
    }

    /** {@link #iterate} results besides a status: the loop ends, or its status stays as it was. */
    static final int BREAK = Integer.MIN_VALUE;
    static final int CONTINUE = Integer.MIN_VALUE + 1;

    /**
     * One pass of a loop body: its status, or {@link #BREAK} / {@link #CONTINUE} for a
     * {@code break} / {@code continue} aimed at this loop (one aimed further out is passed on, one
     * level less).
     */
    int iterate(Node body) {
        try {
            return shell.execute(body);
        } catch (ControlFlow.Break b) {
            if (b.levels > 1) {
                throw new ControlFlow.Break(b.levels - 1);
            }
            return BREAK;
        } catch (ControlFlow.Continue c) {
            if (c.levels > 1) {
                throw new ControlFlow.Continue(c.levels - 1);
            }
            return CONTINUE;
        }
    }
}
