package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.user.ProcessIdentity;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * id [-ugGnr] [USER] and whoami: the process's (or USER's) user and group ids, with names from
 * the kernel filesystem's /etc/passwd and /etc/group.
 */
final class IdCommand implements Program {
    private static final Options.Parser ID_PARSER = new Options.Parser("ugGnrz",
            "user:u", "group:g", "groups:G", "name:n", "real:r", "zero:z");
    private static final Options.Parser WHOAMI_PARSER = new Options.Parser("");

    private final boolean whoami;

    IdCommand(boolean whoami) {
        this.whoami = whoami;
    }

    @Override
    public int run(ProcessApi process) throws Exception {
        UserDatabase users = new UserDatabase(process);
        OutputStream out = ByteText.stdout(process);
        if (whoami) {
            Options options = WHOAMI_PARSER.parse(process.args());
            if (!options.operands().isEmpty()) {
                throw new UsageException("extra operand " + Diagnostics.quote(options.operands().get(0)));
            }
            int euid = process.identity().euid();
            String name = users.userName(euid);
            if (name == null) {
                new Diagnostics(process, "whoami").error("cannot find name for user ID " + euid);
                return 1;
            }
            ByteText.writeUtf8(out, name + "\n");
            out.flush();
            return 0;
        }
        Options options = ID_PARSER.parse(process.args());
        if (options.operands().size() > 1) {
            throw new UsageException("extra operand " + Diagnostics.quote(options.operands().get(1)));
        }
        ProcessIdentity identity = process.identity();
        if (!options.operands().isEmpty()) {
            String name = options.operands().get(0);
            int[] ids = users.user(name);
            if (ids == null) {
                new Diagnostics(process, "id").error(Diagnostics.quote(name) + ": no such user");
                return 1;
            }
            List<Integer> groups = new ArrayList<>(List.of(ids[1]));
            groups.addAll(users.memberships(name));
            identity = new ProcessIdentity(ids[0], ids[1], ids[0], ids[1], groups);
        }
        int selectors = (options.has('u') ? 1 : 0) + (options.has('g') ? 1 : 0) + (options.has('G') ? 1 : 0);
        if (selectors > 1) {
            throw new UsageException("cannot print \"only\" of more than one choice");
        }
        if (selectors == 0 && (options.has('n') || options.has('r'))) {
            throw new UsageException("cannot print only names or real IDs in default format");
        }
        boolean names = options.has('n');
        boolean real = options.has('r');
        String text;
        if (options.has('u')) {
            int uid = real ? identity.uid() : identity.euid();
            text = names ? users.userLabel(uid) : Integer.toString(uid);
        } else if (options.has('g')) {
            int gid = real ? identity.gid() : identity.egid();
            text = names ? users.groupLabel(gid) : Integer.toString(gid);
        } else if (options.has('G')) {
            List<String> parts = new ArrayList<>();
            for (int gid : groupList(identity)) {
                parts.add(names ? users.groupLabel(gid) : Integer.toString(gid));
            }
            text = String.join(options.has('z') ? "\0" : " ", parts);
        } else {
            text = full(identity, users);
        }
        ByteText.writeUtf8(out, text + (options.has('z') ? "\0" : "\n"));
        out.flush();
        return 0;
    }

    private static Set<Integer> groupList(ProcessIdentity identity) {
        Set<Integer> groups = new LinkedHashSet<>();
        groups.add(identity.gid());
        groups.add(identity.egid());
        groups.addAll(identity.supplementaryGids());
        return groups;
    }

    private static String full(ProcessIdentity identity, UserDatabase users) {
        StringBuilder text = new StringBuilder();
        text.append("uid=").append(named(identity.uid(), users.userName(identity.uid())));
        text.append(" gid=").append(named(identity.gid(), users.groupName(identity.gid())));
        if (identity.euid() != identity.uid()) {
            text.append(" euid=").append(named(identity.euid(), users.userName(identity.euid())));
        }
        if (identity.egid() != identity.gid()) {
            text.append(" egid=").append(named(identity.egid(), users.groupName(identity.egid())));
        }
        List<String> groups = new ArrayList<>();
        for (int gid : groupList(identity)) {
            groups.add(named(gid, users.groupName(gid)));
        }
        return text.append(" groups=").append(String.join(",", groups)).toString();
    }

    private static String named(int id, String name) {
        return name == null ? Integer.toString(id) : id + "(" + name + ")";
    }
}
