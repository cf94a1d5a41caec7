/**
 * Spark's REST submission protocol on its own port (issue 12): {@code spark-submit --deploy-mode cluster
 * --master spark://host:port} with {@code spark.master.rest.enabled=true} submits, polls and kills Drover
 * drivers here. Off by default ({@code drover.spark.rest.*}).
 *
 * <p>{@link io.drover.master.spark.SparkRestFilter} takes every request that arrives on the Spark connector
 * before anything else sees it (so Drover's routes answer nothing there, and Spark's nothing on Drover's port),
 * checks the caller's address against the trusted networks (Spark's client sends no credentials), and routes it
 * ({@link io.drover.master.spark.SparkRoute}). {@link io.drover.master.spark.SparkSubmissions} answers each call
 * from the published snapshot and sends the same {@code Command}s the public API sends, as the configured
 * principal; {@link io.drover.master.spark.SparkDriverRequests} turns a Spark submission into a Drover driver.
 * Request threads only; nothing here holds state but the ids a {@code clear} forgot.
 */
package io.drover.master.spark;
