package io.drover.spark;

import io.drover.protocol.api.RegisterApplicationRequest;
import io.drover.protocol.command.CommandSpec;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.network.util.JavaUtils;

/**
 * The Drover application a Spark application registers: executors that run Spark's
 * {@code CoarseGrainedExecutorBackend} with the worker's Spark ({@code {{SPARK_CLASSPATH}}}), sized from
 * Spark's settings as Spark's standalone and Kubernetes backends size theirs. A pure function of its inputs.
 */
final class ExecutorRequests {

    static final String EXECUTOR_BACKEND = "org.apache.spark.executor.CoarseGrainedExecutorBackend";
    /** Spark's defaults for the memory an executor process needs beyond its heap. */
    static final double DEFAULT_OVERHEAD_FACTOR = 0.10;
    static final long DEFAULT_MIN_OVERHEAD_MB = 384;

    private ExecutorRequests() {
    }

    /**
     * @param conf the application's Spark properties
     * @param driverUrl where executors reach the driver's scheduler ({@code spark://CoarseGrainedScheduler@host:port})
     * @param executorMemoryMb the executors' heap ({@code spark.executor.memory}, as Spark read it)
     * @param javaOptions what every executor JVM needs besides its heap: Spark's module options, the Spark
     *     properties executors must have at start (ports, authentication), {@code spark.executor.extraJavaOptions}
     * @param environment the executors' environment ({@code spark.executorEnv.*}, {@code SPARK_USER})
     * @param driverId the Drover driver this application belongs to, when Drover runs the driver
     * @param webUiUrl the Spark UI, shown on the application's page in Drover
     */
    static RegisterApplicationRequest build(String appName, Map<String, String> conf, String driverUrl,
            int executorMemoryMb, List<String> javaOptions, Map<String, String> environment, String driverId,
            String webUiUrl) {
        List<String> classpath = new ArrayList<>();
        classpath.add("{{SPARK_CLASSPATH}}");
        String extraClassPath = conf.get("spark.executor.extraClassPath");
        if (extraClassPath != null) {
            Arrays.stream(extraClassPath.split(File.pathSeparator)).filter(e -> !e.isBlank()).forEach(classpath::add);
        }
        List<String> options = new ArrayList<>();
        // The worker starts a JVM with -Xmx of the whole reservation; the last -Xmx wins, and the heap is
        // spark.executor.memory: the overhead is for what the JVM needs beyond its heap, as on YARN.
        options.add("-Xmx" + executorMemoryMb + "m");
        options.addAll(javaOptions);
        List<String> arguments = List.of("--driver-url", driverUrl, "--executor-id", "{{EXECUTOR_ID}}",
                "--hostname", "{{HOSTNAME}}", "--cores", "{{CORES}}", "--app-id", "{{APP_ID}}",
                "--resourceProfileId", "0");
        CommandSpec command = new CommandSpec(EXECUTOR_BACKEND, classpath, options, null, arguments, environment);
        return new RegisterApplicationRequest(appName, command, null, integer(conf, "spark.executor.cores"),
                executorMemoryMb + overheadMb(conf, executorMemoryMb), integer(conf, "spark.cores.max"),
                executorLimit(conf), null, driverId, webUiUrl);
    }

    /**
     * Spark's rule: {@code spark.executor.memoryOverhead} when set, else {@code memoryOverheadFactor} of the
     * heap but at least {@code minMemoryOverhead}.
     */
    static long overheadMb(Map<String, String> conf, int executorMemoryMb) {
        String overhead = conf.get("spark.executor.memoryOverhead");
        if (overhead != null) {
            return JavaUtils.byteStringAsMb(overhead);
        }
        double factor = Double.parseDouble(conf.getOrDefault("spark.executor.memoryOverheadFactor",
                Double.toString(DEFAULT_OVERHEAD_FACTOR)));
        String min = conf.get("spark.executor.minMemoryOverhead");
        long minMb = min == null ? DEFAULT_MIN_OVERHEAD_MB : JavaUtils.byteStringAsMb(min);
        return Math.max((long) (factor * executorMemoryMb), minMb);
    }

    /**
     * With dynamic allocation Spark asks for executors itself (its allocation manager sets the target as soon
     * as it starts), so the application starts with none; otherwise {@code spark.executor.instances}, when
     * set, caps the executors and {@code spark.cores.max} the cores.
     */
    static Integer executorLimit(Map<String, String> conf) {
        if (Boolean.parseBoolean(conf.getOrDefault("spark.dynamicAllocation.enabled", "false"))) {
            return 0;
        }
        return integer(conf, "spark.executor.instances");
    }

    private static Integer integer(Map<String, String> conf, String key) {
        String value = conf.get(key);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + value + "' is not a whole number", e);
        }
    }
}
