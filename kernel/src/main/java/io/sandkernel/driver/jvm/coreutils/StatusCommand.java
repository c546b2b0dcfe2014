package io.sandkernel.driver.jvm.coreutils;

import io.sandkernel.driver.jvm.JvmCommand;
import io.sandkernel.kernel.ProcessApi;

/** true and false: ignore their arguments and exit with a fixed status. */
final class StatusCommand implements JvmCommand {
    private final int status;

    StatusCommand(int status) {
        this.status = status;
    }

    @Override
    public int run(ProcessApi process) {
        return status;
    }
}
