package io.sandkernel.coreutils;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.ProcessApi;
import io.sandkernel.api.fs.Stat;

/**
 * GNU's {@code canonicalize_filename_mode} through the kernel, for readlink -f/-e/-m, realpath
 * and ln -r: an absolute name without {@code .}, {@code ..}, repeated slashes or (unless told
 * not to) symbolic links, each link read with {@code readlink} and resolved component by
 * component as the kernel would.
 */
final class PathResolver {
    /** How much of the name must exist. */
    enum Mode {
        /** Every component ({@code -e}). */
        EXISTING,
        /** Every component but the last ({@code -f}, realpath's default). */
        ALL_BUT_LAST,
        /** None ({@code -m}). */
        MISSING
    }

    /** Linux's limit on links followed in one resolution (ELOOP beyond it). */
    private static final int MAX_LINKS = 40;

    private PathResolver() {}

    /**
     * The canonical form of {@code path}.
     *
     * @param follow  whether symbolic links are resolved (realpath -s does not)
     * @param logical whether {@code ..} is applied to the name before links are resolved (-L)
     * @throws KernelException ENOENT, ENOTDIR, ELOOP, EACCES as the mode requires
     */
    static String canonicalize(ProcessApi process, String path, Mode mode, boolean follow, boolean logical) {
        if (path.isEmpty()) {
            throw new KernelException(Errno.ENOENT, path);
        }
        String rest = path.startsWith("/") ? path : process.cwd() + "/" + path;
        if (logical) {
            rest = lexical(rest);
        }
        StringBuilder resolved = new StringBuilder();
        java.util.Set<String> seenLinks = new java.util.HashSet<>();
        int links = 0;
        int at = 0;
        while (true) {
            while (at < rest.length() && rest.charAt(at) == '/') {
                at++;
            }
            if (at >= rest.length()) {
                break;
            }
            int end = rest.indexOf('/', at);
            if (end < 0) {
                end = rest.length();
            }
            String component = rest.substring(at, end);
            at = end;
            if (component.equals(".")) {
                continue;
            }
            if (component.equals("..")) {
                int slash = resolved.lastIndexOf("/");
                resolved.setLength(Math.max(slash, 0));
                continue;
            }
            int before = resolved.length();
            resolved.append('/').append(component);
            String suffix = rest.substring(at);
            boolean last = suffix.replace("/", "").isEmpty();
            if (!follow) {
                check(process, resolved.toString(), suffix, last, mode);
                continue;
            }
            Stat stat;
            try {
                stat = process.lstat(resolved.toString());
            } catch (KernelException e) {
                if (mode == Mode.MISSING || (mode == Mode.ALL_BUT_LAST && last && e.errno() == Errno.ENOENT)) {
                    continue;
                }
                throw e;
            }
            if (stat.isSymbolicLink()) {
                if (!seenLinks.add(resolved + "\0" + suffix) || ++links > MAX_LINKS) {
                    if (mode == Mode.MISSING) {
                        continue; // a loop: GNU's -m keeps the link as a plain name
                    }
                    throw new KernelException(Errno.ELOOP, path);
                }
                String target = process.readlink(resolved.toString());
                resolved.setLength(target.startsWith("/") ? 0 : before);
                rest = target + suffix;
                at = 0;
                continue;
            }
            if (!stat.isDirectory() && !suffix.isEmpty() && mode != Mode.MISSING) {
                throw new KernelException(Errno.ENOTDIR, path);
            }
        }
        return resolved.isEmpty() ? "/" : resolved.toString();
    }

    /**
     * The checks GNU still makes when links are not expanded (realpath -s): a component followed
     * by a slash must be a directory, the last must exist unless the mode forgives its absence
     * (its other failures, ENOTDIR or ELOOP, still count), and with {@code -e} every component.
     */
    private static void check(ProcessApi process, String path, String suffix, boolean last, Mode mode) {
        if (mode == Mode.MISSING) {
            return;
        }
        boolean dirCheck = suffix.startsWith("/") && (last || suffix.matches("/+\\.{1,2}(/.*)?"));
        if (!last && !dirCheck && mode != Mode.EXISTING) {
            return;
        }
        try {
            Stat stat = process.stat(path);
            if (dirCheck && !stat.isDirectory()) {
                throw new KernelException(Errno.ENOTDIR, path);
            }
        } catch (KernelException e) {
            if (mode == Mode.ALL_BUT_LAST && last && e.errno() == Errno.ENOENT) {
                return;
            }
            throw e;
        }
    }

    /** {@code path} with {@code .} and {@code ..} applied to the name alone, as realpath -L and -s do. */
    static String lexical(String path) {
        StringBuilder out = new StringBuilder();
        for (String component : path.split("/")) {
            if (component.isEmpty() || component.equals(".")) {
                continue;
            }
            if (component.equals("..")) {
                int slash = out.lastIndexOf("/");
                out.setLength(Math.max(slash, 0));
            } else {
                out.append('/').append(component);
            }
        }
        return out.isEmpty() ? "/" : out.toString();
    }

    /** {@code path} relative to the directory {@code base}, both canonical: {@code ../b/c}. */
    static String relative(String path, String base) {
        String[] to = path.equals("/") ? new String[0] : path.substring(1).split("/");
        String[] from = base.equals("/") ? new String[0] : base.substring(1).split("/");
        int common = 0;
        while (common < to.length && common < from.length && to[common].equals(from[common])) {
            common++;
        }
        StringBuilder out = new StringBuilder();
        for (int i = common; i < from.length; i++) {
            out.append(out.isEmpty() ? "" : "/").append("..");
        }
        for (int i = common; i < to.length; i++) {
            out.append(out.isEmpty() ? "" : "/").append(to[i]);
        }
        return out.isEmpty() ? "." : out.toString();
    }

    /** Whether the canonical {@code path} is {@code base} or lies below it. */
    static boolean isWithin(String path, String base) {
        return base.equals("/") || path.equals(base) || path.startsWith(base + "/");
    }
}
