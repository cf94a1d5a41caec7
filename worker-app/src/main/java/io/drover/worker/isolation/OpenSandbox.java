package io.drover.worker.isolation;

import io.drover.worker.config.Isolation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code drover.worker.isolation=none}: children run as the worker's own user. What can still be had without
 * privileges is had: a parent-death signal, and, where the kernel lets this user make a user namespace, a PID
 * namespace with its own {@code /proc}, so no child outlives the worker and a child does not see the
 * worker's processes. Neither keeps a child from the worker's files: that takes {@code process}.
 */
final class OpenSandbox implements Sandbox {

    private final List<String> prefix;

    /** @param prefix what goes before every command: the parent-death signal and the namespaces, or nothing */
    OpenSandbox(List<String> prefix) {
        this.prefix = List.copyOf(prefix);
    }

    /** The wrapper for this host: {@code setpriv --pdeathsig KILL -- [unshare …] --}, as far as they work. */
    static List<String> prefixFor(Path setpriv, Path unshare, boolean root) {
        List<String> prefix = new ArrayList<>();
        if (setpriv != null) {
            prefix.addAll(List.of(setpriv.toString(), "--pdeathsig", "KILL", "--"));
        }
        if (unshare != null) {
            prefix.add(unshare.toString());
            if (!root) {
                prefix.addAll(List.of("--user", "--map-root-user"));
            }
            prefix.addAll(List.of("--pid", "--fork", "--kill-child", "--mount", "--mount-proc", "--",
                    HostTools.SHELL, "-c", ProcessConfinement.INIT, "drover-init"));
        }
        return prefix;
    }

    @Override
    public Isolation isolation() {
        return Isolation.NONE;
    }

    @Override
    public String describe() {
        return "none";
    }

    boolean hasPidNamespace() {
        return prefix.contains("--pid");
    }

    @Override
    public Confinement confine(String name, Path dir, int cores, long memoryMb, String group) {
        return new Confinement() {
            @Override
            public List<String> prepare(Path runDir, List<Path> logs, List<String> argv) {
                List<String> command = new ArrayList<>(prefix);
                command.addAll(argv);
                return command;
            }

            @Override
            public Long mainPid(ProcessHandle started) {
                // Boxed on both sides: a ternary of Long and long would unbox the null of a program not there yet.
                return hasPidNamespace() ? ProcessConfinement.programOf(started) : Long.valueOf(started.pid());
            }

            @Override
            public void killAll() {
                // the process tree is all there is to kill; the runner's tree kill does it
            }

            @Override
            public Optional<String> runEnded() {
                return Optional.empty();
            }

            @Override
            public void close() {
                // nothing was allocated
            }
        };
    }

    @Override
    public void shareWithGroup(Path dir, String group) {
        // every child is the worker's own user already
    }

    @Override
    public void releaseGroup(String group) {
        // no groups
    }
}
