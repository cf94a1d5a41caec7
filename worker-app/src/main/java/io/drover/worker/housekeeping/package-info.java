/**
 * Keeping the work directory from filling the disk: the periodic cleanup of ended applications' and drivers'
 * directories (Spark's {@code spark.worker.cleanup.*}). Asks the runner registry what runs; never deletes that.
 */
package io.drover.worker.housekeeping;
