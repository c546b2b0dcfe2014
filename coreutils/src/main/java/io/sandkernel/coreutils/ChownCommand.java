package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.OpenFlags;
import io.sandkernel.api.fs.Stat;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * chown [-Rcfhv] [--from=O:G] [OWNER][:[GROUP]] FILE... and chgrp [-Rcfhv] GROUP FILE... (both
 * also {@code --reference=RFILE}): change owners with {@code fchownat}, names looked up in the
 * kernel's /etc/passwd and /etc/group (numbers otherwise), {@code OWNER:} meaning the owner's
 * login group. Symbolic links on the command line are followed unless {@code -h}; below it, with
 * {@code -R}, links themselves are changed, as GNU's default {@code -P}. Reports with
 * {@code -v}/{@code -c} are GNU's ("changed ownership of 'f' from root to user").
 */
final class ChownCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("cfhHLPRv",
            "changes:c", "silent:f", "quiet:f", "no-dereference:h", "dereference:\u0004", "recursive:R",
            "verbose:v", "reference=:\u0001", "from=:\u0002", "preserve-root:\u0003", "no-preserve-root:\u0005");

    private final boolean chgrp;
    private final String name;
    private ProcessApi process;
    private Diagnostics diagnostics;
    private UserDatabase users;
    private OutputStream out;
    private char report;
    private boolean quiet;
    private int uid = -1;
    private int gid = -1;
    private String userName;
    private String groupName;
    private int fromUid = -1;
    private int fromGid = -1;

    ChownCommand(boolean chgrp) {
        this.chgrp = chgrp;
        this.name = chgrp ? "chgrp" : "chown";
    }

    @Override
    public int run(ProcessApi process) throws Exception {
        Options options = PARSER.parse(process.args());
        if (chgrp && options.has('\u0002')) {
            String given = process.args().stream().filter(a -> a.startsWith("--f")).findFirst().orElse("--from");
            throw new UsageException("unrecognized option " + Diagnostics.quote(given)); // chgrp has no --from
        }
        this.process = process;
        this.diagnostics = new Diagnostics(process, name);
        this.users = new UserDatabase(process);
        this.out = ByteText.stdout(process);
        this.report = options.has('v') ? 'v' : options.has('c') ? 'c' : 0;
        this.quiet = options.has('f');
        List<String> files = new ArrayList<>(options.operands());
        String reference = options.value('\u0001', null);
        if (reference != null) {
            if (files.isEmpty()) {
                throw new UsageException("missing operand");
            }
            Stat stat;
            try {
                stat = process.stat(reference);
            } catch (KernelException e) {
                diagnostics.actionError("failed to get attributes of", reference, e);
                return 1;
            }
            gid = stat.gid();
            groupName = users.groupLabel(gid);
            if (!chgrp) {
                uid = stat.uid();
                userName = users.userLabel(uid);
            }
        } else {
            if (files.isEmpty()) {
                throw new UsageException("missing operand");
            }
            String spec = files.remove(0);
            if (files.isEmpty()) {
                throw new UsageException("missing operand after " + Diagnostics.quote(spec));
            }
            if (chgrp) {
                if (!spec.isEmpty()) {
                    groupSpec(spec, spec);
                }
            } else {
                ownerSpec(spec);
            }
        }
        String from = options.value('\u0002', null);
        if (from != null) {
            fromSpec(from);
        }
        boolean recursive = options.has('R');
        boolean noDereference = options.has('h') || (recursive && !options.has('\u0004') && !options.has('L'));
        for (String file : files) {
            operand(file, recursive, noDereference);
        }
        out.flush();
        return diagnostics.failed() ? 1 : 0;
    }

    /** {@code OWNER[:[GROUP]]}, {@code :GROUP}, or the old {@code OWNER.GROUP}. */
    private void ownerSpec(String spec) {
        int colon = spec.indexOf(':');
        String user = colon < 0 ? spec : spec.substring(0, colon);
        String group = colon < 0 ? null : spec.substring(colon + 1);
        if (colon < 0 && spec.indexOf('.') > 0 && users.user(spec) == null) {
            int dot = spec.indexOf('.');
            diagnostics.warn("warning: '.' should be ':': " + Diagnostics.quote(spec));
            user = spec.substring(0, dot);
            group = spec.substring(dot + 1);
        }
        if (!user.isEmpty()) {
            int[] account = users.user(user);
            if (account != null) {
                uid = account[0];
            } else {
                uid = numericId(user);
                if (uid < 0) {
                    throw UsageException.withoutHint("invalid user: " + Diagnostics.quote(spec));
                }
            }
            userName = user;
            if (group != null && group.isEmpty()) {
                // "OWNER:": the owner's login group
                if (account == null) {
                    throw UsageException.withoutHint("invalid spec: " + Diagnostics.quote(spec));
                }
                gid = account[1];
                groupName = users.groupLabel(gid);
            }
        }
        if (group != null && !group.isEmpty()) {
            groupSpec(group, spec);
        }
        if (userName == null && groupName != null) {
            userName = ""; // GNU then words reports as ownership changes, ":GROUP"
        }
    }

    private void groupSpec(String group, String spec) {
        gid = groupId(group);
        if (gid < 0) {
            throw UsageException.withoutHint("invalid group: " + Diagnostics.quote(spec));
        }
        groupName = group;
    }

    private void fromSpec(String spec) {
        int colon = spec.indexOf(':');
        String user = colon < 0 ? spec : spec.substring(0, colon);
        String group = colon < 0 ? "" : spec.substring(colon + 1);
        if (!user.isEmpty()) {
            int[] account = users.user(user);
            fromUid = account != null ? account[0] : numericId(user);
            if (fromUid < 0) {
                throw UsageException.withoutHint("invalid user: " + Diagnostics.quote(spec));
            }
        }
        if (!group.isEmpty()) {
            fromGid = groupId(group);
            if (fromGid < 0) {
                throw UsageException.withoutHint("invalid group: " + Diagnostics.quote(spec));
            }
        }
    }

    private int groupId(String group) {
        Integer byName = users.groupId(group);
        return byName != null ? byName : numericId(group);
    }

    private static int numericId(String text) {
        String digits = text.startsWith("+") ? text.substring(1) : text;
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        try {
            long value = Long.parseLong(digits);
            return value >= 0xFFFFFFFFL ? -1 : (int) value;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void operand(String file, boolean recursive, boolean noDereference) throws IOException {
        Stat stat;
        try {
            stat = noDereference ? process.lstat(file) : process.stat(file);
        } catch (KernelException e) {
            Stat link = noDereference ? null : FileOps.lstatOrNull(process, file);
            if (!quiet) {
                diagnostics.actionError(link != null ? "cannot dereference" : "cannot access", file, e);
            } else {
                diagnostics.fail();
            }
            if (report == 'v') {
                ByteText.writeUtf8(out, (link != null ? describe(file, link, 'f') : describeUnread(file)) + "\n");
            }
            return;
        }
        change(file, stat, noDereference);
        if (recursive && stat.isDirectory()) {
            TreeWalk.below(process, diagnostics, file, (path, entry) -> change(path, entry, true));
        }
    }

    private void change(String file, Stat stat, boolean noDereference) throws IOException {
        if ((fromUid >= 0 && stat.uid() != fromUid) || (fromGid >= 0 && stat.gid() != fromGid)) {
            return;
        }
        boolean wanted = (uid >= 0 && uid != stat.uid()) || (gid >= 0 && gid != stat.gid());
        boolean failed = false;
        if (uid >= 0 || gid >= 0) {
            try {
                process.fchownat(OpenFlags.AT_FDCWD, file, uid, gid, noDereference ? OpenFlags.AT_SYMLINK_NOFOLLOW : 0);
            } catch (KernelException e) {
                failed = true;
                if (!quiet) {
                    diagnostics.actionError(chgrp ? "changing group of" : "changing ownership of", file, e);
                } else {
                    diagnostics.fail();
                }
            }
        }
        if (report == 'v' || (report == 'c' && wanted && !failed)) {
            ByteText.writeUtf8(out, describe(file, stat, failed ? 'f' : wanted ? 's' : 'n') + "\n");
        }
    }

    /** GNU's describe_change: 's' succeeded, 'f' failed, 'n' no change requested. */
    private String describe(String file, Stat stat, char outcome) {
        String oldUser = userName != null ? users.userLabel(stat.uid()) : null;
        String oldGroup = groupName != null ? users.groupLabel(stat.gid()) : null;
        String spec = spec(userName, groupName);
        String oldSpec = spec(oldUser, oldGroup);
        String quoted = Diagnostics.quote(file);
        String what = userName != null ? "ownership" : groupName != null ? "group" : null;
        return switch (outcome) {
            case 's' -> what == null ? "no change to ownership of " + quoted
                    : "changed " + what + " of " + quoted + " from " + oldSpec + " to " + spec;
            case 'f' -> what == null ? "failed to change ownership of " + quoted
                    : "failed to change " + what + " of " + quoted + " from " + oldSpec + " to " + spec;
            default -> what == null ? "ownership of " + quoted + " retained"
                    : what + " of " + quoted + " retained as " + oldSpec;
        };
    }

    /** GNU's report for a file whose owners could not even be read. */
    private String describeUnread(String file) {
        String spec = spec(userName, groupName);
        String what = userName != null ? "ownership" : groupName != null ? "group" : null;
        return what == null ? "failed to change ownership of " + Diagnostics.quote(file)
                : "failed to change " + what + " of " + Diagnostics.quote(file) + " to " + spec;
    }

    private static String spec(String user, String group) {
        if (user != null) {
            return group != null ? user + ":" + group : user;
        }
        return group;
    }
}
