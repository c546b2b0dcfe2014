package io.sandkernel.shell;

import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.shell.Ast.Node;

/**
 * The forked side of a subshell: a {@link Program} holding a copy of the shell's state and the
 * tree to run, which the kernel starts as a child process ({@code fork} without {@code exec}).
 * The copy is taken in the parent before the child starts, so the two never share mutable state.
 */
final class Forks {
    private Forks() {}

    /** What a subshell inherits from the interpreter besides the variables: where it was. */
    private record Position(int line, int lineOffset, int loopDepth, int functionDepth, int conditionDepth,
                            int subshellLevel, String scriptName, boolean errexit) {}

    /**
     * A program running {@code body} in a copy of {@code parent}'s state; a bash command
     * substitution runs without set -e (bash clears it there unless inherit_errexit is set).
     */
    static Program program(Interpreter parent, Node body, boolean substitution) {
        ShellState copy = parent.state.copy();
        boolean errexit = copy.errexit && !(substitution && copy.bash && !copy.shopts.contains("inherit_errexit"));
        // bash starts a subshell or pipeline element outside any loop (break there is an error),
        // a command substitution and every dash subshell inside the parent's loops
        int loopDepth = copy.bash && !substitution ? 0 : parent.loopDepth;
        Position position = new Position(parent.currentLine, parent.lineOffset, loopDepth,
                parent.functionDepth, parent.conditionDepth, parent.subshellLevel + 1, parent.scriptName, errexit);
        java.util.function.Predicate<String> known = parent.knownCommands;
        return process -> {
            copy.errexit = position.errexit();
            Interpreter shell = new Interpreter(process, copy, Terminal.none());
            shell.knownCommands = known;
            shell.currentLine = position.line();
            shell.lineOffset = position.lineOffset();
            shell.loopDepth = position.loopDepth();
            shell.functionDepth = position.functionDepth();
            shell.conditionDepth = position.conditionDepth();
            shell.subshellLevel = position.subshellLevel();
            shell.scriptName = position.scriptName();
            shell.commands.enterFrames(position.functionDepth());
            shell.traps.installInherited();
            return run(shell, body);
        };
    }

    private static int run(Interpreter shell, Node body) {
        ShellState state = shell.state;
        try {
            state.memory.chargeHeld();
            state.lastStatus = shell.execute(body);
        } catch (ControlFlow.Exit e) {
            state.lastStatus = e.status;
        } catch (ControlFlow.Return e) {
            state.lastStatus = e.status;
        } catch (ControlFlow.Break | ControlFlow.Continue e) {
            // break and continue end the subshell, as in dash and bash
        } catch (ControlFlow.Interrupt e) {
            state.lastStatus = 130;
        } catch (ShellError e) {
            shell.error(e.getMessage());
            // bash: an unset parameter ends the shell with 127, a subshell with 1
            state.lastStatus = state.bash && e.status() == 127 ? 1 : e.status();
        } catch (SyntaxError e) {
            shell.syntaxError(e);
        } catch (OutOfMemory | OutOfMemoryError e) {
            shell.outOfMemory(e);
        } catch (StackOverflowError e) {
            shell.tooDeep();
        } catch (KernelException e) {
            if (Interpreter.isOutOfMemory(e)) {
                shell.outOfMemory(e);
            } else {
                shell.error(e.getMessage());
                state.lastStatus = 2;
            }
        }
        try {
            shell.traps.runPending();
        } catch (ControlFlow.Exit e) {
            state.lastStatus = e.status;
        } catch (ControlFlow | ShellError e) {
            // the trap ended early
        }
        shell.traps.runExit();
        return state.lastStatus & 0xff;
    }
}
