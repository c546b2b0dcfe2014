package io.sandkernel.coreutils;

import io.sandkernel.api.ProcessApi;
import java.util.ArrayList;
import java.util.List;

/**
 * The SOURCE... DEST operands of cp and mv: {@code -t DIR}, {@code -T}, and whether the last
 * operand is a directory to copy or move into. Each source comes with the destination name it
 * goes to.
 *
 * @param pairs {source, destination} operand pairs
 */
record Targets(List<String[]> pairs) {
    /**
     * Works out the pairs, with cp/mv's usage errors.
     *
     * @param targetDirectory the {@code -t} argument, or null
     * @param noTargetDirectory {@code -T}: the destination is never a directory to go into
     */
    static Targets of(ProcessApi process, List<String> operands, String targetDirectory, boolean noTargetDirectory) {
        List<String> sources = new ArrayList<>(operands);
        String destination;
        if (targetDirectory != null) {
            destination = targetDirectory;
            if (!FileOps.isDirectory(process, destination)) {
                throw UsageException.withoutHint("target directory " + Diagnostics.quote(destination) + " is not a directory");
            }
        } else {
            if (sources.isEmpty()) {
                throw new UsageException("missing file operand");
            }
            if (sources.size() == 1) {
                throw new UsageException("missing destination file operand after " + Diagnostics.quote(sources.get(0)));
            }
            destination = sources.remove(sources.size() - 1);
        }
        if (sources.isEmpty()) {
            throw new UsageException("missing file operand");
        }
        boolean into = targetDirectory != null
                || (!noTargetDirectory && FileOps.isDirectory(process, destination));
        if (!into && sources.size() > 1) {
            if (noTargetDirectory) {
                throw new UsageException("extra operand " + Diagnostics.quote(sources.get(1)));
            }
            boolean exists = FileOps.lstatOrNull(process, destination) != null;
            throw UsageException.withoutHint("target " + Diagnostics.quote(destination)
                    + (exists ? " is not a directory" : ": No such file or directory"));
        }
        List<String[]> pairs = new ArrayList<>();
        for (String source : sources) {
            pairs.add(new String[] {source, into ? join(destination, baseName(source)) : destination});
        }
        return new Targets(pairs);
    }

    /** The last component of {@code path}, trailing slashes ignored. */
    static String baseName(String path) {
        return FileOps.baseName(path);
    }

    /** {@code directory/name} without doubling slashes. */
    static String join(String directory, String name) {
        return FileOps.join(directory, name);
    }
}
