package io.drover.worker.isolation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code process} isolation needs from the host, checked before the worker starts so that a worker
 * that cannot isolate refuses to run instead of running unconfined. Pure over the facts it is given.
 *
 * @param root whether the worker runs as root
 * @param setpriv util-linux's setpriv, if found
 * @param unshare util-linux's unshare, if found
 * @param cgroups a cgroup hierarchy with the memory, cpu and pids controllers, if any
 * @param missingControllers for the message: which controllers no hierarchy offers
 * @param closedAncestors directories on the way to the work directory that other users cannot pass through
 */
record HostCheck(boolean root, Optional<Path> setpriv, Optional<Path> unshare, Optional<Cgroups> cgroups,
        List<String> missingControllers, List<Path> closedAncestors) {

    /** Everything missing, each naming what to do; empty when {@code process} isolation can run. */
    List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (!root) {
            missing.add("the worker does not run as root (it must, to start children under other uids)");
        }
        if (setpriv.isEmpty()) {
            missing.add("no setpriv on the PATH (Debian's util-linux package)");
        }
        if (unshare.isEmpty()) {
            missing.add("no unshare on the PATH (Debian's util-linux package)");
        }
        if (cgroups.isEmpty()) {
            missing.add("no cgroup hierarchy with the memory, cpu and pids controllers (v2 with them enabled, or v1"
                    + (missingControllers.isEmpty() ? "" : "; missing: " + String.join(", ", missingControllers))
                    + ")");
        }
        for (Path closed : closedAncestors) {
            missing.add("children cannot pass through " + closed + " to reach the work directory (it needs o+x)");
        }
        return missing;
    }

    /** The directories from the root down to {@code workDir} whose mode keeps other users from passing. */
    static List<Path> closedAncestors(Path workDir) {
        List<Path> closed = new ArrayList<>();
        for (Path dir = workDir.getParent(); dir != null; dir = dir.getParent()) {
            try {
                if (Files.exists(dir) && !Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    closed.add(0, dir);
                }
            } catch (java.io.IOException | UnsupportedOperationException e) {
                closed.add(0, dir);
            }
        }
        return closed;
    }
}
