package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;

/**
 * jq [OPTIONS] FILTER [FILE]...: the JSON processor, on jackson-jq. This class holds no
 * reference to Jackson: {@link JqRunner}, which does, is loaded the first time jq runs, so
 * registering jq costs the other commands nothing.
 */
final class JqCommand implements Program {
    @Override
    public int run(ProcessApi process) throws Exception {
        return new JqRunner(process).run();
    }
}
