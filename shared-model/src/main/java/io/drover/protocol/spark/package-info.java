/**
 * Apache Spark's REST submission protocol (Spark 4.2's {@code org.apache.spark.deploy.rest}), as the master's
 * Spark listener speaks it to {@code spark-submit}: the one request with a body, and the responses. Field
 * names, the {@code action} class names, alphabetical order and absent nulls are Spark's.
 */
package io.drover.protocol.spark;
