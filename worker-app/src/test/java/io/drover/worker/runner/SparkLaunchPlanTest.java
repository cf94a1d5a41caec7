package io.drover.worker.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.command.Placeholder;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code {{SPARK_CLASSPATH}}} in a command, on workers with and without Spark (issue 12). */
class SparkLaunchPlanTest {

    private static final Path JAVA_HOME = Path.of("/opt/jdk");
    private static final Path DIR = Path.of("/work/driver-20260101000000-0001");
    private static final String SPARK = "/opt/drover/plugin.jar:/opt/spark/conf/:/opt/spark/jars/*";

    private static final CommandSpec SPARK_DRIVER = new CommandSpec("org.example.WordCount",
            List.of("{{SPARK_CLASSPATH}}", "{{APP_RESOURCE}}"), List.of("-Dspark.master=drover://m:8080"), null,
            List.of("in.txt"), null);

    @Test
    void aWorkerWithSparkPutsItsSparkClasspathWhereTheCommandAsksAndExportsIt() {
        LaunchPlanner planner = new LaunchPlanner(JAVA_HOME, LaunchPolicy.allowAll(), SPARK);

        LaunchPlan plan = planner.plan(SPARK_DRIVER, 1024, Map.of(Placeholder.APP_RESOURCE, "/work/d/app.jar"),
                null, Map.of(), DIR);

        assertThat(plan.argv()).containsExactly("/opt/jdk/bin/java", "-Xmx1024m", "-Dspark.master=drover://m:8080",
                "-cp", SPARK + File.pathSeparator + "/work/d/app.jar", "org.example.WordCount", "in.txt");
        assertThat(plan.environment()).containsEntry("DROVER_SPARK_CLASSPATH", SPARK);
    }

    @Test
    void aWorkerWithoutSparkRefusesACommandThatNeedsIt() {
        LaunchPlanner planner = new LaunchPlanner(JAVA_HOME, LaunchPolicy.allowAll(), null);

        assertThatThrownBy(() -> planner.plan(SPARK_DRIVER, 1024, Map.of(), null, Map.of(), DIR))
                .isInstanceOf(LaunchPolicy.LaunchRefused.class)
                .hasMessageContaining("needs Spark").hasMessageContaining("drover.worker.spark-home");
    }

    @Test
    void commandsWithoutTheTokenDoNotCareWhetherTheWorkerHasSpark() {
        CommandSpec plain = CommandSpec.jvm("Main", List.of("a.jar"), List.of());

        assertThat(new LaunchPlanner(JAVA_HOME, LaunchPolicy.allowAll(), null)
                .plan(plain, 256, Map.of(), null, Map.of(), DIR).argv())
                .isEqualTo(new LaunchPlanner(JAVA_HOME, LaunchPolicy.allowAll(), SPARK)
                        .plan(plain, 256, Map.of(), null, Map.of(), DIR).argv());
    }
}
