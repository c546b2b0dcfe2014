package io.sandkernel.coreutils;

import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.user.ProcessIdentity;
import java.io.OutputStream;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * groups [USER]...: the names of the groups of this process (effective group first, then the
 * supplementary ones), or of each USER ({@code "user : g1 g2"}) from the kernel's /etc/passwd
 * and /etc/group.
 */
final class GroupsCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("");

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        UserDatabase users = new UserDatabase(process);
        Diagnostics diagnostics = new Diagnostics(process, "groups");
        OutputStream out = ByteText.stdout(process);
        if (options.operands().isEmpty()) {
            ProcessIdentity identity = process.identity();
            Set<Integer> ids = new LinkedHashSet<>();
            ids.add(identity.egid());
            ids.addAll(identity.supplementaryGids());
            ByteText.writeUtf8(out, names(users, ids) + "\n");
        }
        for (String user : options.operands()) {
            int[] account = users.user(user);
            if (account == null) {
                out.flush();
                diagnostics.error(Diagnostics.quote(user) + ": no such user");
                continue;
            }
            Set<Integer> ids = new LinkedHashSet<>();
            ids.add(account[1]);
            ids.addAll(users.memberships(user));
            ByteText.writeUtf8(out, user + " : " + names(users, ids) + "\n");
        }
        out.flush();
        return diagnostics.failed() ? 1 : 0;
    }

    private static String names(UserDatabase users, Set<Integer> ids) {
        StringBuilder text = new StringBuilder();
        for (int id : ids) {
            text.append(text.isEmpty() ? "" : " ").append(users.groupLabel(id));
        }
        return text.toString();
    }
}
