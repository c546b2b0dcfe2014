package io.sandkernel.shell;

import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The working directory and the file mode mask: {@code cd} (logical by default, {@code -P},
 * {@code -}, {@code CDPATH}, {@code OLDPWD}), {@code pwd}, {@code umask} with symbolic modes and
 * {@code -S}, and bash's directory stack {@code pushd}, {@code popd}, {@code dirs}.
 */
final class DirBuiltins {
    private final Interpreter shell;
    private final ShellState state;
    private final ProcessApi api;
    /** bash's directory stack, below the current directory (the shell's state: subshells copy it). */
    private final Deque<String> stack;

    DirBuiltins(Interpreter shell) {
        this.shell = shell;
        this.state = shell.state;
        this.api = shell.api;
        this.stack = shell.state.directories;
    }

    private ShellError cdError(String target, KernelException cause) {
        if (state.bash) {
            String reason = cause == null ? "No such file or directory" : Messages.strerror(cause.errno());
            return new ShellError("cd: " + target + ": " + reason, 1);
        }
        return new ShellError("cd: can't cd to " + target, 2);
    }

    int cd(List<String> argv) {
        List<String> args = new ArrayList<>(argv.subList(1, argv.size()));
        boolean physical = false;
        while (!args.isEmpty() && args.get(0).startsWith("-") && args.get(0).length() > 1) {
            String option = args.remove(0);
            if (option.equals("--")) {
                break;
            }
            if (option.equals("-P")) {
                physical = true;
            } else if (option.equals("-L")) {
                physical = false;
            } else if (!option.equals("-e") && !option.equals("-@")) {
                throw new ShellError(state.bash ? "cd: " + option + ": invalid option" : "cd: Illegal option " + option,
                        2);
            }
        }
        if (args.size() > 1 && state.bash) {
            throw new ShellError("cd: too many arguments", 1);
        }
        String target;
        boolean print = false;
        if (args.isEmpty()) {
            target = state.get("HOME");
            if (target == null || target.isEmpty()) {
                if (target == null) {
                    throw new ShellError("cd: HOME not set", state.bash ? 1 : 2);
                }
                return 0;
            }
        } else if (args.get(0).equals("-")) {
            target = state.get("OLDPWD");
            if (target == null) {
                throw new ShellError("cd: OLDPWD not set", state.bash ? 1 : 2);
            }
            print = true;
        } else {
            target = args.get(0);
        }
        String found = null;
        if (!target.startsWith("/") && !target.startsWith("./") && !target.startsWith("../") && !target.equals(".")
                && !target.equals("..")) {
            String cdpath = state.get("CDPATH");
            if (cdpath != null && !cdpath.isEmpty()) {
                for (String dir : cdpath.split(":", -1)) {
                    String candidate = (dir.isEmpty() ? "." : dir) + "/" + target;
                    if (Fs.isDirectory(api, candidate)) {
                        found = candidate;
                        print |= !dir.isEmpty() && !dir.equals(".");
                        break;
                    }
                }
            }
        }
        changeTo(found != null ? found : target, target, physical);
        if (print) {
            shell.print(1, currentDirectory() + "\n");
        }
        return 0;
    }

    /** Changes directory, keeping PWD logical (symbolic links as followed) unless {@code physical}. */
    private void changeTo(String path, String shown, boolean physical) {
        String old = currentDirectory();
        String logical = path.startsWith("/") ? normalize(path) : normalize(old + "/" + path);
        try {
            if (physical) {
                api.chdir(path);
            } else {
                try {
                    api.chdir(logical);
                } catch (KernelException e) {
                    api.chdir(path);
                    logical = api.cwd();
                }
            }
        } catch (KernelException e) {
            throw cdError(shown, e);
        }
        state.set("OLDPWD", old);
        state.set("PWD", physical ? api.cwd() : logical);
    }

    /** The logical working directory: PWD when it still names where the shell is, else the kernel's. */
    String currentDirectory() {
        String pwd = state.get("PWD");
        String real = api.cwd();
        if (pwd != null && pwd.startsWith("/")) {
            try {
                if (Fs.sameFile(api, pwd, real)) {
                    return pwd;
                }
            } catch (KernelException e) {
                // gone: the kernel's answer
            }
        }
        return real;
    }

    /** Removes {@code .} and resolves {@code ..} lexically. */
    static String normalize(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.removeLast();
                }
            } else {
                parts.addLast(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    int pwd(List<String> argv) {
        boolean physical = argv.contains("-P");
        shell.print(1, (physical ? api.cwd() : currentDirectory()) + "\n");
        return 0;
    }

    // ---------------------------------------------------------------- umask

    int umask(List<String> argv) {
        List<String> args = new ArrayList<>(argv.subList(1, argv.size()));
        boolean symbolic = false;
        boolean reusable = false;
        while (!args.isEmpty() && args.get(0).startsWith("-") && args.get(0).length() > 1) {
            String option = args.remove(0);
            if (option.equals("--")) {
                break;
            }
            for (char c : option.substring(1).toCharArray()) {
                if (c == 'S') {
                    symbolic = true;
                } else if (c == 'p' && state.bash) {
                    reusable = true;
                } else {
                    throw new ShellError(state.bash ? "umask: -" + c + ": invalid option" : "umask: Illegal option -" + c,
                            2);
                }
            }
        }
        int mask = api.umask(0);
        api.umask(mask);
        if (args.isEmpty()) {
            String text = symbolic ? symbolic(mask) : String.format("%04o", mask);
            shell.print(1, (reusable ? "umask " + (symbolic ? "-S " : "") : "") + text + "\n");
            return 0;
        }
        String mode = args.get(0);
        int updated;
        if (!mode.isEmpty() && Character.isDigit(mode.charAt(0))) {
            try {
                updated = Integer.parseInt(mode, 8);
                if (updated > 0777) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw state.bash ? new ShellError("umask: " + mode + ": octal number out of range", 1)
                        : new ShellError("umask: Illegal number: " + mode, 2);
            }
        } else {
            updated = ~applySymbolic(~mask & 0777, mode) & 0777;
        }
        api.umask(updated);
        return 0;
    }

    /** {@code u=rwx,g=rx,o=rx} for a mask. */
    static String symbolic(int mask) {
        int perm = ~mask & 0777;
        StringBuilder out = new StringBuilder();
        String[] who = {"u", "g", "o"};
        for (int i = 0; i < 3; i++) {
            int bits = (perm >> (6 - 3 * i)) & 7;
            out.append(i > 0 ? "," : "").append(who[i]).append('=');
            out.append((bits & 4) != 0 ? "r" : "").append((bits & 2) != 0 ? "w" : "").append((bits & 1) != 0 ? "x" : "");
        }
        return out.toString();
    }

    /** Applies a symbolic mode ({@code u+w,go-x,a=r}) to permission bits. */
    private int applySymbolic(int perm, String mode) {
        for (String clause : mode.split(",", -1)) {
            int i = 0;
            int who = 0;
            while (i < clause.length() && "ugoa".indexOf(clause.charAt(i)) >= 0) {
                who |= switch (clause.charAt(i)) {
                    case 'u' -> 0700;
                    case 'g' -> 0070;
                    case 'o' -> 0007;
                    default -> 0777;
                };
                i++;
            }
            if (who == 0) {
                who = 0777;
            }
            if (i >= clause.length()) {
                throw badMode(mode, clause);
            }
            while (i < clause.length()) {
                char op = clause.charAt(i++);
                if ("+-=".indexOf(op) < 0) {
                    throw badMode(mode, String.valueOf(op));
                }
                int bits = 0;
                while (i < clause.length() && "+-=".indexOf(clause.charAt(i)) < 0) {
                    char p = clause.charAt(i++);
                    bits |= switch (p) {
                        case 'r' -> 0444;
                        case 'w' -> 0222;
                        case 'x' -> 0111;
                        case 'X' -> (perm & 0111) != 0 ? 0111 : 0;
                        case 's', 't' -> 0;
                        // bash's umask has no permission copying (u=g): an error there
                        case 'u', 'g', 'o' -> {
                            if (state.bash) {
                                throw badMode(mode, String.valueOf(p));
                            }
                            yield copy(perm >> (p == 'u' ? 6 : p == 'g' ? 3 : 0));
                        }
                        default -> throw badMode(mode, String.valueOf(p));
                    };
                }
                bits &= who;
                perm = switch (op) {
                    case '+' -> perm | bits;
                    case '-' -> perm & ~bits;
                    default -> (perm & ~who) | bits;
                };
            }
        }
        return perm;
    }

    private static int copy(int bits) {
        bits &= 7;
        return bits | (bits << 3) | (bits << 6);
    }

    private ShellError badMode(String mode, String what) {
        return state.bash ? new ShellError("umask: `" + what + "': invalid symbolic mode character", 1)
                : new ShellError("umask: Illegal mode: " + mode, 2);
    }

    // ---------------------------------------------------------------- directory stack

    private String tilde(String dir) {
        String home = state.get("HOME");
        if (home != null && !home.isEmpty() && !home.equals("/") && (dir.equals(home) || dir.startsWith(home + "/"))) {
            return "~" + dir.substring(home.length());
        }
        return dir;
    }

    private List<String> entries() {
        List<String> all = new ArrayList<>();
        all.add(currentDirectory());
        all.addAll(stack);
        return all;
    }

    int dirs(List<String> argv) {
        boolean longForm = false;
        boolean perLine = false;
        boolean numbered = false;
        for (String arg : argv.subList(1, argv.size())) {
            switch (arg) {
                case "-c" -> {
                    stack.clear();
                    return 0;
                }
                case "-l" -> longForm = true;
                case "-p" -> perLine = true;
                case "-v" -> {
                    perLine = true;
                    numbered = true;
                }
                default -> throw new ShellError("dirs: " + arg + ": invalid option", 2);
            }
        }
        printStack(longForm, perLine, numbered);
        return 0;
    }

    private void printStack(boolean longForm, boolean perLine, boolean numbered) {
        List<String> all = entries();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < all.size(); i++) {
            String dir = longForm ? all.get(i) : tilde(all.get(i));
            if (numbered) {
                out.append(String.format("%2d  %s%n", i, dir));
            } else if (perLine) {
                out.append(dir).append('\n');
            } else {
                out.append(i > 0 ? " " : "").append(dir);
            }
        }
        if (!perLine) {
            out.append('\n');
        }
        shell.print(1, out.toString());
    }

    int pushd(List<String> argv) {
        List<String> args = new ArrayList<>(argv.subList(1, argv.size()));
        boolean noChange = args.remove("-n");
        if (args.isEmpty()) {
            if (stack.isEmpty()) {
                throw new ShellError("pushd: no other directory", 1);
            }
            String top = stack.pop();
            String here = currentDirectory();
            changeTo(top, top, false);
            stack.push(here);
        } else if (args.get(0).matches("[+-][0-9]+")) {
            List<String> all = entries();
            int n = Integer.parseInt(args.get(0).substring(1));
            int index = args.get(0).startsWith("+") ? n : all.size() - 1 - n;
            if (index < 0 || index >= all.size()) {
                throw new ShellError("pushd: " + args.get(0) + ": directory stack index out of range", 1);
            }
            List<String> rotated = new ArrayList<>(all.subList(index, all.size()));
            rotated.addAll(all.subList(0, index));
            changeTo(rotated.get(0), rotated.get(0), false);
            stack.clear();
            stack.addAll(rotated.subList(1, rotated.size()));
        } else {
            String here = currentDirectory();
            if (!noChange) {
                changeTo(args.get(0), args.get(0), false);
                stack.push(here);
            } else {
                stack.push(DirBuiltins.normalize(args.get(0).startsWith("/") ? args.get(0) : here + "/" + args.get(0)));
            }
        }
        printStack(false, false, false);
        return 0;
    }

    int popd(List<String> argv) {
        List<String> args = new ArrayList<>(argv.subList(1, argv.size()));
        boolean noChange = args.remove("-n");
        if (stack.isEmpty()) {
            throw new ShellError("popd: directory stack empty", 1);
        }
        if (!args.isEmpty() && args.get(0).matches("[+-][0-9]+")) {
            List<String> all = entries();
            int n = Integer.parseInt(args.get(0).substring(1));
            int index = args.get(0).startsWith("+") ? n : all.size() - 1 - n;
            if (index < 0 || index >= all.size()) {
                throw new ShellError("popd: " + args.get(0) + ": directory stack index out of range", 1);
            }
            if (index == 0) {
                String top = stack.pop();
                changeTo(top, top, false);
            } else {
                List<String> rest = new ArrayList<>(stack);
                rest.remove(index - 1);
                stack.clear();
                stack.addAll(rest);
            }
        } else if (noChange) {
            stack.pop();
        } else {
            String top = stack.pop();
            changeTo(top, top, false);
        }
        printStack(false, false, false);
        return 0;
    }
}
