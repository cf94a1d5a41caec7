package io.drover.worker.isolation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Version 2: one unified hierarchy. Used only when its root offers the memory, cpu and pids controllers (a
 * host may mount it with none, as a hybrid systemd does, while version 1 holds them). The controllers are
 * enabled down the path to the children; a whole cgroup dies at once through {@code cgroup.kill} (5.14+).
 */
final class CgroupV2 extends Cgroups {

    static final List<String> CONTROLLERS = List.of("memory", "cpu", "pids");

    private static final Logger log = LoggerFactory.getLogger(CgroupV2.class);

    private final Path root;
    private final Path dir;

    CgroupV2(String instance, Path root) {
        super(instance);
        this.root = root;
        this.dir = root.resolve(PARENT).resolve(instance);
    }

    static Optional<Cgroups> fromMounts(List<String> mounts, String instance) {
        for (String line : mounts) {
            String[] fields = line.split(" ");
            if (fields.length >= 3 && fields[2].equals("cgroup2")) {
                Path root = Path.of(fields[1]);
                try {
                    List<String> available = Arrays.asList(Files.readString(root.resolve("cgroup.controllers")).trim()
                            .split("\\s+"));
                    if (available.containsAll(CONTROLLERS)) {
                        return Optional.of(new CgroupV2(instance, root));
                    }
                } catch (IOException e) {
                    // not readable: not usable
                }
            }
        }
        return Optional.empty();
    }

    @Override
    String version() {
        return "v2";
    }

    @Override
    List<Path> instanceDirs() {
        return List.of(dir);
    }

    @Override
    Child create(String name, Limits limits) throws IOException {
        Files.createDirectories(dir);
        enableControllers(root);
        enableControllers(root.resolve(PARENT));
        enableControllers(dir);
        Path child = dir.resolve(name);
        Files.createDirectories(child);
        write(child.resolve("memory.max"), Long.toString(limits.memoryBytes()));
        Path swap = child.resolve("memory.swap.max");
        if (Files.exists(swap)) {
            write(swap, "0");
        }
        write(child.resolve("cpu.max"), limits.cpuQuotaUs() + " " + Limits.CPU_PERIOD_US);
        write(child.resolve("cpu.weight"), Long.toString(Math.min(10_000, 100L * limits.cores())));
        write(child.resolve("pids.max"), Integer.toString(limits.pids()));
        return new V2Child(child);
    }

    private static void enableControllers(Path cgroup) throws IOException {
        String enabled = Files.readString(cgroup.resolve("cgroup.subtree_control"));
        for (String controller : CONTROLLERS) {
            if (!Arrays.asList(enabled.trim().split("\\s+")).contains(controller)) {
                write(cgroup.resolve("cgroup.subtree_control"), "+" + controller);
            }
        }
    }

    private record V2Child(Path dir) implements Child {

        @Override
        public List<Path> procsFiles() {
            return List.of(dir.resolve("cgroup.procs"));
        }

        @Override
        public void killAll() {
            Path kill = dir.resolve("cgroup.kill");
            if (Files.exists(kill)) {
                try {
                    write(kill, "1"); // atomic: nothing forks its way out
                } catch (IOException e) {
                    log.debug("cgroup.kill of {} failed: {}", dir, e.getMessage());
                }
            }
            Cgroups.killAll(dir);
        }

        @Override
        public long oomKills() {
            return keyed(dir.resolve("memory.events"), "oom_kill").orElse(0);
        }

        @Override
        public void remove() {
            killAll();
            try {
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                log.warn("Could not remove cgroup {}: {}", dir, e.getMessage());
            }
        }
    }
}
