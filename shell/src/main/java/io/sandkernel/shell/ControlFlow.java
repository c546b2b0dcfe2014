package io.sandkernel.shell;

/** Non-local control flow of the shell language, as exceptions without stack traces. */
abstract sealed class ControlFlow extends RuntimeException
        permits ControlFlow.Break, ControlFlow.Continue, ControlFlow.Return, ControlFlow.Exit,
        ControlFlow.Interrupt {
    private static final long serialVersionUID = 1L;

    ControlFlow() {
        super(null, null, false, false);
    }

    /** {@code break n}. */
    static final class Break extends ControlFlow {
        private static final long serialVersionUID = 1L;
        final int levels;

        Break(int levels) {
            this.levels = levels;
        }
    }

    /** {@code continue n}. */
    static final class Continue extends ControlFlow {
        private static final long serialVersionUID = 1L;
        final int levels;

        Continue(int levels) {
            this.levels = levels;
        }
    }

    /** {@code return n}. */
    static final class Return extends ControlFlow {
        private static final long serialVersionUID = 1L;
        final int status;

        Return(int status) {
            this.status = status;
        }
    }

    /** {@code exit n}, {@code set -e} and fatal errors. */
    static final class Exit extends ControlFlow {
        private static final long serialVersionUID = 1L;
        final int status;

        Exit(int status) {
            this.status = status;
        }
    }

    /** ^C in an interactive shell: abandons the command line being run. */
    static final class Interrupt extends ControlFlow {
        private static final long serialVersionUID = 1L;
    }
}
