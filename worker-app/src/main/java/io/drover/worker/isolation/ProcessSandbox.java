package io.drover.worker.isolation;

import io.drover.worker.config.Isolation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code drover.worker.isolation=process}: every child under a uid of its own from the pool, in new PID and
 * mount namespaces with a fresh {@code /proc}, in a cgroup of its own. Executors of one application also share
 * a group, which owns their common scratch directory.
 */
final class ProcessSandbox implements Sandbox {

    private final Path setpriv;
    private final Path unshare;
    private final Cgroups cgroups;
    private final IdPool ids;
    private final int pidsLimit;
    private final UserEntries userEntries;
    private final Map<String, Integer> groups = new HashMap<>();

    ProcessSandbox(Path setpriv, Path unshare, Cgroups cgroups, IdPool ids, int pidsLimit, UserEntries userEntries) {
        this.userEntries = userEntries;
        this.setpriv = setpriv;
        this.unshare = unshare;
        this.cgroups = cgroups;
        this.ids = ids;
        this.pidsLimit = pidsLimit;
    }

    UserEntries userEntries() {
        return userEntries;
    }

    @Override
    public Isolation isolation() {
        return Isolation.PROCESS;
    }

    @Override
    public String describe() {
        return "process (cgroup " + cgroups.version() + ")";
    }

    @Override
    public Confinement confine(String name, Path dir, int cores, long memoryMb, String group) throws IOException {
        Integer groupId = group == null ? null : groupId(group);
        return new ProcessConfinement(this, name, ids.allocate(), groupId, new Limits(memoryMb, cores, pidsLimit));
    }

    @Override
    public void shareWithGroup(Path dir, String group) throws IOException {
        Files.setAttribute(dir, "unix:gid", groupId(group));
        // setgid: what one executor creates there belongs to the group, so its siblings can read it
        Files.setAttribute(dir, "unix:mode", 02770);
    }

    @Override
    public synchronized void releaseGroup(String group) {
        Integer id = groups.remove(group);
        if (id != null) {
            ids.release(id);
        }
    }

    @Override
    public void close() {
        for (Path dir : cgroups.instanceDirs()) {
            try {
                Cgroups.removeTree(dir);
            } catch (IOException e) {
                // swept by the next worker to start on this host
            }
        }
    }

    private synchronized int groupId(String group) throws IOException {
        Integer id = groups.get(group);
        if (id == null) {
            id = ids.allocate();
            groups.put(group, id);
        }
        return id;
    }

    Path setpriv() {
        return setpriv;
    }

    Path unshare() {
        return unshare;
    }

    Cgroups cgroups() {
        return cgroups;
    }

    IdPool ids() {
        return ids;
    }

    /** The work directory: children pass through it to their own, but may not list it. */
    static void closeWorkDir(Path workDir) throws IOException {
        Files.createDirectories(workDir);
        Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwx--x--x"));
    }
}
