/**
 * The Spark a worker offers (issue 12): the Spark installation under {@code drover.worker.spark-home} (or
 * {@code SPARK_HOME}) and the Drover plugin for Spark, found once at start. Its version goes to the master
 * with every registration; its classpath is what {@code {{SPARK_CLASSPATH}}} stands for in commands.
 * Nothing here changes after start, so there is no thread rule.
 */
package io.drover.worker.spark;
