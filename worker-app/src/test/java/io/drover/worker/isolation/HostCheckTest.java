package io.drover.worker.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostCheckTest {

    private static final Optional<Path> TOOL = Optional.of(Path.of("/usr/bin/true"));
    private static final Optional<Cgroups> CGROUPS = Optional.of(new CgroupV1("1-a",
            Map.of("memory", Path.of("/m"), "cpu", Path.of("/c"), "pids", Path.of("/p"))));

    @Test
    void aHostWithEverythingMissesNothing() {
        assertThat(new HostCheck(true, TOOL, TOOL, CGROUPS, List.of(), List.of()).missing()).isEmpty();
    }

    @Test
    void everythingMissingIsNamed() {
        List<String> missing = new HostCheck(false, Optional.empty(), Optional.empty(), Optional.empty(),
                List.of("pids"), List.of(Path.of("/home/me"))).missing();

        assertThat(String.join("\n", missing)).contains("does not run as root").contains("no setpriv")
                .contains("no unshare").contains("no cgroup hierarchy").contains("missing: pids")
                .contains("/home/me");
    }

    @Test
    void directoriesOthersCannotPassThroughOnTheWayToTheWorkDirectoryAreFound(@TempDir Path tmp) throws Exception {
        Path closed = Files.createDirectories(tmp.resolve("closed"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));

        assertThat(HostCheck.closedAncestors(closed.resolve("work"))).contains(closed);
        assertThat(HostCheck.closedAncestors(tmp.resolve("work"))).doesNotContain(tmp);
    }

    @Test
    void cgroupV1NeedsAHierarchyForMemoryCpuAndPids() {
        List<String> mounts = List.of("cgroup /sys/fs/cgroup/cpu,cpuacct cgroup rw,nosuid,cpu,cpuacct 0 0",
                "cgroup /sys/fs/cgroup/memory cgroup rw,memory 0 0", "cgroup2 /sys/fs/cgroup/unified cgroup2 rw 0 0");

        assertThat(CgroupV1.fromMounts(mounts, "1-a")).isEmpty();
        assertThat(CgroupV1.missing(mounts)).containsExactly("pids");
    }
}
