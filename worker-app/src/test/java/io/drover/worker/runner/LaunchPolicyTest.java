package io.drover.worker.runner;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.protocol.command.CommandSpec;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchPolicyTest {

    private final LaunchPolicy policy = new LaunchPolicy(List.of("/usr/bin/*", "/opt/jobs/**"),
            List.of("repo.example.org", "*.cdn.example.org"));

    @Test
    void anEmptyPolicyAllowsEverything() {
        assertThatCode(() -> LaunchPolicy.allowAll().checkExecutable("/tmp/anything")).doesNotThrowAnyException();
        assertThatCode(() -> LaunchPolicy.allowAll().checkResourceHost(URI.create("http://10.0.0.1/x")))
                .doesNotThrowAnyException();
    }

    @Test
    void executablesMustMatchAPattern() {
        assertThatCode(() -> policy.checkExecutable("/usr/bin/python3")).doesNotThrowAnyException();
        assertThatCode(() -> policy.checkExecutable("/opt/jobs/team/run.sh")).doesNotThrowAnyException();
        assertThatThrownBy(() -> policy.checkExecutable("/bin/sh"))
                .isInstanceOf(LaunchPolicy.LaunchRefused.class)
                .hasMessageContaining("/bin/sh is not allowed").hasMessageContaining("allowed-executables");
    }

    @Test
    void aSingleStarDoesNotCrossDirectories() {
        assertThatThrownBy(() -> policy.checkExecutable("/usr/bin/sub/tool"))
                .isInstanceOf(LaunchPolicy.LaunchRefused.class);
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
    void thePlannerRefusesAnExecutableOutsideTheList() {
        LaunchPlanner planner = new LaunchPlanner(Path.of("/usr/lib/jvm/java"), policy);

        assertThatThrownBy(() -> planner.plan(CommandSpec.executable("/bin/sh", List.of("-c", "id")), 64, Map.of(),
                null, Map.of(), Path.of("/tmp/x"))).isInstanceOf(LaunchPolicy.LaunchRefused.class);
    }

    @Test
    void jvmCommandsAreNotSubjectToTheExecutableList() {
        LaunchPlanner planner = new LaunchPlanner(Path.of("/usr/lib/jvm/java"), policy);

        assertThatCode(() -> planner.plan(CommandSpec.jvm("demo.Main", List.of("a.jar"), List.of()), 64, Map.of(),
                null, Map.of(), Path.of("/tmp/x"))).doesNotThrowAnyException();
    }
}
