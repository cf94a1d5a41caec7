package io.drover.protocol;

/**
 * What drivers and applications say about where they stand in line (issue 14): the queue they join and their
 * priority inside it. The master's configuration names the queues; {@link #DEFAULT_QUEUE} always exists.
 */
public final class Scheduling {

    /** The queue of work that names none; it exists whatever the configuration says. */
    public static final String DEFAULT_QUEUE = "default";
    public static final String QUEUE_REGEX = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";
    public static final int MIN_PRIORITY = -1000;
    public static final int MAX_PRIORITY = 1000;
    /** A worker attribute's name ({@code spark.version}); values are free text without control characters. */
    public static final String ATTRIBUTE_REGEX = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";
    /**
     * The attribute a worker with Spark registers (issue 12), valued with its Spark version; a command that needs
     * Spark ({@code {{SPARK_CLASSPATH}}}) is placed only on workers that have it.
     */
    public static final String SPARK_VERSION_ATTRIBUTE = "spark.version";

    private Scheduling() {
    }
}
