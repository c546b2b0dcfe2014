package io.sandkernel.driver.wasm;

import io.sandkernel.process.Signals;

/**
 * How a wasm trap ends a process: with the status of the Linux signal a native program would
 * have died of, and a one-line message for standard error (never a Java stack trace).
 */
final class Traps {
    private Traps() {}

    /** Out-of-bounds accesses and stack exhaustion are SIGSEGV, arithmetic traps SIGFPE, the rest SIGILL. */
    static int signal(String message) {
        String text = message == null ? "" : message;
        if (text.contains("out of bounds") || text.contains("call stack exhausted") || text.contains("stack overflow")) {
            return Signals.SIGSEGV;
        }
        if (text.contains("divide by zero") || text.contains("integer overflow")) {
            return Signals.SIGFPE;
        }
        return Signals.SIGILL;
    }

    /** The message's first line, without the runtime's address details. */
    static String describe(String message) {
        if (message == null || message.isBlank()) {
            return "trap";
        }
        String line = message.lines().findFirst().orElse("trap").strip();
        int detail = line.indexOf(": attempted");
        return detail > 0 ? line.substring(0, detail) : line;
    }
}
