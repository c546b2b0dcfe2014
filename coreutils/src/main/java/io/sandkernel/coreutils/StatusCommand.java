package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;

/** true and false: ignore their arguments and exit with a fixed status. */
final class StatusCommand implements Program {
    private final int status;

    StatusCommand(int status) {
        this.status = status;
    }

    @Override
    public int run(ProcessApi process) {
        return status;
    }
}
