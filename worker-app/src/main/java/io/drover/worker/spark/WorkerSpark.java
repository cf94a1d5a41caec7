package io.drover.worker.spark;

/**
 * The Spark this worker offers to Spark drivers and executors, or none.
 *
 * @param version Spark's version, from its {@code spark-core} jar; null when the worker offers no Spark
 * @param classpath what {@code {{SPARK_CLASSPATH}}} stands for: the plugin, Spark's {@code conf/} when there
 *     is one, and {@code jars/*}; null when the worker offers no Spark
 */
public record WorkerSpark(String version, String classpath) {

    public static final WorkerSpark NONE = new WorkerSpark(null, null);

    public boolean present() {
        return version != null;
    }
}
