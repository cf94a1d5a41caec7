/**
 * The Drover plugin for Spark: Spark's cluster manager for {@code drover://host:port[,host:port]} master URLs.
 * Spark finds {@link io.drover.spark.DroverClusterManager} through {@code ServiceLoader} (any master URL it does
 * not know itself); the manager gives Spark its own {@code TaskSchedulerImpl} and a
 * {@link io.drover.spark.DroverSchedulerBackend}, which registers a Drover application whose executors run
 * Spark's {@code CoarseGrainedExecutorBackend}, follows the application's events and turns executor losses into
 * Spark's loss reasons. The one place that talks to Drover is {@link io.drover.spark.DroverConnection}.
 */
package io.drover.spark;
