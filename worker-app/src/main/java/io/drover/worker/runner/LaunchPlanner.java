package io.drover.worker.runner;

import io.drover.protocol.api.LogStream;
import io.drover.protocol.command.CommandSpec;
import io.drover.protocol.command.Placeholder;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a command into a {@link LaunchPlan} (DESIGN.md §1). Pure: the JVM's home, the worker's Spark
 * ({@code {{SPARK_CLASSPATH}}}) and the worker's own environment come in as arguments, so the same input
 * always gives the same plan.
 */
final class LaunchPlanner {

    static final String MASTER_URL_VARIABLE = "DROVER_MASTER_URL";

    private final Path javaHome;
    private final LaunchPolicy policy;
    /** What {@code {{SPARK_CLASSPATH}}} stands for on this worker; null when it has no Spark. */
    private final String sparkClasspath;

    LaunchPlanner(Path javaHome, LaunchPolicy policy, String sparkClasspath) {
        this.javaHome = javaHome;
        this.policy = policy;
        this.sparkClasspath = sparkClasspath;
    }

    LaunchPlanner(Path javaHome, LaunchPolicy policy) {
        this(javaHome, policy, null);
    }

    LaunchPlanner(Path javaHome) {
        this(javaHome, LaunchPolicy.allowAll());
    }

    /** Plans with the worker's own JVM, the one a user of Spark's standalone mode would expect. */
    static LaunchPlanner forThisJvm() {
        return forThisJvm(LaunchPolicy.allowAll());
    }

    static LaunchPlanner forThisJvm(LaunchPolicy policy) {
        return forThisJvm(policy, null);
    }

    /** @param sparkClasspath what {@code {{SPARK_CLASSPATH}}} stands for here; null on a worker without Spark */
    static LaunchPlanner forThisJvm(LaunchPolicy policy, String sparkClasspath) {
        return new LaunchPlanner(Path.of(System.getProperty("java.home")), policy, sparkClasspath);
    }

    /** Whether an executable allow-list is on, which makes children's environments stricter too. */
    boolean restrictsCommands() {
        return policy.restrictsCommands();
    }

    /**
     * @param memoryMb the heap of a JVM command ({@code -Xmx})
     * @param values what each placeholder stands for; a missing or null value leaves its token as written
     *     and exports no variable
     * @param masterUrl exported as {@code DROVER_MASTER_URL} when known
     * @param workerEnvironment inherited by the child (already filtered by {@link ChildEnvironment}); the
     *     command's own variables and then the {@code DROVER_*} ones override it
     */
    LaunchPlan plan(CommandSpec command, long memoryMb, Map<Placeholder, String> values, String masterUrl,
            Map<String, String> workerEnvironment, Path dir) {
        return plan(command, memoryMb, values, masterUrl, Map.of(), workerEnvironment, dir);
    }

    /**
     * As above, with more variables the worker sets for this process alone (an executor's
     * {@code DROVER_LOCAL_DIRS}); like the placeholders' variables they override the command's own.
     */
    LaunchPlan plan(CommandSpec command, long memoryMb, Map<Placeholder, String> values, String masterUrl,
            Map<String, String> exports, Map<String, String> workerEnvironment, Path dir) {
        Map<Placeholder, String> all = withSpark(command, values);
        List<String> argv = command.isJvm() ? jvmArgv(command, memoryMb, all) : executableArgv(command, all);
        policy.checkEnvironment(command.environment());
        Map<String, String> environment = new LinkedHashMap<>(workerEnvironment);
        command.environment().forEach((name, value) -> environment.put(name, Placeholder.substitute(value, all)));
        all.forEach((placeholder, value) -> {
            if (value != null) {
                environment.put(placeholder.environmentName(), value);
            }
        });
        environment.putAll(exports);
        if (masterUrl != null) {
            environment.put(MASTER_URL_VARIABLE, masterUrl);
        }
        return new LaunchPlan(argv, environment, dir,
                dir.resolve(LogStream.STDOUT.fileName()), dir.resolve(LogStream.STDERR.fileName()));
    }

    /**
     * Adds this worker's Spark to the values. The master places a command that needs Spark only on a worker
     * that said it has one; should one arrive here anyway, it is refused rather than started with the token
     * left in its classpath.
     */
    private Map<Placeholder, String> withSpark(CommandSpec command, Map<Placeholder, String> values) {
        if (sparkClasspath == null) {
            if (command.needsSpark()) {
                throw new LaunchPolicy.LaunchRefused("the command needs Spark ({{SPARK_CLASSPATH}}) but this worker"
                        + " has none (drover.worker.spark-home)");
            }
            return values;
        }
        Map<Placeholder, String> all = new EnumMap<>(Placeholder.class);
        all.putAll(values);
        all.put(Placeholder.SPARK_CLASSPATH, sparkClasspath);
        return all;
    }

    private List<String> jvmArgv(CommandSpec command, long memoryMb, Map<Placeholder, String> values) {
        List<String> argv = new ArrayList<>();
        argv.add(javaHome.resolve("bin").resolve("java").toString());
        argv.add("-Xmx" + memoryMb + "m");
        List<String> options = substituteAll(command.javaOptions(), values);
        policy.checkJavaOptions(options);
        argv.addAll(options);
        if (!command.classpath().isEmpty()) {
            argv.add("-cp");
            argv.add(String.join(File.pathSeparator, substituteAll(command.classpath(), values)));
        }
        argv.add(command.mainClass());
        argv.addAll(substituteAll(command.arguments(), values));
        return argv;
    }

    private List<String> executableArgv(CommandSpec command, Map<Placeholder, String> values) {
        List<String> argv = new ArrayList<>();
        argv.add(policy.checkExecutable(command.executable()));
        argv.addAll(substituteAll(command.arguments(), values));
        return argv;
    }

    private static List<String> substituteAll(List<String> texts, Map<Placeholder, String> values) {
        return texts.stream().map(text -> Placeholder.substitute(text, values)).toList();
    }
}
