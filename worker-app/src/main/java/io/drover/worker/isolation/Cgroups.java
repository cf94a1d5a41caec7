package io.drover.worker.isolation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cgroups of one worker: {@code <hierarchy>/drover/<instance>/<child>}, where the instance is this worker
 * ({@code <pid>-<random>}, several workers may share a host or a JVM) and each run of a child gets one.
 * Version 2 where a unified hierarchy offers the memory, cpu and pids controllers, else version 1's
 * separate hierarchies ({@link CgroupV1}, {@link CgroupV2}).
 */
abstract sealed class Cgroups permits CgroupV1, CgroupV2 {

    static final String PARENT = "drover";

    private static final Logger log = LoggerFactory.getLogger(Cgroups.class);

    /** Idle cgroups kept for the next runs; beyond this many, an idle one is removed. */
    static final int MAX_IDLE = 256;

    final String instance;
    private final Deque<String> idle = new ConcurrentLinkedDeque<>();
    private final AtomicLong created = new AtomicLong();

    Cgroups(String instance) {
        this.instance = instance;
    }

    /**
     * A cgroup for one run, with its limits: an idle one of this worker's when there is one, else a new one.
     * Making and removing cgroups takes the kernel's global cgroup lock and, for memory, waits for RCU: under a
     * burst of launches on a busy host that cost seconds, where writing a few limits into an idle one costs
     * microseconds. A run's OOM kills are counted from its start, so a reused cgroup's past does not show.
     */
    final Child acquire(Limits limits) throws IOException {
        String name = idle.poll();
        if (name == null) {
            name = "run-" + created.incrementAndGet();
        }
        Child child = create(name, limits);
        return new Pooled(name, child, child.oomKills());
    }

    /** A run's cgroup, handed back to the pool when its run is over and it is empty. */
    private final class Pooled implements Child {

        private final String name;
        private final Child child;
        private final long oomKillsBefore;

        Pooled(String name, Child child, long oomKillsBefore) {
            this.name = name;
            this.child = child;
            this.oomKillsBefore = oomKillsBefore;
        }

        @Override
        public List<Path> procsFiles() {
            return child.procsFiles();
        }

        @Override
        public void killAll() {
            child.killAll();
        }

        @Override
        public long oomKills() {
            return child.oomKills() - oomKillsBefore;
        }

        @Override
        public void remove() {
            child.killAll();
            if (idle.size() < MAX_IDLE) {
                idle.push(name);
            } else {
                child.remove();
            }
        }
    }

    /** Which cgroup version and where, from {@code /proc/self/mounts}; empty when neither can limit memory, cpu and pids. */
    static Optional<Cgroups> detect(String instance) {
        List<String> mounts;
        try {
            mounts = Files.readAllLines(Path.of("/proc/self/mounts"));
        } catch (IOException e) {
            return Optional.empty();
        }
        Optional<Cgroups> v2 = CgroupV2.fromMounts(mounts, instance);
        return v2.isPresent() ? v2 : CgroupV1.fromMounts(mounts, instance);
    }

    /** "v1" or "v2", for logs and pages. */
    abstract String version();

    /** The instance's own directories, one per hierarchy used. */
    abstract List<Path> instanceDirs();

    /** Creates the child's cgroup with its limits; its processes join it through {@link Child#procsFiles()}. */
    abstract Child create(String name, Limits limits) throws IOException;

    /**
     * Removes what earlier lives of workers on this host left: instance directories whose worker process is
     * gone (a worker killed with SIGKILL cannot clean up), their processes killed first.
     */
    void sweepStale() {
        for (Path dir : instanceDirs()) {
            try (DirectoryStream<Path> instances = Files.newDirectoryStream(dir.getParent())) {
                for (Path stale : instances) {
                    if (Files.isDirectory(stale) && !isLive(stale.getFileName().toString())) {
                        log.info("Removing the cgroups of a worker that is gone: {}", stale);
                        removeTree(stale);
                    }
                }
            } catch (IOException e) {
                log.debug("Could not sweep {}: {}", dir.getParent(), e.getMessage());
            }
        }
    }

    private static boolean isLive(String instanceName) {
        int dash = instanceName.indexOf('-');
        try {
            long pid = Long.parseLong(dash < 0 ? instanceName : instanceName.substring(0, dash));
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true; // not ours to judge
        }
    }

    /** Kills the processes of every cgroup below {@code dir}, then removes the directories, deepest first. */
    static void removeTree(Path dir) throws IOException {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path child : children) {
                removeTree(child);
            }
        }
        killAll(dir);
        Files.deleteIfExists(dir);
    }

    /** SIGKILLs every process in the cgroup and waits until they are gone (bounded). */
    static void killAll(Path cgroup) {
        for (int round = 0; round < 100; round++) {
            List<ProcessHandle> members = members(cgroup);
            if (members.isEmpty()) {
                return;
            }
            members.forEach(ProcessHandle::destroyForcibly);
            awaitExit(members);
        }
    }

    static List<ProcessHandle> members(Path cgroup) {
        List<ProcessHandle> members = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(cgroup.resolve("cgroup.procs"))) {
                if (!line.isBlank()) {
                    ProcessHandle.of(Long.parseLong(line.trim())).ifPresent(members::add);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException | NumberFormatException e) {
            log.debug("Could not list {}: {}", cgroup, e.getMessage());
        }
        return members;
    }

    static void awaitExit(List<ProcessHandle> processes) {
        try {
            CompletableFuture.allOf(processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
                    .get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the next round looks again
        }
    }

    static void write(Path file, String value) throws IOException {
        Files.writeString(file, value, StandardCharsets.US_ASCII);
    }

    /** The number after {@code key} in a flat-keyed file ({@code oom_kill 3}); empty when absent. */
    static OptionalLong keyed(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 2 && parts[0].equals(key)) {
                    return OptionalLong.of(Long.parseLong(parts[1]));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // absent on this kernel
        }
        return OptionalLong.empty();
    }

    /** One run's cgroup (a directory per hierarchy under v1, one under v2). */
    interface Child {

        /** The files a process writes its pid into to join, one per hierarchy. */
        List<Path> procsFiles();

        /** Every process in it, SIGKILLed; returns once none is left (bounded). */
        void killAll();

        /** How many times the kernel's OOM killer killed a process of this cgroup. */
        long oomKills();

        /** Kills what is left and removes the directories (or, pooled, keeps them for the next run); quiet about failures. */
        void remove();
    }
}
