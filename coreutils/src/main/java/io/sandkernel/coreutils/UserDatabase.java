package io.sandkernel.coreutils;

import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel filesystem's {@code /etc/passwd} and {@code /etc/group}, read through the process:
 * names for ids and ids for names, for id, whoami and ls -l. Missing or unreadable files simply
 * have no entries.
 */
final class UserDatabase {
    /** One {@code name:x:id:...} line split into fields. */
    private record Entry(String[] fields) {
        String name() {
            return fields[0];
        }

        int id() {
            try {
                return Integer.parseInt(fields[2]);
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                return -1;
            }
        }
    }

    private final List<Entry> users;
    private final List<Entry> groups;

    UserDatabase(ProcessApi process) {
        this.users = read(process, "/etc/passwd");
        this.groups = read(process, "/etc/group");
    }

    private static List<Entry> read(ProcessApi process, String path) {
        List<Entry> entries = new ArrayList<>();
        try (InputStream in = process.openRead(path)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    entries.add(new Entry(line.split(":", -1)));
                }
            }
        } catch (IOException | RuntimeException e) {
            // no database: every lookup falls back to numbers
        }
        return entries;
    }

    /** The user name of {@code uid}, or null. */
    String userName(int uid) {
        for (Entry user : users) {
            if (user.id() == uid) {
                return user.name();
            }
        }
        return null;
    }

    /** The group name of {@code gid}, or null. */
    String groupName(int gid) {
        for (Entry group : groups) {
            if (group.id() == gid) {
                return group.name();
            }
        }
        return null;
    }

    /** The id of the group called {@code name}, or null. */
    Integer groupId(String name) {
        for (Entry group : groups) {
            if (group.name().equals(name) && group.id() >= 0) {
                return group.id();
            }
        }
        return null;
    }

    /** {uid, gid} of the user called {@code name}, or null. */
    int[] user(String name) {
        for (Entry user : users) {
            if (user.name().equals(name) && user.fields.length > 3) {
                try {
                    return new int[] {user.id(), Integer.parseInt(user.fields[3])};
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The groups listing {@code name} as a member in their fourth field. */
    List<Integer> memberships(String name) {
        List<Integer> ids = new ArrayList<>();
        for (Entry group : groups) {
            if (group.fields.length > 3 && List.of(group.fields[3].split(",")).contains(name)) {
                ids.add(group.id());
            }
        }
        return ids;
    }

    /** The user name of {@code uid}, or the number. */
    String userLabel(int uid) {
        String name = userName(uid);
        return name == null ? Integer.toString(uid) : name;
    }

    /** The group name of {@code gid}, or the number. */
    String groupLabel(int gid) {
        String name = groupName(gid);
        return name == null ? Integer.toString(gid) : name;
    }
}
