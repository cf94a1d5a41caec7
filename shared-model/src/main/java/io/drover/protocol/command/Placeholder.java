package io.drover.protocol.command;

import java.util.Map;

/**
 * The {@code {{NAME}}} tokens a worker substitutes in arguments, options and environment values before
 * launching, and exports as {@code DROVER_NAME} environment variables (DESIGN.md §1).
 *
 * <p>{@link #SPARK_CLASSPATH} is the worker's Spark: the Drover plugin for Spark, Spark's {@code conf/} and
 * {@code jars/*}, joined with the path separator. A command that names it needs a worker with Spark
 * ({@link CommandSpec#needsSpark()}), and the master places it only on one.
 */
public enum Placeholder {
    APP_ID, EXECUTOR_ID, DRIVER_ID, CORES, MEMORY_MB, DRIVER_URL, WORKER_URL, HOSTNAME, APP_RESOURCE, SPARK_CLASSPATH;

    public String token() {
        return "{{" + name() + "}}";
    }

    public String environmentName() {
        return "DROVER_" + name();
    }

    /** Replaces every known token in {@code text}; unknown tokens and tokens with no value stay as written. */
    public static String substitute(String text, Map<Placeholder, String> values) {
        if (text == null || text.indexOf("{{") < 0) {
            return text;
        }
        String result = text;
        for (Map.Entry<Placeholder, String> entry : values.entrySet()) {
            if (entry.getValue() != null) {
                result = result.replace(entry.getKey().token(), entry.getValue());
            }
        }
        return result;
    }
}
