package io.sandkernel.shell;

import io.sandkernel.api.fs.DirEntry;
import io.sandkernel.api.fs.FileType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Pathname expansion on the kernel's filesystem, component by component, with bash's options:
 * {@code dotglob} (names starting with '.' match without a leading '.' in the pattern),
 * {@code globstar} ({@code **} matches any number of directories), {@code nocaseglob}, and
 * dash's and bash's difference on {@code .*} (dash matches {@code .} and {@code ..}, bash skips
 * them).
 */
final class Globber {
    private final Expander.Files files;
    private final ShellState state;

    Globber(Expander.Files files, ShellState state) {
        this.files = files;
        this.state = state;
    }

    /** The sorted paths matching {@code pattern} (pattern form); empty when none. */
    List<String> glob(String pattern) {
        List<String> results = new ArrayList<>();
        String[] components = pattern.split("/", -1);
        boolean absolute = pattern.startsWith("/");
        globComponents(absolute ? "/" : "", components, absolute ? 1 : 0, results);
        if (state.bash) {
            results.sort(Globber::bashOrder);
        } else {
            Collections.sort(results);
        }
        return results;
    }

    /** bash sorts in the C locale by byte value, as Java's String order does for ASCII. */
    private static int bashOrder(String a, String b) {
        return a.compareTo(b);
    }

    private boolean option(String name) {
        return state.bash && state.shopts.contains(name);
    }

    /** Whether an entry is a directory: its type says, unless it is a link (or unknown) to follow. */
    private boolean isDirectory(String path, FileType type) {
        return switch (type) {
            case DIRECTORY -> true;
            case SYMLINK, UNKNOWN -> files.isDirectory(path);
            default -> false;
        };
    }

    private void globComponents(String prefix, String[] components, int index, List<String> results) {
        if (index == components.length) {
            results.add(prefix);
            return;
        }
        String component = components[index];
        boolean last = index == components.length - 1;
        if (component.isEmpty()) {
            if (last) {
                results.add(prefix);
            } else {
                globComponents(prefix, components, index + 1, results);
            }
            return;
        }
        if (!Patterns.hasGlob(component)) {
            String path = prefix + Patterns.unescape(component);
            if (last) {
                if (files.exists(path)) {
                    results.add(path);
                }
            } else {
                globComponents(path + "/", components, index + 1, results);
            }
            return;
        }
        if (component.equals("**") && option("globstar")) {
            globStar(prefix, components, index, results);
            return;
        }
        List<DirEntry> entries = files.listDirectory(prefix.isEmpty() ? "." : prefix);
        if (entries == null) {
            return;
        }
        List<DirEntry> sorted = new ArrayList<>(entries);
        sorted.sort(java.util.Comparator.comparing(DirEntry::name));
        boolean dotOk = component.startsWith(".") || component.startsWith("\\.");
        boolean dotglob = option("dotglob");
        boolean nocase = option("nocaseglob");
        Patterns.Compiled compiled = Patterns.compile(state.extglob() ? component : Patterns.withoutExtended(component),
                nocase);
        for (DirEntry entry : sorted) {
            String name = entry.name();
            if (name.startsWith(".")) {
                boolean dots = name.equals(".") || name.equals("..");
                if (state.bash && dots && !component.equals(".") && !component.equals("..")) {
                    continue; // bash's globskipdots
                }
                if (!dotOk && !(dotglob && !dots)) {
                    continue;
                }
            }
            if (!compiled.matches(name, 0, name.length())) {
                continue;
            }
            if (last) {
                results.add(prefix + name);
            } else if (isDirectory(prefix + name, entry.type())) {
                globComponents(prefix + name + "/", components, index + 1, results);
            }
        }
    }

    /** {@code **}: this directory and every directory below it (not following links), then the rest. */
    private void globStar(String prefix, String[] components, int index, List<String> results) {
        boolean last = index == components.length - 1;
        List<String> dirs = new ArrayList<>();
        collectDirectories(prefix, dirs);
        for (String dir : dirs) {
            if (last) {
                // "**" alone: every file and directory below, without the starting directory
                List<DirEntry> entries = files.listDirectory(dir.isEmpty() ? "." : dir);
                if (entries == null) {
                    continue;
                }
                for (DirEntry entry : entries) {
                    String name = entry.name();
                    if (name.equals(".") || name.equals("..") || (name.startsWith(".") && !option("dotglob"))) {
                        continue;
                    }
                    results.add(dir + name);
                }
            } else {
                globComponents(dir, components, index + 1, results);
            }
        }
    }

    private void collectDirectories(String dir, List<String> out) {
        out.add(dir);
        List<DirEntry> entries = files.listDirectory(dir.isEmpty() ? "." : dir);
        if (entries == null) {
            return;
        }
        List<DirEntry> sorted = new ArrayList<>(entries);
        sorted.sort(java.util.Comparator.comparing(DirEntry::name));
        for (DirEntry entry : sorted) {
            String name = entry.name();
            if (name.equals(".") || name.equals("..") || (name.startsWith(".") && !option("dotglob"))) {
                continue;
            }
            if (entry.type() == FileType.DIRECTORY) {
                collectDirectories(dir + name + "/", out);
            }
        }
    }
}
