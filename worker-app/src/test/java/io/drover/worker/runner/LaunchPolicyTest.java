package io.drover.worker.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.protocol.command.CommandSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchPolicyTest {

    private final LaunchPolicy policy = new LaunchPolicy(List.of("/usr/local/bin/*", "/opt/jobs/**"),
            List.of("repo.example.org", "*.cdn.example.org"));

    @TempDir
    Path tmp;

    private final LaunchPlanner planner = new LaunchPlanner(Path.of("/usr/lib/jvm/java"), policy);

    private Path executable(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        Files.writeString(path, "#!/bin/sh\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        return path;
    }

    @Test
    void anEmptyPolicyAllowsEverything() {
        assertThatCode(() -> LaunchPolicy.allowAll().checkExecutable("/tmp/anything")).doesNotThrowAnyException();
        assertThatCode(() -> LaunchPolicy.allowAll().checkResourceHost(URI.create("http://10.0.0.1/x")))
                .doesNotThrowAnyException();
    }

    @Test
    void executablesMatchByTheirRealPathWhichIsWhatRuns() throws IOException {
        Path allowed = executable(tmp.resolve("jobs/team/run.sh"));
        Files.createDirectories(tmp.resolve("jobs/other"));
        LaunchPolicy jobs = new LaunchPolicy(List.of(tmp.toRealPath() + "/jobs/**"), List.of());

        assertThat(jobs.checkExecutable(tmp + "/jobs/other/../team/run.sh")).isEqualTo(allowed.toRealPath().toString());
    }

    /** Issue 10: the glob matched the path as written, so climbing out with .. got through. */
    @Test
    void dotDotCannotClimbOutOfAnAllowedDirectory() {
        assertThatThrownBy(() -> policy.checkExecutable("/usr/local/bin/../../../bin/sh"))
                .isInstanceOf(LaunchPolicy.LaunchRefused.class).hasMessageContaining("is not allowed");
    }

    @Test
    void aSymlinkInAnAllowedDirectoryToAProgramOutsideIsRefused() throws IOException {
        Path outside = executable(tmp.resolve("outside/tool"));
        Path link = Files.createSymbolicLink(Files.createDirectories(tmp.resolve("jobs")).resolve("tool"), outside);
        LaunchPolicy jobs = new LaunchPolicy(List.of(tmp.toRealPath() + "/jobs/*"), List.of());

        assertThatThrownBy(() -> jobs.checkExecutable(link.toString())).isInstanceOf(LaunchPolicy.LaunchRefused.class);
    }

    @Test
    void aMissingExecutableIsRefusedLikeAForbiddenOne() {
        assertThatThrownBy(() -> policy.checkExecutable("/usr/local/bin/no-such-tool"))
                .isInstanceOf(LaunchPolicy.LaunchRefused.class).hasMessageContaining("is not allowed");
    }

    @Test
    void aSingleStarDoesNotCrossDirectories() throws IOException {
        Path nested = executable(tmp.resolve("jobs/sub/tool"));
        LaunchPolicy jobs = new LaunchPolicy(List.of(tmp.toRealPath() + "/jobs/*"), List.of());

        assertThatThrownBy(() -> jobs.checkExecutable(nested.toString())).isInstanceOf(LaunchPolicy.LaunchRefused.class);
    }

    /** Issue 10: -XX:OnOutOfMemoryError ran a command on an allow-listed worker. */
    @Test
    void withAnExecutableListJvmOptionsThatRunCommandsOrLoadAgentsAreRefused() {
        for (String option : List.of("-XX:OnOutOfMemoryError=/bin/sh -c id", "-XX:OnError=id", "-agentlib:jdwp=x",
                "-agentpath:/tmp/a.so", "-javaagent:/tmp/a.jar", "-XX:Flags=/tmp/flags", "-XX:VMOptionsFile=/tmp/o",
                "@/tmp/argfile", "-Xrunhprof")) {
            assertThatThrownBy(() -> planner.plan(new CommandSpec("demo.Main", List.of("a.jar"), List.of(option), null,
                    List.of(), Map.of()), 64, Map.of(), null, Map.of(), Path.of("/tmp/x")))
                    .as(option).isInstanceOf(LaunchPolicy.LaunchRefused.class).hasMessageContaining("JVM option");
        }
    }

    @Test
    void withoutAnExecutableListJvmOptionsAreTheUsersChoice() {
        LaunchPlanner open = new LaunchPlanner(Path.of("/usr/lib/jvm/java"), LaunchPolicy.allowAll());

        assertThatCode(() -> open.plan(new CommandSpec("demo.Main", List.of("a.jar"),
                List.of("-XX:OnOutOfMemoryError=kill -9 %p"), null, List.of(), Map.of()), 64, Map.of(), null, Map.of(),
                Path.of("/tmp/x"))).doesNotThrowAnyException();
    }

    /** Issue 10: LD_PRELOAD, BASH_ENV and JAVA_TOOL_OPTIONS reached allow-listed programs. */
    @Test
    void withAnExecutableListVariablesThatLoadCodeAreRefused() {
        for (String name : List.of("LD_PRELOAD", "ld_library_path", "BASH_ENV", "ENV", "JAVA_TOOL_OPTIONS",
                "BASH_FUNC_x%%", "PYTHONSTARTUP")) {
            assertThatThrownBy(() -> planner.plan(new CommandSpec("demo.Main", List.of("a.jar"), List.of(), null,
                    List.of(), Map.of(name, "/tmp/evil")), 64, Map.of(), null, Map.of(), Path.of("/tmp/x")))
                    .as(name).isInstanceOf(LaunchPolicy.LaunchRefused.class).hasMessageContaining(name);
        }
    }

    @Test
    void resourceHostsMatchExactlyOrAsSubdomains() {
        assertThatCode(() -> policy.checkResourceHost(URI.create("https://repo.example.org/a.jar")))
                .doesNotThrowAnyException();
        assertThatCode(() -> policy.checkResourceHost(URI.create("https://eu.cdn.example.org/a.jar")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.checkResourceHost(URI.create("https://evil-repo.example.org.attacker/a")))
                .isInstanceOf(LaunchPolicy.LaunchRefused.class);
        assertThatThrownBy(() -> policy.checkResourceHost(URI.create("http://169.254.169.254/latest")))
                .isInstanceOf(LaunchPolicy.LaunchRefused.class).hasMessageContaining("169.254.169.254");
    }

    @Test
    void linkLocalAndMetadataAddressesAreNeverFetchedFrom() throws IOException {
        for (String address : List.of("169.254.169.254", "169.254.0.1", "fe80::1", "100.100.100.200", "fd00:ec2::254")) {
            assertThatThrownBy(() -> LaunchPolicy.checkResourceAddresses(URI.create("http://metadata/"),
                    new InetAddress[] {InetAddress.getByName(address)}))
                    .as(address).isInstanceOf(LaunchPolicy.LaunchRefused.class).hasMessageContaining("metadata");
        }
        assertThatCode(() -> LaunchPolicy.checkResourceAddresses(URI.create("http://repo/"),
                new InetAddress[] {InetAddress.getByName("127.0.0.1")})).doesNotThrowAnyException();
    }

    @Test
    void thePlannerRefusesAnExecutableOutsideTheList() {
        assertThatThrownBy(() -> planner.plan(CommandSpec.executable("/bin/sh", List.of("-c", "id")), 64, Map.of(),
                null, Map.of(), Path.of("/tmp/x"))).isInstanceOf(LaunchPolicy.LaunchRefused.class);
    }

    @Test
    void jvmCommandsAreNotSubjectToTheExecutableList() {
        assertThatCode(() -> planner.plan(CommandSpec.jvm("demo.Main", List.of("a.jar"), List.of()), 64, Map.of(),
                null, Map.of(), Path.of("/tmp/x"))).doesNotThrowAnyException();
    }
}
