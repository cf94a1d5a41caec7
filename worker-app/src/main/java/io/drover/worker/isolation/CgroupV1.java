package io.drover.worker.isolation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Version 1: one hierarchy per controller (memory, cpu, pids), each mounted on its own (or cpu with cpuacct).
 * A child's processes join all three; its processes are listed and killed through the pids hierarchy.
 */
final class CgroupV1 extends Cgroups {

    static final List<String> CONTROLLERS = List.of("memory", "cpu", "pids");

    private static final Logger log = LoggerFactory.getLogger(CgroupV1.class);

    /** Controller → this instance's directory in its hierarchy. */
    private final Map<String, Path> dirs;

    CgroupV1(String instance, Map<String, Path> mountPoints) {
        super(instance);
        Map<String, Path> dirs = new LinkedHashMap<>();
        mountPoints.forEach((controller, mount) -> dirs.put(controller, mount.resolve(PARENT).resolve(instance)));
        this.dirs = Map.copyOf(dirs);
    }

    /** Lines of {@code /proc/self/mounts}: {@code cgroup /sys/fs/cgroup/memory cgroup rw,memory 0 0}. */
    static Optional<Cgroups> fromMounts(List<String> mounts, String instance) {
        Map<String, Path> found = new LinkedHashMap<>();
        for (String line : mounts) {
            String[] fields = line.split(" ");
            if (fields.length >= 4 && fields[2].equals("cgroup")) {
                List<String> options = Arrays.asList(fields[3].split(","));
                for (String controller : CONTROLLERS) {
                    if (options.contains(controller)) {
                        found.putIfAbsent(controller, Path.of(fields[1]));
                    }
                }
            }
        }
        return found.keySet().containsAll(CONTROLLERS) ? Optional.of(new CgroupV1(instance, found)) : Optional.empty();
    }

    /** Which controllers lack a hierarchy, for the start-up message. */
    static List<String> missing(List<String> mounts) {
        List<String> missing = new ArrayList<>(CONTROLLERS);
        for (String line : mounts) {
            String[] fields = line.split(" ");
            if (fields.length >= 4 && fields[2].equals("cgroup")) {
                missing.removeAll(Arrays.asList(fields[3].split(",")));
            }
        }
        return missing;
    }

    @Override
    String version() {
        return "v1";
    }

    @Override
    List<Path> instanceDirs() {
        return List.copyOf(dirs.values());
    }

    @Override
    Child create(String name, Limits limits) throws IOException {
        Map<String, Path> child = new LinkedHashMap<>();
        dirs.forEach((controller, dir) -> child.put(controller, dir.resolve(name)));
        for (Path dir : child.values()) {
            Files.createDirectories(dir);
        }
        Path memory = child.get("memory");
        Path swapLimit = memory.resolve("memory.memsw.limit_in_bytes");
        boolean swapAccounted = Files.exists(swapLimit);
        if (swapAccounted) {
            write(swapLimit, "-1"); // memory + swap may never be below memory: lift it before a reused one grows
        }
        write(memory.resolve("memory.limit_in_bytes"), Long.toString(limits.memoryBytes()));
        if (swapAccounted) {
            write(swapLimit, Long.toString(limits.memoryBytes())); // memory + swap: no swap beyond the limit
        }
        Path cpu = child.get("cpu");
        write(cpu.resolve("cpu.cfs_period_us"), Long.toString(Limits.CPU_PERIOD_US));
        write(cpu.resolve("cpu.cfs_quota_us"), Long.toString(limits.cpuQuotaUs()));
        write(cpu.resolve("cpu.shares"), Long.toString(1024L * limits.cores()));
        write(child.get("pids").resolve("pids.max"), Integer.toString(limits.pids()));
        return new V1Child(child);
    }

    private record V1Child(Map<String, Path> dirs) implements Child {

        @Override
        public List<Path> procsFiles() {
            return dirs.values().stream().map(dir -> dir.resolve("cgroup.procs")).toList();
        }

        @Override
        public void killAll() {
            Cgroups.killAll(dirs.get("pids"));
        }

        @Override
        public long oomKills() {
            // oom_kill counts kills since kernel 4.13; under_oom alone would miss a kill that is over.
            return keyed(dirs.get("memory").resolve("memory.oom_control"), "oom_kill").orElse(0);
        }

        @Override
        public void remove() {
            killAll();
            for (Path dir : dirs.values()) {
                try {
                    Cgroups.killAll(dir); // a process could sit in one hierarchy only if it was half-joined
                    Files.deleteIfExists(dir);
                } catch (IOException e) {
                    log.warn("Could not remove cgroup {}: {}", dir, e.getMessage());
                }
            }
        }
    }
}
