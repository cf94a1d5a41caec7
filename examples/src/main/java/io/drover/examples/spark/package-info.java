/**
 * Spark applications that run on Drover: through {@code spark-submit --deploy-mode cluster} to the master's
 * Spark REST port, or with a {@code drover://} master from any JVM that has Spark and the Drover plugin for
 * Spark on its classpath. Spark itself is provided by the Spark installation they run on.
 */
package io.drover.examples.spark;
