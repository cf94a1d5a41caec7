package io.drover.worker.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limits each cgroup version is given, written into a directory tree laid out like cgroupfs (the kernel
 * makes a new cgroup's files itself; here the test does). This host has version 1; CI machines may have 2.
 */
class CgroupsTest {

    private static final Limits LIMITS = new Limits(256, 2, 512);

    @TempDir
    Path root;

    private Map<String, Path> v1Mounts() {
        return Map.of("memory", root.resolve("memory"), "cpu", root.resolve("cpu"), "pids", root.resolve("pids"));
    }

    @Test
    void versionTwoIsUsedOnlyWhenItsRootOffersMemoryCpuAndPids() throws IOException {
        Files.writeString(root.resolve("cgroup.controllers"), "hugetlb\n");
        List<String> mounts = List.of("cgroup2 " + root + " cgroup2 rw 0 0");

        assertThat(CgroupV2.fromMounts(mounts, "1-a")).isEmpty();

        Files.writeString(root.resolve("cgroup.controllers"), "cpuset cpu io memory hugetlb pids\n");
        assertThat(CgroupV2.fromMounts(mounts, "1-a")).get().extracting(Cgroups::version).isEqualTo("v2");
    }

    @Test
    void versionTwoEnablesTheControllersDownThePathAndLimitsTheChild() throws IOException {
        Path instance = root.resolve("drover/1-a");
        Path child = instance.resolve("driver-1");
        for (Path dir : List.of(root, root.resolve("drover"), instance, child)) {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("cgroup.subtree_control"), "");
        }
        Files.writeString(child.resolve("memory.swap.max"), "max");

        Cgroups.Child created = new CgroupV2("1-a", root).create("driver-1", LIMITS);

        assertThat(instance.resolve("cgroup.subtree_control")).hasContent("+pids"); // the last of +memory +cpu +pids
        assertThat(child.resolve("memory.max")).hasContent(Long.toString(256L * 1024 * 1024));
        assertThat(child.resolve("memory.swap.max")).hasContent("0");
        assertThat(child.resolve("cpu.max")).hasContent("200000 100000");
        assertThat(child.resolve("cpu.weight")).hasContent("200");
        assertThat(child.resolve("pids.max")).hasContent("512");
        assertThat(created.procsFiles()).containsExactly(child.resolve("cgroup.procs"));
    }

    @Test
    void versionOneLimitsTheChildInEachHierarchyAndCountsOomKills() throws IOException {
        Path memory = Files.createDirectories(root.resolve("memory/drover/1-a/driver-1"));
        Files.writeString(memory.resolve("memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\noom_kill 2\n");

        Cgroups.Child created = new CgroupV1("1-a", v1Mounts()).create("driver-1", LIMITS);

        assertThat(memory.resolve("memory.limit_in_bytes")).hasContent(Long.toString(256L * 1024 * 1024));
        assertThat(root.resolve("cpu/drover/1-a/driver-1/cpu.cfs_quota_us")).hasContent("200000");
        assertThat(root.resolve("cpu/drover/1-a/driver-1/cpu.shares")).hasContent("2048");
        assertThat(root.resolve("pids/drover/1-a/driver-1/pids.max")).hasContent("512");
        assertThat(created.procsFiles()).hasSize(3);
        assertThat(created.oomKills()).isEqualTo(2);
    }

    @Test
    void aRunsCgroupIsKeptForTheNextRunWhichCountsOnlyItsOwnOomKills() throws IOException {
        Path memory = Files.createDirectories(root.resolve("memory/drover/1-a/run-1"));
        Files.writeString(memory.resolve("memory.oom_control"), "oom_kill 2\n");
        CgroupV1 cgroups = new CgroupV1("1-a", v1Mounts());

        Cgroups.Child first = cgroups.acquire(LIMITS);
        Files.writeString(memory.resolve("memory.oom_control"), "oom_kill 3\n");
        assertThat(first.oomKills()).isEqualTo(1);
        first.remove();
        Cgroups.Child second = cgroups.acquire(new Limits(128, 1, 64));

        assertThat(second.procsFiles()).isEqualTo(first.procsFiles());
        assertThat(second.oomKills()).isZero();
        assertThat(memory.resolve("memory.limit_in_bytes")).hasContent(Long.toString(128L * 1024 * 1024));
    }
}
