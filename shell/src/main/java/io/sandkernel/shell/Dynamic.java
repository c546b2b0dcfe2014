package io.sandkernel.shell;

import io.sandkernel.KernelException;

/**
 * The variables the shell computes when they are read: {@code LINENO}, and in bash
 * {@code RANDOM} (bash's own generator, so that a seeded sequence is bash's), {@code SRANDOM},
 * {@code SECONDS}, {@code BASHPID}, {@code BASH_SUBSHELL}, {@code EPOCHSECONDS},
 * {@code EPOCHREALTIME}; and home directories for {@code ~user} from the kernel's
 * {@code /etc/passwd}.
 */
final class Dynamic {
    private final Interpreter shell;
    private long randomSeed;
    private int lastRandom;
    private long secondsBase = System.nanoTime();
    private long secondsOffset;

    Dynamic(Interpreter shell) {
        this.shell = shell;
        this.randomSeed = (System.nanoTime() ^ ((long) shell.api.pid() << 16) ^ System.identityHashCode(this))
                & 0x7fffffffL;
    }

    /** The value of a dynamic variable, or null when {@code name} is not one. */
    String value(String name) {
        switch (name) {
            case "LINENO":
                if (shell.state.bash && shell.traps.running()) {
                    return Integer.toString(Math.max(1, shell.traps.line()));
                }
                return Integer.toString(Math.max(1, shell.currentLine + shell.lineOffset));
            default:
                break;
        }
        if (!shell.state.bash) {
            return null;
        }
        return switch (name) {
            case "RANDOM" -> Integer.toString(nextRandom());
            case "SRANDOM" -> Long.toString(java.util.concurrent.ThreadLocalRandom.current().nextLong() & 0xffffffffL);
            case "SECONDS" -> Long.toString(secondsOffset + (System.nanoTime() - secondsBase) / 1_000_000_000L);
            case "BASHPID" -> Integer.toString(shell.api.pid());
            case "BASH_SUBSHELL" -> Integer.toString(shell.subshellLevel);
            case "FUNCNAME", "BASH_SOURCE", "BASH_LINENO" -> shell.state.calls.top(name);
            case "BASH_COMMAND" -> shell.currentCommand == null ? "" : Printer.summary(shell.currentCommand);
            case "EPOCHSECONDS" -> Long.toString(System.currentTimeMillis() / 1000);
            case "EPOCHREALTIME" -> {
                long micros = System.currentTimeMillis() * 1000 + (System.nanoTime() / 1000) % 1000;
                yield String.format("%d.%06d", micros / 1_000_000, micros % 1_000_000);
            }
            default -> null;
        };
    }

    /** Whether an assignment to {@code name} is taken by the shell (and not stored). */
    boolean assign(String name, String value) {
        if (!shell.state.bash) {
            return false;
        }
        switch (name) {
            case "RANDOM" -> {
                try {
                    randomSeed = Long.parseLong(value.strip()) & 0xffffffffL;
                } catch (NumberFormatException e) {
                    randomSeed = 0;
                }
                lastRandom = 0;
                return true;
            }
            case "SECONDS" -> {
                try {
                    secondsOffset = Long.parseLong(value.strip());
                } catch (NumberFormatException e) {
                    secondsOffset = 0;
                }
                secondsBase = System.nanoTime();
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** bash 5's RANDOM: Park and Miller's minimal standard generator, folded to 15 bits, never twice the same. */
    private int nextRandom() {
        int value;
        do {
            long r = randomSeed == 0 ? 123459876 : randomSeed;
            long h = r / 127773;
            long l = r - 127773 * h;
            long t = 16807 * l - 2836 * h;
            randomSeed = t < 0 ? t + 0x7fffffffL : t;
            value = (int) (((randomSeed >> 16) ^ (randomSeed & 65535)) & 0x7fff);
        } while (value == lastRandom);
        lastRandom = value;
        return value;
    }

    /** The home directory of {@code user} in the kernel's /etc/passwd, or null. */
    String homeOf(String user) {
        if (user == null) {
            return null;
        }
        String passwd;
        try {
            passwd = Fs.readText(shell.api, "/etc/passwd");
        } catch (KernelException e) {
            return null;
        }
        for (String line : passwd.split("\n")) {
            String[] fields = line.split(":", -1);
            if (fields.length >= 6 && fields[0].equals(user)) {
                return fields[5];
            }
        }
        return null;
    }
}
