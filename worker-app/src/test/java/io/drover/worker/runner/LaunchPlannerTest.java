package io.drover.worker.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.command.Placeholder;
import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchPlannerTest {

    private static final Path JAVA_HOME = Path.of("/opt/jdk");
    private static final Path DIR = Path.of("/work/driver-20260101000000-0001");
    private static final String MASTER = "http://master:8080";

    private final LaunchPlanner planner = new LaunchPlanner(JAVA_HOME);

    private static Map<Placeholder, String> values() {
        Map<Placeholder, String> values = new EnumMap<>(Placeholder.class);
        values.put(Placeholder.DRIVER_ID, "driver-20260101000000-0001");
        values.put(Placeholder.CORES, "2");
        values.put(Placeholder.MEMORY_MB, "512");
        values.put(Placeholder.WORKER_URL, "http://worker:8081");
        values.put(Placeholder.HOSTNAME, "worker");
        return values;
    }

    private LaunchPlan plan(CommandSpec command, Map<String, String> workerEnv) {
        return planner.plan(command, 512, values(), MASTER, workerEnv, DIR);
    }

    @Test
    void aJvmCommandRunsJavaWithHeapOptionsClasspathMainClassAndArguments() {
        CommandSpec command = new CommandSpec("com.example.Main", List.of("a.jar", "lib/b.jar"),
                List.of("-Dx=1", "-XX:+UseSerialGC"), null, List.of("--flag", "value"), null);

        assertThat(plan(command, Map.of()).argv()).containsExactly(
                "/opt/jdk/bin/java", "-Xmx512m", "-Dx=1", "-XX:+UseSerialGC",
                "-cp", "a.jar" + File.pathSeparator + "lib/b.jar", "com.example.Main", "--flag", "value");
    }

    @Test
    void aJvmCommandWithoutClasspathHasNoCpOption() {
        CommandSpec command = CommandSpec.jvm("Main", List.of(), List.of());

        assertThat(plan(command, Map.of()).argv()).containsExactly("/opt/jdk/bin/java", "-Xmx512m", "Main");
    }

    @Test
    void anExecutableCommandRunsTheExecutableWithItsArguments() {
        CommandSpec command = CommandSpec.executable("/bin/sh", List.of("-c", "echo hi"));

        assertThat(plan(command, Map.of()).argv()).containsExactly("/bin/sh", "-c", "echo hi");
    }

    @Test
    void placeholdersAreSubstitutedInArgumentsOptionsClasspathAndEnvironment() {
        CommandSpec command = new CommandSpec("Main", List.of("{{HOSTNAME}}.jar"), List.of("-Did={{DRIVER_ID}}"), null,
                List.of("--cores={{CORES}}", "{{WORKER_URL}}/x", "{{APP_ID}}"), Map.of("MEM", "{{MEMORY_MB}}m"));

        LaunchPlan plan = plan(command, Map.of());

        assertThat(plan.argv()).containsExactly("/opt/jdk/bin/java", "-Xmx512m", "-Did=driver-20260101000000-0001",
                "-cp", "worker.jar", "Main", "--cores=2", "http://worker:8081/x", "{{APP_ID}}");
        assertThat(plan.environment()).containsEntry("MEM", "512m");
    }

    @Test
    void knownValuesAndTheMasterUrlAreExportedAsDroverVariables() {
        LaunchPlan plan = plan(CommandSpec.executable("/bin/true", List.of()), Map.of());

        assertThat(plan.environment())
                .containsEntry("DROVER_DRIVER_ID", "driver-20260101000000-0001")
                .containsEntry("DROVER_CORES", "2")
                .containsEntry("DROVER_MEMORY_MB", "512")
                .containsEntry("DROVER_WORKER_URL", "http://worker:8081")
                .containsEntry("DROVER_HOSTNAME", "worker")
                .containsEntry("DROVER_MASTER_URL", MASTER)
                .doesNotContainKeys("DROVER_APP_RESOURCE", "DROVER_APP_ID", "DROVER_EXECUTOR_ID");
    }

    @Test
    void theCommandEnvironmentOverridesTheWorkerEnvironment() {
        CommandSpec command = CommandSpec.executable("/bin/true", List.of()).withEnvironment(Map.of("A", "command"));

        LaunchPlan plan = plan(command, Map.of("A", "worker", "PATH", "/usr/bin"));

        assertThat(plan.environment()).containsEntry("A", "command").containsEntry("PATH", "/usr/bin");
    }

    @Test
    void droverVariablesOverrideTheCommandAndWorkerEnvironment() {
        CommandSpec command = CommandSpec.executable("/bin/true", List.of())
                .withEnvironment(Map.of("DROVER_CORES", "99"));

        LaunchPlan plan = plan(command, Map.of("DROVER_MASTER_URL", "http://elsewhere"));

        assertThat(plan.environment()).containsEntry("DROVER_CORES", "2").containsEntry("DROVER_MASTER_URL", MASTER);
    }

    @Test
    void extraExportsOverrideTheCommandEnvironment() {
        CommandSpec command = CommandSpec.executable("/bin/true", List.of())
                .withEnvironment(Map.of("DROVER_LOCAL_DIRS", "/elsewhere"));

        LaunchPlan plan = planner.plan(command, 512, values(), MASTER, Map.of("DROVER_LOCAL_DIRS", "/work/app/local"),
                Map.of(), DIR);

        assertThat(plan.environment()).containsEntry("DROVER_LOCAL_DIRS", "/work/app/local");
    }

    @Test
    void logsGoToStdoutAndStderrInTheDriverDirectory() {
        LaunchPlan plan = plan(CommandSpec.executable("/bin/true", List.of()), Map.of());

        assertThat(plan.dir()).isEqualTo(DIR);
        assertThat(plan.stdout()).isEqualTo(DIR.resolve("stdout"));
        assertThat(plan.stderr()).isEqualTo(DIR.resolve("stderr"));
    }
}
