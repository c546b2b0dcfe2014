package io.sandkernel.driver.host;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Optional;
import java.util.Map;
import java.util.function.Consumer;

/** Reads {@code /proc/<pid>/stat} (Linux); on other systems every lookup finds nothing. */
final class ProcFs {
    private static final Path PROC = Path.of("/proc");

    private ProcFs() {}

    /** One line of {@code /proc/<pid>/stat}, the fields this package needs. */
    record Stat(long pid, char state, long ppid, long processGroup, long session) {}

    /** The stat of {@code pid}, empty when there is no such process (or no /proc). */
    static Optional<Stat> stat(long pid) {
        try {
            String line = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            // "pid (comm) state ppid pgrp session ...": comm may hold spaces and parentheses
            int close = line.lastIndexOf(')');
            if (close < 0) {
                return Optional.empty();
            }
            String[] fields = line.substring(close + 2).trim().split(" ");
            return Optional.of(new Stat(pid, fields[0].charAt(0), Long.parseLong(fields[1]),
                    Long.parseLong(fields[2]), Long.parseLong(fields[3])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The live (not zombie) processes by session id. */
    static Map<Long, List<Long>> sessions() {
        Map<Long, List<Long>> sessions = new HashMap<>();
        forEachLive(stat -> sessions.computeIfAbsent(stat.session(), s -> new ArrayList<>()).add(stat.pid()));
        return sessions;
    }

    /** Whether {@code pid} is a live (not zombie) process. */
    static boolean isLive(long pid) {
        return stat(pid).map(s -> s.state() != 'Z' && s.state() != 'X').orElse(false);
    }

    /**
     * The live processes (other than this JVM) whose environment holds {@code entry}, e.g.
     * {@code "NAME=value"}. Environments of other users' processes are unreadable and skipped.
     */
    static List<ProcessHandle> withEnvironmentEntry(String entry) {
        byte[] needle = (entry + "\0").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long self = ProcessHandle.current().pid();
        List<ProcessHandle> found = new ArrayList<>();
        forEachLive(stat -> {
            if (stat.pid() == self) {
                return;
            }
            try {
                byte[] environ = Files.readAllBytes(PROC.resolve(Long.toString(stat.pid())).resolve("environ"));
                if (contains(environ, needle)) {
                    ProcessHandle.of(stat.pid()).ifPresent(found::add);
                }
            } catch (IOException | SecurityException e) {
                // gone, or not ours to read
            }
        });
        return found;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int start = 0; start + needle.length <= haystack.length; start++) {
            if (start > 0 && haystack[start - 1] != 0) {
                continue; // entries start after a NUL
            }
            for (int i = 0; i < needle.length; i++) {
                if (haystack[start + i] != needle[i]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The live (not zombie) processes whose session id is {@code session}. */
    static List<ProcessHandle> sessionMembers(long session) {
        List<ProcessHandle> members = new ArrayList<>();
        if (session > 0) {
            forEachLive(stat -> {
                if (stat.session() == session) {
                    ProcessHandle.of(stat.pid()).ifPresent(members::add);
                }
            });
        }
        return members;
    }

    private static void forEachLive(Consumer<Stat> action) {
        if (!Files.isDirectory(PROC)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.isEmpty() || !Character.isDigit(name.charAt(0))) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(name);
                } catch (NumberFormatException e) {
                    continue;
                }
                stat(pid).filter(s -> s.state() != 'Z').ifPresent(action);
            }
        } catch (IOException | RuntimeException e) {
            // /proc vanished or is unreadable: nothing found
        }
    }
}
