package io.drover.worker.isolation;

import io.drover.worker.config.Isolation;
import io.drover.worker.config.RunningUser;
import io.drover.worker.config.UidRange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the sandbox a worker asked for, or refuses to when the host cannot provide it. */
public final class Sandboxes {

    private static final Logger log = LoggerFactory.getLogger(Sandboxes.class);

    private Sandboxes() {
    }

    /**
     * @throws IllegalStateException naming everything missing, when {@code process} was asked for and the host
     *     cannot provide it
     */
    public static Sandbox create(Isolation isolation, UidRange uids, int pidsLimit, Path workDir) {
        boolean root = RunningUser.isRoot();
        Optional<Path> setpriv = HostTools.find(HostTools.SETPRIV);
        Optional<Path> unshare = HostTools.find(HostTools.UNSHARE);
        if (isolation == Isolation.NONE) {
            return open(setpriv.orElse(null), unshare.orElse(null), root);
        }
        String instance = ProcessHandle.current().pid() + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        Optional<Cgroups> cgroups = Cgroups.detect(instance);
        HostCheck check = new HostCheck(root, setpriv, unshare, cgroups, missingControllers(),
                HostCheck.closedAncestors(workDir));
        List<String> missing = new ArrayList<>(check.missing());
        if (missing.isEmpty() && !works(List.of(unshare.get().toString(), "--pid", "--fork", "--kill-child", "--mount",
                "--mount-proc", "--", "/bin/true"))) {
            missing.add("unshare cannot make PID and mount namespaces here (a container without CAP_SYS_ADMIN?)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("drover.worker.isolation=process cannot be provided on this host: "
                    + String.join("; ", missing) + ". Fix that, or set drover.worker.isolation=none (children then"
                    + " run as the worker's user and can read the cluster's credentials).");
        }
        try {
            cgroups.get().sweepStale();
            ProcessSandbox.closeWorkDir(workDir);
            return new ProcessSandbox(setpriv.get(), unshare.get(), cgroups.get(), new IdPool(uids, IdPool.DEFAULT_LOCKS),
                    pidsLimit, UserEntries.forThisHost());
        } catch (IOException e) {
            throw new IllegalStateException("drover.worker.isolation=process cannot be provided on this host: "
                    + e.getMessage(), e);
        }
    }

    /** {@code none}, with whatever of the parent-death signal and the PID namespace this host allows. */
    static OpenSandbox open(Path setpriv, Path unshare, boolean root) {
        Path usableUnshare = null;
        if (unshare != null) {
            List<String> probe = new ArrayList<>(OpenSandbox.prefixFor(setpriv, unshare, root));
            probe.add("/bin/true");
            if (works(probe)) {
                usableUnshare = unshare;
            } else {
                log.info("No PID namespace for children under drover.worker.isolation=none: this user may not make"
                        + " a user namespace here; a child's own children may outlive a worker killed with SIGKILL");
            }
        }
        return new OpenSandbox(OpenSandbox.prefixFor(setpriv, usableUnshare, root));
    }

    /** What a worker with default settings gets on this host: {@code process} as root, else {@code none}. */
    public static Sandbox defaultFor(Path workDir) {
        return create(RunningUser.isRoot() ? Isolation.PROCESS : Isolation.NONE, UidRange.parse("61184-65519"), 4096,
                workDir);
    }

    /** A sandbox that adds nothing: today's plain child processes, for tests about something else. */
    public static Sandbox plain() {
        return new OpenSandbox(List.of());
    }

    private static List<String> missingControllers() {
        try {
            return CgroupV1.missing(Files.readAllLines(Path.of("/proc/self/mounts")));
        } catch (IOException e) {
            return CgroupV1.CONTROLLERS;
        }
    }

    /** Runs a probe command; true when it exits 0 within a few seconds. */
    private static boolean works(List<String> command) {
        try {
            Process probe = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!probe.waitFor(5, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                return false;
            }
            return probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
