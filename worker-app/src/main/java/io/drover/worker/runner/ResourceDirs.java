package io.drover.worker.runner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where {@code file:} app resources may come from (issue 10): only under {@code drover.worker.allowed-resource-dirs},
 * and never from {@code /proc}, {@code /sys}, {@code /dev} or the worker's own files (its work directory, the
 * secret file), compared as real paths so that neither {@code ..} nor a symlink leads around the rule.
 *
 * @param allowed the allowed directories as configured; empty refuses every {@code file:} resource
 * @param forbidden what stays refused even inside an allowed directory
 */
record ResourceDirs(List<Path> allowed, List<Path> forbidden) {

    static final List<Path> SYSTEM = List.of(Path.of("/proc"), Path.of("/sys"), Path.of("/dev"));

    static final ResourceDirs NONE = new ResourceDirs(List.of(), List.of());

    ResourceDirs {
        allowed = allowed.stream().map(dir -> dir.toAbsolutePath().normalize()).toList();
        List<Path> all = new ArrayList<>(SYSTEM);
        forbidden.forEach(path -> all.add(path.toAbsolutePath().normalize()));
        forbidden = List.copyOf(all);
    }

    /**
     * @return the real path to copy from
     * @throws LaunchPolicy.LaunchRefused when the path as written lies outside every allowed directory (that
     *     says nothing about what exists)
     * @throws IOException with no detail for anything that depends on the file system (missing, a link out,
     *     unreadable): the caller reports one message for all of them
     */
    Path check(Path source) throws IOException {
        Path written = source.toAbsolutePath().normalize();
        if (allowed.isEmpty() || allowed.stream().noneMatch(written::startsWith) || isForbidden(written)) {
            throw new LaunchPolicy.LaunchRefused("appResource " + source + " is not under a directory this worker "
                    + "copies from (drover.worker.allowed-resource-dirs"
                    + (allowed.isEmpty() ? " is empty" : ": " + String.join(", ", allowed.stream().map(Path::toString).toList()))
                    + "; never /proc, /sys, /dev or the worker's own files)");
        }
        Path real = source.toRealPath();
        boolean inside = false;
        for (Path dir : allowed) {
            try {
                inside |= real.startsWith(dir.toRealPath());
            } catch (IOException e) {
                // an allowed directory that does not exist holds nothing
            }
        }
        if (!inside || isForbidden(real) || forbidden.stream().anyMatch(path -> sameFile(path, real))) {
            throw new IOException("resolves outside the allowed directories: " + real);
        }
        return real;
    }

    private boolean isForbidden(Path path) {
        for (Path dir : forbidden) {
            if (path.startsWith(dir)) {
                return true;
            }
            try {
                if (path.startsWith(dir.toRealPath())) {
                    return true;
                }
            } catch (IOException e) {
                // not there: nothing to be inside of
            }
        }
        return false;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return java.nio.file.Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
